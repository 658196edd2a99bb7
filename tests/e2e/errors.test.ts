/**
 * Refused input, as a client sees it: BAD_USER_INPUT with the field that was wrong
 * (never an internal error), nothing written when a write is refused; explicit
 * nulls meaning "not given" where a field is optional, and "clear it" where a
 * correction may clear it.
 */
import { beforeAll, describe, expect, it } from 'vitest';
import { BadUserInputError, RegisterHouseholdDocument, TypedDocumentString, type Client, type HouseholdFilterInput } from '@jingzhun/sdk';
import { clientAs } from '../support/context.js';
import { freshHousehold, year } from '../support/forms.js';

const COUNTY = '433124';
let official: Client;
let village: string;

beforeAll(async () => {
  official = await clientAs({ role: 'official', area: COUNTY, sub: 'official-errors' });
  village = (await official.villages({ first: 1, filter: { areaCode: COUNTY } })).villages.nodes[0].code;
});

/** A newly registered household of the test village (phone 13800000000, main cause ILLNESS, other cause LACK_OF_CAPITAL). */
async function registered() {
  const { registerHousehold } = await official.registerHousehold({ input: freshHousehold(village) });
  return registerHousehold.household;
}

const auditCount = async (entityId: string) => (await official.auditTrail({ filter: { entityId } })).auditTrail.totalCount;

describe('correctHousehold', () => {
  it('refuses other causes that repeat the main cause, and changes nothing', async () => {
    const h = await registered();
    const audits = await auditCount(h.id);
    expect(audits).toBe(1);
    const members = freshHousehold(village).members;
    const err = await official
      .correctHousehold({ id: h.id, input: { otherCauses: ['ILLNESS'], members, phone: '13911110000' }, expectedVersion: h.version })
      .catch((e) => e);
    expect(err).toBeInstanceOf(BadUserInputError);
    expect(err.field).toMatch(/^input\.otherCauses(\[0\])?$/);
    expect(err.reason).toMatch(/main cause/);
    expect(err.problems.map((p: { rule?: string }) => p.rule)).toContain('R4');
    const after = (await official.household({ id: h.id })).household!;
    expect(after.version).toBe(h.version);
    expect(after.phone).toBe('13800000000');
    expect(after.otherCauses).toEqual(['LACK_OF_CAPITAL']);
    expect(after.members.map((m) => [m.id, m.idNumber])).toEqual(h.members.map((m) => [m.id, m.idNumber]));
    expect(await auditCount(h.id)).toBe(audits);
  });

  it('clears the phone when it is given as null', async () => {
    const h = await registered();
    const { correctHousehold } = await official.correctHousehold({ id: h.id, input: { phone: null }, expectedVersion: h.version });
    expect(correctHousehold.household.phone).toBeNull();
    expect(correctHousehold.household.version).toBe(h.version + 1);
    const read = (await official.household({ id: h.id })).household!;
    expect([read.phone, read.bankAccount]).toEqual([null, '6228480000000000000']);
  });

  it('refuses a null main cause, which a household must have, naming the field', async () => {
    const h = await registered();
    const err = await official.correctHousehold({ id: h.id, input: { mainCause: null } }).catch((e) => e);
    expect(err).toBeInstanceOf(BadUserInputError);
    expect(err.field).toBe('input.mainCause');
    const read = (await official.household({ id: h.id })).household!;
    expect([read.mainCause, read.version]).toEqual(['ILLNESS', h.version]);
  });

  it('does not raise the version for a correction that changes nothing', async () => {
    const h = await registered();
    const { correctHousehold } = await official.correctHousehold({ id: h.id, input: { phone: h.phone, mainCause: h.mainCause }, expectedVersion: h.version });
    expect(correctHousehold.household.version).toBe(h.version);
    expect((await official.household({ id: h.id })).household!.version).toBe(h.version);
  });

  it('accepts expectedVersion: null as "not given"', async () => {
    const h = await registered();
    const { correctHousehold } = await official.correctHousehold({ id: h.id, input: { phone: '13900000001' }, expectedVersion: null });
    expect(correctHousehold.household).toMatchObject({ phone: '13900000001', version: h.version + 1 });
  });

  it('refuses a first-identified date in the future, naming the field', async () => {
    const future = `${new Date().getFullYear() + 1}-01-15`;
    const refused = await official.registerHousehold({ input: freshHousehold(village, { firstIdentifiedDate: future }) }).catch((e) => e);
    expect(refused).toBeInstanceOf(BadUserInputError);
    expect(refused.problems.map((p: { field: string }) => p.field)).toContain('input.firstIdentifiedDate');
    const h = await registered();
    const err = await official.correctHousehold({ id: h.id, input: { firstIdentifiedDate: future } }).catch((e) => e);
    expect(err).toBeInstanceOf(BadUserInputError);
    expect(err.problems.map((p: { field: string }) => p.field)).toContain('input.firstIdentifiedDate');
    expect((await official.household({ id: h.id })).household).toMatchObject({ firstIdentifiedDate: '2014-10-15', version: h.version });
  });
});

describe('filters', () => {
  it('treat explicit nulls as absent', async () => {
    const counts = new TypedDocumentString<
      { asked: { totalCount: number }; allNull: { totalCount: number }; absent: { totalCount: number } },
      { asked: HouseholdFilterInput; allNull: HouseholdFilterInput; absent: HouseholdFilterInput }
    >(`query($asked: HouseholdFilterInput, $allNull: HouseholdFilterInput, $absent: HouseholdFilterInput) {
      asked: households(filter: $asked) { totalCount }
      allNull: households(filter: $allNull) { totalCount }
      absent: households(filter: $absent) { totalCount }
    }`);
    // One request, so that households registered meanwhile by other test files cannot fall between the counts.
    const r = await official.request(counts, {
      asked: { areaCode: COUNTY, perCapitaIncomeMin: null, year: null },
      allNull: { areaCode: COUNTY, attribute: null, cause: null, mainCause: null, perCapitaIncomeMax: null, perCapitaIncomeMin: null, status: null, year: null },
      absent: { areaCode: COUNTY },
    });
    expect(r.absent.totalCount).toBeGreaterThanOrEqual(300);
    expect(r.asked.totalCount).toBe(r.absent.totalCount);
    expect(r.allNull.totalCount).toBe(r.absent.totalCount);
    // The typed method sends the same nulls as variables.
    const typed = await official.households({ filter: { areaCode: COUNTY, perCapitaIncomeMin: null, year: null }, first: 1 });
    expect(typed.households.totalCount).toBeGreaterThanOrEqual(r.absent.totalCount);
  });

  it('refuse a cursor that no page gave, naming `after`', async () => {
    const err = await official.households({ after: 'zzzz' }).catch((e) => e);
    expect(err).toBeInstanceOf(BadUserInputError);
    expect(err.field).toBe('after');
  });
});

describe('variables', () => {
  it('a value outside an enum is refused naming the field', async () => {
    const form = freshHousehold(village);
    form.members[0] = { ...form.members[0], sex: 'MAN' as never };
    const err = await official.request(RegisterHouseholdDocument, { input: form } as never).catch((e) => e);
    expect(err).toBeInstanceOf(BadUserInputError);
    expect(['input.members.0.sex', 'input.members[0].sex']).toContain(err.field);
  });

  it('an amount too large to store is bad input naming the field, not an internal error', async () => {
    const h = await registered();
    const err = await official.recordHouseholdYear({ householdId: h.id, input: year(2016, { production: 1e11 }) }).catch((e) => e);
    expect(err).toBeInstanceOf(BadUserInputError);
    expect(err.problems.map((p: { field: string }) => p.field)).toContain('input.income.production');
    const read = (await official.household({ id: h.id })).household!;
    expect(read.years).toEqual([]);
  });
});
