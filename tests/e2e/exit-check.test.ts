/**
 * Exit checks (issue 3, item 8): a village's incidence from the register against the
 * province's threshold, and a county's 三率一度 with a recorded spot check where one
 * test fails. Figures of 湖南 (43) for 2017 — which no other test file sets — and this
 * file's own villages in the second county (保靖县 433125, township 毛沟镇 433125112, which no
 * other file uses).
 * The county's register may hold other files' households, so its figures are asserted
 * as bounds.
 */
import { beforeAll, describe, expect, it } from 'vitest';
import { BadUserInputError, ForbiddenError, type Client } from '@jingzhun/sdk';
import { clientAs } from '../support/context.js';
import { freshHousehold } from '../support/forms.js';
import { survey } from '../support/surveys.js';

const YEAR = 2017;
const COUNTY = '433125';
let admin: Client;
let county: Client;
let villages: string[];
const spot = { sampledExited: 100, wronglyExited: 1, sampledNonRegistered: 200, missedPoorFound: 6, surveyedHouseholds: 50, approvingHouseholds: 47, missedPoor: 10 };

beforeAll(async () => {
  admin = await clientAs({ role: 'admin' });
  county = await clientAs({ role: 'official', area: COUNTY });
  villages = (await county.areas({ filter: { parentCode: '433125112' }, first: 100 })).areas.nodes.map((a) => a.code).slice(0, 3);
  expect(villages).toHaveLength(3);
  await admin.setProvincialFigures({ input: { provinceCode: '43', year: YEAR, povertyIncidence: 0.08, averageNetIncome: 9000, region: 'CENTRAL' } });
  // Two poor households (6 people) in each of the first two villages, and one already out that does not count.
  for (const v of villages.slice(0, 2)) {
    for (let i = 0; i < 2; i++) await county.registerHousehold({ input: freshHousehold(v) });
    await county.registerHousehold({ input: freshHousehold(v, { status: 'EXITED_WITH_POLICY', exitYear: 2016 }) });
  }
  await county.recordVillageSurvey({ villageCode: villages[0], input: survey(YEAR, { population: 200, households: 60, poorPopulation: 6, poorHouseholds: 2, labourForce: 100, migrantWorkers: 50, minorityPopulation: 150 }) });
  await county.recordVillageSurvey({ villageCode: villages[1], input: survey(YEAR, { population: 1000, poorPopulation: 6, poorHouseholds: 2 }) });
  await county.recordVillageSurvey({ villageCode: villages[2], input: survey(YEAR, { population: 100_000, households: 25_000, labourForce: 50_000, minorityPopulation: 90_000 }) });
});

describe('village exit check', () => {
  it('fails at 6 poor of 200 (3.00 %, not below 2 %) and passes at 6 of 1,000 (0.60 %)', async () => {
    const fail = (await county.villageExitCheck({ villageCode: villages[0], year: YEAR })).villageExitCheck!;
    expect(fail).toMatchObject({ poorPeople: 6, ruralPopulation: 200, incidence: 0.03, threshold: 0.02, region: 'CENTRAL', passes: false });
    expect(fail.failures).toEqual([{ test: 'incidence', reason: 'poverty incidence 3.00% is not below 2.00%' }]);
    const pass = (await county.villageExitCheck({ villageCode: villages[1], year: YEAR })).villageExitCheck!;
    expect(pass).toMatchObject({ poorPeople: 6, ruralPopulation: 1000, incidence: 0.006, passes: true, failures: [] });
  });

  it('asks for the survey first, and hides villages outside the caller’s area', async () => {
    const err = await county.villageExitCheck({ villageCode: villages[0], year: YEAR - 1 }).catch((e) => e);
    expect(err).toMatchObject({ code: 'BAD_USER_INPUT', field: 'year' });
    expect(err.message).toContain('recordVillageSurvey');
    const other = await clientAs({ role: 'official', area: '433124' });
    expect((await other.villageExitCheck({ villageCode: villages[0], year: YEAR })).villageExitCheck).toBeNull();
  });
});

describe('county exit check 三率一度', () => {
  it('is recorded above the county only, and refuses findings larger than their samples', async () => {
    await expect(county.recordSpotCheck({ countyCode: COUNTY, year: YEAR, input: spot })).rejects.toBeInstanceOf(ForbiddenError);
    const err = await admin.recordSpotCheck({ countyCode: COUNTY, year: YEAR, input: { ...spot, wronglyExited: 101, surveyedHouseholds: 0 } }).catch((e) => e);
    expect(err).toBeInstanceOf(BadUserInputError);
    expect(err.problems.map((p: { field: string }) => p.field)).toEqual(['input.wronglyExited', 'input.approvingHouseholds', 'input.surveyedHouseholds']);
    const none = await county.countyExitCheck({ countyCode: COUNTY, year: YEAR }).catch((e) => e);
    expect(none).toMatchObject({ code: 'BAD_USER_INPUT', field: 'year' });
  });

  it('says which test fails: a missed rate of 6 in 200 (3.00 %) while the other three pass', async () => {
    const prefecture = await clientAs({ role: 'official', area: '4331' });
    const { recordSpotCheck } = await prefecture.recordSpotCheck({ countyCode: COUNTY, year: YEAR, input: spot });
    expect(recordSpotCheck).toMatchObject({ countyCode: COUNTY, year: YEAR, missedPoor: 10, recordedBy: 'test-official' });
    const check = (await county.countyExitCheck({ countyCode: COUNTY, year: YEAR })).countyExitCheck!;
    expect(check.remainingPoor).toBeGreaterThanOrEqual(12);
    expect(check.ruralPopulation).toBeGreaterThanOrEqual(101_200);
    expect(check.villagesSurveyed).toBeGreaterThanOrEqual(3);
    expect(check.villages).toBeGreaterThan(check.villagesSurveyed);
    const byTest = Object.fromEntries(check.tests.map((t) => [t.test, t]));
    // Only the surveyed villages count: their poor over their population, not judged while other villages lack a survey.
    expect(check.poorInSurveyedVillages).toBeGreaterThanOrEqual(12);
    expect(check.poorInSurveyedVillages).toBeLessThanOrEqual(check.remainingPoor);
    expect(byTest.comprehensiveIncidence).toMatchObject({ rate: (check.poorInSurveyedVillages + 10 + 1) / check.ruralPopulation, threshold: 0.02, mustBe: 'below', passes: null });
    expect(check.incomplete[0]).toMatch(new RegExp(`^${check.villages - check.villagesSurveyed} of ${check.villages} villages have no survey of the year`));
    expect(byTest.wrongExitRate).toMatchObject({ rate: 0.01, threshold: 0.02, passes: true });
    expect(byTest.missedRate).toMatchObject({ rate: 0.03, threshold: 0.02, passes: false });
    expect(byTest.approval).toMatchObject({ rate: 0.94, threshold: 0.9, mustBe: 'above', passes: true });
    expect(check).toMatchObject({ verdict: 'FAILS', passes: false });
    expect(check.failures).toEqual([{ test: 'missedRate', reason: '漏评率 3.00% is not below 2.00%' }]);
    const other = await clientAs({ role: 'official', area: '433124' });
    expect((await other.countyExitCheck({ countyCode: COUNTY, year: YEAR })).countyExitCheck).toBeNull();
  });

  it('gives no verdict while villages lack a survey, even when every judged test passes (issue 15, item 10)', async () => {
    const prefecture = await clientAs({ role: 'official', area: '4331' });
    await prefecture.recordSpotCheck({ countyCode: COUNTY, year: YEAR, input: { ...spot, missedPoorFound: 2 } });
    const check = (await county.countyExitCheck({ countyCode: COUNTY, year: YEAR })).countyExitCheck!;
    expect(check).toMatchObject({ verdict: 'INCOMPLETE', passes: null, failures: [] });
    expect(check.tests.every((t) => t.rate == null || t.rate <= 1)).toBe(true);
    expect(check.incomplete[0]).toMatch(/registered poor people live in them: record their surveys \(recordVillageSurvey\)/);
    await prefecture.recordSpotCheck({ countyCode: COUNTY, year: YEAR, input: spot });
  });
});
