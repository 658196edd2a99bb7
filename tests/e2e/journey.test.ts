/**
 * One household's whole journey through the register (issue 3, "Done when"), through the
 * SDK as the village cadre, the township and the county take it: application →
 * registration (两公示一公告) → a yearly update → exit → a yearly update that trips the
 * monitoring against falling back (防返贫监测) → relapse 返贫; and the history it leaves,
 * read back as of each date.
 */
import { beforeAll, describe, expect, it } from 'vitest';
import type { Client } from '@jingzhun/sdk';
import { clientAs } from '../support/context.js';
import { year, freshApplication } from '../support/forms.js';
import { daysAgo } from '../support/dates.js';

/** 两不愁三保障 met: safe water, no dilapidated house. */
const secure = { drinkingWaterDifficulty: false, drinkingWaterSafe: true, dilapidatedHouse: false, dilapidatedGrade: null };

let village: string;
let cadre: Client;
let township: Client;
let county: Client;

beforeAll(async () => {
  county = await clientAs({ role: 'official', area: '433124', sub: 'county-journey' });
  const villages = (await county.villages({ filter: { areaCode: '433124' }, first: 100 })).villages.nodes;
  village = villages[40 + Math.floor(Math.random() * 60)].code;
  cadre = await clientAs({ role: 'cadre', area: village, sub: 'cadre-journey' });
  township = await clientAs({ role: 'official', area: village.slice(0, 9), sub: 'township-journey' });
});

describe('a household from application to relapse', () => {
  it('is registered, updated, exits, trips monitoring and relapses, each step in its history', async () => {
    // Identification, 60 to 42 days ago.
    const { fileApplication } = await cadre.fileApplication({ input: { household: freshApplication(village), year: 2017, date: daysAgo(60) } });
    const hid = fileApplication.household.id;
    let caseId = fileApplication.case.id;
    // The income test of approval: 2016 income 2,000 yuan a head, not above the 2,952 line.
    await cadre.recordHouseholdYear({ householdId: hid, input: year(2016) });
    await cadre.appraiseCase({ caseId, input: { date: daysAgo(59), votesFor: 31, votesAgainst: 2, decision: 'APPROVE' } });
    await cadre.postCase({ caseId, input: { date: daysAgo(58) } });
    await township.reviewCase({ caseId, input: { date: daysAgo(51), decision: 'APPROVE' } });
    await cadre.postCase({ caseId, input: { date: daysAgo(50) } });
    await county.approveCase({ caseId, input: { date: daysAgo(43), decision: 'APPROVE' } });
    await county.announceCase({ caseId, input: { date: daysAgo(42) } });

    // The yearly updates: 2017 and 2018 income 3,033.33 yuan a head, above the 2,952 and 2,995 lines; registered and not out, so not monitored.
    await cadre.recordHouseholdYear({ householdId: hid, input: { ...year(2017, { production: 8300 }), conditions: { ...year(2017).conditions, ...secure } } });
    const update = await cadre.recordHouseholdYear({ householdId: hid, input: { ...year(2018, { production: 8300 }), conditions: { ...year(2018).conditions, ...secure } } });
    expect(update.recordHouseholdYear.year.perCapitaNetIncome).toBe(3033.33);
    expect(update.recordHouseholdYear.monitoring.opened).toBe(false);

    // Exit, 40 to 29 days ago.
    caseId = (await cadre.proposeExit({ householdId: hid, input: { year: 2018, date: daysAgo(40) } })).proposeExit.case.id;
    await cadre.appraiseCase({ caseId, input: { date: daysAgo(39), votesFor: 28, votesAgainst: 0, decision: 'APPROVE' } });
    await cadre.verifyExit({ caseId, input: { date: daysAgo(38) } });
    await cadre.recordExitConsent({ caseId, input: { date: daysAgo(37), consentedBy: '龙测试' } });
    await cadre.postCase({ caseId, input: { date: daysAgo(36) } });
    await county.announceCase({ caseId, input: { date: daysAgo(29) } });

    // The next yearly update: 2,000 yuan a head in 2019 is under 1.5 × 3,218 and a 34% fall: an exited household under watch.
    const fall = await cadre.recordHouseholdYear({ householdId: hid, input: year(2019) });
    expect(fall.recordHouseholdYear.monitoring.opened).toBe(true);
    expect(fall.recordHouseholdYear.monitoring.triggers.map((t) => t.trigger).sort()).toEqual(['INCOME_FALL', 'LOW_INCOME']);
    expect(fall.recordHouseholdYear.monitoring.case).toMatchObject({ kind: 'UNSTABLE_EXITED' });
    const watched = await county.monitoringList({ areaCode: village, filter: { open: true }, first: 100 });
    expect(watched.monitoringList.cases.nodes.some((c) => c.household?.id === hid)).toBe(true);

    // Relapse, reported 10 days ago and confirmed by the county.
    caseId = (await cadre.reportRelapse({ householdId: hid, input: { year: 2019, date: daysAgo(10), cause: 'ILLNESS', description: '户主患病，收入大幅下降' } })).reportRelapse.case.id;
    await county.approveCase({ caseId, input: { date: daysAgo(9), decision: 'APPROVE' } });

    const { household } = await county.householdHistory({ id: hid });
    expect(household).toMatchObject({ stage: 'REGISTERED', status: 'RELAPSED' });
    expect(household!.history.map((e) => [e.toStage, e.toStatus, e.effectiveDate])).toEqual([
      ['CANDIDATE', 'NOT_OUT', daysAgo(60)],
      ['REGISTERED', 'NOT_OUT', daysAgo(42)],
      ['REGISTERED', 'EXITED_WITH_POLICY', daysAgo(29)],
      ['REGISTERED', 'RELAPSED', daysAgo(9)],
    ]);
    expect(household!.cases.map((c) => [c.kind, c.outcome])).toEqual([
      ['HOUSEHOLD_IDENTIFICATION', 'APPROVED'], ['HOUSEHOLD_EXIT', 'APPROVED'], ['HOUSEHOLD_RELAPSE', 'APPROVED'],
    ]);
    const asOf = async (days: number) => (await county.householdAsOf({ id: hid, asOf: daysAgo(days) })).household;
    expect(await asOf(61)).toBeNull();
    expect(await asOf(50)).toMatchObject({ stage: 'CANDIDATE', status: 'NOT_OUT' });
    expect(await asOf(30)).toMatchObject({ stage: 'REGISTERED', status: 'NOT_OUT', exitYear: null });
    expect(await asOf(20)).toMatchObject({ status: 'EXITED_WITH_POLICY', exitYear: 2018 });
    expect(await asOf(0)).toMatchObject({ status: 'RELAPSED' });
  });
});
