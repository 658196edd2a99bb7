/**
 * The poor-village procedure (issue 3, item 2) and a village's exit (item 8) through the
 * SDK: application → township review → posting → county approval with the 一高一低一无
 * indicators → announcement; then verification of the poverty incidence → posting →
 * approval → announcement. Villages of 比耳镇 433125111 in 保靖县, which no other file uses,
 * and figures of 湖南 43 for 2015, which no other file sets.
 */
import { beforeAll, describe, expect, it } from 'vitest';
import { InvalidTransitionError, type Client } from '@jingzhun/sdk';
import { clientAs } from '../support/context.js';
import { survey } from '../support/surveys.js';
import { daysAgo } from '../support/dates.js';

const YEAR = 2015;
let villages: string[];
let county: Client;
let township: Client;
let cadreOf: (village: string) => Promise<Client>;

beforeAll(async () => {
  const admin = await clientAs({ role: 'admin' });
  county = await clientAs({ role: 'official', area: '433125', sub: 'county-poor-village' });
  const code = '433125111';
  township = await clientAs({ role: 'official', area: code, sub: 'township-poor-village' });
  villages = (await county.areas({ filter: { parentCode: code }, first: 100 })).areas.nodes.map((a) => a.code).slice(0, 3);
  expect(villages).toHaveLength(3);
  cadreOf = (village) => clientAs({ role: 'cadre', area: village, sub: `cadre-${village}` });
  await admin.setProvincialFigures({ input: { provinceCode: '43', year: YEAR, povertyIncidence: 0.1, averageNetIncome: 8000, region: 'CENTRAL' } });
});

/** Applies for a village `start` days ago and walks it through review and posting. */
async function posted(village: string, start: number) {
  const cadre = await cadreOf(village);
  const { applyPoorVillage } = await cadre.applyPoorVillage({ villageCode: village, input: { year: YEAR, date: daysAgo(start) } });
  const id = applyPoorVillage.case.id;
  await township.reviewCase({ caseId: id, input: { date: daysAgo(start - 1), decision: 'APPROVE' } });
  await cadre.postCase({ caseId: id, input: { date: daysAgo(start - 2) } });
  return id;
}

describe('poor-village identification', () => {
  it('approves a village that meets 一高一低一无 with the indicators recorded, and announces it', async () => {
    // 250 of 1,000 people poor (25% > 2 × 10%), 4,000 yuan a head (< 60% of 8,000), no collective income.
    await county.recordVillageSurvey({ villageCode: villages[0], input: survey(YEAR) });
    const id = await posted(villages[0], 30);
    await expect(county.approveCase({ caseId: id, input: { date: daysAgo(25), decision: 'APPROVE' } })).rejects.toThrow(/at the earliest/);
    await county.approveCase({ caseId: id, input: { date: daysAgo(21), decision: 'APPROVE' } });
    const { announceCase } = await county.announceCase({ caseId: id, input: { date: daysAgo(20) } });
    expect(announceCase.case).toMatchObject({ kind: 'VILLAGE_IDENTIFICATION', state: 'REGISTERED', outcome: 'APPROVED' });
    const steps = (await county.case({ id })).case!.steps;
    expect(steps.find((s) => s.action === 'approve')!.data).toMatchObject({ decision: 'APPROVE', indicators: { qualifies: true, met: 3 } });
    const { village } = await county.villageHistory({ code: villages[0] });
    expect(village).toMatchObject({ povertyStatus: 'POOR' });
    expect(village!.history.map((e) => [e.fromStatus, e.toStatus, e.effectiveDate])).toEqual([['NOT_POOR', 'POOR', daysAgo(20)]]);
  });

  it('refuses to approve a village with collective income unless the county gives a reason', async () => {
    await county.recordVillageSurvey({ villageCode: villages[1], input: survey(YEAR, { collectiveIncome: 30000 }) });
    const id = await posted(villages[1], 30);
    const refused = await county.approveCase({ caseId: id, input: { date: daysAgo(21), decision: 'APPROVE' } }).catch((e) => e);
    expect(refused).toBeInstanceOf(InvalidTransitionError);
    expect(refused.message).toMatch(/does not meet 一高一低一无/);
    const { approveCase } = await county.approveCase({ caseId: id, input: { date: daysAgo(21), decision: 'APPROVE', reason: '集体收入为一次性征地补偿' } });
    expect(approveCase.case.state).toBe('APPROVED');
  });

  it('refuses the approval without the year’s survey, naming what to record', async () => {
    const id = await posted(villages[2], 30);
    await expect(county.approveCase({ caseId: id, input: { date: daysAgo(21), decision: 'APPROVE' } })).rejects.toThrow(/need the village's survey of that year/);
  });
});

describe('poor-village exit', () => {
  it('verifies the incidence (no registered poor in the village: 0% < 2%), posts, approves and announces the exit', async () => {
    const cadre = await cadreOf(villages[0]);
    await expect(county.proposeVillageExit({ villageCode: villages[2], input: { year: YEAR } })).rejects.toThrow(/only a poor village/);
    const { proposeVillageExit } = await cadre.proposeVillageExit({ villageCode: villages[0], input: { year: YEAR, date: daysAgo(15) } });
    const id = proposeVillageExit.case.id;
    await expect(cadre.verifyExit({ caseId: id, input: { date: daysAgo(14) } })).rejects.toThrow(/township or above/);
    await township.verifyExit({ caseId: id, input: { date: daysAgo(14) } });
    await cadre.postCase({ caseId: id, input: { date: daysAgo(13) } });
    await county.approveCase({ caseId: id, input: { date: daysAgo(6), decision: 'APPROVE' } });
    await county.announceCase({ caseId: id, input: { date: daysAgo(5) } });
    const steps = (await county.case({ id })).case!.steps;
    expect(steps.find((s) => s.action === 'verify')!.data).toMatchObject({ check: { passes: true, poorPeople: 0, ruralPopulation: 1000, threshold: 0.02 } });
    const { village } = await county.villageHistory({ code: villages[0] });
    expect(village!.povertyStatus).toBe('EXITED');
    expect(village!.history.map((e) => e.toStatus)).toEqual(['POOR', 'EXITED']);
  });
});
