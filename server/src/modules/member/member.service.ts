/**
 * Members: reads through the scoped, masked loaders, and the member rows of a
 * household form (ID kind and birth date derived from the ID number, GB 11643).
 */
import { randomUUID } from 'node:crypto';
import { requireRegistryReader } from '../../auth/require.js';
import type { Context } from '../../graphql/context.js';
import { keyOf } from '../../graphql/ids.js';
import type { MemberForm } from '../household/household.form.js';
import { toHousehold, toMember } from '../household/household.mapper.js';
import { parseIdNumber } from './id-number.js';
import { MEMBER_FIELDS, type MemberInsert } from './member.store.js';

export { MEMBER_FIELDS };

/** Table rows for a validated member list; `keepIds` maps resident IDs to existing member IDs. */
export function memberRows(householdId: string, villageCode: string, members: MemberForm[], keepIds: Map<string, string>): MemberInsert[] {
  return members.map((m, position) => {
    const id = parseIdNumber(m.idNumber);
    if (!id.ok) throw new Error(`member ${position} reached the store with an invalid ID number`);
    return { ...m, id: keepIds.get(id.residentId) ?? randomUUID(), householdId, villageCode, position, residentId: id.residentId, idKind: id.kind, birthDate: id.birthDate, politicalStatus: m.politicalStatus ?? null };
  });
}

export const memberService = {
  /** A household's members; with `fields` (names from MEMBER_FIELDS) only those columns are read. */
  async ofHousehold(ctx: Context, householdKey: string, fields?: readonly string[]) {
    return (await ctx.loaders.member.ofHouseholdWith(fields).load(householdKey)).map(toMember);
  },

  /** The household of a member (the member was already read within scope; the household is read the same way). */
  async household(ctx: Context, householdKey: string) {
    const row = await ctx.loaders.household.byId.load(householdKey);
    return row && toHousehold(row);
  },

  async byId(ctx: Context, id: string) {
    requireRegistryReader(ctx.caller);
    const row = await ctx.loaders.member.byId.load(keyOf('Member', id));
    return row && toMember(row);
  },
};
