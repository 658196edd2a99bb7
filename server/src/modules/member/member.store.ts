/**
 * SQL for members. Reads are scoped by the member's own village code; name, ID
 * number and birth date are NULL in the SELECT for roles without the right to see them.
 */
import { and, asc, eq, getTableColumns, inArray, sql, type AnyColumn } from 'drizzle-orm';
import type { Caller } from '../../auth/caller.js';
import { canSeePersonalData } from '../../auth/caller.js';
import { householdScoped, raw } from '../../auth/scope.js';
import { columnAs, Params, selectRows } from '../../db/raw.js';
import type { Tx } from '../../db/client.js';
import { members, households } from '../../db/schema/index.js';
import { named } from '../../db/stats.js';
import { idHash } from '../../lib/id-hash.js';

export type MemberInsert = typeof members.$inferInsert;

function columns(caller: Caller) {
  const see = canSeePersonalData(caller);
  // The keyed ID hash is for lookups only (lib/id-hash.ts): never read out.
  const { name, idNumber, residentId, birthDate, idHash: _hash, ...rest } = getTableColumns(members);
  const hidden = sql<string | null>`null`;
  return {
    ...rest,
    name: see ? name : hidden,
    idNumber: see ? idNumber : hidden,
    residentId: see ? residentId : hidden,
    birthDate: see ? birthDate : hidden,
    age: sql<number>`date_part('year', age(current_date, ${members.birthDate}))::int`,
  };
}
/**
 * The columns a narrow read may ask for (the Member fields that are plain columns, and `age`);
 * `id`, `householdId`, `villageCode` and `position` always come with them.
 */
export const MEMBER_FIELDS: ReadonlySet<string> = new Set(Object.keys(columns({ id: '', role: 'admin', areas: [] } as Caller)));
const ALWAYS = ['id', 'householdId', 'villageCode', 'position'] as const;

/** The caller's columns (`columns` above) as a raw SELECT list (db/raw.ts), narrowed to `fields` (each one of MEMBER_FIELDS) when given; cached per visibility and column set. */
const selectLists = new Map<string, string>();
function memberSelect(caller: Caller, fields?: readonly string[]): string {
  const see = canSeePersonalData(caller);
  const key = `${see}:${fields?.join(',') ?? '*'}`;
  let list = selectLists.get(key);
  if (list === undefined) {
    const table = getTableColumns(members) as Record<string, AnyColumn>;
    const keys = fields ? [...ALWAYS, ...fields] : Object.keys(columns(caller));
    list = keys.map((k) =>
      k === 'age' ? `date_part('year', age(current_date, "birth_date"))::int as "age"`
      : !see && PERSONAL.has(k) ? `null as "${k}"`
      : columnAs(table[k], k)).join(', ');
    selectLists.set(key, list);
  }
  return list;
}
/** Member columns read as NULL by roles without the right to personal data. */
export const PERSONAL: ReadonlySet<string> = new Set(['name', 'idNumber', 'residentId', 'birthDate']);

export type MemberRow = Omit<typeof members.$inferSelect, 'name' | 'idNumber' | 'residentId' | 'birthDate' | 'idHash'> & {
  name: string | null;
  idNumber: string | null;
  residentId: string | null;
  birthDate: string | null;
  age: number;
};

export const memberStore = {
  /**
   * The members of the household `householdId` (an SQL reference of an enclosing read) as one
   * json column: the rows `ofHouseholds` would return for it, same columns, scope and order.
   * A household read that includes it primes the members loader (household.service.ts page),
   * so a page with its members is one statement instead of two.
   */
  membersJson(caller: Caller, p: Params, householdId: string, fields?: readonly string[]): string {
    const scope = raw.householdScoped('village_code', 'household_id', caller, p);
    return `(select coalesce(json_agg(m order by m.position), '[]'::json) from (select ${memberSelect(caller, fields)} from members where household_id = ${householdId} and ${scope}) m)`;
  },

  /** Members of these households in form order; only `fields` (and the keys) when given — the other columns are then absent. */
  ofHouseholds: (db: Tx, caller: Caller, householdIds: readonly string[], fields?: readonly string[]) =>
    named('member.ofHouseholds', () => {
      // memberSelect and householdScoped as one prepared statement (db/raw.ts).
      const p = new Params();
      const scope = raw.householdScoped('village_code', 'household_id', caller, p);
      return selectRows<MemberRow>(db,
        `select ${memberSelect(caller, fields)} from members where ${scope} and household_id = any(${p.add(householdIds)}::uuid[]) order by household_id, position`, p.values);
    }),

  byIds: (db: Tx, caller: Caller, ids: readonly string[]) =>
    named('member.byIds', () =>
      db.select(columns(caller)).from(members).where(and(householdScoped(members.villageCode, members.householdId, caller), inArray(members.id, [...ids]))) as Promise<MemberRow[]>,
    ),

  /** Which of these people (by resident ID) are registered, and in which household (unscoped: uniqueness is national). */
  registered: (db: Tx, residentIds: string[]) =>
    named('member.registered', () =>
      db.select({ residentId: members.residentId, householdId: members.householdId, villageCode: members.villageCode, number: households.number })
        .from(members).innerJoin(households, eq(households.id, members.householdId))
        .where(inArray(members.residentId, residentIds)),
    ),

  /** Inserts members with the keyed hash of each resident ID (lib/id-hash.ts) maintained here, on every write. */
  insert: (db: Tx, rows: MemberInsert[]) => named('member.insert', () => db.insert(members).values(rows.map((r) => ({ ...r, idHash: idHash(r.residentId) })))),

  /** Fills the keyed hash of members loaded in bulk (COPY) or before it existed; returns how many rows it set (at most `limit`). */
  backfillIdHash: (db: Tx, limit = 2000) =>
    named('member.backfillIdHash', async () => {
      const rows = await db.select({ id: members.id, residentId: members.residentId }).from(members).where(sql`${members.idHash} is null`).limit(limit);
      if (!rows.length) return 0;
      const p = new Params();
      await selectRows(db, `update members m set id_hash = v.h from (select unnest(${p.add(rows.map((r) => r.id))}::uuid[]) as id, unnest(${p.add(rows.map((r) => idHash(r.residentId)))}::text[]) as h) v where m.id = v.id`, p.values);
      return rows.length;
    }),

  /** Removes all members of a household; a correction re-inserts the new list, keeping matched IDs. */
  removeAll: (db: Tx, householdId: string) =>
    named('member.removeAll', () => db.delete(members).where(eq(members.householdId, householdId))),

  /** Full rows (writers only) of one household, for corrections and the audit's before-image. */
  fullOf: (db: Tx, householdId: string) =>
    named('member.fullOf', () => db.select().from(members).where(eq(members.householdId, householdId)).orderBy(asc(members.position))),
};
