/**
 * SQL of quota control 规模控制. Sums of uses are over a year's active ledger rows
 * under an area's code range (the village code begins with every ancestor's code), so
 * one indexed range per area; never a scan of households.
 */
import { and, asc, eq, isNull, sql, type SQL } from 'drizzle-orm';
import type { Caller } from '../../auth/caller.js';
import { keyRange, scoped } from '../../auth/scope.js';
import type { Tx } from '../../db/client.js';
import { alias } from 'drizzle-orm/pg-core';
import { areas, quotas, quotaUses } from '../../db/schema/index.js';
import { named } from '../../db/stats.js';

export type QuotaRow = typeof quotas.$inferSelect;
export type UseRow = typeof quotaUses.$inferSelect;

const rows = async <T>(p: Promise<unknown>) => ((await p) as { rows: T[] }).rows;
const q = alias(quotas, 'q');
const list = (codes: readonly string[]) => sql.join(codes.map((c) => sql`${c}`), sql`, `);

/**
 * Quota rows held by the nearest quota'd descendants of `code` (none between them and
 * it), leaving out the subtree of `without` if given.
 */
function heldBelowWhere(year: number, code: string, without?: string): SQL {
  return sql`${q.year} = ${year} and ${keyRange(q.areaCode, code)} and ${q.areaCode} <> ${code}
    ${without !== undefined ? sql`and not (${keyRange(q.areaCode, without)})` : sql``}
    and not exists (select 1 from quotas m where m.year = ${year}
      and length(m.area_code) > ${code.length} and length(m.area_code) < length(q.area_code)
      and m.area_code in (left(q.area_code, 2), left(q.area_code, 4), left(q.area_code, 6), left(q.area_code, 9)))`;
}

export const quotaStore = {
  /**
   * Serializes quota changes against uses of the same year: setQuota takes it exclusive,
   * useQuota shared (uses of the year then serialize on the quota rows they lock).
   */
  lockYear: (tx: Tx, year: number, mode: 'exclusive' | 'shared') =>
    named('quota.lockYear', () =>
      tx.execute(mode === 'exclusive'
        ? sql`select pg_advisory_xact_lock(hashtext('jingzhun.quota'), ${year})`
        : sql`select pg_advisory_xact_lock_shared(hashtext('jingzhun.quota'), ${year})`),
    ),

  /** The year's quotas of the given areas, locked, in code order (a stable lock order). */
  lockQuotas: (tx: Tx, year: number, codes: readonly string[]) =>
    named('quota.lockQuotas', () =>
      tx.select().from(quotas).where(and(eq(quotas.year, year), sql`${quotas.areaCode} in (${list(codes)})`)).orderBy(asc(quotas.areaCode)).for('update'),
    ),

  /** Adds `delta` people to the used counters of the year's quotas of these areas (rows the caller has locked). */
  addUsed: (tx: Tx, year: number, codes: readonly string[], delta: number) =>
    named('quota.addUsed', () =>
      tx.update(quotas).set({ used: sql`${quotas.used} + ${delta}` }).where(and(eq(quotas.year, year), sql`${quotas.areaCode} in (${list(codes)})`))),

  /** People used in the year under each area, summed from the ledger (active uses only). */
  usedUnder: async (tx: Tx, year: number, codes: readonly string[]): Promise<Map<string, number>> => {
    if (!codes.length) return new Map();
    const parts = codes.map((c) => sql`select ${c}::text as code, coalesce(sum(${quotaUses.people}), 0)::int as used from ${quotaUses}
      where ${quotaUses.year} = ${year} and ${quotaUses.releasedAt} is null and ${keyRange(quotaUses.villageCode, c)}`);
    const r = await named('quota.usedUnder', () => rows<{ code: string; used: number }>(tx.execute(sql.join(parts, sql` union all `))));
    return new Map(r.map((x) => [x.code, Number(x.used)]));
  },

  /** The nearest area among `codes` (ancestors) that has a quota for the year. */
  nearestQuota: (tx: Tx, year: number, codes: readonly string[]) =>
    named('quota.nearest', async () =>
      codes.length
        ? (await tx.select().from(quotas).where(and(eq(quotas.year, year), sql`${quotas.areaCode} in (${list(codes)})`)).orderBy(sql`length(${quotas.areaCode}) desc`).limit(1))[0]
        : undefined,
    ),

  /** Sum of the quotas held by the nearest quota'd descendants of `code`, without the subtree of `without`. */
  heldBelow: (tx: Tx, year: number, code: string, without?: string) =>
    named('quota.heldBelow', async () =>
      Number((await rows<{ held: number }>(tx.execute(sql`select coalesce(sum(${q.people}), 0)::int as held from quotas q where ${heldBelowWhere(year, code, without)}`)))[0].held),
    ),

  upsert: (tx: Tx, row: typeof quotas.$inferInsert) =>
    named('quota.upsert', () =>
      tx.insert(quotas).values(row).onConflictDoUpdate({ target: [quotas.year, quotas.areaCode], set: { people: row.people, used: row.used, setBy: row.setBy, setAt: new Date() } }).returning(),
    ),

  /** One area's quota for the year, inside the caller's scope. */
  get: (tx: Tx, caller: Caller, code: string, year: number) =>
    named('quota.get', async () => (await tx.select().from(quotas).where(and(eq(quotas.year, year), eq(quotas.areaCode, code), scoped(quotas.areaCode, caller)))).at(0)),

  /**
   * The child areas of `code` with their quota and use for the year: uses grouped by the
   * first `childLength` digits of the village code.
   */
  children: (tx: Tx, caller: Caller, code: string, childLength: number, year: number) =>
    named('quota.children', () =>
      rows<{ code: string; name: string; quota: number | null; used: number }>(tx.execute(sql`
        select ${areas.code} as code, ${areas.name} as name, ${q.people} as quota, coalesce(u.used, 0)::int as used
        from ${areas}
        left join quotas q on ${q.year} = ${year} and ${q.areaCode} = ${areas.code}
        left join (
          select substring(${quotaUses.villageCode} from 1 for ${childLength}) as code, sum(${quotaUses.people})::int as used
          from ${quotaUses}
          where ${quotaUses.year} = ${year} and ${quotaUses.releasedAt} is null and ${keyRange(quotaUses.villageCode, code)}
          group by 1
        ) u on u.code = ${areas.code}
        where ${code === '' ? sql`${areas.level} = 1` : sql`${areas.parentCode} = ${code}`} and ${scoped(areas.code, caller)}
        order by ${areas.code}`)),
    ),

  areaName: (tx: Tx, code: string) =>
    named('quota.areaName', async () => (await tx.select({ name: areas.name }).from(areas).where(eq(areas.code, code))).at(0)?.name),

  activeUse: (tx: Tx, householdId: string, year: number) =>
    named('quota.activeUse', async () =>
      (await tx.select().from(quotaUses).where(and(eq(quotaUses.householdId, householdId), eq(quotaUses.year, year), isNull(quotaUses.releasedAt)))).at(0)),

  insertUse: (tx: Tx, row: typeof quotaUses.$inferInsert) => named('quota.insertUse', () => tx.insert(quotaUses).values(row).returning()),

  release: (tx: Tx, householdId: string, year: number) =>
    named('quota.release', () =>
      tx.update(quotaUses).set({ releasedAt: new Date() })
        .where(and(eq(quotaUses.householdId, householdId), eq(quotaUses.year, year), isNull(quotaUses.releasedAt))).returning()),
};
