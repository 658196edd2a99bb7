/**
 * A cadre cannot see a household they do not serve (issue 4, done-when): a registered
 * cadre's token reaches the households they are paired with (in any village) and the
 * villages whose current work team they are on — nothing else, in reads and writes —
 * and loses a household the day it is reassigned. A cadre token whose subject is not
 * a registered cadre keeps the villages it names.
 */
import { beforeAll, describe, expect, it } from 'vitest';
import { NotFoundError, UnauthenticatedError, type Client } from '@jingzhun/sdk';
import { clientAs } from '../support/context.js';
import { freshHousehold } from '../support/forms.js';
import { daysAgo, PEOPLE_COUNTY, someVillages, subject } from '../support/people.js';

type H = { id: string; number: string };
let official: Client;
let v1: string, v2: string, v3: string;
let paired: H, neighbour: H, teamHousehold: H, elsewhere: H;
const subjects = { a: subject('scope-cadre-a'), b: subject('scope-cadre-b'), c: subject('scope-cadre-c') };
const ids: Record<'a' | 'b' | 'c', string> = { a: '', b: '', c: '' };
let firstPairing: string;
const cadre = (who: 'a' | 'b' | 'c', area?: string) => clientAs({ role: 'cadre', sub: subjects[who], area });

async function register(village: string): Promise<H> {
  const { registerHousehold } = await official.registerHousehold({ input: freshHousehold(village) });
  return { id: registerHousehold.household.id, number: registerHousehold.household.number };
}

beforeAll(async () => {
  official = await clientAs({ role: 'official', area: PEOPLE_COUNTY, sub: subject('scope-official') });
  [v1, v2, v3] = await someVillages(official, 3, 0);
  paired = await register(v1);
  neighbour = await register(v1);
  teamHousehold = await register(v2);
  elsewhere = await register(v3);
  const { registerUnit: unit } = await official.registerUnit({ input: { name: '保靖县测试帮扶单位', kind: 'GOVERNMENT', areaCode: PEOPLE_COUNTY } });
  for (const who of ['a', 'b', 'c'] as const) {
    const { registerCadre } = await official.registerCadre({ input: { name: `干部${who}`, unitId: unit.id, areaCode: PEOPLE_COUNTY, subject: subjects[who] } });
    ids[who] = registerCadre.id;
  }
  firstPairing = (await official.pairHousehold({ householdId: paired.id, cadreId: ids.a, startedOn: daysAgo(30) })).pairHousehold.id;
  await official.sendWorkTeam({ input: { villageCode: v2, unitId: unit.id, startedOn: daysAgo(60), members: [{ cadreId: ids.b, role: 'FIRST_SECRETARY' }] } });
});

describe('a paired cadre', () => {
  it('sees their paired household in another village, with its members and village, but not its neighbour', async () => {
    // The token names v3; a registered cadre's scope comes from the registry, not the token.
    const a = await cadre('a', v3);
    expect((await a.viewer()).viewer.areaCodes).toEqual([]);
    const { household } = await a.household({ id: paired.id });
    expect(household).toMatchObject({ number: paired.number, village: { code: v1 } });
    expect(household!.members).toHaveLength(3);
    expect((await a.householdByNumber({ number: paired.number })).householdByNumber?.id).toBe(paired.id);
    expect((await a.node({ id: paired.id })).node).toEqual({ id: paired.id, __typename: 'Household' });
    expect((await a.household({ id: neighbour.id })).household).toBeNull();
    expect((await a.householdByNumber({ number: neighbour.number })).householdByNumber).toBeNull();
    expect((await a.household({ id: elsewhere.id })).household).toBeNull();
    const { households } = await a.households({ filter: { areaCode: v1 }, first: 100 });
    expect(households.nodes.map((h) => h.number)).toEqual([paired.number]);
    expect(households.totalCount).toBe(1);
    expect((await a.households({ first: 100 })).households.nodes.map((h) => h.number)).toEqual([paired.number]);
  });

  it('writes to the paired household and not to its neighbour (NOT_FOUND, like a missing one)', async () => {
    const a = await cadre('a');
    const { correctHousehold } = await a.correctHousehold({ id: paired.id, input: { phone: '13700000000' } });
    expect(correctHousehold.household.phone).toBe('13700000000');
    await expect(a.correctHousehold({ id: neighbour.id, input: { phone: '13900000000' } })).rejects.toBeInstanceOf(NotFoundError);
    expect((await official.household({ id: neighbour.id })).household!.phone).toBe('13800000000');
  });
});

describe('a work-team member', () => {
  it("sees the households of the team's village and nothing outside it", async () => {
    const b = await cadre('b');
    expect((await b.viewer()).viewer.areaCodes).toEqual([v2]);
    expect((await b.household({ id: teamHousehold.id })).household?.number).toBe(teamHousehold.number);
    const { households } = await b.households({ first: 100 });
    expect(households.nodes.map((h) => h.number)).toContain(teamHousehold.number);
    expect(households.nodes.every((h) => h.number.startsWith(v2))).toBe(true);
    expect((await b.household({ id: paired.id })).household).toBeNull();
    expect((await b.households({ filter: { areaCode: v1 } })).households.totalCount).toBe(0);
  });
});

describe('reassignment', () => {
  it('takes the household away from the old cadre and gives it to the new one', async () => {
    await official.reassignPairing({ householdId: paired.id, cadreId: ids.c, startedOn: daysAgo(1), reason: '原帮扶责任人调回原单位' });
    const a = await cadre('a');
    const c = await cadre('c');
    expect((await a.household({ id: paired.id })).household).toBeNull();
    expect((await a.households({ first: 100 })).households.totalCount).toBe(0);
    expect((await a.node({ id: firstPairing })).node).toBeNull(); // the pairing record goes with the household
    expect((await a.cadre({ id: ids.a })).cadre!.households).toEqual([]);
    await expect(a.correctHousehold({ id: paired.id, input: { phone: '13900000000' } })).rejects.toBeInstanceOf(NotFoundError);
    expect((await c.household({ id: paired.id })).household?.number).toBe(paired.number);
    expect((await c.node({ id: firstPairing })).node).toEqual({ id: firstPairing, __typename: 'Pairing' });
  });
});

describe('a cadre token whose subject is not a registered cadre', () => {
  it('keeps the villages its token names', async () => {
    const legacy = await clientAs({ role: 'cadre', sub: subject('unregistered'), area: v3 });
    expect((await legacy.viewer()).viewer.areaCodes).toEqual([v3]);
    expect((await legacy.household({ id: elsewhere.id })).household?.number).toBe(elsewhere.number);
    expect((await legacy.household({ id: paired.id })).household).toBeNull();
  });

  it('is refused when it names no villages', async () => {
    const nobody = await clientAs({ role: 'cadre', sub: subject('unregistered') });
    await expect(nobody.viewer()).rejects.toBeInstanceOf(UnauthenticatedError);
  });
});
