/**
 * SQL for eligibility rule sets (reference data, readable by every registry reader)
 * and the household pages a preview streams through (scoped to the caller's area
 * inside the query, household-number order).
 */
import { and, asc, desc, eq, gt, inArray, max, sql } from 'drizzle-orm';
import type { Caller } from '../../auth/caller.js';
import { scopedKeyRange } from '../../auth/scope.js';
import type { Tx } from '../../db/client.js';
import { eligibilityRuleSets, householdYears, households } from '../../db/schema/index.js';
import { named } from '../../db/stats.js';
import type { YearRow } from '../household/household.store.js';

export type RuleSetRow = typeof eligibilityRuleSets.$inferSelect;

/** A household of a preview page with the year it is judged on (null without a record). */
export interface PreviewRow {
  id: string;
  number: string;
  villageCode: string;
  identificationStandard: string;
  attribute: string;
  status: string;
  stage: string;
  year: YearRow | null;
}

export const eligibilityStore = {
  list: (db: Tx, f: { status?: string; name?: string }) =>
    named('eligibility.list', () =>
      db.select().from(eligibilityRuleSets)
        .where(and(f.status ? eq(eligibilityRuleSets.status, f.status) : undefined, f.name ? eq(eligibilityRuleSets.name, f.name) : undefined))
        .orderBy(asc(eligibilityRuleSets.name), desc(eligibilityRuleSets.version)),
    ),

  byIds: (db: Tx, ids: readonly string[]) =>
    named('eligibility.byIds', () => db.select().from(eligibilityRuleSets).where(inArray(eligibilityRuleSets.id, [...ids]))),

  active: (db: Tx) =>
    named('eligibility.active', async () => (await db.select().from(eligibilityRuleSets).where(eq(eligibilityRuleSets.status, 'ACTIVE')))[0] ?? null),

  /** The next version of a name, under a lock held to the end of the transaction so two creations number in turn. */
  nextVersion: (db: Tx, name: string) =>
    named('eligibility.nextVersion', async () => {
      await db.execute(sql`select pg_advisory_xact_lock(hashtext(${'rule-set:' + name}))`);
      const [r] = await db.select({ v: max(eligibilityRuleSets.version) }).from(eligibilityRuleSets).where(eq(eligibilityRuleSets.name, name));
      return (r?.v ?? 0) + 1;
    }),

  insert: (db: Tx, row: typeof eligibilityRuleSets.$inferInsert) =>
    named('eligibility.insert', async () => (await db.insert(eligibilityRuleSets).values(row).returning())[0]),

  /** Locks the rule set to activate and the active one (one activation at a time). */
  lockForActivation: (db: Tx, id: string) =>
    named('eligibility.lockForActivation', async () => {
      await db.execute(sql`select pg_advisory_xact_lock(hashtext('rule-set:activate'))`);
      return db.select().from(eligibilityRuleSets)
        .where(sql`${eligibilityRuleSets.id} = ${id} or ${eligibilityRuleSets.status} = 'ACTIVE'`).for('update');
    }),

  setStatus: (db: Tx, id: string, set: Partial<typeof eligibilityRuleSets.$inferInsert>) =>
    named('eligibility.setStatus', async () => (await db.update(eligibilityRuleSets).set(set).where(eq(eligibilityRuleSets.id, id)).returning())[0]),

  /**
   * One page of an area's households with the yearly record each is judged on: the given
   * year's, or the latest recorded (the same choice as Household.eligibility).
   */
  previewPage: (db: Tx, caller: Caller, areaCode: string, year: number | null, after: string | undefined, limit: number) =>
    named('eligibility.previewPage', async () => {
      const page = db.select({
        id: households.id, number: households.number, villageCode: households.villageCode, identificationStandard: households.identificationStandard,
        attribute: households.attribute, status: households.status, stage: households.stage,
      }).from(households)
        .where(and(scopedKeyRange(households.number, caller, areaCode), after ? gt(households.number, after) : undefined))
        .orderBy(asc(households.number)).limit(limit).as('h');
      const rows = await db.select({
        id: page.id, number: page.number, villageCode: page.villageCode, identificationStandard: page.identificationStandard,
        attribute: page.attribute, status: page.status, stage: page.stage, year: householdYears,
      }).from(page)
        .leftJoin(householdYears, and(
          eq(householdYears.householdId, page.id),
          year === null
            ? sql`${householdYears.year} = (select max(y2.year) from ${householdYears} y2 where y2.household_id = ${page.id})`
            : eq(householdYears.year, year),
        ))
        .orderBy(asc(page.number));
      return rows as PreviewRow[];
    }),
};
