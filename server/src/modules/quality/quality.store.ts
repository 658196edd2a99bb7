/** SQL for stored consistency warnings and the data-quality report; scoped by the household's village. */
import { and, asc, count, countDistinct, eq, gt, inArray, sql } from 'drizzle-orm';
import type { Caller } from '../../auth/caller.js';
import { householdScoped, scopedTo } from '../../auth/scope.js';
import type { Tx } from '../../db/client.js';
import { householdWarnings, households } from '../../db/schema/index.js';
import { named } from '../../db/stats.js';
import { householdColumnsFor, type HouseholdRow } from '../household/household.store.js';

export type WarningRow = typeof householdWarnings.$inferSelect;

export const qualityStore = {
  /** Replaces a household's warnings with those of its latest write. */
  replace: (db: Tx, householdId: string, villageCode: string, warnings: { rule: string; field: string; message: string }[]) =>
    named('quality.replace', async () => {
      await db.delete(householdWarnings).where(eq(householdWarnings.householdId, householdId));
      if (warnings.length) await db.insert(householdWarnings).values(warnings.map((w) => ({ ...w, householdId, villageCode })));
    }),

  ofHouseholds: (db: Tx, caller: Caller, ids: readonly string[]) =>
    named('quality.ofHouseholds', () =>
      db.select().from(householdWarnings)
        .where(and(householdScoped(householdWarnings.villageCode, householdWarnings.householdId, caller), inArray(householdWarnings.householdId, [...ids])))
        .orderBy(asc(householdWarnings.rule), asc(householdWarnings.field)),
    ),

  byRule: (db: Tx, caller: Caller, areaCode: string) =>
    named('quality.byRule', () =>
      db.select({ rule: householdWarnings.rule, warnings: count(), households: countDistinct(householdWarnings.householdId) })
        .from(householdWarnings).where(scopedTo(householdWarnings.villageCode, caller, areaCode))
        .groupBy(householdWarnings.rule).orderBy(asc(householdWarnings.rule)),
    ),

  /** Households with at least one warning, in household-number order. */
  households: (db: Tx, caller: Caller, areaCode: string, after: string | undefined, limit: number) =>
    named('quality.households', () =>
      db.select(householdColumnsFor(caller)).from(households)
        .where(and(
          scopedTo(households.villageCode, caller, areaCode), after ? gt(households.number, after) : undefined,
          sql`exists (select 1 from ${householdWarnings} w where w.household_id = ${households.id})`,
        ))
        .orderBy(asc(households.number)).limit(limit) as Promise<HouseholdRow[]>,
    ),

  householdCount: (db: Tx, caller: Caller, areaCode: string) =>
    named('quality.householdCount', async () =>
      (await db.select({ n: countDistinct(householdWarnings.householdId) }).from(householdWarnings).where(scopedTo(householdWarnings.villageCode, caller, areaCode)))[0].n),
};
