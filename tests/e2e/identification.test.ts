/**
 * The identification procedure 两公示一公告 through the SDK, as the cadres and officials
 * of one village, its township and its county take it: application → appraisal → first
 * posting → township review → second posting → county approval → announcement →
 * registered; then a yearly update, an exit and a relapse; every refusal on the way and
 * the history it leaves.
 */
import { beforeAll, describe, expect, it } from 'vitest';
import { BadUserInputError, ForbiddenError, InvalidTransitionError, NotFoundError, type Client } from '@jingzhun/sdk';
import { clientAs } from '../support/context.js';
import { freshHousehold, year, freshApplication } from '../support/forms.js';
import { daysAgo } from '../support/dates.js';


let village: string;
let cadre: Client;
let township: Client;
let county: Client;
let outsider: Client;

/** Conditions that meet 两不愁三保障: safe water, no dilapidated house. */
const secure = { drinkingWaterDifficulty: false, drinkingWaterSafe: true, dilapidatedHouse: false, dilapidatedGrade: null };

beforeAll(async () => {
  const official = await clientAs({ role: 'official', area: '433124' });
  const villages = (await official.villages({ filter: { areaCode: '433124' }, first: 100 })).villages.nodes;
  village = villages[40 + Math.floor(Math.random() * 60)].code;
  cadre = await clientAs({ role: 'cadre', area: village, sub: 'cadre-identification' });
  township = await clientAs({ role: 'official', area: village.slice(0, 9), sub: 'township-identification' });
  county = await clientAs({ role: 'official', area: '433124', sub: 'county-identification' });
  outsider = await clientAs({ role: 'official', area: '433125' });
});

/** Files an application dated `start` days ago and walks it to the second posting. */
async function toSecondPosting(start: number) {
  const { fileApplication } = await cadre.fileApplication({ input: { household: freshApplication(village), year: 2019, date: daysAgo(start) } });
  const id = fileApplication.case.id;
  // The income test of approval: 2018 income 2,000 yuan a head, not above the 2,995 line.
  await cadre.recordHouseholdYear({ householdId: fileApplication.household.id, input: year(2018) });
  await cadre.appraiseCase({ caseId: id, input: { date: daysAgo(start - 1), votesFor: 21, votesAgainst: 3, decision: 'APPROVE' } });
  await cadre.postCase({ caseId: id, input: { date: daysAgo(start - 2), place: '村务公开栏' } });
  await township.reviewCase({ caseId: id, input: { date: daysAgo(start - 9), decision: 'APPROVE' } });
  await cadre.postCase({ caseId: id, input: { date: daysAgo(start - 10) } });
  return { id, household: fileApplication.household };
}

describe('identification: application to registration', () => {
  it('walks every step, each by its level, and registers the household on the announcement day', async () => {
    const { fileApplication } = await cadre.fileApplication({
      input: { household: freshApplication(village), year: 2019, date: daysAgo(30), documents: [{ title: '贫困户申请书', reference: 'archive://433124/2019/001' }] },
    });
    expect(fileApplication.case).toMatchObject({ kind: 'HOUSEHOLD_IDENTIFICATION', state: 'APPLIED', outcome: null });
    expect(fileApplication.household).toMatchObject({ stage: 'CANDIDATE', status: 'NOT_OUT', firstIdentifiedDate: null });
    const id = fileApplication.case.id;
    await cadre.recordHouseholdYear({ householdId: fileApplication.household.id, input: year(2018) });

    // A cadre cannot take the township's step; the step out of order is refused too.
    await expect(cadre.reviewCase({ caseId: id, input: { decision: 'APPROVE' } })).rejects.toThrow(InvalidTransitionError);
    await cadre.appraiseCase({ caseId: id, input: { date: daysAgo(29), votesFor: 23, votesAgainst: 4, decision: 'APPROVE', documents: [{ title: '民主评议记录', reference: 'archive://433124/2019/002' }] } });
    await cadre.postCase({ caseId: id, input: { date: daysAgo(28), place: '村务公开栏' } });

    // The township reviews once the first posting's 7 days are over.
    const early = await township.reviewCase({ caseId: id, input: { date: daysAgo(22), decision: 'APPROVE' } }).catch((e) => e);
    expect(early).toBeInstanceOf(InvalidTransitionError);
    expect(early.message).toMatch(new RegExp(`can be dated ${daysAgo(21)} at the earliest`));
    await township.reviewCase({ caseId: id, input: { date: daysAgo(21), decision: 'APPROVE' } });
    await cadre.postCase({ caseId: id, input: { date: daysAgo(20) } });

    // A township official cannot approve at county level.
    const wrongLevel = await township.approveCase({ caseId: id, input: { date: daysAgo(13), decision: 'APPROVE' } }).catch((e) => e);
    expect(wrongLevel).toBeInstanceOf(InvalidTransitionError);
    expect(wrongLevel.message).toMatch(/official of the county or above/);
    await county.approveCase({ caseId: id, input: { date: daysAgo(13), decision: 'APPROVE' } });
    const { announceCase } = await county.announceCase({ caseId: id, input: { date: daysAgo(12) } });
    expect(announceCase.case).toMatchObject({ state: 'REGISTERED', outcome: 'APPROVED', closedOn: daysAgo(12) });

    const { case: c } = await county.case({ id });
    expect(c!.steps.map((s) => `${s.action}:${s.toState}`)).toEqual([
      'open:APPLIED', 'appraise:APPRAISED', 'post:FIRST_POSTING', 'review:TOWNSHIP_REVIEWED', 'post:SECOND_POSTING', 'approve:APPROVED', 'announce:REGISTERED',
    ]);
    expect(c!.steps[1].data).toMatchObject({ votesFor: 23, votesAgainst: 4, decision: 'APPROVE' });
    expect(c!.postings.map((p) => [p.round, p.startsOn, p.closesOn])).toEqual([['FIRST', daysAgo(28), daysAgo(21)], ['SECOND', daysAgo(20), daysAgo(13)]]);
    expect(c!.documents.map((d) => d.title)).toEqual(['贫困户申请书', '民主评议记录']);
    expect(c!.nextSteps).toEqual([]);

    const { household } = await county.householdHistory({ id: fileApplication.household.id });
    expect(household).toMatchObject({ stage: 'REGISTERED', status: 'NOT_OUT' });
    expect(household!.history.map((e) => [e.fromStage, e.toStage, e.effectiveDate])).toEqual([[null, 'CANDIDATE', daysAgo(30)], ['CANDIDATE', 'REGISTERED', daysAgo(12)]]);
    expect(household!.history[1].caseId).toBe(id);

    // As of a date before the announcement it was a candidate; before the application, not in the register.
    expect((await county.householdAsOf({ id: fileApplication.household.id, asOf: daysAgo(15) })).household).toMatchObject({ stage: 'CANDIDATE', asOf: daysAgo(15) });
    expect((await county.householdAsOf({ id: fileApplication.household.id, asOf: daysAgo(31) })).household).toBeNull();
  });

  it('an objection blocks the step until it is resolved; an upheld one sends the case back to appraisal', async () => {
    const { id } = await toSecondPosting(40);
    const { raiseObjection } = await cadre.raiseObjection({ caseId: id, input: { raisedOn: daysAgo(28), summary: '该户有在外务工收入未申报' } });
    const blocked = await county.approveCase({ caseId: id, input: { date: daysAgo(20), decision: 'APPROVE' } }).catch((e) => e);
    expect(blocked).toBeInstanceOf(InvalidTransitionError);
    expect(blocked.message).toMatch(/1 objection raised during the posting is unresolved/);
    expect((await county.case({ id })).case!.nextSteps[0].blockedBecause).toMatch(/unresolved/);

    // The second posting precedes the county's step: a township official may not resolve it.
    await expect(township.resolveObjection({ objectionId: raiseObjection.objection.id, input: { resolution: 'DISMISSED', reason: '查无实据' } })).rejects.toThrow(InvalidTransitionError);
    const { resolveObjection } = await county.resolveObjection({ objectionId: raiseObjection.objection.id, input: { date: daysAgo(25), resolution: 'UPHELD', consequence: 'RETURN', reason: '核实有务工收入，重新评议' } });
    expect(resolveObjection.case.state).toBe('APPLIED');
    expect(resolveObjection.objection).toMatchObject({ resolution: 'UPHELD', consequence: 'RETURN', resolvedOn: daysAgo(25) });
  });

  it('a dismissed objection lets the case go on; an objection outside the window is refused', async () => {
    const { id } = await toSecondPosting(45);
    const outside = await cadre.raiseObjection({ caseId: id, input: { raisedOn: daysAgo(20), summary: '太晚了' } }).catch((e) => e);
    expect(outside).toBeInstanceOf(BadUserInputError);
    expect(outside.field).toBe('input.raisedOn');
    const { raiseObjection } = await cadre.raiseObjection({ caseId: id, input: { raisedOn: daysAgo(34), summary: '邻居认为该户条件尚可' } });
    await county.resolveObjection({ objectionId: raiseObjection.objection.id, input: { date: daysAgo(30), resolution: 'DISMISSED', reason: '经入户核实，该户符合识别标准' } });
    const { approveCase } = await county.approveCase({ caseId: id, input: { date: daysAgo(28), decision: 'APPROVE' } });
    expect(approveCase.case.state).toBe('APPROVED');
  });

  it('rejection needs a reason and ends the case with the household REJECTED', async () => {
    const { fileApplication } = await cadre.fileApplication({ input: { household: freshApplication(village), year: 2019, date: daysAgo(5) } });
    const id = fileApplication.case.id;
    const noMajority = await cadre.appraiseCase({ caseId: id, input: { votesFor: 5, votesAgainst: 9, decision: 'APPROVE' } }).catch((e) => e);
    expect(noMajority).toMatchObject({ code: 'BAD_USER_INPUT', field: 'input.decision' });
    const noReason = await cadre.appraiseCase({ caseId: id, input: { votesFor: 5, votesAgainst: 9, decision: 'REJECT' } }).catch((e) => e);
    expect(noReason).toMatchObject({ code: 'BAD_USER_INPUT', field: 'input.reason' });
    const { appraiseCase } = await cadre.appraiseCase({ caseId: id, input: { votesFor: 5, votesAgainst: 9, decision: 'REJECT', reason: '家庭有稳定经营收入' } });
    expect(appraiseCase.case).toMatchObject({ state: 'REJECTED', outcome: 'REJECTED' });
    expect((await cadre.householdHistory({ id: fileApplication.household.id })).household!.stage).toBe('REJECTED');
    await expect(cadre.postCase({ caseId: id, input: {} })).rejects.toThrow(/this case is closed/);
  });

  it('a step dated in the future or before the previous one is bad input and changes nothing', async () => {
    const { fileApplication } = await cadre.fileApplication({ input: { household: freshApplication(village), year: 2019, date: daysAgo(3) } });
    const id = fileApplication.case.id;
    const future = await cadre.appraiseCase({ caseId: id, input: { date: daysAgo(-2), votesFor: 9, votesAgainst: 1, decision: 'APPROVE' } }).catch((e) => e);
    expect(future).toMatchObject({ code: 'BAD_USER_INPUT', field: 'input.date' });
    const backwards = await cadre.appraiseCase({ caseId: id, input: { date: daysAgo(4), votesFor: 9, votesAgainst: 1, decision: 'APPROVE' } }).catch((e) => e);
    expect(backwards.reason).toMatch(/before the case's previous step/);
    const { case: c } = await cadre.case({ id });
    expect(c).toMatchObject({ state: 'APPLIED', version: 1 });
    expect(c!.steps).toHaveLength(1);
  });

  it('work queues: my waiting cases by level, and the postings up now in a township', async () => {
    const { fileApplication } = await cadre.fileApplication({ input: { household: freshApplication(village), year: 2019, date: daysAgo(2) } });
    const id = fileApplication.case.id;
    await cadre.appraiseCase({ caseId: id, input: { date: daysAgo(1), votesFor: 9, votesAgainst: 1, decision: 'APPROVE' } });
    await cadre.postCase({ caseId: id, input: { date: daysAgo(1) } });
    const open = await township.openPostings({ areaCode: village.slice(0, 9), first: 100 });
    expect(open.openPostings.nodes.some((p) => p.caseId === id && p.round === 'FIRST')).toBe(true);
    // Up for 7 days: not yet waiting for the township; a case waiting for the county is not waiting for a cadre.
    const all = async (c: Client) => {
      const ids: string[] = [];
      for await (const n of c.paginate((after) => c.casesWaitingForMe({ first: 100, after }).then((d) => d.casesWaitingForMe))) ids.push(n.id);
      return ids;
    };
    expect(await all(township)).not.toContain(id);
    const { id: atCounty } = await toSecondPosting(60);
    expect(await all(county)).toContain(atCounty);
    expect(await all(cadre)).not.toContain(atCounty);
  });

  it('a role that cannot write the registry is refused before anything about the case is read', async () => {
    const { fileApplication } = await cadre.fileApplication({ input: { household: freshApplication(village), year: 2019, date: daysAgo(1) } });
    const donor = await clientAs({ role: 'donor' });
    await expect(donor.appraiseCase({ caseId: fileApplication.case.id, input: { votesFor: 3, votesAgainst: 0, decision: 'APPROVE' } })).rejects.toThrow(ForbiddenError);
    await expect(donor.proposeExit({ householdId: fileApplication.household.id, input: { year: 2019 } })).rejects.toThrow(ForbiddenError);
  });

  it('a case outside your area is not found, like a missing one', async () => {
    const { fileApplication } = await cadre.fileApplication({ input: { household: freshApplication(village), year: 2019, date: daysAgo(1) } });
    expect((await outsider.case({ id: fileApplication.case.id })).case).toBeNull();
    await expect(outsider.appraiseCase({ caseId: fileApplication.case.id, input: { votesFor: 3, votesAgainst: 0, decision: 'APPROVE' } })).rejects.toThrow(NotFoundError);
  });
});

describe('quota control at county approval', () => {
  it('approves up to the village quota of 2016 and refuses beyond it with the numbers', async () => {
    const admin = await clientAs({ role: 'admin' });
    await admin.setQuota({ input: { areaCode: village, year: 2016, people: 5 } });
    const walk = async (start: number) => {
      const { fileApplication } = await cadre.fileApplication({ input: { household: freshApplication(village), year: 2016, date: daysAgo(start) } });
      const id = fileApplication.case.id;
      await cadre.recordHouseholdYear({ householdId: fileApplication.household.id, input: year(2015) });
      await cadre.appraiseCase({ caseId: id, input: { date: daysAgo(start - 1), votesFor: 9, votesAgainst: 0, decision: 'APPROVE' } });
      await cadre.postCase({ caseId: id, input: { date: daysAgo(start - 2) } });
      await township.reviewCase({ caseId: id, input: { date: daysAgo(start - 9), decision: 'APPROVE' } });
      await cadre.postCase({ caseId: id, input: { date: daysAgo(start - 10) } });
      return id;
    };
    const first = await walk(40);
    await county.approveCase({ caseId: first, input: { date: daysAgo(20), decision: 'APPROVE' } });
    const second = await walk(40);
    const refused = await county.approveCase({ caseId: second, input: { date: daysAgo(20), decision: 'APPROVE' } }).catch((e) => e);
    expect(refused).toBeInstanceOf(InvalidTransitionError);
    expect(refused.errors[0].extensions).toMatchObject({ areaCode: village, quota: 5, used: 3, asked: 3 });
    expect((await county.case({ id: second })).case!.state).toBe('SECOND_POSTING');
    expect((await county.quotaUse({ areaCode: village, year: 2016 })).quotaUse).toMatchObject({ quota: 5, used: 3 });
  });
});

describe('exit, relapse and removal', () => {
  async function registered() {
    const { registerHousehold } = await county.registerHousehold({ input: freshHousehold(village) });
    return registerHousehold.household.id;
  }

  it('exits a household whose 2018 income is above the line with 两不愁三保障, then records its relapse', async () => {
    const hid = await registered();
    // 2017 and 2018: (5,200 + 3,100 + 300 + 1,500 + 400 − 1,400) ÷ 3 = 3,033.33 yuan per person, above 2,952 and 2,995 (稳定超过).
    await cadre.recordHouseholdYear({ householdId: hid, input: { ...year(2017, { production: 8300 }), conditions: { ...year(2017).conditions, ...secure } } });
    await cadre.recordHouseholdYear({ householdId: hid, input: { ...year(2018, { production: 8300 }), conditions: { ...year(2018).conditions, ...secure } } });
    const { proposeExit } = await cadre.proposeExit({ householdId: hid, input: { year: 2018, date: daysAgo(30) } });
    const id = proposeExit.case.id;
    await cadre.appraiseCase({ caseId: id, input: { date: daysAgo(29), votesFor: 15, votesAgainst: 0, decision: 'APPROVE' } });
    const { verifyExit } = await cadre.verifyExit({ caseId: id, input: { date: daysAgo(28) } });
    expect(verifyExit.case.state).toBe('VERIFIED');
    await cadre.recordExitConsent({ caseId: id, input: { date: daysAgo(27), consentedBy: '龙测试' } });
    await cadre.postCase({ caseId: id, input: { date: daysAgo(26) } });
    await expect(county.announceCase({ caseId: id, input: { date: daysAgo(20) } })).rejects.toThrow(/at the earliest/);
    const { announceCase } = await county.announceCase({ caseId: id, input: { date: daysAgo(19) } });
    expect(announceCase.case).toMatchObject({ state: 'EXITED', outcome: 'APPROVED' });
    const { case: c } = await county.case({ id });
    expect(c!.steps.find((s) => s.action === 'verify')!.data).toMatchObject({ check: { passes: true, perCapitaNetIncome: 3033.33, line: 2995 } });

    const after = (await county.householdHistory({ id: hid })).household!;
    expect(after.status).toBe('EXITED_WITH_POLICY');
    // Systems following the change feed see the exit; an analyst sees the steps without the consenting member's name.
    const { changes } = await county.changes({ first: 100, filter: { areaCode: village, types: ['household.statusChanged'] } });
    expect(changes.edges.some((e) => e.node.entityId === hid && (e.node.payload as { after: { toStatus: string } }).after.toStatus === '1')).toBe(true);
    const analyst = await clientAs({ role: 'analyst', area: '433124' });
    expect((await analyst.case({ id })).case!.steps.find((s) => s.action === 'consent')!.data).toEqual({ consentedBy: '[redacted]' });
    expect(c!.steps.find((s) => s.action === 'consent')!.data).toEqual({ consentedBy: '龙测试' });
    await expect(county.endExitPolicy({ householdId: hid, reason: '过渡期结束' })).rejects.toThrow(/policies continue after exit until/);

    const { reportRelapse } = await cadre.reportRelapse({ householdId: hid, input: { year: 2019, date: daysAgo(5), cause: 'ILLNESS', description: '户主突发重病，医疗支出超过家庭收入' } });
    await expect(cadre.approveCase({ caseId: reportRelapse.case.id, input: { decision: 'APPROVE' } })).rejects.toThrow(InvalidTransitionError);
    await county.approveCase({ caseId: reportRelapse.case.id, input: { date: daysAgo(4), decision: 'APPROVE' } });
    const history = (await county.householdHistory({ id: hid })).household!;
    expect(history.status).toBe('RELAPSED');
    expect(history.history.map((e) => e.toStatus)).toEqual(['NOT_OUT', 'EXITED_WITH_POLICY', 'RELAPSED']);
    expect(history.history[2].reason).toMatch(/返贫.*cause 01/);
    expect((await county.householdAsOf({ id: hid, asOf: daysAgo(10) })).household).toMatchObject({ status: 'EXITED_WITH_POLICY', exitYear: 2018 });
  });

  it('refuses the exit check when income is just under the line, unless overridden with a recorded reason', async () => {
    const hid = await registered();
    // 2017: 2,000 yuan per person against 2,952, and no safe water.
    await cadre.recordHouseholdYear({ householdId: hid, input: year(2017) });
    const { proposeExit } = await cadre.proposeExit({ householdId: hid, input: { year: 2017, date: daysAgo(3) } });
    await cadre.appraiseCase({ caseId: proposeExit.case.id, input: { date: daysAgo(2), votesFor: 8, votesAgainst: 2, decision: 'APPROVE' } });
    const refused = await cadre.verifyExit({ caseId: proposeExit.case.id, input: { date: daysAgo(1) } }).catch((e) => e);
    expect(refused).toBeInstanceOf(InvalidTransitionError);
    expect(refused.message).toMatch(/per-capita net income 2000 yuan is not above the line of 2952 yuan/);
    expect(refused.message).toMatch(/food and clothing/);
    const { verifyExit } = await cadre.verifyExit({ caseId: proposeExit.case.id, input: { date: daysAgo(1), overrideReason: '县级复核认定收入数据漏报' } });
    expect(verifyExit.case.state).toBe('VERIFIED');
    const { case: c } = await cadre.case({ id: proposeExit.case.id });
    expect(c!.steps.at(-1)!.data).toMatchObject({ check: { passes: false }, override: { reason: '县级复核认定收入数据漏报' } });
  });

  it('a relapse needs an exited household; a second open case is refused', async () => {
    const hid = await registered();
    await expect(cadre.reportRelapse({ householdId: hid, input: { year: 2019, cause: 'ILLNESS', description: 'x' } })).rejects.toThrow(/needs a household that is REGISTERED with status 1 or 4/);
    await cadre.proposeExit({ householdId: hid, input: { year: 2019 } });
    await expect(cadre.proposeExit({ householdId: hid, input: { year: 2019 } })).rejects.toThrow(/already has an open HOUSEHOLD_EXIT case/);
  });

  it('removes a wrongly registered household through the county, with the reason in its history and its pairing ended', async () => {
    const hid = await registered();
    const { registerUnit } = await county.registerUnit({ input: { name: '县民政局', kind: 'GOVERNMENT', areaCode: '433124' } });
    const { registerCadre } = await county.registerCadre({ input: { name: '彭结对', unitId: registerUnit.id, areaCode: '433124' } });
    await county.pairHousehold({ householdId: hid, cadreId: registerCadre.id, startedOn: daysAgo(3) });
    const { proposeRemoval } = await cadre.proposeRemoval({ householdId: hid, input: { year: 2019, reason: '家庭成员有财政供养人员' } });
    await county.approveCase({ caseId: proposeRemoval.case.id, input: { decision: 'APPROVE' } });
    const h = (await county.householdHistory({ id: hid })).household!;
    expect(h.stage).toBe('REMOVED');
    expect(h.history.at(-1)!.reason).toMatch(/错评清退.*财政供养/);
    // Its responsible person's pairing ends the day it is removed.
    const { household: paired } = await county.householdPairings({ id: hid });
    expect(paired!.responsiblePerson).toBeNull();
    expect(paired!.pairings.map((p) => p.endedOn)).toEqual([daysAgo(0)]);
  });

  it('shows a cadre paired with a household outside their villages its cases and history, and nothing of its neighbour', async () => {
    const hid = await registered();
    const neighbour = await registered();
    await cadre.proposeExit({ householdId: hid, input: { year: 2019 } });
    const { registerUnit } = await county.registerUnit({ input: { name: '县扶贫办', kind: 'GOVERNMENT', areaCode: '433124' } });
    const subject = `paired-${Math.random().toString(36).slice(2, 10)}`;
    const { registerCadre } = await county.registerCadre({ input: { name: '石结对', unitId: registerUnit.id, areaCode: '433124', subject } });
    await county.pairHousehold({ householdId: hid, cadreId: registerCadre.id, startedOn: daysAgo(1) });
    const paired = await clientAs({ role: 'cadre', sub: subject });
    const { household } = await paired.householdHistory({ id: hid });
    expect(household!.history.length).toBeGreaterThan(0);
    expect(household!.cases.map((c) => c.kind)).toEqual(['HOUSEHOLD_EXIT']);
    expect((await paired.case({ id: household!.cases[0].id })).case!.steps.map((s) => s.action)).toEqual(['open']);
    expect((await paired.householdHistory({ id: neighbour })).household).toBeNull();
  });

  it('counts the register as of a date', async () => {
    const { registerAsOf } = await county.registerAsOf({ areaCode: village, asOf: daysAgo(0) });
    const registered = registerAsOf.counts.filter((c) => c.stage === 'REGISTERED').reduce((s, c) => s + c.households, 0);
    expect(registered).toBeGreaterThan(0);
    const { registerAsOf: before } = await county.registerAsOf({ areaCode: village, asOf: '2000-01-01' });
    expect(before.counts).toEqual([]);
  });
});
