/**
 * The county assessment on a hand-worked example: a province with three counties A, B, C.
 *
 * Scheme: third party 60 %, annual check 40 %.
 *   missed_rate 漏评率 (third party, 50 % of it → 30 % of the score), TARGET: 0 points at 0.05, 100 at 0
 *   satisfaction 群众认可度 (third party, 50 % → 30 %), MIN_MAX
 *   poor_population_fall 贫困人口减少率 (annual check, 100 % → 40 %), MIN_MAX
 *   grades: good ≥ 80, average ≥ 50, poor ≥ 0
 *
 *          missed found/sampled   approving/surveyed   poor start → end
 *   A      2/200 = 0.01           48/50 = 0.96         1000 → 700: 0.3
 *   B      6/200 = 0.03           45/50 = 0.90          500 → 400: 0.2
 *   C      8/100 = 0.08           38/40 = 0.95          800 → 720: 0.1
 *
 * missed (target): A (0.01 − 0.05)/(0 − 0.05) = 0.8 → 80; B 0.4 → 40; C −0.6 → clamped 0
 * satisfaction (min 0.90, max 0.96): A 100; B 0; C 0.05/0.06 = 83.33
 * fall (min 0.1, max 0.3): A 100; B 50; C 0
 * score A = 80×.3 + 100×.3 + 100×.4 = 94 → good, rank 1
 *       B = 40×.3 + 0×.3 + 50×.4 = 32 → poor, rank 2, constrained
 *       C = 0×.3 + 83.33×.3 + 0×.4 = 24.999 → 25 → poor, rank 3, constrained
 * medians: missed 0.03, satisfaction 0.95, fall 0.2 → targets B: satisfaction 0.95;
 *   C: missed 0.03 and fall 0.2 (its satisfaction is the median).
 */
import { describe, expect, it } from 'vitest';
import type { CountyInputs } from './indicators.js';
import { EXAMPLE_SCHEME, schemeProblems, type Scheme } from './scheme-rules.js';
import { assess, gradeOf, median, normalise } from './scoring.js';

const county = (code: string, o: { missed: [number, number]; approve: [number, number]; poor: [number, number] }): CountyInputs => ({
  countyCode: code, countyName: `县${code}`,
  spotCheck: { sampledRegistered: null, wronglyIncluded: null, missedPoorFound: o.missed[0], sampledNonRegistered: o.missed[1], approvingHouseholds: o.approve[0], surveyedHouseholds: o.approve[1] },
  householdsReceivingPolicy: 0, pairedHouseholds: 0, poorVillages: 0, poorVillagesWithTeam: 0, measuresActive: 0, measuresCompleted: 0,
  allocated: 0, spent: 0, findings: 0, poorStart: o.poor[0], poorEnd: o.poor[1], exitedPeople: 0,
  incomePrevious: { households: 0, sum: 0 }, incomeYear: { households: 0, sum: 0 },
});

const scheme: Scheme = {
  components: [{ component: 'third_party', weight: 60 }, { component: 'annual_check', weight: 40 }],
  indicators: [
    { indicator: 'missed_rate', component: 'third_party', weight: 50, source: 'spot_check', normalisation: 'target', floor: 0.05, target: 0 },
    { indicator: 'satisfaction', component: 'third_party', weight: 50, source: 'spot_check', normalisation: 'min_max' },
    { indicator: 'poor_population_fall', component: 'annual_check', weight: 100, source: 'stat_transitions', normalisation: 'min_max' },
  ],
  grades: [{ grade: 'good', minScore: 80 }, { grade: 'average', minScore: 50 }, { grade: 'poor', minScore: 0 }],
};
const A = county('430001', { missed: [2, 200], approve: [48, 50], poor: [1000, 700] });
const B = county('430002', { missed: [6, 200], approve: [45, 50], poor: [500, 400] });
const C = county('430003', { missed: [8, 100], approve: [38, 40], poor: [800, 720] });

describe('assessment scoring, hand-worked', () => {
  const r = assess(scheme, [C, A, B]);
  const byCode = new Map(r.map((x) => [x.countyCode, x]));

  it('computes each raw value, normalised score and weight', () => {
    const a = byCode.get('430001')!;
    expect(a.indicators.map((x) => [x.indicator, x.raw, x.normalised, x.weight])).toEqual([
      ['missed_rate', 0.01, 80, 30], ['satisfaction', 0.96, 100, 30], ['poor_population_fall', 0.3, 100, 40],
    ]);
    expect(byCode.get('430002')!.indicators.map((x) => x.normalised)).toEqual([40, 0, 50]);
    expect(byCode.get('430003')!.indicators.map((x) => x.normalised)).toEqual([0, 83.33, 0]);
    expect(a.indicators[0].note).toBe('2 ÷ 200');
    expect(a.indicators[2].note).toBe('(1000 − 700) ÷ 1000');
  });

  it('scores, ranks and grades, best first', () => {
    expect(r.map((x) => [x.countyCode, x.score, x.rank, x.grade, x.constrained])).toEqual([
      ['430001', 94, 1, 'good', false], ['430002', 32, 2, 'poor', true], ['430003', 25, 3, 'poor', true],
    ]);
  });

  it('flags the lowest grade for constraint with next year’s targets at the median', () => {
    expect(byCode.get('430001')!.targets).toEqual([]);
    expect(byCode.get('430002')!.targets.map((t) => [t.indicator, t.current, t.target])).toEqual([['satisfaction', 0.9, 0.95]]);
    expect(byCode.get('430003')!.targets.map((t) => [t.indicator, t.current, t.target])).toEqual([['missed_rate', 0.08, 0.03], ['poor_population_fall', 0.1, 0.2]]);
    expect(byCode.get('430003')!.explanation).toBe(
      '430003 县430003: 25 points, rank 3 of 3, grade poor 较差. Strongest: satisfaction 群众认可度 95% (83.33 of 100, weight 30%, 25 points). ' +
      'Weakest: poor_population_fall 贫困人口减少率 10% (0 of 100, weight 40%, 40 points lost). In the lowest grade: flagged for constraint 约束, with targets for next year.',
    );
  });

  it('gives the same numbers when computed again, in any input order', () => {
    expect(assess(scheme, [B, C, A])).toEqual(r);
  });

  it('scores missing data 0, leaves it out of the range, and says so', () => {
    const none = { ...C, countyCode: '430004', spotCheck: null };
    const x = assess(scheme, [A, B, C, none]).find((c) => c.countyCode === '430004')!;
    expect(x.indicators.map((i) => [i.raw, i.normalised])).toEqual([[null, 0], [null, 0], [0.1, 0]]);
    expect(x.explanation).toContain('Scored 0 for want of data: missed_rate 漏评率, satisfaction 群众认可度.');
  });

  it('shares a rank between equal scores', () => {
    const twin = { ...A, countyCode: '430000' };
    expect(assess(scheme, [A, B, twin]).map((x) => [x.countyCode, x.rank])).toEqual([['430000', 1], ['430001', 1], ['430002', 3]]);
  });
});

describe('normalisation, grades and median', () => {
  it('min–max both ways, equal values, and targets clamped', () => {
    expect(normalise(0.25, { normalisation: 'min_max', direction: 'higher', min: 0, max: 1 })).toBe(25);
    expect(normalise(0.25, { normalisation: 'min_max', direction: 'lower', min: 0, max: 1 })).toBe(75);
    expect(normalise(0.5, { normalisation: 'min_max', direction: 'lower', min: 0.5, max: 0.5 })).toBe(100);
    expect(normalise(0.7, { normalisation: 'target', direction: 'higher', min: 0, max: 0, floor: 0.5, target: 0.9 })).toBe(50);
    expect(normalise(0.95, { normalisation: 'target', direction: 'higher', min: 0, max: 0, floor: 0.5, target: 0.9 })).toBe(100);
  });
  it('grades from the best down, and medians of odd and even lists', () => {
    expect([95, 80, 79.99, 0].map((s) => gradeOf(s, scheme.grades))).toEqual(['good', 'good', 'average', 'poor']);
    expect([median([3, 1, 2]), median([4, 1, 2, 3])]).toEqual([2, 2.5]);
  });
});

describe('scheme rules', () => {
  it('accepts the example scheme (40 / 30 / 30)', () => {
    expect(schemeProblems(EXAMPLE_SCHEME)).toEqual([]);
    expect(schemeProblems(scheme)).toEqual([]);
  });
  it('refuses weights that do not add up to 100 % and an indicator without a source', () => {
    const bad: Scheme = {
      ...scheme,
      components: [{ component: 'third_party', weight: 50 }, { component: 'annual_check', weight: 40 }],
      indicators: [{ ...scheme.indicators[0], source: null }, { ...scheme.indicators[1], weight: 40 }, scheme.indicators[2]],
    };
    expect(schemeProblems(bad)).toEqual([
      { field: 'input.components', reason: 'the component weights add up to 90%, not 100%: make them add up to 100%' },
      { field: 'input.indicators[0].source', reason: 'missed_rate 漏评率 has no source: name where its figures come from (spot_check 抽检核查)' },
      { field: 'input.indicators', reason: 'the indicators of third_party add up to 90% of it, not 100%' },
    ]);
  });
  it('refuses a target on the wrong side, a source the indicator cannot read, and grades out of order', () => {
    const bad: Scheme = {
      ...scheme,
      indicators: [{ ...scheme.indicators[0], target: 0.1 }, { ...scheme.indicators[1], source: 'stat_income' }, scheme.indicators[2]],
      grades: [{ grade: 'good', minScore: 50 }, { grade: 'poor', minScore: 60 }],
    };
    expect(schemeProblems(bad).map((p) => p.field)).toEqual(['input.indicators[0].target', 'input.indicators[1].source', 'input.grades[1].minScore', 'input.grades[1].minScore']);
  });
});
