/** 一高一低一无 on a hand-worked village (rules in ./village-indicators.ts). */
import { describe, expect, it } from 'vitest';
import { computeIndicators } from './village-indicators.js';

// Province: incidence 10 %, average income 8,000 yuan → thresholds 20 % and 4,800 yuan.
const province = { povertyIncidence: 0.1, averageNetIncome: 8000, villageRule: 'ALL_THREE' as const };

describe('一高一低一无', () => {
  it('meets all three: 250 poor of 1,000 (25 % > 20 %), 4,000 yuan < 4,800, no collective income', () => {
    const r = computeIndicators({ population: 1000, poorPopulation: 250, perCapitaNetIncome: 4000, collectiveIncome: 0 }, province);
    expect(r.highIncidence).toMatchObject({ value: 0.25, threshold: 0.2, met: true });
    expect(r.highIncidence.explanation).toBe('poverty incidence 250 ÷ 1000 = 25.00% is above twice the provincial 10.00% (20.00%)');
    expect(r.lowIncome).toMatchObject({ value: 4000, threshold: 4800, met: true });
    expect(r.noCollectiveIncome.met).toBe(true);
    expect(r).toMatchObject({ met: 3, qualifies: true });
  });

  it('is not above when exactly twice, nor below when exactly 60 %; two of three qualify only under TWO_OF_THREE', () => {
    const survey = { population: 1000, poorPopulation: 200, perCapitaNetIncome: 4800, collectiveIncome: 0 };
    const r = computeIndicators(survey, province);
    expect([r.highIncidence.met, r.lowIncome.met, r.met, r.qualifies]).toEqual([false, false, 1, false]);
    const two = computeIndicators({ ...survey, poorPopulation: 201 }, { ...province, villageRule: 'TWO_OF_THREE' });
    expect([two.met, two.qualifies]).toEqual([2, true]);
    expect(computeIndicators({ ...survey, poorPopulation: 201 }, province).qualifies).toBe(false);
  });

  it('does not meet 一无 with any collective income, nor 一高 without a population', () => {
    const r = computeIndicators({ population: 0, poorPopulation: 0, perCapitaNetIncome: 1000, collectiveIncome: 0.5 }, province);
    expect([r.highIncidence.met, r.lowIncome.met, r.noCollectiveIncome.met]).toEqual([false, true, false]);
  });
});
