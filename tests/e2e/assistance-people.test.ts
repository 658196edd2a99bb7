/**
 * The people of 精准帮扶 (issue 4, items 1–4) end to end: units and cadres registered by
 * officials and admins of the area; a village work team sent and rotated (history and
 * current); a household paired and reassigned (history, audit); bad input refused with
 * field and reason and nothing changed; who may do what.
 */
import { beforeAll, describe, expect, it } from 'vitest';
import { BadUserInputError, ConflictError, ForbiddenError, InvalidTransitionError, NotFoundError, TypedDocumentString, type Client, type ResponseInfo } from '@jingzhun/sdk';
import { clientAs } from '../support/context.js';
import { freshHousehold } from '../support/forms.js';
import { daysAgo, PEOPLE_COUNTY, someVillages, subject } from '../support/people.js';

let admin: Client;
let official: Client;
let village: string;
let otherVillage: string;
let unitId: string;
const cadreIds: string[] = [];

const refused = async (p: Promise<unknown>) => {
  const e = await p.then(() => null, (err) => err);
  expect(e).toBeInstanceOf(BadUserInputError);
  return e as BadUserInputError;
};

beforeAll(async () => {
  admin = await clientAs({ role: 'admin', sub: subject('people-admin') });
  official = await clientAs({ role: 'official', area: PEOPLE_COUNTY, sub: subject('people-official') });
  [village, otherVillage] = await someVillages(official, 2, 1);
  const { registerUnit } = await official.registerUnit({ input: { name: '湖南省测试定点帮扶单位', kind: 'DESIGNATED', areaCode: PEOPLE_COUNTY } });
  unitId = registerUnit.id;
  for (const name of ['彭第一', '田第二', '向第三']) {
    const { registerCadre } = await official.registerCadre({ input: { name, unitId, areaCode: PEOPLE_COUNTY, title: '科员', phone: '0743-8520000' } });
    cadreIds.push(registerCadre.id);
  }
});

describe('units and cadres', () => {
  it('registers every kind of unit and lists them by area and kind', async () => {
    const kinds = ['GOVERNMENT', 'EAST_WEST', 'MILITARY', 'ENTERPRISE', 'SOCIAL_ORGANIZATION'] as const;
    for (const kind of kinds) await admin.registerUnit({ input: { name: `测试${kind}`, kind, areaCode: `${PEOPLE_COUNTY}100` } });
    const { assistanceUnits } = await official.assistanceUnits({ filter: { areaCode: `${PEOPLE_COUNTY}100`, kind: 'MILITARY' }, first: 100 });
    expect(assistanceUnits.nodes.length).toBeGreaterThanOrEqual(1);
    expect(assistanceUnits.nodes.every((u) => u.kind === 'MILITARY' && u.areaCode.startsWith(`${PEOPLE_COUNTY}100`))).toBe(true);
    // An official of another county does not see the unit: null, like a missing one.
    const other = await clientAs({ role: 'official', area: '433124' });
    expect((await other.assistanceUnit({ id: unitId })).assistanceUnit).toBeNull();
  });

  it("shows a cadre with their unit, and lists cadres by unit and name", async () => {
    const { cadre } = await official.cadre({ id: cadreIds[0] });
    expect(cadre).toMatchObject({ name: '彭第一', title: '科员', phone: '0743-8520000', areaCode: PEOPLE_COUNTY, unit: { id: unitId, kind: 'DESIGNATED' } });
    const { cadres } = await official.cadres({ filter: { unitId, name: '第二' } });
    expect(cadres.nodes.map((c) => c.id)).toEqual([cadreIds[1]]);
    expect(cadres.totalCount).toBe(1);
  });

  it('refuses an unknown unit kind, with the field, and writes nothing', async () => {
    // Counted in this file's own village: other files register units in the county meanwhile.
    const before = (await official.assistanceUnits({ filter: { areaCode: village } })).assistanceUnits.totalCount;
    const e = await refused(official.registerUnit({ input: { name: '某单位', kind: 'CHURCH' as never, areaCode: village } }));
    expect(e.field).toBe('input.kind');
    expect(e.reason).toMatch(/CHURCH/);
    expect((await official.assistanceUnits({ filter: { areaCode: village } })).assistanceUnits.totalCount).toBe(before);
  });

  it("refuses a unit or cadre outside the official's area, and a cadre outside the unit's", async () => {
    expect((await refused(official.registerUnit({ input: { name: '外县单位', kind: 'GOVERNMENT', areaCode: '433124' } }))).field).toBe('input.areaCode');
    const { registerUnit: township } = await official.registerUnit({ input: { name: '乡镇单位', kind: 'GOVERNMENT', areaCode: village.slice(0, 9) } });
    const e = await refused(official.registerCadre({ input: { name: '某干部', unitId: township.id, areaCode: PEOPLE_COUNTY } }));
    expect(e).toMatchObject({ field: 'input.areaCode', reason: expect.stringMatching(/outside the area the unit helps/) });
  });

  it('lets only admins and officials register; keeps cadres from ministries', async () => {
    const cadre = await clientAs({ role: 'cadre', area: village, sub: subject('unregistered') });
    await expect(cadre.registerUnit({ input: { name: '某单位', kind: 'GOVERNMENT', areaCode: village } })).rejects.toBeInstanceOf(ForbiddenError);
    await expect(cadre.registerCadre({ input: { name: '某干部', unitId, areaCode: village } })).rejects.toBeInstanceOf(ForbiddenError);
    const ministry = await clientAs({ role: 'ministry', sector: 'water' });
    await expect(ministry.cadres({})).rejects.toBeInstanceOf(ForbiddenError);
  });

  it('refuses a token subject that is already a cadre (CONFLICT)', async () => {
    const sub = subject('dup');
    await official.registerCadre({ input: { name: '甲', unitId, areaCode: PEOPLE_COUNTY, subject: sub } });
    await expect(official.registerCadre({ input: { name: '乙', unitId, areaCode: PEOPLE_COUNTY, subject: sub } })).rejects.toBeInstanceOf(ConflictError);
  });
});

describe('village work teams', () => {
  it('sends a team, rotates it, and keeps the history with the current team', async () => {
    const first = (await official.sendWorkTeam({ input: {
      villageCode: village, unitId, startedOn: daysAgo(400), endsOn: daysAgo(-330),
      members: [{ cadreId: cadreIds[0], role: 'FIRST_SECRETARY' }, { cadreId: cadreIds[1], role: 'MEMBER' }],
    } })).sendWorkTeam;
    expect(first).toMatchObject({ current: true, firstSecretary: { id: cadreIds[0] }, unit: { id: unitId } });
    expect(first.members.map((m) => m.role)).toEqual(['FIRST_SECRETARY', 'MEMBER']);
    const second = (await official.sendWorkTeam({ input: { villageCode: village, unitId, startedOn: daysAgo(10), members: [{ cadreId: cadreIds[2], role: 'FIRST_SECRETARY' }] } })).sendWorkTeam;
    const { village: v } = await official.villageWorkTeams({ code: village });
    expect(v!.currentWorkTeam?.id).toBe(second.id);
    expect(v!.workTeams.map((t) => [t.id, t.current, t.endedOn])).toEqual([[second.id, true, null], [first.id, false, daysAgo(10)]]);
    const { auditTrail } = await official.auditTrail({ filter: { entityId: second.id } });
    expect(auditTrail.nodes.map((n) => n.operation)).toEqual(['sendWorkTeam']);
  });

  it('refuses an end before the start, and a rotation starting before the current term; nothing changes', async () => {
    const before = (await official.villageWorkTeams({ code: village })).village!.workTeams;
    const e = await refused(official.sendWorkTeam({ input: { villageCode: village, unitId, startedOn: daysAgo(5), endsOn: daysAgo(6), members: [{ cadreId: cadreIds[0], role: 'FIRST_SECRETARY' }] } }));
    expect(e.field).toBe('input.endsOn');
    const e2 = await refused(official.sendWorkTeam({ input: { villageCode: village, unitId, startedOn: daysAgo(20), members: [{ cadreId: cadreIds[0], role: 'FIRST_SECRETARY' }] } }));
    expect(e2).toMatchObject({ field: 'input.startedOn', reason: expect.stringMatching(/after the current team's start/) });
    const e3 = await refused(official.sendWorkTeam({ input: { villageCode: village, unitId, startedOn: daysAgo(5), members: [{ cadreId: cadreIds[0], role: 'MEMBER' }] } }));
    expect(e3.field).toBe('input.members');
    expect((await official.villageWorkTeams({ code: village })).village!.workTeams).toEqual(before);
  });
});

describe('pairing', () => {
  it('pairs a household and reassigns it, with history and audit', async () => {
    const { registerHousehold } = await official.registerHousehold({ input: freshHousehold(otherVillage) });
    const h = registerHousehold.household;
    const p1 = (await official.pairHousehold({ householdId: h.id, cadreId: cadreIds[0], startedOn: daysAgo(100) })).pairHousehold;
    expect(p1).toMatchObject({ current: true, startedOn: daysAgo(100), cadre: { id: cadreIds[0] }, household: { id: h.id } });
    const p2 = (await official.reassignPairing({ householdId: h.id, cadreId: cadreIds[1], startedOn: daysAgo(3), reason: '工作调动' })).reassignPairing;
    const { household } = await official.householdPairings({ id: h.id });
    expect(household!.responsiblePerson).toMatchObject({ id: cadreIds[1], name: '田第二' });
    expect(household!.pairings.map((p) => [p.id, p.cadre?.id, p.startedOn, p.endedOn, p.reason])).toEqual([
      [p1.id, cadreIds[0], daysAgo(100), daysAgo(3), null],
      [p2.id, cadreIds[1], daysAgo(3), null, '工作调动'],
    ]);
    const { cadre } = await official.cadre({ id: cadreIds[1] });
    expect(cadre!.households.map((x) => x.id)).toContain(h.id);
    expect((await official.cadre({ id: cadreIds[0] })).cadre!.households.map((x) => x.id)).not.toContain(h.id);
    for (const [id, op] of [[p1.id, 'pairHousehold'], [p2.id, 'reassignPairing']]) {
      const { auditTrail } = await official.auditTrail({ filter: { entityId: id } });
      expect(auditTrail.nodes.map((n) => n.operation)).toEqual([op]);
    }
  });

  it('refuses a second pairing (CONFLICT), a reassignment without one (INVALID_TRANSITION), and bad dates', async () => {
    const h = (await official.registerHousehold({ input: freshHousehold(otherVillage) })).registerHousehold.household;
    await expect(official.reassignPairing({ householdId: h.id, cadreId: cadreIds[1], startedOn: daysAgo(1), reason: 'x' })).rejects.toBeInstanceOf(InvalidTransitionError);
    const tomorrow = daysAgo(-1);
    expect((await refused(official.pairHousehold({ householdId: h.id, cadreId: cadreIds[0], startedOn: tomorrow }))).field).toBe('startedOn');
    await official.pairHousehold({ householdId: h.id, cadreId: cadreIds[0], startedOn: daysAgo(10) });
    await expect(official.pairHousehold({ householdId: h.id, cadreId: cadreIds[1], startedOn: daysAgo(1) })).rejects.toBeInstanceOf(ConflictError);
    const e = await refused(official.reassignPairing({ householdId: h.id, cadreId: cadreIds[1], startedOn: daysAgo(20), reason: '调整' }));
    expect(e.field).toBe('startedOn');
    expect((await official.householdPairings({ id: h.id })).household!.pairings).toHaveLength(1);
  });

  it('refuses a household whose policy has ended, and writes nothing', async () => {
    const h = (await official.registerHousehold({ input: freshHousehold(otherVillage, { status: 'EXITED_POLICY_ENDED', exitYear: 2018 }) })).registerHousehold.household;
    const e = await refused(official.pairHousehold({ householdId: h.id, cadreId: cadreIds[0], startedOn: daysAgo(1) }));
    expect(e).toMatchObject({ field: 'householdId', reason: expect.stringMatching(/status is 4/) });
    expect((await official.householdPairings({ id: h.id })).household!.pairings).toEqual([]);
  });

  it('lets officials pair, not cadres; a household outside the area is NOT_FOUND', async () => {
    const h = (await official.registerHousehold({ input: freshHousehold(otherVillage) })).registerHousehold.household;
    const cadre = await clientAs({ role: 'cadre', area: otherVillage, sub: subject('unregistered') });
    await expect(cadre.pairHousehold({ householdId: h.id, cadreId: cadreIds[0], startedOn: daysAgo(1) })).rejects.toBeInstanceOf(ForbiddenError);
    // A ministry reads households pseudonymously: never who helps them.
    await official.pairHousehold({ householdId: h.id, cadreId: cadreIds[0], startedOn: daysAgo(1) });
    const ministry = await clientAs({ role: 'ministry', sector: 'water' });
    expect((await ministry.householdPairings({ id: h.id })).household).toMatchObject({ id: h.id, responsiblePerson: null, pairings: [] });
    const outsider = await clientAs({ role: 'official', area: '433124' });
    await expect(outsider.pairHousehold({ householdId: h.id, cadreId: cadreIds[0], startedOn: daysAgo(1) })).rejects.toMatchObject({ code: 'NOT_FOUND' });
  });
});

describe('visits 帮扶日志', () => {
  let visitor: Client;
  let visitorId: string;
  let served: { id: string; number: string };
  let unvisited: { id: string; number: string };
  let policyEnded: { id: string; number: string };

  beforeAll(async () => {
    const sub = subject('visiting-cadre');
    visitorId = (await official.registerCadre({ input: { name: '龙走访', unitId, areaCode: PEOPLE_COUNTY, subject: sub } })).registerCadre.id;
    visitor = await clientAs({ role: 'cadre', sub });
    const reg = async (over = {}) => (await official.registerHousehold({ input: freshHousehold(otherVillage, over) })).registerHousehold.household;
    served = await reg();
    unvisited = await reg();
    policyEnded = await reg({ status: 'EXITED_POLICY_ENDED', exitYear: 2018 });
    await official.pairHousehold({ householdId: served.id, cadreId: visitorId, startedOn: daysAgo(50) });
  });

  it('a cadre records their own visit; it shows on the household and the cadre, newest first', async () => {
    const v1 = (await visitor.recordVisit({ input: { householdId: served.id, visitedOn: daysAgo(40), activities: '宣讲扶贫政策', findings: '户主慢性病需复诊' } })).recordVisit;
    const v2 = (await visitor.recordVisit({ input: { householdId: served.id, visitedOn: daysAgo(2), activities: '落实产业奖补', findings: '养殖猪两头' } })).recordVisit;
    expect(v2).toMatchObject({ visitedOn: daysAgo(2), cadre: { id: visitorId, name: '龙走访' }, household: { id: served.id } });
    const { household } = await official.householdVisits({ id: served.id });
    expect(household!.visits.nodes.map((v) => v.id)).toEqual([v2.id, v1.id]);
    expect(household!.visits.totalCount).toBe(2);
    const first = (await official.householdVisits({ id: served.id, first: 1 })).household!.visits;
    expect(first.nodes.map((v) => v.id)).toEqual([v2.id]);
    expect(first.pageInfo.hasNextPage).toBe(true);
    const second = (await official.householdVisits({ id: served.id, first: 1, after: first.pageInfo.endCursor })).household!.visits;
    expect(second.nodes.map((v) => v.id)).toEqual([v1.id]);
    expect(second.pageInfo.hasNextPage).toBe(false);
    const { cadre } = await visitor.cadreVisits({ id: visitorId });
    expect(cadre!.visits.nodes.map((v) => v.id)).toEqual([v2.id, v1.id]);
    const cadreFirst = (await visitor.cadreVisits({ id: visitorId, first: 1 })).cadre!.visits;
    const cadreNext = (await visitor.cadreVisits({ id: visitorId, first: 1, after: cadreFirst.pageInfo.endCursor })).cadre!.visits;
    expect([...cadreFirst.nodes, ...cadreNext.nodes].map((v) => v.id)).toEqual([v2.id, v1.id]);
    // Two visits on the same day keep one order across pages (day, then when recorded, then ID).
    const v3 = (await visitor.recordVisit({ input: { householdId: served.id, visitedOn: daysAgo(2), activities: '回访', findings: '猪长势良好' } })).recordVisit;
    const walked: string[] = [];
    let after: string | null | undefined;
    do {
      const page = (await official.householdVisits({ id: served.id, first: 1, after })).household!.visits;
      walked.push(...page.nodes.map((v) => v.id));
      after = page.pageInfo.hasNextPage ? page.pageInfo.endCursor : undefined;
    } while (after);
    expect(walked).toEqual([v3.id, v2.id, v1.id]);
    // A cursor of another list is refused with the argument named, not read as a visit.
    const foreign = Buffer.from('433124110226000001').toString('base64url');
    await expect(official.householdVisits({ id: served.id, after: foreign })).rejects.toMatchObject({ code: 'BAD_USER_INPUT', field: 'after' });
    const { auditTrail } = await official.auditTrail({ filter: { entityId: v2.id } });
    expect(auditTrail.nodes.map((n) => [n.operation, n.actor])).toEqual([['recordVisit', expect.stringMatching(/^visiting-cadre-/)]]);
  });

  it("an official records a visit on a cadre's behalf, naming the cadre", async () => {
    const { recordVisit } = await official.recordVisit({ input: { householdId: unvisited.id, cadreId: cadreIds[2], visitedOn: daysAgo(45), activities: '核实家庭收入', findings: '无变化' } });
    expect(recordVisit.cadre?.id).toBe(cadreIds[2]);
    expect((await refused(official.recordVisit({ input: { householdId: unvisited.id, visitedOn: daysAgo(1), activities: 'a', findings: 'b' } }))).field).toBe('input.cadreId');
  });

  it('refuses a visit in the future or without what was found, and writes nothing', async () => {
    const before = (await official.householdVisits({ id: served.id, first: 100 })).household!.visits.nodes.length;
    const e = await refused(visitor.recordVisit({ input: { householdId: served.id, visitedOn: daysAgo(-1), activities: '走访', findings: ' ' } }));
    expect(e.problems.map((p) => p.field)).toEqual(['input.visitedOn', 'input.findings']);
    expect(e.reason).toMatch(/future/);
    expect((await official.householdVisits({ id: served.id, first: 100 })).household!.visits.nodes).toHaveLength(before);
  });

  it('keeps a cadre to the households they serve and to their own visits', async () => {
    await expect(visitor.recordVisit({ input: { householdId: unvisited.id, visitedOn: daysAgo(1), activities: 'a', findings: 'b' } })).rejects.toBeInstanceOf(NotFoundError);
    await expect(visitor.recordVisit({ input: { householdId: served.id, cadreId: cadreIds[0], visitedOn: daysAgo(1), activities: 'a', findings: 'b' } })).rejects.toBeInstanceOf(ForbiddenError);
    const unregistered = await clientAs({ role: 'cadre', area: otherVillage, sub: subject('unregistered') });
    await expect(unregistered.recordVisit({ input: { householdId: served.id, visitedOn: daysAgo(1), activities: 'a', findings: 'b' } })).rejects.toBeInstanceOf(ForbiddenError);
    const analyst = await clientAs({ role: 'analyst' });
    await expect(analyst.householdsNotVisited({ areaCode: otherVillage })).rejects.toBeInstanceOf(ForbiddenError);
  });

  it('lists registered households not visited within N days (default 30), never those whose policy ended', async () => {
    const numbers = async (days?: number) => {
      const out: string[] = [];
      let after: string | undefined;
      do {
        const { householdsNotVisited: page } = await official.householdsNotVisited({ areaCode: otherVillage, days, first: 100, after });
        out.push(...page.nodes.map((h) => h.number));
        after = page.pageInfo.hasNextPage ? page.pageInfo.endCursor ?? undefined : undefined;
      } while (after);
      return out;
    };
    const byDefault = await numbers();
    expect(byDefault).toContain(unvisited.number); // visited 45 days ago
    expect(byDefault).not.toContain(served.number); // visited 2 days ago
    expect(byDefault).not.toContain(policyEnded.number);
    expect(await numbers(30)).toEqual(byDefault);
    expect(await numbers(1)).toContain(served.number);
    expect(await numbers(60)).not.toContain(unvisited.number);
    expect((await refused(official.householdsNotVisited({ areaCode: otherVillage, days: 0 }))).field).toBe('days');
    // A cadre sees only what they serve.
    const { householdsNotVisited: mine } = await visitor.householdsNotVisited({ areaCode: otherVillage, days: 1 });
    expect(mine.nodes.map((h) => h.number)).toEqual([served.number]);
  });
});

describe('no N+1', () => {
  type Page = { households: { nodes: { responsiblePerson: { unit: { id: string } | null } | null; pairings: { cadre: { id: string } | null }[]; visits: { nodes: { cadre: { id: string } | null }[] } }[] } };
  const doc = new TypedDocumentString<Page, { areaCode: string; first: number }>(`query($areaCode: String!, $first: Int!) { households(filter: { areaCode: $areaCode }, first: $first) { nodes {
    responsiblePerson { id unit { id } } pairings { id cadre { id } household { id } } visits { nodes { id cadre { id } household { id } } }
    village { code currentWorkTeam { id firstSecretary { id } members { role cadre { id workTeams { id } } } unit { id } } workTeams { id } }
  } } }`);

  it('runs about as many statements for 5 households with their people as for 1', async () => {
    const count = async (first: number) => {
      const info: ResponseInfo = {};
      const data = await official.request(doc, { areaCode: otherVillage, first }, info);
      expect(data.households.nodes).toHaveLength(first);
      return info.extensions?.sqlStatements as number;
    };
    // DataLoader batches by tick, so a related loader may run once more or less with the data's
    // shape; a field loaded per household would add at least 4 statements for 5 households.
    const one = await count(1);
    const five = await count(5);
    expect(five).toBeLessThan(one + 4);
    expect(five).toBeLessThanOrEqual(16);
  });
});
