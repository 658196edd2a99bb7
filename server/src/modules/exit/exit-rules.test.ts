/** Exit tests pinned to worked examples (reference: "Exit"). */
import { describe, expect, it } from 'vitest';
import { countyCheck, countyExit, countyRates, householdExit, incidence, villageExit } from './exit-rules.js';

const guaranteed = { foodAndClothing: true, compulsoryEducation: true, basicMedicalCare: true, safeHousing: true };

describe('household exit', () => {
  const y = (year: number, perCapitaNetIncome: number | null, line: number | null) => ({ year, perCapitaNetIncome, line });
  it('passes above the 2015 and 2016 lines (2,855 and 2,952 yuan) with all four guarantees', () => {
    expect(householdExit([y(2015, 3000, 2855), y(2016, 3100, 2952)], guaranteed)).toEqual({ passes: true, failures: [] });
  });

  it('fails at exactly the line (it must be above), and names each missing guarantee', () => {
    const v = householdExit([y(2015, 3000, 2855), y(2016, 2952, 2952)], { ...guaranteed, safeHousing: false });
    expect(v.passes).toBe(false);
    expect(v.failures.map((f) => f.test)).toEqual(['income', 'safeHousing']);
    expect(v.failures[0]).toMatchObject({ year: 2016, reason: '2016: per-capita net income 2952 yuan is not above the line of 2952 yuan' });
  });

  // 稳定超过: 3,100 yuan above the 2016 line is not enough when 2015 was 2,700, under that year's 2,855.
  it('is steady: a year before the exit year below its line fails, and says which year', () => {
    const v = householdExit([y(2015, 2700, 2855), y(2016, 3100, 2952)], guaranteed);
    expect(v.failures).toEqual([{ test: 'income', year: 2015, reason: '2015: per-capita net income 2700 yuan is not above the line of 2855 yuan' }]);
  });

  it('a year without a record fails too', () => {
    const v = householdExit([y(2015, null, 2855), y(2016, 3100, 2952)], guaranteed);
    expect(v.failures[0]).toMatchObject({ test: 'income', year: 2015 });
    expect(v.failures[0].reason).toMatch(/^2015: there is no income record/);
  });
});

describe('village exit', () => {
  // 11 remaining poor in 600 rural people = 1.83 %: under 2 %; 13 = 2.17 %: not under 2 % but under 3 % (west).
  it('uses 2 % outside and 3 % inside the western region', () => {
    expect(villageExit(11, 600, { western: false }).passes).toBe(true);
    expect(villageExit(13, 600, { western: false }).failures[0].reason).toBe('poverty incidence 2.17% is not below 2.00%');
    expect(villageExit(13, 600, { western: true }).passes).toBe(true);
  });

  it('refuses a village without population', () => {
    expect(() => incidence(0, 0)).toThrow(RangeError);
  });
});

describe('county exit, 三率一度', () => {
  // Worked example: 2,100 remaining poor + 150 missed + 30 wrongly exited in 140,000 rural people
  // = 2,280 / 140,000 = 1.63 %; wrong exits 30 / 1,000 sampled exited = 3 %; missed 12 / 1,000
  // sampled non-registered = 1.2 %; approval 1,850 / 2,000 = 92.5 %.
  const figures = {
    remainingPoor: 2100, missedPoorFound: 150, wronglyExited: 30, ruralPopulation: 140_000,
    sampledExited: 1000, sampledNonRegistered: 1000, surveyedHouseholds: 2000, approvingHouseholds: 1850,
  };

  it('computes the four figures by the reference formulas', () => {
    const r = countyRates({ ...figures, missedPoorFound: 12 });
    expect(r.wrongExitRate).toBeCloseTo(0.03, 10);
    expect(r.missedRate).toBeCloseTo(0.012, 10);
    expect(r.approval).toBeCloseTo(0.925, 10);
    expect(countyRates(figures).comprehensiveIncidence).toBeCloseTo(2280 / 140_000, 10);
  });

  it('says which test fails: here the wrong-exit rate (3 % ≥ 2 %) and the missed rate (15 % ≥ 2 %)', () => {
    const v = countyExit(figures, { western: false });
    expect(v.passes).toBe(false);
    expect(v.failures.map((f) => f.test)).toEqual(['wrongExitRate', 'missedRate']);
    expect(v.failures[0].reason).toBe('错退率 3.00% is not below 2.00%');
  });

  it('passes when every figure is within its limit', () => {
    const v = countyExit({ ...figures, wronglyExited: 10, missedPoorFound: 12 }, { western: true });
    expect(v).toMatchObject({ passes: true, failures: [] });
  });
});

describe('county exit on partial surveys (issue 15, item 10)', () => {
  const limits = { incidenceLimit: 0.03, wrongExitLimit: 0.02, missedLimit: 0.02, approvalFloor: 0.9 };
  const spot = { missedPoorFound: 2, missedPoor: 10, wronglyExited: 1, sampledExited: 100, sampledNonRegistered: 200, surveyedHouseholds: 50, approvingHouseholds: 47 };

  // 花垣县 as reported: 6,172 registered poor, surveys of only 2 of 228 villages (2,125 people). The old check said 290.42 %.
  it('2 of 228 villages surveyed: states what is missing and gives no verdict on the incidence', () => {
    const c = countyCheck({ ...spot, ruralPopulation: 2125 }, { villages: 228, villagesSurveyed: 2, remainingPoor: 6172, poorInSurveyedVillages: 40 }, limits);
    const incidence = c.tests.find((t) => t.test === 'comprehensiveIncidence')!;
    // (40 + 10 + 1) / 2,125 = 2.40 % over the surveyed villages, but not judged.
    expect(incidence.rate).toBeCloseTo(51 / 2125, 10);
    expect(incidence.passes).toBeNull();
    expect(c.verdict).toBe('INCOMPLETE');
    expect(c.failures).toEqual([]);
    expect(c.incomplete[0]).toBe('226 of 228 villages have no survey of the year (0.88% surveyed); 6132 of the 6172 registered poor people live in them: record their surveys (recordVillageSurvey) before the incidence can be judged');
  });

  it('never gives a rate above 100 %', () => {
    const c = countyCheck({ ...spot, ruralPopulation: 2125 }, { villages: 2, villagesSurveyed: 2, remainingPoor: 6172, poorInSurveyedVillages: 6172 }, limits);
    expect(c.tests[0]).toMatchObject({ rate: null, passes: null });
    expect(c.verdict).toBe('INCOMPLETE');
    expect(c.incomplete[0]).toMatch(/the surveys count 2125 rural people, fewer than the 6183 poor people/);
  });

  it('a judged test that fails makes the verdict FAILS even on partial surveys; complete data give PASSES', () => {
    const failing = countyCheck({ ...spot, missedPoorFound: 6, ruralPopulation: 2125 }, { villages: 228, villagesSurveyed: 2, remainingPoor: 6172, poorInSurveyedVillages: 40 }, limits);
    expect(failing.verdict).toBe('FAILS');
    expect(failing.failures).toEqual([{ test: 'missedRate', reason: '漏评率 3.00% is not below 2.00%' }]);
    const complete = countyCheck({ ...spot, ruralPopulation: 140_000 }, { villages: 228, villagesSurveyed: 228, remainingPoor: 2100, poorInSurveyedVillages: 2100 }, limits);
    expect(complete.verdict).toBe('PASSES');
    expect(complete.tests[0]).toMatchObject({ rate: 2111 / 140_000, passes: true });
  });
});
