import { describe, expect, it } from 'vitest';
import { kindFor, kindRefusal, POLICY_DEFAULTS, removalRefusal, scaleOf, triggers, type YearFigures } from './monitoring.rules.js';

const s = POLICY_DEFAULTS;
const LINE = 3000; // 1.5 × 3,000 = 4,500
const year = (over: Partial<YearFigures> = {}): YearFigures => ({ year: 2019, netIncome: 15_000, perCapitaNetIncome: 5000, rigidSpending: 0, ...over });

describe('triggers', () => {
  it('LOW_INCOME fires at 1.49 × the line (4,470 < 4,500) and not at 1.51 × (4,530) nor at exactly 1.5 ×', () => {
    expect(triggers(year({ perCapitaNetIncome: 4470 }), null, LINE, s)).toEqual([
      { trigger: 'LOW_INCOME', value: 4470, threshold: 4500, detail: 'per-capita net income 4,470 is under 1.5 × the 2019 line of 3,000 = 4,500' },
    ]);
    expect(triggers(year({ perCapitaNetIncome: 4530 }), null, LINE, s)).toEqual([]);
    expect(triggers(year({ perCapitaNetIncome: 4500 }), null, LINE, s)).toEqual([]);
  });

  it('follows the configured multiple, and judges no income without a line', () => {
    expect(triggers(year({ perCapitaNetIncome: 4470 }), null, LINE, { ...s, incomeMultiple: 1.4 })).toEqual([]);
    expect(triggers(year({ perCapitaNetIncome: 100 }), null, null, s)).toEqual([]);
  });

  it('RIGID_SPENDING fires when spending on illness or disaster is above the net income', () => {
    const [t] = triggers(year({ rigidSpending: 15_000.01 }), null, LINE, s);
    expect(t).toMatchObject({ trigger: 'RIGID_SPENDING', value: 15_000.01, threshold: 15_000 });
    expect(triggers(year({ rigidSpending: 15_000 }), null, LINE, s)).toEqual([]);
    expect(triggers(year({ netIncome: -200, perCapitaNetIncome: 5000, rigidSpending: 1 }), null, LINE, s).map((x) => x.trigger)).toEqual(['RIGID_SPENDING']);
  });

  it('INCOME_FALL fires at a 30% fall from the year before (5,000 → 3,500), not at 28% (5,000 → 3,600)', () => {
    const before = year({ year: 2018, perCapitaNetIncome: 5000 });
    const fell = triggers(year({ perCapitaNetIncome: 3500 }), before, 2000, s);
    expect(fell).toEqual([{ trigger: 'INCOME_FALL', value: 0.3, threshold: 0.3, detail: 'per-capita net income fell 30% from 5,000 (2018) to 3,500 (2019); the threshold is 30%' }]);
    expect(triggers(year({ perCapitaNetIncome: 3600 }), before, 2000, s)).toEqual([]);
    expect(triggers(year({ perCapitaNetIncome: 3600 }), before, 2000, { ...s, fallShare: 0.25 }).map((x) => x.trigger)).toEqual(['INCOME_FALL']);
  });

  it('compares only with the year just before', () => {
    expect(triggers(year({ perCapitaNetIncome: 3500 }), year({ year: 2017, perCapitaNetIncome: 5000 }), 2000, s)).toEqual([]);
  });

  it('reports every trigger that fires, in order', () => {
    const all = triggers(year({ perCapitaNetIncome: 2000, netIncome: 6000, rigidSpending: 9000 }), year({ year: 2018, perCapitaNetIncome: 5000 }), LINE, s);
    expect(all.map((x) => x.trigger)).toEqual(['LOW_INCOME', 'RIGID_SPENDING', 'INCOME_FALL']);
  });
});

describe('kind of monitored household', () => {
  const low = triggers(year({ perCapitaNetIncome: 4000 }), null, LINE, s);
  const rigid = triggers(year({ rigidSpending: 20_000 }), null, LINE, s);
  it('an exited household is unstable exited, whatever fired', () => {
    expect(kindFor({ stage: 'REGISTERED', status: '1' }, low)).toBe('1');
    expect(kindFor({ stage: 'REGISTERED', status: '4' }, rigid)).toBe('1');
  });
  it('a household outside the register is marginal, or in sudden hardship after rigid spending or a fall', () => {
    expect(kindFor({ stage: 'REJECTED', status: '0' }, low)).toBe('2');
    expect(kindFor({ stage: 'REMOVED', status: '0' }, rigid)).toBe('3');
  });
  it('a registered poor household is not monitored, nor a household with nothing fired', () => {
    expect(kindFor({ stage: 'REGISTERED', status: '0' }, low)).toBeNull();
    expect(kindFor({ stage: 'REGISTERED', status: '3' }, rigid)).toBeNull();
    expect(kindFor({ stage: 'REGISTERED', status: '1' }, [])).toBeNull();
  });
  it('explains a kind that does not fit', () => {
    expect(kindRefusal({ stage: 'REGISTERED', status: '1' }, '1')).toBeNull();
    expect(kindRefusal({ stage: 'REGISTERED', status: '1' }, '3')).toMatch(/UNSTABLE_EXITED/);
    expect(kindRefusal({ stage: 'REJECTED', status: '0' }, '1')).toMatch(/MARGINAL_AT_RISK.*SUDDEN_HARDSHIP/);
    expect(kindRefusal({ stage: 'REGISTERED', status: '0' }, '3')).toMatch(/helped as a poor household/);
  });
});

describe('scale and removal', () => {
  it('540 monitored of 9,000 registered people is 6%: over the usual 5%, within the most 10%', () => {
    expect(scaleOf(540, 9000, s)).toEqual({ monitoredPeople: 540, registeredPeople: 9000, share: 0.06, target: 0.05, maximum: 0.1, overTarget: true, overMaximum: false });
    expect(scaleOf(0, 0, s).share).toBe(0);
  });
  it('a risk removed through help needs help recorded', () => {
    expect(removalRefusal('1', 0)).toMatch(/record the help/);
    expect(removalRefusal('1', 2)).toBeNull();
    expect(removalRefusal('2', 0)).toBeNull();
  });
});
