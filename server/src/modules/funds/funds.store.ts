/**
 * SQL of funds 扶贫资金. Every statement carries the caller's area scope on the row's own
 * area code; an allocation is locked FOR UPDATE before a spending is checked against it, so
 * concurrent spendings of one allocation serialise on its row and its `spent` counter.
 */
import { and, asc, eq, gt, inArray, sql } from 'drizzle-orm';
import type { Caller } from '../../auth/caller.js';
import { householdScoped, keyRange, scoped } from '../../auth/scope.js';
import type { Tx } from '../../db/client.js';
import { areas, fundAllocations, fundFindings, fundSpendings, households, measures, projects } from '../../db/schema/index.js';
import { named } from '../../db/stats.js';

export type AllocationRow = typeof fundAllocations.$inferSelect;
export type SpendingRow = typeof fundSpendings.$inferSelect;
export type FindingRow = typeof fundFindings.$inferSelect;
export interface AllocationFilter { areaCode: string; year?: number | null; source?: string | null }

const rows = <T>(r: unknown) => (r as { rows: T[] }).rows;
const filterOf = (caller: Caller, f: AllocationFilter) => and(
  scoped(fundAllocations.areaCode, caller), keyRange(fundAllocations.areaCode, f.areaCode),
  f.year != null ? eq(fundAllocations.year, f.year) : undefined, f.source ? eq(fundAllocations.source, f.source) : undefined,
);

export const fundsStore = {
  areaLevel: (db: Tx, code: string) =>
    named('funds.areaLevel', async () => (await db.select({ level: areas.level }).from(areas).where(eq(areas.code, code))).at(0)?.level),

  insertAllocation: (tx: Tx, row: typeof fundAllocations.$inferInsert) =>
    named('funds.insertAllocation', async () => (await tx.insert(fundAllocations).values(row).returning())[0]),

  /** The allocation, locked until the transaction ends; undefined outside the caller's area. */
  lockAllocation: (tx: Tx, caller: Caller, id: string) =>
    named('funds.lockAllocation', async () =>
      (await tx.select().from(fundAllocations).where(and(eq(fundAllocations.id, id), scoped(fundAllocations.areaCode, caller))).for('update')).at(0)),

  addSpent: (tx: Tx, id: string, amount: number) =>
    named('funds.addSpent', async () => (await tx.update(fundAllocations).set({ spent: sql`${fundAllocations.spent} + ${amount}` }).where(eq(fundAllocations.id, id)).returning())[0]),

  insertSpending: (tx: Tx, row: typeof fundSpendings.$inferInsert) =>
    named('funds.insertSpending', async () => (await tx.insert(fundSpendings).values(row).returning())[0]),

  insertFinding: (tx: Tx, row: typeof fundFindings.$inferInsert) =>
    named('funds.insertFinding', async () => (await tx.insert(fundFindings).values(row).returning())[0]),

  household: (tx: Tx, caller: Caller, id: string) =>
    named('funds.household', async () => (await tx.select({ id: households.id, number: households.number, villageCode: households.villageCode, stage: households.stage })
      .from(households).where(and(eq(households.id, id), householdScoped(households.villageCode, households.id, caller)))).at(0)),

  measure: (tx: Tx, caller: Caller, id: string) =>
    named('funds.measure', async () => (await tx.select({ id: measures.id, villageCode: measures.villageCode, householdId: measures.householdId, status: measures.status, stage: households.stage })
      .from(measures).leftJoin(households, eq(households.id, measures.householdId))
      .where(and(eq(measures.id, id), scoped(measures.villageCode, caller)))).at(0)),

  project: (tx: Tx, caller: Caller, id: string) =>
    named('funds.project', async () => (await tx.select({ id: projects.id, areaCode: projects.areaCode }).from(projects).where(and(eq(projects.id, id), scoped(projects.areaCode, caller)))).at(0)),

  page: (db: Tx, caller: Caller, f: AllocationFilter, afterId: string | undefined, limit: number) =>
    named('funds.page', () => db.select().from(fundAllocations).where(and(filterOf(caller, f), afterId ? gt(fundAllocations.id, afterId) : undefined)).orderBy(asc(fundAllocations.id)).limit(limit)),

  count: (db: Tx, caller: Caller, f: AllocationFilter) =>
    named('funds.count', async () => (await db.select({ n: sql<number>`count(*)::int` }).from(fundAllocations).where(filterOf(caller, f)))[0].n),

  /** Allocated and spent under an area for a year, by source and by the first `childLength` digits of the area code. */
  disbursement: (db: Tx, caller: Caller, code: string, year: number, childLength: number) =>
    named('funds.disbursement', async () => rows<{ source: string; child: string | null; allocated: string; spent: string }>(await db.execute(sql`
      select ${fundAllocations.source} as source,
        case when length(${fundAllocations.areaCode}) >= ${childLength} then left(${fundAllocations.areaCode}, ${childLength}) end as child,
        sum(${fundAllocations.amount}) as allocated, sum(${fundAllocations.spent}) as spent
      from ${fundAllocations}
      where ${scoped(fundAllocations.areaCode, caller)} and ${keyRange(fundAllocations.areaCode, code)} and ${fundAllocations.year} = ${year}
      group by 1, 2`))),

  names: (db: Tx, codes: string[]) =>
    named('funds.names', async () => (codes.length ? db.select({ code: areas.code, name: areas.name }).from(areas).where(inArray(areas.code, codes)) : [])),

  spendingsOf: (db: Tx, caller: Caller, allocationIds: readonly string[]) =>
    named('funds.spendingsOf', () => db.select().from(fundSpendings)
      .where(and(inArray(fundSpendings.allocationId, [...allocationIds]), scoped(fundSpendings.areaCode, caller))).orderBy(asc(fundSpendings.spentOn), asc(fundSpendings.createdAt))),

  /** Yuan each household received, by source. */
  householdTotals: (db: Tx, caller: Caller, householdIds: readonly string[]) =>
    named('funds.householdTotals', () => db.select({
      householdId: fundSpendings.householdId, source: fundSpendings.source,
      amount: sql<string>`sum(${fundSpendings.amount})`, n: sql<number>`count(*)::int`,
    }).from(fundSpendings)
      .where(and(inArray(fundSpendings.householdId, [...householdIds]), householdScoped(fundSpendings.areaCode, fundSpendings.householdId, caller)))
      .groupBy(fundSpendings.householdId, fundSpendings.source)),
};
