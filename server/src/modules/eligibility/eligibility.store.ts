/**
 * SQL for eligibility rule sets (reference data, readable by every registry reader)
 * and the household pages a preview streams through (scoped to the caller's area
 * inside the query, household-number order).
 */
import { and, asc, desc, eq, gt, inArray, max, sql } from 'drizzle-orm';
import type { Caller } from '../../auth/caller.js';
import { scoped, scopedKeyRange } from '../../auth/scope.js';
import type { Tx } from '../../db/client.js';
import { eligibilityRuleSets, householdYears, households, members } from '../../db/schema/index.js';
import { named } from '../../db/stats.js';
import type { FactSources } from './eligibility.facts.js';

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
  year: (FactSources['year'] & { year: number }) | null;
}

/** The year columns the facts read (eligibility.facts.ts), and nothing else: a preview streams whole counties. */
const y = householdYears;
const YEAR_COLUMNS = {
  year: y.year, perCapitaNetIncome: y.perCapitaNetIncome, memberCount: y.memberCount, drinkingWaterSafe: y.drinkingWaterSafe,
  drinkingWaterDifficulty: y.drinkingWaterDifficulty, dilapidatedHouse: y.dilapidatedHouse, dilapidatedGrade: y.dilapidatedGrade,
  sanitaryToilet: y.sanitaryToilet, householdPower: y.householdPower, productionPower: y.productionPower, radioTv: y.radioTv,
  inCooperative: y.inCooperative, housingAreaM2: y.housingAreaM2, arableLandMu: y.arableLandMu, irrigatedLandMu: y.irrigatedLandMu,
  forestLandMu: y.forestLandMu, distanceToRoadKm: y.distanceToRoadKm, roadType: y.roadType, mainFuel: y.mainFuel,
};

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
        attribute: page.attribute, status: page.status, stage: page.stage, year: YEAR_COLUMNS,
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

  /**
   * The member columns the facts read, for a page of households (scoped by the member's
   * village). `age` is the member store's expression (member.store.ts), so a preview and
   * Household.eligibility see the same ages.
   */
  memberFacts: (db: Tx, caller: Caller, householdIds: string[]) =>
    named('eligibility.memberFacts', () =>
      db.select({
        householdId: members.householdId, age: sql<number>`date_part('year', age(current_date, ${members.birthDate}))::int`,
        schooling: members.schooling, basicMedicalInsurance: members.basicMedicalInsurance, health: members.health, labourSkill: members.labourSkill,
      }).from(members).where(and(scoped(members.villageCode, caller), inArray(members.householdId, householdIds))),
    ),
};
