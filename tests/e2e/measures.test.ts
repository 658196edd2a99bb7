/**
 * Assistance plans and measures (issue 4, item 5) through the SDK, in villages of
 * 保靖县 433125 that no other test file uses (among the county's first twenty, which
 * tests/support/people.ts never picks): measures of every kind for a household
 * whose main cause is illness (因病) and one whose main cause is lack of capital (缺资金);
 * the micro-credit limits (60,000 yuan or 4 years refused, 50,000 / 36 months accepted,
 * configurable per area); repayments, default and risk compensation; the lifecycle with
 * INVALID_TRANSITION; refusals that change nothing; area and role checks.
 */
import { beforeAll, describe, expect, it } from 'vitest';
import { BadUserInputError, ForbiddenError, HouseholdsWithMeasuresDocument, InvalidTransitionError, type Client, type ResponseInfo } from '@jingzhun/sdk';
import { clientAs } from '../support/context.js';
import { dayIn, freshHousehold, member } from '../support/forms.js';
import { base, everyKind, loan } from '../support/measures.js';

const TOWNSHIP = '433125104';
const VILLAGE = '433125104202';
/** A village of its own for limits set on it. */
const LIMITS_VILLAGE = '433125104203';

let official: Client;
let ill: { id: string; members: { id: string }[] };
let poor: { id: string; members: { id: string }[] };

async function register(client: Client, village: string, over: Parameters<typeof freshHousehold>[1] = {}) {
  const { registerHousehold } = await client.registerHousehold({ input: freshHousehold(village, over) });
  return registerHousehold.household;
}

async function measureCount(client: Client, householdId: string) {
  const { household } = await client.householdMeasures({ id: householdId });
  return household!.measures.length;
}

beforeAll(async () => {
  official = await clientAs({ role: 'official', area: TOWNSHIP, sub: 'measures-official' });
  ill = await register(official, VILLAGE);
  poor = await register(official, VILLAGE, { mainCause: 'LACK_OF_CAPITAL', otherCauses: [] });
});

describe('measures of every kind', () => {
  it('records all fourteen kinds for a 因病 household and a 缺资金 household, each with its route and typed part', async () => {
    for (const [h, cause] of [[ill, 'ILLNESS'], [poor, 'LACK_OF_CAPITAL']] as const) {
      const inputs = everyKind(h, cause);
      for (const input of inputs) {
        const { recordMeasure: m } = await official.recordMeasure({ input });
        expect(m).toMatchObject({ kind: input.kind, status: 'PLANNED', causes: [cause], villageWide: false, villageCode: VILLAGE });
      }
      const { household } = await official.householdMeasures({ id: h.id });
      const byKind = new Map(household!.measures.map((m) => [m.kind, m]));
      expect(byKind.size).toBe(14);
      expect(byKind.get('MICRO_CREDIT')!.route).toBe('PRODUCTION');
      expect(byKind.get('RELOCATION')!.route).toBe('RELOCATION');
      expect(byKind.get('RAIN_DEW')!.route).toBe('EDUCATION');
      expect(byKind.get('SOCIAL_SECURITY')!.route).toBe('SOCIAL_SECURITY');
      expect(byKind.get('ECOLOGICAL_COMPENSATION')!.route).toBe('ECOLOGICAL');
      expect(byKind.get('DRINKING_WATER')!.route).toBeNull();
      expect(byKind.get('MICRO_CREDIT')!.microCredit).toMatchObject({ principal: 50_000, termMonths: 36, guarantee: false, collateral: false, dueOn: '2019-04-15', status: 'CURRENT', outstanding: 50_000 });
      expect(byKind.get('RAIN_DEW')!.rainDew).toMatchObject({ memberId: h.members[0].id, employedAfter: true });
      expect(byKind.get('RELOCATION')!.relocation).toMatchObject({ peopleMoved: 3, housingAreaM2: 75 });
      expect(byKind.get('HOUSE_RENOVATION')!.houseRenovation).toEqual({ grade: 'D' });
      expect(byKind.get('INDUSTRY')!.microCredit).toBeNull();
    }
  });
});

describe('扶贫小额信贷 limits', () => {
  it('refuses 60,000 yuan and 4 years with the reason, and records nothing', async () => {
    const before = await measureCount(official, poor.id);
    const input = (over: Partial<typeof loan>) => base(poor.id, { kind: 'MICRO_CREDIT', fundingSource: 'CREDIT', microCredit: { ...loan, ...over } });
    const big = await official.recordMeasure({ input: input({ principal: 60_000 }) }).catch((e) => e);
    expect(big).toBeInstanceOf(BadUserInputError);
    expect(big.field).toBe('input.microCredit.principal');
    expect(big.reason).toBe('扶贫小额信贷 lends at most 50,000 yuan per household here; 60,000 is more');
    const long = await official.recordMeasure({ input: input({ termMonths: 48 }) }).catch((e) => e);
    expect(long).toBeInstanceOf(BadUserInputError);
    expect(long.field).toBe('input.microCredit.termMonths');
    expect(long.reason).toContain('at most 36 months (3 years)');
    const guaranteed = await official.recordMeasure({ input: input({ guarantee: true } as never) }).catch((e) => e);
    expect(guaranteed.field).toBe('input.microCredit.guarantee');
    expect(await measureCount(official, poor.id)).toBe(before);
  });

  it('applies limits an official sets for a village, and only there', async () => {
    const h = await register(official, LIMITS_VILLAGE, { mainCause: 'LACK_OF_CAPITAL', otherCauses: [] });
    const { setAssistanceLimits } = await official.setAssistanceLimits({ input: { areaCode: LIMITS_VILLAGE, microCreditMaxPrincipal: 30_000, microCreditMaxTermMonths: 24, relocationMaxM2PerPerson: 20 } });
    expect(setAssistanceLimits.areaCode).toBe(LIMITS_VILLAGE);
    expect((await official.assistanceLimits({ areaCode: VILLAGE })).assistanceLimits).toMatchObject({ areaCode: '', microCreditMaxPrincipal: 50_000, microCreditMaxTermMonths: 36 });
    const refused = await official.recordMeasure({ input: base(h.id, { kind: 'MICRO_CREDIT', microCredit: { ...loan, principal: 30_000.01, termMonths: 24 } }) }).catch((e) => e);
    expect(refused.field).toBe('input.microCredit.principal');
    expect(refused.reason).toContain('at most 30,000 yuan');
    const { recordMeasure } = await official.recordMeasure({ input: base(h.id, { kind: 'MICRO_CREDIT', microCredit: { ...loan, principal: 30_000, termMonths: 24 } }) });
    expect(recordMeasure.microCredit!.principal).toBe(30_000);
    const other = await clientAs({ role: 'official', area: '433125108' });
    const outside = await other.setAssistanceLimits({ input: { areaCode: LIMITS_VILLAGE, microCreditMaxPrincipal: 1, microCreditMaxTermMonths: 1, relocationMaxM2PerPerson: 1 } }).catch((e) => e);
    expect(outside).toBeInstanceOf(BadUserInputError);
    expect((await official.assistanceLimits({ areaCode: LIMITS_VILLAGE })).assistanceLimits.microCreditMaxPrincipal).toBe(30_000);
  });

  it('takes repayments up to the principal, then settles; a default draws the county fund once', async () => {
    const { recordMeasure: m } = await official.recordMeasure({ input: base(poor.id, { kind: 'MICRO_CREDIT', microCredit: loan }) });
    await official.recordLoanRepayment({ measureId: m.id, paidOn: '2017-04-15', amount: 20_000 });
    const beyond = await official.recordLoanRepayment({ measureId: m.id, paidOn: '2018-04-15', amount: 30_000.01 }).catch((e) => e);
    expect(beyond).toBeInstanceOf(BadUserInputError);
    expect(beyond.reason).toContain('would go beyond the principal');
    const { recordLoanRepayment: paid } = await official.recordLoanRepayment({ measureId: m.id, paidOn: '2018-04-15', amount: 30_000 });
    expect(paid.microCredit).toMatchObject({ status: 'REPAID', repaid: 50_000, outstanding: 0 });
    expect(paid.microCredit!.repayments).toEqual([{ paidOn: '2017-04-15', amount: 20_000 }, { paidOn: '2018-04-15', amount: 30_000 }]);

    const { recordMeasure: d } = await official.recordMeasure({ input: base(poor.id, { kind: 'MICRO_CREDIT', microCredit: { ...loan, principal: 10_000 } }) });
    const early = await official.drawRiskCompensation({ measureId: d.id, drawnOn: '2019-06-01', amount: 10_000 }).catch((e) => e);
    expect(early).toBeInstanceOf(BadUserInputError);
    expect(early.reason).toContain('only on an overdue loan');
    await official.recordLoanRepayment({ measureId: d.id, paidOn: '2017-04-15', amount: 4_000 });
    await official.markLoanOverdue({ measureId: d.id, on: '2019-04-16' });
    const again = await official.markLoanOverdue({ measureId: d.id, on: '2019-04-17' }).catch((e) => e);
    expect(again).toBeInstanceOf(InvalidTransitionError);
    const tooMuch = await official.drawRiskCompensation({ measureId: d.id, drawnOn: '2019-06-01', amount: 6_000.01 }).catch((e) => e);
    expect(tooMuch.reason).toBe('only 6,000 yuan is still owed: the fund covers no more than that');
    const { drawRiskCompensation: c } = await official.drawRiskCompensation({ measureId: d.id, drawnOn: '2019-06-01', amount: 6_000 });
    expect(c.microCredit).toMatchObject({ status: 'COMPENSATED', outstanding: 0, riskCompensation: { drawnOn: '2019-06-01', amount: 6_000 } });
  });
});

describe('the typed measures’ other rules', () => {
  it('refuses a typed part of another kind, a missing one, oversize relocation housing and a trainee of another household', async () => {
    const before = await measureCount(official, ill.id);
    const wrongPart = await official.recordMeasure({ input: base(ill.id, { microCredit: loan }) }).catch((e) => e);
    expect(wrongPart.field).toBe('input.microCredit');
    const missing = await official.recordMeasure({ input: base(ill.id, { kind: 'HOUSE_RENOVATION' }) }).catch((e) => e);
    expect(missing.field).toBe('input.houseRenovation');
    const big = await official.recordMeasure({
      input: base(ill.id, { kind: 'RELOCATION', relocation: { fromPlace: '高山组', toSite: '安置区', toAreaCode: '433125100', peopleMoved: 3, housingAreaM2: 76, subsidy: 1 } }),
    }).catch((e) => e);
    expect(big).toMatchObject({ code: 'BAD_USER_INPUT', field: 'input.relocation.housingAreaM2' });
    const stranger = await official.recordMeasure({
      input: base(ill.id, { kind: 'RAIN_DEW', rainDew: { support: 'SECONDARY_VOCATIONAL', memberId: poor.members[0].id, course: '护理', institution: '保靖县职业中专', enrolledOn: '2016-09-01', expectedEndOn: '2019-06-30' } }),
    }).catch((e) => e);
    expect(stranger.field).toBe('input.rainDew.memberId');
    const villageLoan = await official.recordMeasure({ input: { ...base(ill.id, { kind: 'MICRO_CREDIT', microCredit: loan }), householdId: null, villageCode: VILLAGE } }).catch((e) => e);
    expect(villageLoan.field).toBe('input.kind');
    expect(await measureCount(official, ill.id)).toBe(before);
  });
});

describe('what becomes known later', () => {
  it('records a trainee’s completion and employment, and the day of a move, checked like at the start', async () => {
    // A son of 15 or 16 when he entered 中职 in 2016 (雨露计划 supports 14 to 22), out of school now.
    const student = await register(official, LIMITS_VILLAGE, {
      mainCause: 'LACK_OF_SKILLS', otherCauses: [],
      members: [member({ name: '龙户主', relation: 'HEAD', birth: dayIn(1972) }), member({ name: '龙学生', relation: 'SON', birth: dayIn(2000) })],
    });
    const { recordMeasure: training } = await official.recordMeasure({
      input: base(student.id, { kind: 'RAIN_DEW', causes: ['LACK_OF_SKILLS'], rainDew: { support: 'SECONDARY_VOCATIONAL', memberId: student.members[1].id, course: '护理', institution: '保靖县职业中专', enrolledOn: '2016-09-01', expectedEndOn: '2019-06-30' } }),
    });
    expect(training.rainDew).toMatchObject({ completedOn: null, employedAfter: null });
    const early = await official.recordRainDewOutcome({ measureId: training.id, input: { completedOn: '2016-08-31', employedAfter: false } }).catch((e) => e);
    expect(early).toMatchObject({ code: 'BAD_USER_INPUT', field: 'input.completedOn' });
    const { recordRainDewOutcome } = await official.recordRainDewOutcome({ measureId: training.id, input: { completedOn: '2019-06-30', employedAfter: true, employer: '吉首市人民医院' } });
    expect(recordRainDewOutcome.rainDew).toMatchObject({ completedOn: '2019-06-30', employedAfter: true, employer: '吉首市人民医院', memberId: student.members[1].id });

    const { recordMeasure: move } = await official.recordMeasure({
      input: base(ill.id, { kind: 'RELOCATION', relocation: { fromPlace: '高山组', toSite: '县城集中安置区', toAreaCode: '433125100', peopleMoved: 2, housingAreaM2: 50, subsidy: 40_000 } }),
    });
    const future = await official.recordRelocationMove({ measureId: move.id, movedOn: '2999-01-01' }).catch((e) => e);
    expect(future).toMatchObject({ code: 'BAD_USER_INPUT', field: 'movedOn' });
    expect((await official.recordRelocationMove({ measureId: move.id, movedOn: '2017-01-15' })).recordRelocationMove.relocation!.movedOn).toBe('2017-01-15');
    const wrongKind = await official.recordRelocationMove({ measureId: training.id, movedOn: '2017-01-15' }).catch((e) => e);
    expect(wrongKind).toMatchObject({ code: 'BAD_USER_INPUT', field: 'measureId' });
  });
});

describe('the lifecycle', () => {
  it('goes planned → in progress → completed, refuses other moves with INVALID_TRANSITION and the reason', async () => {
    const { recordMeasure: m } = await official.recordMeasure({ input: base(ill.id, { kind: 'HEALTH', causes: ['ILLNESS'] }) });
    const skip = await official.completeMeasure({ id: m.id, input: { on: '2016-05-01', actualAmount: 100 } }).catch((e) => e);
    expect(skip).toBeInstanceOf(InvalidTransitionError);
    expect(skip.message).toContain('start it first');
    const { startMeasure } = await official.startMeasure({ id: m.id, input: { on: '2016-03-05' } });
    expect(startMeasure).toMatchObject({ status: 'IN_PROGRESS', startedOn: '2016-03-05', version: 2 });
    const early = await official.completeMeasure({ id: m.id, input: { on: '2016-03-04', actualAmount: 100 } }).catch((e) => e);
    expect(early).toMatchObject({ code: 'BAD_USER_INPUT', field: 'input.on' });
    const noAmount = await official.completeMeasure({ id: m.id, input: { on: '2016-10-01' } }).catch((e) => e);
    expect(noAmount.field).toBe('input.actualAmount');
    const stale = await official.completeMeasure({ id: m.id, input: { on: '2016-10-01', actualAmount: 2800, expectedVersion: 1 } }).catch((e) => e);
    expect(stale.code).toBe('CONFLICT');
    const { completeMeasure } = await official.completeMeasure({ id: m.id, input: { on: '2016-10-01', actualAmount: 2800, expectedVersion: 2 } });
    expect(completeMeasure).toMatchObject({ status: 'COMPLETED', completedOn: '2016-10-01', actualAmount: 2800 });
    const cancel = await official.cancelMeasure({ id: m.id, input: { on: '2016-10-02', reason: '重复录入' } }).catch((e) => e);
    expect(cancel).toBeInstanceOf(InvalidTransitionError);
    expect(cancel.message).toContain('stays completed');
    expect((await official.measure({ id: m.id })).measure!.status).toBe('COMPLETED');
    // Each accepted move is one audit record (refused ones none), with the state before and after.
    const { auditTrail } = await official.auditTrail({ filter: { entityId: m.id }, first: 10 });
    expect(auditTrail.nodes.map((n) => n.operation).sort()).toEqual(['completeMeasure', 'recordMeasure', 'startMeasure']);
    const completed = auditTrail.nodes.find((n) => n.operation === 'completeMeasure')!;
    expect([completed.areaCode, (completed.before as { status: string }).status, (completed.after as { status: string }).status]).toEqual([VILLAGE, 'in_progress', 'completed']);
  });

  it('cancels an open measure only with a reason', async () => {
    const { recordMeasure: m } = await official.recordMeasure({ input: base(poor.id) });
    const noReason = await official.cancelMeasure({ id: m.id, input: { on: '2016-04-01', reason: ' ' } }).catch((e) => e);
    expect(noReason).toMatchObject({ code: 'BAD_USER_INPUT', field: 'input.reason' });
    const { cancelMeasure } = await official.cancelMeasure({ id: m.id, input: { on: '2016-04-01', reason: '农户已外出务工' } });
    expect(cancelMeasure).toMatchObject({ status: 'CANCELLED', cancelReason: '农户已外出务工', cancelledOn: '2016-04-01' });
  });
});

describe('plans', () => {
  it('keeps one plan per household and year and one per village and year, each with that year’s measures', async () => {
    const { setAssistancePlan: p } = await official.setAssistancePlan({ input: { householdId: poor.id, year: 2016, goal: '发展产业，2017年脱贫', exitTargetYear: 2017 } });
    const { setAssistancePlan: again } = await official.setAssistancePlan({ input: { householdId: poor.id, year: 2016, goal: '发展产业和务工，2017年脱贫', exitTargetYear: 2017 } });
    expect(again).toMatchObject({ id: p.id, version: 2, goal: '发展产业和务工，2017年脱贫', villageWide: false });
    const { assistancePlan } = await official.assistancePlan({ id: p.id });
    expect(assistancePlan!.household!.id).toBe(poor.id);
    expect(assistancePlan!.measures.length).toBe(await measureCount(official, poor.id));
    expect((await official.node({ id: p.id })).node).toEqual({ id: p.id, __typename: 'AssistancePlan' });

    await official.setAssistancePlan({ input: { villageCode: VILLAGE, year: 2016, goal: '村道硬化，集中供水' } });
    await official.recordMeasure({ input: { ...base(poor.id, { kind: 'DRINKING_WATER', causes: ['LACK_OF_WATER'] }), householdId: null, villageCode: VILLAGE } });
    const { village } = await official.villagePlans({ code: VILLAGE });
    expect(village!.assistancePlans).toHaveLength(1);
    expect(village!.assistancePlans[0].measures.map((m) => [m.kind, m.villageWide])).toEqual([['DRINKING_WATER', true]]);
    const twoTargets = await official.setAssistancePlan({ input: { householdId: poor.id, villageCode: VILLAGE, year: 2016, goal: 'x' } }).catch((e) => e);
    expect(twoTargets.field).toBe('input.householdId');
  });
});

describe('the responsible cadre', () => {
  it('names a cadre working in an area that contains the village, and refuses one who does not', async () => {
    const { registerUnit: unit } = await official.registerUnit({ input: { name: '保靖县农业局', kind: 'GOVERNMENT', areaCode: TOWNSHIP } });
    const { registerCadre: cadre } = await official.registerCadre({ input: { name: '向农技', unitId: unit.id, areaCode: TOWNSHIP, title: '农艺师' } });
    const { recordMeasure } = await official.recordMeasure({ input: base(poor.id, { responsibleCadreId: cadre.id }) });
    expect(recordMeasure.responsibleCadre).toEqual({ cadreId: cadre.id, name: '向农技', phone: null, title: '农艺师', unitName: '保靖县农业局', since: null });
    const admin = await clientAs({ role: 'admin' });
    const { registerUnit: far } = await admin.registerUnit({ input: { name: '复兴镇政府', kind: 'GOVERNMENT', areaCode: '433125108' } });
    const { registerCadre: farCadre } = await admin.registerCadre({ input: { name: '彭远', unitId: far.id, areaCode: '433125108' } });
    const before = await measureCount(official, poor.id);
    const refused = await official.recordMeasure({ input: base(poor.id, { responsibleCadreId: farCadre.id }) }).catch((e) => e);
    expect(refused).toMatchObject({ code: 'BAD_USER_INPUT', field: 'input.responsibleCadreId' });
    expect(await measureCount(official, poor.id)).toBe(before);
  });
});

describe('area and role', () => {
  it('hides measures outside the caller’s area and refuses writes there; an analyst cannot write', async () => {
    const { household } = await official.householdMeasures({ id: poor.id });
    const other = await clientAs({ role: 'official', area: '433124' });
    expect((await other.measure({ id: household!.measures[0].id })).measure).toBeNull();
    expect((await other.node({ id: household!.measures[0].id })).node).toBeNull();
    expect((await official.node({ id: household!.measures[0].id })).node).toEqual({ id: household!.measures[0].id, __typename: 'Measure' });
    const outside = await other.recordMeasure({ input: base(poor.id) }).catch((e) => e);
    expect(outside).toMatchObject({ code: 'BAD_USER_INPUT', field: 'input.householdId' });
    const analyst = await clientAs({ role: 'analyst', area: TOWNSHIP });
    await expect(analyst.recordMeasure({ input: base(poor.id) })).rejects.toBeInstanceOf(ForbiddenError);
    expect(await measureCount(official, poor.id)).toBe(household!.measures.length);
  });
});

describe('no N+1', () => {
  it('reads plans, measures and their households for 2 and for 3 households with the same number of statements', async () => {
    const third = await register(official, VILLAGE, { mainCause: 'LACK_OF_CAPITAL', otherCauses: [] });
    await official.setAssistancePlan({ input: { householdId: third.id, year: 2016, goal: '务工增收' } });
    await official.recordMeasure({ input: base(third.id, { kind: 'EMPLOYMENT' }) });
    await official.setAssistancePlan({ input: { householdId: ill.id, year: 2016, goal: '医疗救助' } });
    const statements = async (first: number) => {
      const info: ResponseInfo = {};
      const data = await official.request(HouseholdsWithMeasuresDocument, { first, filter: { areaCode: VILLAGE } }, info);
      expect(data.households.nodes).toHaveLength(first);
      expect(data.households.nodes.every((h) => h.measures.length > 0 && h.assistancePlans.length > 0)).toBe(true);
      return info.extensions?.sqlStatements as number;
    };
    const two = await statements(2);
    expect(two).toBeLessThanOrEqual(6);
    expect(await statements(3)).toBe(two);
  });
});
