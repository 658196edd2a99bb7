/**
 * Sector programmes through the SDK, as a water ministry's app would use them:
 * a programme and a project for the demo county, the coverage gap of households
 * with unsafe drinking water, linking them in idempotent batches, and the gap
 * shrinking by exactly the linked households. A ministry never sees personal data
 * and reaches only its own sector.
 */
import { randomUUID } from 'node:crypto';
import { beforeAll, describe, expect, it } from 'vitest';
import { BadUserInputError, ConflictError, ForbiddenError, linkAll, paginate, type Client } from '@jingzhun/sdk';
import { clientAs } from '../support/context.js';

const COUNTY = '433124';
let water: Client;
let projectId: string;
const today = new Date().toISOString().slice(0, 10);

async function gapIds(client: Client) {
  const ids: string[] = [];
  for await (const h of paginate((after) => client.coverageGaps({ sector: 'WATER', areaCode: COUNTY, first: 100, after }).then((d) => d.coverageGaps.households))) ids.push(h.id);
  return ids;
}

beforeAll(async () => {
  water = await clientAs({ role: 'ministry', sector: 'water', area: '43', sub: `water-${randomUUID()}` });
  const { createProgramme } = await water.createProgramme({ input: { name: '2016年农村饮水安全巩固提升工程', year: 2016, budget: 12_000_000, areaCode: COUNTY } });
  expect(createProgramme.sector).toBe('WATER');
  const { createProject } = await water.createProject({
    input: { programmeId: createProgramme.id, name: '花垣县集中供水工程', kind: '集中供水', areaCode: COUNTY, budget: 3_500_000, startDate: '2016-03-01', endDate: '2016-12-31', outputs: [{ indicator: 'HOUSEHOLDS_WATER', planned: 400, actual: 0 }] },
  });
  projectId = createProject.id;
});

describe('a water ministry', () => {
  it('links 2,500 households of the gap in three idempotent batches, and the gap shrinks by exactly those', async () => {
    const before = await gapIds(water);
    expect(before.length).toBeGreaterThan(2500);
    // Other test files register households in the county meanwhile: compare within one response,
    // and check the households known before rather than bare totals.
    const { coverageGaps } = await water.coverageGaps({ sector: 'WATER', areaCode: COUNTY, first: 1 });
    expect(coverageGaps.byArea.reduce((s, a) => s + a.households, 0)).toBe(coverageGaps.households.totalCount);
    expect(coverageGaps.households.totalCount).toBeGreaterThanOrEqual(before.length);

    const chosen = before.slice(0, 2500);
    const items = chosen.map((householdId) => ({ householdId, benefitKind: 'CONNECTION' as const, date: today }));
    const key = randomUUID();
    const batches: number[] = [];
    const first = await linkAll(water, projectId, items, { key, onBatch: (done) => batches.push(done) });
    expect(first).toMatchObject({ linked: 2500, replayedBatches: 0 });
    expect(batches).toEqual([1000, 2000, 2500]);
    const retry = await linkAll(water, projectId, items, { key });
    expect(retry).toMatchObject({ linked: 2500, replayedBatches: 3 });
    expect(retry.links.map((l) => l.id)).toEqual(first.links.map((l) => l.id));

    const after = new Set(await gapIds(water));
    const chosenSet = new Set(chosen);
    expect(chosen.filter((id) => after.has(id))).toEqual([]);
    expect(before.filter((id) => !chosenSet.has(id)).every((id) => after.has(id))).toBe(true);
    const { projectLinks } = await water.projectLinks({ projectId, first: 1 });
    expect(projectLinks.totalCount).toBe(2500);
    const { project } = await water.project({ id: projectId });
    expect(project!.beneficiaryCount).toBe(2500);
  });

  it('refuses more than 1,000 items in one request', async () => {
    const gap = await gapIds(water);
    const items = Array.from({ length: 1001 }, (_, i) => ({ householdId: gap[i % gap.length], benefitKind: 'CONNECTION' as const, date: today }));
    const err = await water.linkBeneficiaries({ projectId, idempotencyKey: randomUUID(), items }).catch((e) => e);
    expect(err).toBeInstanceOf(BadUserInputError);
    expect(err.field).toBe('items');
  });

  it('refuses a batch with bad items, names every one, and writes nothing', async () => {
    const gap = await gapIds(water);
    const admin = await clientAs({ role: 'admin' });
    const otherCounty = (await admin.villages({ filter: { areaCode: '433125' }, first: 1 })).villages.nodes[0].code;
    const items = [
      { householdId: gap[0], benefitKind: 'CONNECTION' as const, date: today },
      { householdId: Buffer.from('Household:00000000-0000-4000-8000-000000000000').toString('base64url'), benefitKind: 'CONNECTION' as const, date: today },
      { householdId: gap[0], benefitKind: 'CONNECTION' as const, date: today },
      { villageCode: otherCounty, benefitKind: 'INFRASTRUCTURE' as const, date: today },
    ];
    const err = await water.linkBeneficiaries({ projectId, idempotencyKey: randomUUID(), items }).catch((e) => e);
    expect(err).toBeInstanceOf(BadUserInputError);
    const fields = err.problems.map((p: { field: string }) => p.field);
    expect(fields).toEqual(expect.arrayContaining(['items[1].householdId', 'items[2]', 'items[3].villageCode']));
    expect(fields.some((f: string) => f.startsWith('items[0]'))).toBe(false);
    expect(await gapIds(water)).toContain(gap[0]); // the valid item was not linked either
  });

  it('gets CONFLICT for a key reused with other items, and refuses an existing link', async () => {
    const gap = await gapIds(water);
    const key = randomUUID();
    await water.linkBeneficiaries({ projectId, idempotencyKey: key, items: [{ householdId: gap[0], benefitKind: 'SUBSIDY', amount: 800, date: today }] });
    await expect(water.linkBeneficiaries({ projectId, idempotencyKey: key, items: [{ householdId: gap[1], benefitKind: 'SUBSIDY', amount: 800, date: today }] })).rejects.toBeInstanceOf(ConflictError);
    const again = await water.linkBeneficiaries({ projectId, idempotencyKey: randomUUID(), items: [{ householdId: gap[0], benefitKind: 'SUBSIDY', date: today }] }).catch((e) => e);
    expect(again).toBeInstanceOf(BadUserInputError);
    expect(again.problems[0].reason).toMatch(/already linked/);
  });

  it('unlinks with a reason, keeping the record, and the household is back in the gap', async () => {
    const gap = await gapIds(water);
    const { linkBeneficiaries } = await water.linkBeneficiaries({ projectId, idempotencyKey: randomUUID(), items: [{ householdId: gap[0], benefitKind: 'CONNECTION', date: today }] });
    expect(await gapIds(water)).not.toContain(gap[0]);
    const { unlinkBeneficiary } = await water.unlinkBeneficiary({ linkId: linkBeneficiaries.links[0].id, reason: 'linked by mistake: the house is served by a private well' });
    expect(unlinkBeneficiary).toMatchObject({ active: false, unlinkReason: 'linked by mistake: the house is served by a private well' });
    expect(await gapIds(water)).toContain(gap[0]);
    const withdrawn = [];
    for await (const l of paginate((after) => water.projectLinks({ projectId, includeUnlinked: true, first: 100, after }).then((d) => d.projectLinks))) {
      if (!l.active) withdrawn.push(l.id);
    }
    expect(withdrawn).toEqual([linkBeneficiaries.links[0].id]);
    const { household } = await water.householdProjects({ id: gap[0] });
    expect(household!.projectLinks.some((l) => l.id === linkBeneficiaries.links[0].id)).toBe(false);
  });

  it('an unlink reason reaches the change feed and the audit trail without the ID or phone number it held', async () => {
    const gap = await gapIds(water);
    const { linkBeneficiaries } = await water.linkBeneficiaries({ projectId, idempotencyKey: randomUUID(), items: [{ householdId: gap[0], benefitKind: 'CONNECTION', date: today }] });
    const linkId = linkBeneficiaries.links[0].id;
    await water.unlinkBeneficiary({ linkId, reason: '户主身份证 433124195001011234 电话 13907431234 已迁出' });
    const official = await clientAs({ role: 'official', area: COUNTY, sub: `official-unlink-${randomUUID()}` });
    let event;
    for (let i = 0; i < 50 && !event; i++) {
      const { changes } = await water.changes({ filter: { areaCode: COUNTY, types: ['project.beneficiaryUnlinked'] }, first: 100 });
      event = changes.edges.map((e) => e.node).find((e) => e.entityId === linkId);
      if (!event) await new Promise((r) => setTimeout(r, 200));
    }
    expect((event!.payload as { after: { unlinkReason: string } }).after.unlinkReason).toBe('户主身份证 [redacted] 电话 [redacted] 已迁出');
    const { auditTrail } = await official.auditTrail({ filter: { areaCode: COUNTY }, first: 100 });
    const entry = auditTrail.nodes.find((a) => a.operation === 'unlinkBeneficiary' && a.entityId === linkId);
    expect(JSON.stringify(entry!.after)).not.toMatch(/433124195001011234|13907431234/);
  });

  it('never receives a name, ID number, phone or bank account', async () => {
    const { households } = await water.households({ filter: { areaCode: COUNTY }, first: 100 });
    for (const h of households.nodes) {
      expect([h.phone, h.bankName, h.bankAccount]).toEqual([null, null, null]);
      for (const m of h.members) expect([m.name, m.idNumber, m.birthDate]).toEqual([null, null, null]);
    }
  });

  it('reaches only its own sector', async () => {
    const housing = await clientAs({ role: 'ministry', sector: 'housing', area: '43' });
    expect((await housing.project({ id: projectId })).project).toBeNull();
    expect((await housing.projects({ filter: { areaCode: COUNTY } })).projects.nodes.every((p) => p.sector === 'HOUSING')).toBe(true);
    await expect(housing.coverageGaps({ sector: 'WATER', areaCode: COUNTY })).rejects.toBeInstanceOf(ForbiddenError);
    const err = await housing.createProgramme({ input: { sector: 'WATER', name: 'x', year: 2016, budget: 1, areaCode: COUNTY } }).catch((e) => e);
    expect(err).toBeInstanceOf(BadUserInputError);
    expect(err.field).toBe('input.sector');
  });

  it("reads its own sector's events on the change feed, never another sector's, by the feed or by node(id)", async () => {
    const events = async (client: Client, types: string[]) => {
      const all = [];
      let after: string | undefined;
      for (let page = 0; page < 50; page++) {
        const { changes } = await client.changes({ filter: { areaCode: COUNTY, types }, first: 100, after });
        all.push(...changes.edges.map((e) => e.node));
        if (!changes.pageInfo.hasNextPage) break;
        after = changes.pageInfo.endCursor!;
      }
      return all;
    };
    const created = (await events(water, ['project.created'])).find((e) => e.entityId === projectId);
    expect(created).toBeDefined();
    const housing = await clientAs({ role: 'ministry', sector: 'housing', area: '43', sub: `housing-feed-${randomUUID()}` });
    const theirs = await events(housing, ['programme.created', 'project.created', 'project.beneficiaryLinked', 'project.beneficiaryUnlinked']);
    expect(theirs.filter((e) => e.entityId === projectId || JSON.stringify(e.payload).includes(projectId))).toEqual([]);
    expect((await housing.node({ id: created!.id })).node).toBeNull();
    expect((await water.node({ id: created!.id })).node?.__typename).toBe('ChangeEvent');
  });

  it('is visible to the county official, who cannot change it', async () => {
    const official = await clientAs({ role: 'official', area: COUNTY });
    expect((await official.project({ id: projectId })).project?.name).toBe('花垣县集中供水工程');
    await expect(official.updateProject({ id: projectId, input: { status: 'IN_PROGRESS' } })).rejects.toBeInstanceOf(ForbiddenError);
  });
});
