/**
 * SQL for visits 帮扶日志 and the households not visited lately. Reads are scoped like
 * the household visited (auth/scope.ts householdScoped). The latest visits of many
 * households (or cadres) come from one statement: a window ranks each one's visits and
 * keeps the first `n` after a cursor (one page of each).
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

/** Where a page of visits starts: after this visit, in newest-first order. */
export interface VisitAfter { visitedOn: string; createdAt: string; id: string }

// Newest first: the day visited, then when it was recorded (to the millisecond a cursor
// carries), then the ID, so every visit has one place and a cursor one meaning.
const recorded = sql`date_trunc('milliseconds', ${visits.createdAt})`;

/** The latest `n` visits per key (a household's or a cadre's) after `after`, newest first. */
function latest(db: Tx, caller: Caller, by: AnyColumn, keys: readonly string[], n: number, after?: VisitAfter) {
  const start = after && sql`(${visits.visitedOn}, ${recorded}, ${visits.id}) < (${after.visitedOn}::date, ${after.createdAt}::timestamptz, ${after.id}::uuid)`;
  const ranked = db.select({
    ...getTableColumns(visits),
    rank: sql<number>`row_number() over (partition by ${by} order by ${visits.visitedOn} desc, ${recorded} desc, ${visits.id} desc)`.as('rank'),
  }).from(visits).where(and(visible(caller), inArray(by, [...keys]), start)).as('ranked');
  return db.select().from(ranked).where(lte(ranked.rank, n)).orderBy(asc(ranked.rank)) as unknown as Promise<VisitRow[]>;
}

/** How many visits each key has in the caller's scope. */
function counts(db: Tx, caller: Caller, by: AnyColumn, keys: readonly string[]) {
  return db.select({ key: sql<string>`${by}`, n: count() }).from(visits).where(and(visible(caller), inArray(by, [...keys]))).groupBy(sql`${by}`);
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

  latestOfHouseholds: (db: Tx, caller: Caller, ids: readonly string[], n: number, after?: VisitAfter) =>
    named('visit.ofHouseholds', () => latest(db, caller, visits.householdId, ids, n, after)),

  latestOfCadres: (db: Tx, caller: Caller, ids: readonly string[], n: number, after?: VisitAfter) =>
    named('visit.ofCadres', () => latest(db, caller, visits.cadreId, ids, n, after)),

  countOfHouseholds: (db: Tx, caller: Caller, ids: readonly string[]) => named('visit.countOfHouseholds', () => counts(db, caller, visits.householdId, ids)),

  countOfCadres: (db: Tx, caller: Caller, ids: readonly string[]) => named('visit.countOfCadres', () => counts(db, caller, visits.cadreId, ids)),

  notVisitedPage: (db: Tx, caller: Caller, areaCode: string, since: string, statuses: string[], after: string | undefined, limit: number) =>
    named('visit.notVisited', () =>
      db.select(householdColumnsFor(caller)).from(households)
        .where(and(notVisited(caller, areaCode, since, statuses), after ? gt(households.number, after) : undefined))
        .orderBy(asc(households.number)).limit(limit) as Promise<HouseholdRow[]>,
    ),

  notVisitedCount: (db: Tx, caller: Caller, areaCode: string, since: string, statuses: string[]) =>
    named('visit.notVisitedCount', async () => (await db.select({ n: count() }).from(households).where(notVisited(caller, areaCode, since, statuses)))[0].n),
};
