/** The comprehensive incidence with the county's missed poor (exit-rules.ts countyRates, missedPoor). */
import { describe, expect, it } from 'vitest';
import { countyRates } from './exit-rules.js';

const figures = { remainingPoor: 900, missedPoorFound: 6, wronglyExited: 1, ruralPopulation: 100_000, sampledExited: 100, sampledNonRegistered: 200, surveyedHouseholds: 50, approvingHouseholds: 47 };

describe('comprehensive incidence 综合贫困发生率', () => {
  it('counts the county’s missed poor when given: (900 + 99 + 1) ÷ 100,000 = 1 %', () => {
    expect(countyRates({ ...figures, missedPoor: 99 }).comprehensiveIncidence).toBe(0.01);
  });
  it('falls back to the sample’s finding: (900 + 6 + 1) ÷ 100,000; the missed rate stays 6 ÷ 200', () => {
    const r = countyRates(figures);
    expect(r.comprehensiveIncidence).toBeCloseTo(0.00907, 10);
    expect(countyRates({ ...figures, missedPoor: 99 }).missedRate).toBe(0.03);
  });
});
