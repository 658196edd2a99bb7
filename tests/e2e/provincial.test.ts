/**
 * Provincial figures and a village's 一高一低一无 (issue 3, item 2): figures of 湖南 (43)
 * for 2016 — which no other test file sets — and surveys of this file's own villages
 * in the second county (保靖县 433125).
 */
import { beforeAll, describe, expect, it } from 'vitest';
import { BadUserInputError, ForbiddenError, type Client } from '@jingzhun/sdk';
import { clientAs } from '../support/context.js';
import { survey as surveyOf } from '../support/surveys.js';

const YEAR = 2016;
let admin: Client;
let county: Client;
let villages: string[];
const survey = (over: Parameters<typeof surveyOf>[1]) => surveyOf(YEAR, over);

beforeAll(async () => {
  admin = await clientAs({ role: 'admin' });
  county = await clientAs({ role: 'official', area: '433125' });
  const townships = (await county.areas({ filter: { parentCode: '433125' }, first: 100 })).areas.nodes;
  // The fourth township from the end (tests/e2e/quota.test.ts gives quotas to the last three, exit-check.test.ts surveys the fifth).
  const township = townships.at(-4)!.code;
  villages = (await county.areas({ filter: { parentCode: township }, first: 100 })).areas.nodes.map((a) => a.code).slice(0, 2);
  expect(villages).toHaveLength(2);
});

describe('provincial figures and 一高一低一无', () => {
  it('sets a province’s figures with the region’s default exit thresholds', async () => {
    const { setProvincialFigures } = await admin.setProvincialFigures({ input: { provinceCode: '43', year: YEAR, povertyIncidence: 0.1, averageNetIncome: 8000, region: 'CENTRAL' } });
    expect(setProvincialFigures).toMatchObject({ provinceCode: '43', povertyIncidence: 0.1, averageNetIncome: 8000, villageExitIncidence: 0.02, countyExitIncidence: 0.02, villageRule: 'ALL_THREE' });
    const { provincialFigures } = await county.provincialFigures({ year: YEAR, provinceCode: '43' });
    expect(provincialFigures).toHaveLength(1);
  });

  it('judges a village with all three: 25 % > twice 10 %, 4,000 yuan < 60 % of 8,000, no collective income', async () => {
    await county.recordVillageSurvey({ villageCode: villages[0], input: survey({}) });
    const { village } = await county.villagePovertyIndicators({ code: villages[0], year: YEAR });
    const ind = village!.povertyIndicators!;
    expect(ind.highIncidence).toMatchObject({ value: 0.25, threshold: 0.2, met: true });
    expect(ind.highIncidence.explanation).toContain('250 ÷ 1000 = 25.00%');
    expect(ind.lowIncome).toMatchObject({ value: 4000, threshold: 4800, met: true });
    expect(ind.noCollectiveIncome).toMatchObject({ value: 0, met: true });
    expect(ind).toMatchObject({ met: 3, rule: 'ALL_THREE', qualifies: true, figures: { provinceCode: '43', year: YEAR } });
    expect((await county.villagePovertyIndicators({ code: villages[0], year: YEAR - 1 })).village!.povertyIndicators).toBeNull();
  });

  it('lets two of three qualify only where the province’s rule says so', async () => {
    await county.recordVillageSurvey({ villageCode: villages[1], input: survey({ collectiveIncome: 20000 }) });
    const before = (await county.villagePovertyIndicators({ code: villages[1], year: YEAR })).village!.povertyIndicators!;
    expect([before.met, before.qualifies, before.noCollectiveIncome.met]).toEqual([2, false, false]);
    await admin.setProvincialFigures({ input: { provinceCode: '43', year: YEAR, povertyIncidence: 0.1, averageNetIncome: 8000, region: 'CENTRAL', villageRule: 'TWO_OF_THREE' } });
    const after = (await county.villagePovertyIndicators({ code: villages[1], year: YEAR })).village!.povertyIndicators!;
    expect([after.met, after.rule, after.qualifies]).toEqual([2, 'TWO_OF_THREE', true]);
  });

  it('lets only admins set figures, refuses bad ones naming the fields, and changes nothing', async () => {
    const input = { provinceCode: '43', year: YEAR, povertyIncidence: 0.5, averageNetIncome: 1, region: 'WEST' as const };
    await expect(county.setProvincialFigures({ input })).rejects.toBeInstanceOf(ForbiddenError);
    const err = await admin.setProvincialFigures({ input: { ...input, povertyIncidence: 1.5, averageNetIncome: -3, countyExitIncidence: 2 } }).catch((e) => e);
    expect(err).toBeInstanceOf(BadUserInputError);
    expect(err.problems.map((p: { field: string }) => p.field)).toEqual(['input.povertyIncidence', 'input.averageNetIncome', 'input.countyExitIncidence']);
    const none = await admin.setProvincialFigures({ input: { ...input, provinceCode: '99' } }).catch((e) => e);
    expect(none).toMatchObject({ code: 'BAD_USER_INPUT', field: 'input.provinceCode' });
    expect((await county.provincialFigures({ year: YEAR, provinceCode: '43' })).provincialFigures[0]).toMatchObject({ povertyIncidence: 0.1, region: 'CENTRAL' });
  });
});
