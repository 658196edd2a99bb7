/**
 * SQL of assistance plans, measures and limits, and the reads of cadres and pairings
 * they need. Every read of plans and measures is scoped by the row's village in the
 * query; a cadre is read only as named on a row the caller can read.
 */
import { and, asc, eq, inArray, isNull, sql } from 'drizzle-orm';
import type { Caller } from '../../auth/caller.js';
import { canSeePersonalData } from '../../auth/caller.js';
import { householdScoped } from '../../auth/scope.js';
import type { Tx } from '../../db/client.js';
import { assistanceLimits, assistancePlans, assistanceUnits, cadres, measures, pairings } from '../../db/schema/index.js';
import { named } from '../../db/stats.js';

export type MeasureRow = typeof measures.$inferSelect;
export type PlanRow = typeof assistancePlans.$inferSelect;
export type LimitsRow = typeof assistanceLimits.$inferSelect;

/** Measures and plans are rows about a household (or, household_id NULL, a village): in the caller's areas, or a registered cadre's paired household. */
const measureScope = (caller: Caller) => householdScoped(measures.villageCode, measures.householdId, caller);
const planScope = (caller: Caller) => householdScoped(assistancePlans.villageCode, assistancePlans.householdId, caller);

const hidden = sql<string | null>`null`;
const cadreColumns = (caller: Caller) => ({
  id: cadres.id,
  name: canSeePersonalData(caller) ? sql<string | null>`${cadres.name}` : hidden,
  phone: canSeePersonalData(caller) ? cadres.phone : hidden,
  title: cadres.title,
  areaCode: cadres.areaCode,
  unitName: assistanceUnits.name,
});
export type CadreRow = { id: string; name: string | null; phone: string | null; title: string | null; areaCode: string; unitName: string };

export const measureStore = {
  byIds: (db: Tx, caller: Caller, ids: readonly string[]) =>
    named('measure.byIds', () => db.select().from(measures).where(and(measureScope(caller), inArray(measures.id, [...ids])))),

  ofHouseholds: (db: Tx, caller: Caller, ids: readonly string[]) =>
    named('measure.ofHouseholds', () =>
      db.select().from(measures).where(and(measureScope(caller), inArray(measures.householdId, [...ids])))
        .orderBy(asc(measures.year), asc(measures.startDate), asc(measures.id))),

  /** The measures of each plan: same target (household, or the village as a whole) and same year. */
  ofPlans: (db: Tx, caller: Caller, planIds: readonly string[]) =>
    named('measure.ofPlans', () =>
      db.select({ planId: assistancePlans.id, measure: measures }).from(assistancePlans)
        .innerJoin(measures, and(
          eq(measures.villageCode, assistancePlans.villageCode), eq(measures.year, assistancePlans.year),
          sql`${measures.householdId} is not distinct from ${assistancePlans.householdId}`,
        ))
        .where(and(planScope(caller), inArray(assistancePlans.id, [...planIds])))
        .orderBy(asc(measures.startDate), asc(measures.id))),

  lock: (db: Tx, caller: Caller, id: string) =>
    named('measure.lock', async () => (await db.select().from(measures).where(and(measureScope(caller), eq(measures.id, id))).for('update'))[0]),

  insert: (db: Tx, row: typeof measures.$inferInsert) => named('measure.insert', async () => (await db.insert(measures).values(row).returning())[0]),

  update: (db: Tx, id: string, set: Partial<typeof measures.$inferInsert>) =>
    named('measure.update', async () =>
      (await db.update(measures).set({ ...set, version: sql`${measures.version} + 1`, updatedAt: new Date() }).where(eq(measures.id, id)).returning())[0]),

  plansByIds: (db: Tx, caller: Caller, ids: readonly string[]) =>
    named('plan.byIds', () => db.select().from(assistancePlans).where(and(planScope(caller), inArray(assistancePlans.id, [...ids])))),

  plansOfHouseholds: (db: Tx, caller: Caller, ids: readonly string[]) =>
    named('plan.ofHouseholds', () =>
      db.select().from(assistancePlans).where(and(planScope(caller), inArray(assistancePlans.householdId, [...ids])))
        .orderBy(asc(assistancePlans.year))),

  plansOfVillages: (db: Tx, caller: Caller, codes: readonly string[]) =>
    named('plan.ofVillages', () =>
      db.select().from(assistancePlans)
        .where(and(planScope(caller), isNull(assistancePlans.householdId), inArray(assistancePlans.villageCode, [...codes])))
        .orderBy(asc(assistancePlans.year))),

  /** The plan of a target and year, locked for a change (one per target and year). */
  lockPlan: (db: Tx, householdId: string | null, villageCode: string, year: number) =>
    named('plan.lock', async () =>
      (await db.select().from(assistancePlans)
        .where(and(eq(assistancePlans.villageCode, villageCode), eq(assistancePlans.year, year), householdId ? eq(assistancePlans.householdId, householdId) : isNull(assistancePlans.householdId)))
        .for('update'))[0]),

  insertPlan: (db: Tx, row: typeof assistancePlans.$inferInsert) => named('plan.insert', async () => (await db.insert(assistancePlans).values(row).returning())[0]),

  updatePlan: (db: Tx, id: string, set: { goal: string; exitTargetYear: number | null }) =>
    named('plan.update', async () =>
      (await db.update(assistancePlans).set({ ...set, version: sql`${assistancePlans.version} + 1`, updatedAt: new Date() }).where(eq(assistancePlans.id, id)).returning())[0]),

  /** The limits rows whose area contains `code` (the service picks the longest). */
  limitsAt: (db: Tx, code: string) =>
    named('limits.at', () => db.select().from(assistanceLimits).where(sql`${code} like ${assistanceLimits.areaCode} || '%'`)),

  upsertLimits: (db: Tx, row: typeof assistanceLimits.$inferInsert) =>
    named('limits.upsert', async () =>
      (await db.insert(assistanceLimits).values(row).onConflictDoUpdate({ target: assistanceLimits.areaCode, set: { ...row, updatedAt: new Date() } }).returning())[0]),

  /** A cadre who may be named on a measure in `villageCode`: their area contains the village. */
  cadreForVillage: (db: Tx, id: string, villageCode: string) =>
    named('cadre.forVillage', async () =>
      (await db.select({ id: cadres.id }).from(cadres).where(and(eq(cadres.id, id), sql`${villageCode} like ${cadres.areaCode} || '%'`)))[0]),

  /**
   * The cadres named on measures: keys come only from measure rows the caller could read
   * (scoped above), so the cadre is shown with them — masked for roles without personal data.
   */
  cadresByIds: (db: Tx, caller: Caller, ids: readonly string[]) =>
    named('cadre.byIds', () =>
      db.select(cadreColumns(caller)).from(cadres).innerJoin(assistanceUnits, eq(assistanceUnits.id, cadres.unitId))
        .where(inArray(cadres.id, [...ids])) as Promise<CadreRow[]>),

  /** The current pairing 结对 of each household, with its cadre and unit. */
  currentPairings: (db: Tx, caller: Caller, householdIds: readonly string[]) =>
    named('pairing.current', () =>
      db.select({ householdId: pairings.householdId, since: pairings.startedOn, cadre: cadreColumns(caller) }).from(pairings)
        .innerJoin(cadres, eq(cadres.id, pairings.cadreId)).innerJoin(assistanceUnits, eq(assistanceUnits.id, cadres.unitId))
        .where(and(householdScoped(pairings.villageCode, pairings.householdId, caller), isNull(pairings.endedOn), inArray(pairings.householdId, [...householdIds])))),
};
