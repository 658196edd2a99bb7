/**
 * SQL for the register's history (status events), scoped like the households and villages
 * they are about (auth/scope.ts). "As of a date" is the latest event
 * effective on or before it (ties: the later recorded), per household.
 */
import { and, asc, eq, inArray, lte, sql } from 'drizzle-orm';
import type { Caller } from '../../auth/caller.js';
import { householdScoped, villageScoped } from '../../auth/scope.js';
import type { Tx } from '../../db/client.js';
import { households, statusEvents } from '../../db/schema/index.js';
import { named } from '../../db/stats.js';

export type StatusEventRow = typeof statusEvents.$inferSelect;

export interface AsOfCount {
  status: string;
  stage: string;
  households: number;
  people: number;
}

export const historyStore = {
  insert: (tx: Tx, row: typeof statusEvents.$inferInsert) => named('history.insert', () => tx.insert(statusEvents).values(row).returning()),

  ofHouseholds: (db: Tx, caller: Caller, ids: readonly string[]) =>
    named('history.ofHouseholds', () => db.select().from(statusEvents)
      .where(and(inArray(statusEvents.householdId, [...ids]), householdScoped(statusEvents.villageCode, statusEvents.householdId, caller)))
      .orderBy(asc(statusEvents.effectiveDate), asc(statusEvents.recordedAt))),

  ofVillages: (db: Tx, caller: Caller, codes: readonly string[]) =>
    named('history.ofVillages', () => db.select().from(statusEvents)
      .where(and(eq(statusEvents.subjectType, 'VILLAGE'), inArray(statusEvents.villageCode, [...codes]), villageScoped(statusEvents.villageCode, caller)))
      .orderBy(asc(statusEvents.effectiveDate), asc(statusEvents.recordedAt))),

  /** Each household's standing (status and stage) on a date, keyed by household: one statement for many households. */
  asOf: (db: Tx, caller: Caller, ids: readonly string[], on: string) =>
    named('history.asOf', () => db.selectDistinctOn([statusEvents.householdId]).from(statusEvents)
      .where(and(inArray(statusEvents.householdId, [...ids]), householdScoped(statusEvents.villageCode, statusEvents.householdId, caller), lte(statusEvents.effectiveDate, on)))
      .orderBy(statusEvents.householdId, sql`${statusEvents.effectiveDate} desc`, sql`${statusEvents.recordedAt} desc`)),

  /** Households and people by status and stage on a date, under an area prefix (people: today's member counts). */
  countsAsOf: (db: Tx, caller: Caller, areaCode: string, on: string) =>
    named('history.countsAsOf', async () => {
      const latest = db.selectDistinctOn([statusEvents.householdId], {
        householdId: statusEvents.householdId, status: statusEvents.toStatus, stage: statusEvents.toStage,
      }).from(statusEvents)
        .where(and(eq(statusEvents.subjectType, 'HOUSEHOLD'), householdScoped(statusEvents.villageCode, statusEvents.householdId, caller, areaCode), lte(statusEvents.effectiveDate, on)))
        .orderBy(statusEvents.householdId, sql`${statusEvents.effectiveDate} desc`, sql`${statusEvents.recordedAt} desc`)
        .as('latest');
      const rows = await db.select({
        status: latest.status, stage: sql<string>`coalesce(${latest.stage}, 'REGISTERED')`,
        households: sql<number>`count(*)::int`, people: sql<number>`coalesce(sum(${households.memberCount}), 0)::int`,
      }).from(latest).innerJoin(households, eq(households.id, latest.householdId))
        .groupBy(latest.status, sql`coalesce(${latest.stage}, 'REGISTERED')`).orderBy(latest.status);
      return rows as AsOfCount[];
    }),
};
