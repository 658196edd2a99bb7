/**
 * Eligibility rule sets (issue 3, item 5) through the SDK: an admin's draft judges
 * households made here in a village of their own (incomes just under and just over the
 * 2015 national line of 2,855 yuan), previewRuleSet over that village finds exactly the
 * entrants and leavers the households' own `eligibility` says, and writes nothing;
 * only admins create and activate; a bad definition is refused with its field path.
 */
import { beforeAll, describe, expect, it } from 'vitest';
import { BadUserInputError, ForbiddenError, HouseholdsEligibilityDocument, InvalidTransitionError, paginate, PreviewRuleSetDocument, type Client, type ResponseInfo, type HouseholdYearInput, type RegisterHouseholdInput } from '@jingzhun/sdk';
import { clientAs } from '../support/context.js';
import { freshHousehold, year } from '../support/forms.js';

const COUNTY = '433125';
let admin: Client;
let official: Client;
let village: string;
const name = `test-${Math.random().toString(36).slice(2, 8)}`;
let draft: string;
const ids: Record<string, string> = {};

/** 2015, three members: net income = 3 × per-capita; every 两不愁三保障 condition good unless the house is dilapidated. */
function year2015(perCapita: number, dilapidated = false): HouseholdYearInput {
  const base = year(2015, { production: Math.round((3 * perCapita - 800) * 100) / 100 });
  return { ...base, conditions: { ...base.conditions, drinkingWaterDifficulty: false, drinkingWaterSafe: true, dilapidatedHouse: dilapidated, dilapidatedGrade: dilapidated ? 'D' : null } };
}

async function make(key: string, form: RegisterHouseholdInput, y?: HouseholdYearInput) {
  const { registerHousehold } = await official.registerHousehold({ input: form });
  ids[key] = registerHousehold.household.id;
  if (y) await official.recordHouseholdYear({ householdId: ids[key], input: y });
}

const exited = (v: string) => freshHousehold(v, { status: 'EXITED_WITH_POLICY', exitYear: 2016 });

beforeAll(async () => {
  admin = await clientAs({ role: 'admin' });
  official = await clientAs({ role: 'official', area: COUNTY, sub: 'official-eligibility' });
  village = (await admin.villages({ filter: { areaCode: '433125115' }, first: 100 })).villages.nodes[0].code; // township 433125115: only this file (first village) and subscriptions (last) write there
  const { createRuleSet } = await admin.createRuleSet({
    input: { name, description: 'test: the 2015 line and safe housing', definition: { incomeTest: { multipleOfLine: 1 }, guarantees: [{ code: 'SAFE_HOUSING', label: '住房安全', fact: 'dilapidatedHouse', failsWhen: { op: 'eq', value: true } }] } },
  });
  draft = createRuleSet.id;
  await make('under', freshHousehold(village), year2015(2854.99)); // on the register, just under the line: stays in
  await make('over', freshHousehold(village), year2015(2855.01)); // on the register, just over: leaves
  await make('exitedPoor', exited(village), year2015(2000)); // exited, under the line: enters
  await make('exitedRich', exited(village), year2015(4000)); // exited, above: stays out
  await make('unsafeHouse', freshHousehold(village), year2015(5000, true)); // above the line in a D-grade house: stays in
  await make('noRecord', freshHousehold(village)); // no yearly record: not evaluated
});

const decide = async (key: string, c: Client = official, ruleSet: string | null = draft) =>
  (await c.householdEligibility({ id: ids[key], ruleSet, year: 2015 })).household!.eligibility;

describe('rule sets', () => {
  it('creates drafts, a new version for an existing name, with defaults filled in', async () => {
    const { ruleSet } = await admin.ruleSet({ id: draft });
    expect(ruleSet).toMatchObject({ name, version: 1, status: 'DRAFT', createdBy: 'test-admin', activatedAt: null });
    expect(ruleSet!.definition).toMatchObject({ incomeTest: { multipleOfLine: 1 }, proxyMeans: null, combine: 'ANY' });
    const { createRuleSet } = await admin.createRuleSet({ input: { name, definition: { incomeTest: { multipleOfLine: 1.5 } } } });
    expect(createRuleSet).toMatchObject({ version: 2, status: 'DRAFT' });
    expect((await official.ruleSets({ name })).ruleSets.map((r) => r.version)).toEqual([2, 1]);
    const { ruleSets } = await official.ruleSets({ status: 'ACTIVE' });
    expect(ruleSets).toHaveLength(1);
  });

  it('refuses a bad definition with the field path, and creates nothing', async () => {
    const err = await admin.createRuleSet({
      input: {
        name,
        definition: { proxyMeans: { indicators: [{ code: 'TOILET', fact: 'sanitaryToilet', weight: 10 }], groups: [{ name: 'A', below: 30 }, { name: 'B', below: 20 }, { name: 'C' }], eligibleGroups: ['A'] } },
      },
    }).catch((e) => e);
    expect(err).toBeInstanceOf(BadUserInputError);
    expect(err.code).toBe('BAD_USER_INPUT');
    expect(err.problems.map((p: { field: string }) => p.field)).toEqual(['input.definition.proxyMeans.groups[1].below']);
    const unknown = await admin.createRuleSet({ input: { name, definition: { guarantees: [{ code: 'X', label: 'x', fact: 'wealth', failsWhen: { op: 'eq', value: true } }] } } }).catch((e) => e);
    expect(unknown.problems[0].field).toBe('input.definition.guarantees[0].fact');
    expect((await admin.ruleSets({ name })).ruleSets.map((r) => r.version)).toEqual([2, 1]);
  });

  it('lets only admins create and activate', async () => {
    await expect(official.createRuleSet({ input: { name, definition: { incomeTest: {} } } })).rejects.toBeInstanceOf(ForbiddenError);
    await expect(official.activateRuleSet({ id: draft })).rejects.toBeInstanceOf(ForbiddenError);
    const analyst = await clientAs({ role: 'analyst' });
    await expect(analyst.activateRuleSet({ id: draft })).rejects.toBeInstanceOf(ForbiddenError);
    expect((await admin.ruleSet({ id: draft })).ruleSet!.status).toBe('DRAFT');
  });
});

describe('household eligibility', () => {
  it('is met just under the line and not just over it, with the income that would flip it', async () => {
    const under = await decide('under');
    expect(under).toMatchObject({ year: 2015, perCapitaNetIncome: 2854.99, threshold: 2855, eligible: true, change: 'STAYS_IN', incomeChangeToFlip: 0.02, line: { areaCode: '', yuan: 2855 } });
    expect(under!.rules.find((r) => r.code === 'INCOME')).toMatchObject({
      kind: 'INCOME_TEST', met: true, supportsDecision: true,
      inputs: [{ name: 'perCapitaNetIncome', value: 2854.99 }, { name: 'line', value: 2855 }, { name: 'multipleOfLine', value: 1 }],
    });
    expect(await decide('over')).toMatchObject({ eligible: false, change: 'LEAVES', incomeChangeToFlip: -0.01 });
    expect(await decide('exitedPoor')).toMatchObject({ eligible: true, change: 'ENTERS', incomeChangeToFlip: 855.01 });
    expect(await decide('exitedRich')).toMatchObject({ eligible: false, change: 'STAYS_OUT', incomeChangeToFlip: -1145 });
  });

  it('keeps a household in an unsafe house eligible whatever its income (no flip amount)', async () => {
    const d = await decide('unsafeHouse');
    expect(d).toMatchObject({ eligible: true, incomeChangeToFlip: null });
    expect(d!.rules.find((r) => r.code === 'SAFE_HOUSING')).toMatchObject({ kind: 'GUARANTEE', met: true, inputs: [{ name: 'dilapidatedHouse', value: true }] });
  });

  it('uses the active rule set by default, is null without a record, and is open to analysts without personal data', async () => {
    const active = (await official.ruleSets({ status: 'ACTIVE' })).ruleSets[0];
    const byDefault = await decide('unsafeHouse', official, null);
    expect(byDefault!.ruleSet.id).toBe(active.id);
    expect(await decide('noRecord')).toBeNull();
    const analyst = await clientAs({ role: 'analyst', area: COUNTY });
    expect(await decide('over', analyst)).toMatchObject({ eligible: false, change: 'LEAVES' });
    const { household } = await analyst.household({ id: ids.over });
    expect(household!.phone).toBeNull();
  });

  it('weights a proxy-means indicator by the longest matching area override', async () => {
    const { createRuleSet } = await admin.createRuleSet({
      input: {
        name: `${name}-pmt`,
        definition: {
          proxyMeans: {
            indicators: [{ code: 'INCOME', fact: 'perCapitaNetIncome', weight: 0.01 }, { code: 'HOUSING', fact: 'housingAreaPerPerson', weight: 1, cap: 40 }],
            areaWeights: [{ areaPrefix: '4331', weights: { INCOME: 0.02 } }, { areaPrefix: COUNTY, weights: { INCOME: 0.005 } }],
            groups: [{ name: 'A', below: 30 }, { name: 'B', below: 50 }, { name: 'C' }], eligibleGroups: ['A'],
          },
        },
      },
    });
    // 0.005 × 2,000 + 64 m² / 3 = 10 + 21.33 = 31.33: group B; income would have to fall below 1,734 (−266.01) for A
    const d = await decide('exitedPoor', official, createRuleSet.id);
    expect(d).toMatchObject({ score: 31.33, group: 'B', eligible: false, incomeChangeToFlip: -266.01 });
    expect(d!.rules.find((r) => r.code === 'INCOME')!.inputs).toContainEqual({ name: 'weightFromArea', value: COUNTY });
  });
});

describe('previewRuleSet', () => {
  it('finds the entrants and leavers that the households’ own eligibility gives, with counts by child area', async () => {
    const { previewRuleSet: p } = await official.previewRuleSet({ ruleSet: draft, areaCode: village, year: 2015, first: 100 });
    const expected = { ENTERS: [] as string[], LEAVES: [] as string[] };
    let evaluated = 0;
    const page = (after: string | null) => official.householdsEligibility({ filter: { areaCode: village }, first: 100, after, ruleSet: draft, year: 2015 }).then((d) => d.households);
    for await (const h of paginate(page)) {
      const d = h.eligibility;
      if (!d) continue;
      evaluated += 1;
      if (d.change === 'ENTERS' || d.change === 'LEAVES') expected[d.change].push(h.number);
    }
    expect(p.entrants.nodes.map((h) => h.number)).toEqual(expected.ENTERS.sort());
    expect(p.leavers.nodes.map((h) => h.number)).toEqual(expected.LEAVES.sort());
    expect(p.entrants.nodes.map((h) => h.id)).toContain(ids.exitedPoor);
    expect(p.leavers.nodes.map((h) => h.id)).toContain(ids.over);
    expect(p).toMatchObject({ areaCode: village, year: 2015, evaluated, entrantCount: expected.ENTERS.length, leaverCount: expected.LEAVES.length });
    expect(p.notEvaluated).toBeGreaterThanOrEqual(1);
    expect(p.byArea).toEqual([expect.objectContaining({ areaCode: village, households: p.households, entrants: p.entrantCount, leavers: p.leaverCount })]);

    const county = (await official.previewRuleSet({ ruleSet: draft, areaCode: COUNTY, year: 2015, first: 1 })).previewRuleSet;
    const mine = county.byArea.find((a) => a.areaCode === village.slice(0, 9))!;
    expect(mine.entrants).toBeGreaterThanOrEqual(p.entrantCount);
    expect(mine.area).toMatchObject({ level: 'TOWNSHIP' });
    expect(county.entrants.pageInfo.hasNextPage).toBe(county.entrantCount > 1);
  });

  it('writes nothing: the audit trail, the change feed, the households and the rule set are as they were', async () => {
    const snapshot = async () => ({
      audit: (await admin.auditTrail({ filter: { areaCode: village }, first: 1 })).auditTrail.totalCount,
      ruleSetAudit: (await admin.auditTrail({ filter: { entityId: draft }, first: 1 })).auditTrail.totalCount,
      changes: (await admin.changes({ filter: { areaCode: village }, first: 100 })).changes.edges.map((e) => e.node.sequence),
      households: await Promise.all(Object.values(ids).map(async (id) => (await official.household({ id })).household!.version)),
      ruleSet: (await admin.ruleSet({ id: draft })).ruleSet,
    });
    const before = await snapshot();
    await official.previewRuleSet({ ruleSet: draft, areaCode: village, year: 2015 });
    await official.previewRuleSet({ ruleSet: draft, areaCode: village });
    expect(await snapshot()).toEqual(before);
  });

  it('is for admins, officials and analysts inside their area, over a county or smaller', async () => {
    const analyst = await clientAs({ role: 'analyst' });
    expect((await analyst.previewRuleSet({ ruleSet: draft, areaCode: village, year: 2015 })).previewRuleSet.leaverCount).toBeGreaterThanOrEqual(1);
    const cadre = await clientAs({ role: 'cadre', area: village });
    await expect(cadre.previewRuleSet({ ruleSet: draft, areaCode: village })).rejects.toBeInstanceOf(ForbiddenError);
    await expect(official.previewRuleSet({ ruleSet: draft, areaCode: '433124' })).rejects.toBeInstanceOf(ForbiddenError);
    const err = await official.previewRuleSet({ ruleSet: draft, areaCode: '43' }).catch((e) => e);
    expect(err).toBeInstanceOf(BadUserInputError);
    expect(err.field).toBe('areaCode');
  });
});

describe('cost', () => {
  const statements = async (run: (info: ResponseInfo) => Promise<unknown>) => {
    const info: ResponseInfo = {};
    await run(info);
    return info.extensions?.sqlStatements as number;
  };

  it('judges a page of households with a fixed number of SQL statements, whatever its size', async () => {
    const county = await clientAs({ role: 'official', area: '433124' });
    const page = (first: number) => (info: ResponseInfo) => county.request(HouseholdsEligibilityDocument, { filter: { areaCode: '433124' }, first }, info);
    const ten = await statements(page(10));
    expect(await statements(page(100))).toBe(ten);
  });

  it('previews the demo county (8,000 households) in pages: a few statements per 500 households, none per household', async () => {
    const county = await clientAs({ role: 'official', area: '433124' });
    const active = (await county.ruleSets({ status: 'ACTIVE' })).ruleSets[0];
    let households = 0;
    const started = Date.now();
    const n = await statements(async (info) => {
      households = (await county.request(PreviewRuleSetDocument, { ruleSet: active.id, areaCode: '433124', first: 100 }, info)).previewRuleSet.households;
    });
    console.log(`previewRuleSet over 433124: ${households} households, ${n} SQL statements, ${Date.now() - started} ms`);
    expect(households).toBeGreaterThanOrEqual(8000);
    expect(n).toBeLessThanOrEqual(3 * Math.ceil(households / 500) + 10);
  });
});

describe('activation', () => {
  it('puts a draft in force, retires the previous one, is recorded, and refuses activating the active one', async () => {
    const previous = (await admin.ruleSets({ status: 'ACTIVE' })).ruleSets[0];
    const { activateRuleSet } = await admin.activateRuleSet({ id: draft });
    try {
      expect(activateRuleSet).toMatchObject({ id: draft, status: 'ACTIVE', activatedBy: 'test-admin' });
      expect((await admin.ruleSet({ id: previous.id })).ruleSet).toMatchObject({ status: 'RETIRED' });
      expect((await decide('over', official, null))!.ruleSet.id).toBe(draft);
      // Applied (in force, no rule set named), it moves exactly the households the preview named.
      const applied = (await official.householdsEligibility({ filter: { areaCode: village }, first: 100, year: 2015 })).households.nodes;
      const { previewRuleSet: p } = await official.previewRuleSet({ ruleSet: draft, areaCode: village, year: 2015, first: 100 });
      expect(applied.filter((h) => h.eligibility?.change === 'ENTERS').map((h) => h.number)).toEqual(p.entrants.nodes.map((h) => h.number));
      expect(applied.filter((h) => h.eligibility?.change === 'LEAVES').map((h) => h.number)).toEqual(p.leavers.nodes.map((h) => h.number));
      const { auditTrail } = await admin.auditTrail({ filter: { entityId: draft, operation: 'activateRuleSet' } });
      expect(auditTrail.nodes[0]).toMatchObject({ actor: 'test-admin', role: 'admin' });
      const again = await admin.activateRuleSet({ id: draft }).catch((e) => e);
      expect(again).toBeInstanceOf(InvalidTransitionError);
    } finally {
      await admin.activateRuleSet({ id: previous.id });
    }
    expect((await admin.ruleSet({ id: draft })).ruleSet!.status).toBe('RETIRED');
  });
});
