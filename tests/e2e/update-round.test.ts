/**
 * The annual update round 年度动态调整 (issue 3, item 7): an official opens the round for
 * an area and year, the households not yet updated are listed, cadres record the year,
 * and closing the round stores each household's standing against the year's line.
 * Villages of the demo county's second page of villages, which no other file writes to.
 */
import { beforeAll, describe, expect, it } from 'vitest';
import { BadUserInputError, ConflictError, ForbiddenError, InvalidTransitionError, NotFoundError, UpdateRoundsWithPendingDocument, type Client, type ResponseInfo } from '@jingzhun/sdk';
import { clientAs } from '../support/context.js';
import { freshHousehold, year } from '../support/forms.js';

const COUNTY = '433124';
const YEAR = 2020;
const today = () => new Date().toISOString().slice(0, 10);
const tomorrow = () => new Date(Date.now() + 86_400_000).toISOString().slice(0, 10);

let admin: Client;
let official: Client;
let villageA: string;
let villageB: string;
let line: number;

beforeAll(async () => {
  admin = await clientAs({ role: 'admin' });
  official = await clientAs({ role: 'official', area: COUNTY });
  const first = await admin.villages({ filter: { areaCode: COUNTY }, first: 100 });
  const second = await admin.villages({ filter: { areaCode: COUNTY }, first: 100, after: first.villages.pageInfo.endCursor });
  villageA = second.villages.nodes[60].code;
  villageB = second.villages.nodes[70].code;
  line = (await admin.povertyLines({ year: YEAR, areaCode: '' })).povertyLines[0].yuan;
});

async function pendingIds(c: Client, id: string) {
  const ids: string[] = [];
  for await (const h of c.paginate((after) => c.updateRound({ id, first: 100, after }).then((d) => d.updateRound!.pendingHouseholds))) ids.push(h.id);
  return ids;
}

describe('an update round', () => {
  it('lists the households not yet updated, counts progress, and on closing stores each standing', async () => {
    const cadre = await clientAs({ role: 'cadre', area: villageA, sub: 'test-round-cadre' });
    const above = (await official.registerHousehold({ input: freshHousehold(villageA) })).registerHousehold.household.id;
    const below = (await official.registerHousehold({ input: freshHousehold(villageA) })).registerHousehold.household.id;

    const { openUpdateRound: round } = await official.openUpdateRound({ input: { areaCode: villageA, year: YEAR, closesOn: today() } });
    expect(round).toMatchObject({ areaCode: villageA, year: YEAR, status: 'OPEN', closesOn: today(), closedAt: null, summary: null });
    expect(round.progress.due).toBeGreaterThanOrEqual(2);
    const pending = await pendingIds(cadre, round.id);
    expect(pending).toEqual(expect.arrayContaining([above, below]));
    expect(pending).toHaveLength(round.progress.pending);
    expect(round.progress.pending).toBe(round.progress.due - round.progress.updated);

    // Per-capita net income: 2,000 + production above 5,200 ÷ 3 members; `above` ends 300 yuan over the line.
    const production = 5200 + (line + 300 - 2000) * 3;
    await cadre.recordHouseholdYear({ householdId: above, input: year(YEAR, { production }) });
    await cadre.recordHouseholdYear({ householdId: below, input: year(YEAR) });
    const during = (await cadre.updateRound({ id: round.id, first: 100 })).updateRound!;
    expect(during.progress.updated).toBe(round.progress.updated + 2);
    expect(during.progress.pending).toBe(round.progress.pending - 2);
    expect(await pendingIds(cadre, round.id)).not.toEqual(expect.arrayContaining([above]));

    await expect(cadre.closeUpdateRound({ id: round.id })).rejects.toBeInstanceOf(ForbiddenError);
    const { closeUpdateRound } = await official.closeUpdateRound({ id: round.id });
    expect(closeUpdateRound.round).toMatchObject({ status: 'CLOSED', closedBy: 'test-official' });
    expect(closeUpdateRound.summary.noRecord).toBe(during.progress.pending);
    expect(closeUpdateRound.summary.total).toBe(during.progress.due);
    expect(closeUpdateRound.summary.aboveLine + closeUpdateRound.summary.belowLine + closeUpdateRound.summary.noLine).toBe(during.progress.updated);
    expect(closeUpdateRound.summary.aboveLine).toBeGreaterThanOrEqual(1);
    expect(closeUpdateRound.summary.belowLine).toBeGreaterThanOrEqual(1);

    const standing = async (id: string) => (await cadre.householdStoredStandings({ id })).household!.storedStandings;
    expect(await standing(above)).toEqual([expect.objectContaining({ year: YEAR, result: 'ABOVE', perCapitaNetIncome: line + 300, lineYuan: line, lineAreaCode: '', round: { id: round.id, areaCode: villageA, year: YEAR } })]);
    expect(await standing(below)).toEqual([expect.objectContaining({ year: YEAR, result: 'BELOW', perCapitaNetIncome: 2000, lineYuan: line })]);
    const { auditTrail } = await official.auditTrail({ filter: { operation: 'closeUpdateRound', areaCode: villageA } });
    expect(auditTrail.nodes[0]).toMatchObject({ entityId: round.id, actor: 'test-official' });

    await expect(official.closeUpdateRound({ id: round.id })).rejects.toBeInstanceOf(InvalidTransitionError);
    await expect(official.openUpdateRound({ input: { areaCode: villageA, year: YEAR, closesOn: today() } })).rejects.toBeInstanceOf(ConflictError);
    // Recording a year stays possible outside any round (late data entry); the stored standing is the round's snapshot.
    const late = (await official.registerHousehold({ input: freshHousehold(villageA) })).registerHousehold.household.id;
    await official.recordHouseholdYear({ householdId: late, input: year(YEAR) });
    expect(await standing(late)).toEqual([]);
  });

  it('refuses to close before the deadline while households are pending, and a nested open round', async () => {
    const { openUpdateRound: round } = await official.openUpdateRound({ input: { areaCode: villageB, year: YEAR, closesOn: tomorrow() } });
    const township = villageB.slice(0, 9);
    const nested = await official.openUpdateRound({ input: { areaCode: township, year: YEAR, closesOn: tomorrow() } }).catch((e) => e);
    expect(nested).toBeInstanceOf(ConflictError);
    expect(nested.message).toContain(villageB);
    const err = await official.closeUpdateRound({ id: round.id }).catch((e) => e);
    expect(err).toBeInstanceOf(InvalidTransitionError);
    expect(err.message).toMatch(/no record of the year yet and the deadline is/);
    const after = (await official.updateRound({ id: round.id })).updateRound!;
    expect(after).toMatchObject({ status: 'OPEN', summary: null, closedAt: null });
    const { updateRounds } = await official.updateRounds({ areaCode: township, year: YEAR });
    expect(updateRounds.nodes.map((r) => r.id)).toContain(round.id);
  });

  it('keeps to the caller’s area', async () => {
    const { openUpdateRound: round } = await official.openUpdateRound({ input: { areaCode: villageB, year: 2019, closesOn: tomorrow() } });
    const elsewhere = await clientAs({ role: 'official', area: '433125' });
    expect((await elsewhere.updateRound({ id: round.id })).updateRound).toBeNull();
    await expect(elsewhere.closeUpdateRound({ id: round.id })).rejects.toBeInstanceOf(NotFoundError);
    await expect(elsewhere.openUpdateRound({ input: { areaCode: villageB, year: 2018, closesOn: tomorrow() } })).rejects.toBeInstanceOf(ForbiddenError);
    const otherCadre = await clientAs({ role: 'cadre', area: villageA });
    expect((await otherCadre.updateRound({ id: round.id })).updateRound).toBeNull();
    expect((await otherCadre.updateRounds({ areaCode: villageB })).updateRounds.totalCount).toBe(0);
    // A cadre of the village sees the county official's round for it.
    const cadre = await clientAs({ role: 'cadre', area: villageB });
    expect((await cadre.updateRound({ id: round.id })).updateRound).toMatchObject({ id: round.id, areaCode: villageB });
  });

  it('refuses bad input naming each field, and writes nothing', async () => {
    const yesterday = new Date(Date.now() - 86_400_000).toISOString().slice(0, 10);
    const err = await official.openUpdateRound({ input: { areaCode: '43312', year: 2012, closesOn: yesterday } }).catch((e) => e);
    expect(err).toBeInstanceOf(BadUserInputError);
    expect(err.problems.map((p: { field: string }) => p.field)).toEqual(['input.areaCode', 'input.year', 'input.closesOn']);
    expect((await admin.updateRounds({ areaCode: COUNTY, year: 2012 })).updateRounds.totalCount).toBe(0);
    const missing = await admin.openUpdateRound({ input: { areaCode: '433124999999', year: 2018, closesOn: tomorrow() } }).catch((e) => e);
    expect(missing).toBeInstanceOf(BadUserInputError);
    expect(missing.problems[0]).toMatchObject({ field: 'input.areaCode' });
    expect((await admin.updateRounds({ areaCode: '433124999999', year: 2018 })).updateRounds.totalCount).toBe(0);
  });
});

describe('a list of rounds with their pending households', () => {
  it('runs the same number of SQL statements for one round as for three', async () => {
    const first = await admin.villages({ filter: { areaCode: COUNTY }, first: 100 });
    const second = await admin.villages({ filter: { areaCode: COUNTY }, first: 100, after: first.villages.pageInfo.endCursor });
    for (const v of second.villages.nodes.slice(61, 64)) await official.openUpdateRound({ input: { areaCode: v.code, year: 2021, closesOn: tomorrow() } });
    const statements = async (n: number) => {
      const info: ResponseInfo = {};
      const d = await official.request(UpdateRoundsWithPendingDocument, { areaCode: COUNTY, year: 2021, first: n }, info);
      expect(d.updateRounds.nodes).toHaveLength(n);
      expect(d.updateRounds.nodes.every((r) => r.pendingHouseholds.nodes.length > 0 && r.pendingHouseholds.totalCount >= r.pendingHouseholds.nodes.length)).toBe(true);
      return info.extensions?.sqlStatements as number;
    };
    expect(await statements(3)).toBe(await statements(1));
  });
});
