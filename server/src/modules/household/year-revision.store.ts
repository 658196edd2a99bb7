/**
 * SQL of yearly-record corrections (issue 15, item 7): lock one year's record, replace its
 * values raising its version, keep the values it replaced, and read those back scoped to
 * the caller's area.
 */
import { and, asc, eq, inArray, sql } from 'drizzle-orm';
import type { Caller } from '../../auth/caller.js';
import { householdScoped } from '../../auth/scope.js';
import type { Tx } from '../../db/client.js';
import { householdYearRevisions, householdYears } from '../../db/schema/index.js';
import { named } from '../../db/stats.js';

export type YearRevisionRow = typeof householdYearRevisions.$inferSelect;

export const yearRevisionStore = {
  lockYear: (db: Tx, householdId: string, year: number) =>
    named('householdYear.lock', async () =>
      (await db.select().from(householdYears).where(and(eq(householdYears.householdId, householdId), eq(householdYears.year, year))).for('update'))[0] ?? null),

  replaceYear: (db: Tx, householdId: string, year: number, set: Partial<typeof householdYears.$inferInsert>) =>
    named('householdYear.replace', async () =>
      (await db.update(householdYears).set({ ...set, version: sql`${householdYears.version} + 1` })
        .where(and(eq(householdYears.householdId, householdId), eq(householdYears.year, year))).returning())[0]!),

  insertRevision: (db: Tx, row: typeof householdYearRevisions.$inferInsert) =>
    named('householdYear.insertRevision', () => db.insert(householdYearRevisions).values(row)),

  /** The replaced values of the households' records, oldest first. */
  revisionsOf: (db: Tx, caller: Caller, ids: readonly string[]) =>
    named('householdYear.revisionsOf', () =>
      db.select().from(householdYearRevisions)
        .where(and(householdScoped(householdYearRevisions.villageCode, householdYearRevisions.householdId, caller), inArray(householdYearRevisions.householdId, [...ids])))
        .orderBy(asc(householdYearRevisions.householdId), asc(householdYearRevisions.year), asc(householdYearRevisions.version)),
    ),
};
