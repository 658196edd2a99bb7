/**
 * 精准帮扶 end to end (issue 4, "Done when"), in 阳朝乡 433125217 of 保靖县, whose villages no
 * other test file writes to: two villages become poor villages through their procedure; a
 * work team is sent to one; a cadre is paired with a 因病 household and a 缺资金 household,
 * visits them and they get measures of every kind; a third household gets nothing. The
 * coverage queries list exactly what was left without help; a 60,000-yuan or 4-year
 * micro-credit loan is refused with its reason; the paired cadre cannot see the household
 * they do not serve; the handbook returns its six parts.
 */
import { beforeAll, describe, expect, it } from 'vitest';
import { BadUserInputError, handbook, HANDBOOK_PARTS, paginate, type Client } from '@jingzhun/sdk';
import { clientAs } from '../support/context.js';
import { freshHousehold } from '../support/forms.js';
import { base, everyKind, loan } from '../support/measures.js';
import { survey } from '../support/surveys.js';
import { daysAgo } from '../support/dates.js';

const TOWNSHIP = '433125217';
const YEAR = 2015;

let county: Client;
let township: Client;
let villages: string[];
let paired: Client;
const h: Record<'ill' | 'poor' | 'left', { id: string; members: { id: string }[] }> = {} as never;

/** A poor village through its procedure: application, township review, posting, county approval, announcement. */
async function makePoor(village: string) {
  await county.recordVillageSurvey({ villageCode: village, input: survey(YEAR) });
  const { applyPoorVillage } = await county.applyPoorVillage({ villageCode: village, input: { year: YEAR, date: daysAgo(30) } });
  const caseId = applyPoorVillage.case.id;
  await township.reviewCase({ caseId, input: { date: daysAgo(29), decision: 'APPROVE' } });
  await township.postCase({ caseId, input: { date: daysAgo(28) } });
  await county.approveCase({ caseId, input: { date: daysAgo(21), decision: 'APPROVE' } });
  await county.announceCase({ caseId, input: { date: daysAgo(20) } });
}

async function all<T extends { id: string }>(page: (after: string | null) => Promise<{ nodes: T[]; pageInfo: { hasNextPage: boolean; endCursor: string | null } }>) {
  const ids: string[] = [];
  for await (const n of paginate(page)) ids.push(n.id);
  return ids.sort();
}

beforeAll(async () => {
  const admin = await clientAs({ role: 'admin' });
  county = await clientAs({ role: 'official', area: '433125', sub: 'county-assistance-journey' });
  township = await clientAs({ role: 'official', area: TOWNSHIP, sub: 'township-assistance-journey' });
  villages = (await county.areas({ filter: { parentCode: TOWNSHIP }, first: 3 })).areas.nodes.map((a) => a.code);
  // The same figures as tests/e2e/poor-village.test.ts sets for 2015.
  await admin.setProvincialFigures({ input: { provinceCode: '43', year: YEAR, povertyIncidence: 0.1, averageNetIncome: 8000, region: 'CENTRAL' } });
  for (const v of villages.slice(0, 2)) await makePoor(v);
  const register = async (over: Parameters<typeof freshHousehold>[1] = {}) => (await township.registerHousehold({ input: freshHousehold(villages[0], over) })).registerHousehold.household;
  h.ill = await register();
  h.poor = await register({ mainCause: 'LACK_OF_CAPITAL', otherCauses: [] });
  h.left = await register();
});

describe('assistance for two households, and the gaps it leaves', () => {
  it('pairs a cadre, sends a work team, records visits and measures of every kind, and coverage lists exactly the gaps', async () => {
    const { registerUnit: unit } = await township.registerUnit({ input: { name: '保靖县农业农村局', kind: 'GOVERNMENT', areaCode: TOWNSHIP } });
    const cadre = async (name: string, subject: string) =>
      (await township.registerCadre({ input: { name, unitId: unit.id, areaCode: TOWNSHIP, subject } })).registerCadre.id;
    const secretary = await cadre('彭书记', 'journey-secretary');
    const member = await cadre('向队员', 'journey-member');
    const helper = await cadre('田帮扶', 'journey-helper');
    await township.sendWorkTeam({ input: { villageCode: villages[0], unitId: unit.id, startedOn: daysAgo(100), members: [{ cadreId: secretary, role: 'FIRST_SECRETARY' }, { cadreId: member, role: 'MEMBER' }] } });
    for (const k of ['ill', 'poor'] as const) await township.pairHousehold({ householdId: h[k].id, cadreId: helper, startedOn: daysAgo(90) });

    paired = await clientAs({ role: 'cadre', sub: 'journey-helper' });
    for (const k of ['ill', 'poor'] as const) {
      await paired.recordVisit({ input: { householdId: h[k].id, visitedOn: daysAgo(5), activities: '入户核实帮扶需求', findings: '已落实帮扶措施' } });
    }
    for (const [k, cause] of [['ill', 'ILLNESS'], ['poor', 'LACK_OF_CAPITAL']] as const) {
      for (const input of everyKind(h[k], cause)) await township.recordMeasure({ input: { ...input, endDate: '2030-12-31' } });
    }
    // One measure that ran past its end without being completed.
    const { recordMeasure: late } = await township.recordMeasure({ input: base(h.poor.id, { kind: 'EMPLOYMENT', title: '转移就业培训', endDate: '2016-12-31' }) });

    const coverage = (areaCode: string) => ({
      unpaired: () => all((after) => township.unpairedHouseholds({ areaCode, first: 2, after }).then((d) => d.assistanceCoverage.unpairedHouseholds)),
      unassisted: () => all((after) => township.unassistedHouseholds({ areaCode, first: 2, after }).then((d) => d.assistanceCoverage.unassistedHouseholds)),
      villages: () => township.villagesWithoutWorkTeam({ areaCode, first: 100 }).then((d) => d.assistanceCoverage.villagesWithoutWorkTeam.nodes.map((v) => v.code).sort()),
      overdue: () => all((after) => township.overdueMeasures({ areaCode, first: 2, after }).then((d) => d.assistanceCoverage.overdueMeasures)),
    });
    const c = coverage(TOWNSHIP);
    expect(await c.unpaired()).toEqual([h.left.id]);
    expect(await c.unassisted()).toEqual([h.left.id]);
    expect(await c.villages()).toEqual([villages[1]]);
    expect(await c.overdue()).toEqual([late.id]);
    const { assistanceCoverage } = await township.assistanceCoverage({ areaCode: TOWNSHIP });
    expect(assistanceCoverage.counts).toMatchObject({ unpairedHouseholds: 1, unassistedHouseholds: 1, villagesWithoutWorkTeam: 1, overdueMeasures: 1 });
  });

  it('refuses a micro-credit loan of 60,000 yuan or 4 years with the reason', async () => {
    const input = (over: Partial<typeof loan>) => base(h.poor.id, { kind: 'MICRO_CREDIT', title: '扶贫小额信贷', fundingSource: 'CREDIT', microCredit: { ...loan, ...over } });
    const big = await township.recordMeasure({ input: input({ principal: 60_000 }) }).catch((e) => e);
    expect(big).toBeInstanceOf(BadUserInputError);
    expect(big).toMatchObject({ field: 'input.microCredit.principal', reason: expect.stringMatching(/at most 50,000 yuan/) });
    const long = await township.recordMeasure({ input: input({ termMonths: 48 }) }).catch((e) => e);
    expect(long).toMatchObject({ code: 'BAD_USER_INPUT', field: 'input.microCredit.termMonths' });
  });

  it('shows the paired cadre the households they serve and no other', async () => {
    expect((await paired.household({ id: h.ill.id })).household?.id).toBe(h.ill.id);
    expect((await paired.household({ id: h.left.id })).household).toBeNull();
  });

  it('returns the handbook with its six parts', async () => {
    const book = await handbook(township, h.ill.id);
    for (const part of HANDBOOK_PARTS) expect(book[part]).toBeDefined();
    expect(book.responsiblePerson).toMatchObject({ name: '田帮扶' });
    expect(book.measures).toHaveLength(14);
  });
});
