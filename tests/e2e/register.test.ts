/**
 * Registering, correcting and recording a year through the SDK: the form's rules
 * refuse bad input with the field and the reason and write nothing; ID numbers are
 * unique nationally; yearly records are never overwritten; every write is audited
 * with personal data redacted.
 */
import { beforeAll, describe, expect, it } from 'vitest';
import { BadUserInputError, ConflictError, type Client } from '@jingzhun/sdk';
import { clientAs } from '../support/context.js';
import { household, member, year } from '../support/forms.js';

let cadre: Client;
let official: Client;
let village: string;

beforeAll(async () => {
  official = await clientAs({ role: 'official', area: '433124' });
  village = (await official.villages({ first: 1, filter: { areaCode: '433124' } })).villages.nodes[0].code;
  cadre = await clientAs({ role: 'cadre', area: village, sub: 'cadre-long' });
});

const villageTotal = async () => (await official.households({ filter: { areaCode: village }, first: 1 })).households.totalCount;

describe('registerHousehold', () => {
  it('stores the form and derives sex, age, number and member count', async () => {
    const form = household(village);
    const { registerHousehold } = await cadre.registerHousehold({ input: form });
    const h = registerHousehold.household;
    expect(h.number).toMatch(new RegExp(`^${village}\\d{4}$`));
    expect(h.causes).toEqual(['ILLNESS', 'LACK_OF_CAPITAL']);
    expect(h.memberCount).toBe(3);
    expect(h.members.map((m) => m.idNumber)).toEqual(form.members.map((m) => m.idNumber));
    expect(h.members[0]).toMatchObject({ birthDate: '1968-03-02', idKind: 'RESIDENT_ID', sex: 'MALE' });
    const birthday = new Date('1968-03-02');
    const now = new Date();
    const age = now.getFullYear() - 1968 - (now < new Date(now.getFullYear(), birthday.getMonth(), birthday.getDate()) ? 1 : 0);
    expect(h.members[0].age).toBe(age);
    const { household: read } = await official.household({ id: h.id });
    expect(read?.village?.code).toBe(village);
  });

  it('refuses a malformed ID number with the field and the reason, and writes nothing', async () => {
    const before = await villageTotal();
    const form = household(village);
    const bad = form.members[1].idNumber.slice(0, 17) + (form.members[1].idNumber.endsWith('1') ? '2' : '1');
    form.members[1] = { ...form.members[1], idNumber: bad };
    const err = await cadre.registerHousehold({ input: form }).catch((e) => e);
    expect(err).toBeInstanceOf(BadUserInputError);
    expect(err.field).toBe('input.members[1].idNumber');
    expect(err.reason).toMatch(/check digit/);
    expect(await villageTotal()).toBe(before);
  });

  it('lists every broken consistency rule at once', async () => {
    const form = household(village, { mainCause: 'DISABILITY', otherCauses: ['DISABILITY', 'ILLNESS', 'OTHER'] });
    form.members[2] = { ...form.members[2], relation: 'SON' };
    const err = await cadre.registerHousehold({ input: form }).catch((e) => e);
    expect(err).toBeInstanceOf(BadUserInputError);
    const rules = err.problems.map((p: { rule?: string }) => p.rule);
    expect(rules).toEqual(expect.arrayContaining(['R2', 'R4', 'R7']));
  });

  it('refuses an ID number already registered, naming the household', async () => {
    const first = household(village);
    const { registerHousehold } = await cadre.registerHousehold({ input: first });
    const again = household(village);
    again.members[0] = { ...again.members[0], idNumber: first.members[0].idNumber };
    const err = await cadre.registerHousehold({ input: again }).catch((e) => e);
    expect(err).toBeInstanceOf(ConflictError);
    expect(err.problems[0]).toMatchObject({ field: 'input.members[0].idNumber' });
    expect(err.problems[0].reason).toContain(registerHousehold.household.number);
  });

  it('refuses a village outside the caller’s area as if it did not exist', async () => {
    const err = await cadre.registerHousehold({ input: household('433125100200') }).catch((e) => e);
    expect(err).toBeInstanceOf(BadUserInputError);
    expect(err.field).toBe('input.villageCode');
  });
});

describe('correctHousehold', () => {
  it('applies a correction, keeps member IDs by ID number, and checks the version', async () => {
    const { registerHousehold: r } = await cadre.registerHousehold({ input: household(village) });
    const before = r.household;
    const members = household(village).members;
    const kept = r.household.members.map((m) => ({ ...m }));
    const input = { mainCause: 'LACK_OF_SKILLS' as const, otherCauses: [], members: [
      member(stripOutput(kept[0])),
      member(stripOutput(kept[1])),
      members[2],
    ] };
    const { correctHousehold } = await cadre.correctHousehold({ id: before.id, input, expectedVersion: before.version });
    expect(correctHousehold.household.version).toBe(before.version + 1);
    expect(correctHousehold.household.mainCause).toBe('LACK_OF_SKILLS');
    expect(correctHousehold.household.members[0].id).toBe(kept[0].id);
    expect(correctHousehold.household.members[2].id).not.toBe(kept[2].id);
    await expect(cadre.correctHousehold({ id: before.id, input: { phone: '13700000000' }, expectedVersion: before.version })).rejects.toBeInstanceOf(ConflictError);
  });
});

describe('recordHouseholdYear', () => {
  it('computes net and per-capita income, and never overwrites a year', async () => {
    const { registerHousehold: r } = await cadre.registerHousehold({ input: household(village) });
    const { recordHouseholdYear } = await cadre.recordHouseholdYear({ householdId: r.household.id, input: year(2015) });
    // 5,200 + 300 + 1,500 + 400 = 7,400 income; − 1,400 costs = 6,000 net; ÷ 3 members = 2,000.
    expect(recordHouseholdYear.year).toMatchObject({ totalIncome: 7400, netIncome: 6000, perCapitaNetIncome: 2000, memberCount: 3 });
    await expect(cadre.recordHouseholdYear({ householdId: r.household.id, input: year(2015, { production: 9999 }) })).rejects.toBeInstanceOf(ConflictError);
    const { household: h } = await official.household({ id: r.household.id });
    expect(h!.years.map((y) => [y.year, y.income.production])).toEqual([[2015, 5200]]);
    const { households } = await official.households({ filter: { areaCode: village, perCapitaIncomeMin: 1999, perCapitaIncomeMax: 2001, year: 2015 } });
    expect(households.nodes.map((n) => n.id)).toContain(r.household.id);
  });

  it('refuses wage income when no member worked away (rule 9)', async () => {
    const { registerHousehold: r } = await cadre.registerHousehold({ input: household(village) });
    const err = await cadre.recordHouseholdYear({ householdId: r.household.id, input: year(2016, { wage: 3000 }) }).catch((e) => e);
    expect(err).toBeInstanceOf(BadUserInputError);
    expect(err.field).toBe('input.income.wage');
  });
});

describe('the audit trail', () => {
  it('records each write with actor and role, and redacts personal data', async () => {
    const { registerHousehold: r } = await cadre.registerHousehold({ input: household(village) });
    const { auditTrail } = await official.auditTrail({ filter: { entityId: r.household.id } });
    expect(auditTrail.nodes).toHaveLength(1);
    const entry = auditTrail.nodes[0];
    expect(entry).toMatchObject({ actor: 'cadre-long', role: 'cadre', operation: 'registerHousehold', areaCode: village });
    const text = JSON.stringify(entry.after);
    expect(text).toContain('[redacted]');
    for (const m of r.household.members) expect(text).not.toContain(m.idNumber!);
    expect(text).not.toContain('13800000000');
  });
});

/** Drops output-only fields so a member read back can be sent again as input. */
function stripOutput(m: Record<string, unknown>): Parameters<typeof member>[0] {
  const { id: _i, idKind: _k, birthDate: _b, age: _a, __typename: _t, ...rest } = m;
  return rest as Parameters<typeof member>[0];
}
