/**
 * SQL for visits 帮扶日志 and the households not visited lately. Reads are scoped like
 * the household visited (auth/scope.ts householdScoped). The latest visits of many
 * households (or cadres) come from one statement: a window ranks each one's visits and
 * keeps the first `n`.
 */
import { and, asc, count, gt, inArray, lte, sql, type AnyColumn, type SQL } from 'drizzle-orm';
import { getTableColumns } from 'drizzle-orm';
import type { Caller } from '../../auth/caller.js';
import { householdScoped, scopedKeyRange } from '../../auth/scope.js';
import type { Tx } from '../../db/client.js';
import { households, visits } from '../../db/schema/index.js';
import { named } from '../../db/stats.js';
import { householdColumnsFor, type HouseholdRow } from '../household/household.store.js';

export type VisitRow = typeof visits.$inferSelect;

const visible = (caller: Caller) => householdScoped(visits.villageCode, visits.householdId, caller);

/** The latest `n` visits per key (a household's or a cadre's), newest first. */
function latest(db: Tx, caller: Caller, by: AnyColumn, keys: readonly string[], n: number) {
  const ranked = db.select({
    ...getTableColumns(visits),
    rank: sql<number>`row_number() over (partition by ${by} order by ${visits.visitedOn} desc, ${visits.createdAt} desc)`.as('rank'),
  }).from(visits).where(and(visible(caller), inArray(by, [...keys]))).as('ranked');
  return db.select().from(ranked).where(lte(ranked.rank, n)).orderBy(asc(ranked.rank)) as unknown as Promise<VisitRow[]>;
}

/** Registered households that should be visited (those that can be paired), with no visit since a day. */
function notVisited(caller: Caller, areaCode: string, since: string, statuses: string[]): SQL {
  return and(
    scopedKeyRange(households.number, caller, areaCode, households.id),
    sql`${households.stage} = 'REGISTERED'`,
    inArray(households.status, statuses),
    sql`not exists (select 1 from ${visits} where ${visits.householdId} = ${households.id} and ${visits.visitedOn} >= ${since})`,
  )!;
}

export const visitStore = {
  insert: (db: Tx, row: typeof visits.$inferInsert) => named('visit.insert', () => db.insert(visits).values(row).returning()),

  byIds: (db: Tx, caller: Caller, ids: readonly string[]) =>
    named('visit.byIds', () => db.select().from(visits).where(and(visible(caller), inArray(visits.id, [...ids])))),

  latestOfHouseholds: (db: Tx, caller: Caller, ids: readonly string[], n: number) => named('visit.ofHouseholds', () => latest(db, caller, visits.householdId, ids, n)),

  latestOfCadres: (db: Tx, caller: Caller, ids: readonly string[], n: number) => named('visit.ofCadres', () => latest(db, caller, visits.cadreId, ids, n)),

  notVisitedPage: (db: Tx, caller: Caller, areaCode: string, since: string, statuses: string[], after: string | undefined, limit: number) =>
    named('visit.notVisited', () =>
      db.select(householdColumnsFor(caller)).from(households)
        .where(and(notVisited(caller, areaCode, since, statuses), after ? gt(households.number, after) : undefined))
        .orderBy(asc(households.number)).limit(limit) as Promise<HouseholdRow[]>,
    ),

  notVisitedCount: (db: Tx, caller: Caller, areaCode: string, since: string, statuses: string[]) =>
    named('visit.notVisitedCount', async () => (await db.select({ n: count() }).from(households).where(notVisited(caller, areaCode, since, statuses)))[0].n),
};
