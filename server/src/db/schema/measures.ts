/**
 * Assistance plans and measures 帮扶计划与措施 (精准帮扶): a plan per household and per
 * poor village and year, the measures carried out for them, and the limits of the
 * typed measures as data. Rows carry their village code, so the area scope is one
 * predicate on the row (DESIGN.md "Data").
 */
import { sql } from 'drizzle-orm';
import { date, index, integer, jsonb, numeric, pgTable, smallint, text, timestamp, uniqueIndex, uuid } from 'drizzle-orm/pg-core';
import { households } from './households.js';
import { cadres } from './assistance.js';

const yuan = (name: string) => numeric(name, { precision: 12, scale: 2, mode: 'number' });

/**
 * Limits of the typed measures, configurable per area: the row whose code is the
 * longest prefix of a measure's village applies; the row '' is the national default
 * (扶贫小额信贷 ≤ 50,000 yuan and ≤ 36 months; relocation housing ≤ 25 m² per person;
 * 雨露计划 ages by support kind).
 */
export const assistanceLimits = pgTable('assistance_limits', {
  areaCode: text('area_code').primaryKey(),
  microCreditMaxPrincipal: yuan('micro_credit_max_principal').notNull(),
  microCreditMaxTermMonths: integer('micro_credit_max_term_months').notNull(),
  relocationMaxM2PerPerson: numeric('relocation_max_m2_per_person', { precision: 8, scale: 2, mode: 'number' }).notNull(),
  /** 雨露计划 age bounds at enrolment by support kind (defaults: modules/measure/limits.ts RAIN_DEW_AGES, unverified). */
  rainDewTrainingMinAge: smallint('rain_dew_training_min_age').notNull().default(16),
  rainDewTrainingMaxAge: smallint('rain_dew_training_max_age').notNull().default(59),
  rainDewSecondaryMinAge: smallint('rain_dew_secondary_min_age').notNull().default(14),
  rainDewSecondaryMaxAge: smallint('rain_dew_secondary_max_age').notNull().default(22),
  rainDewHigherMinAge: smallint('rain_dew_higher_min_age').notNull().default(16),
  rainDewHigherMaxAge: smallint('rain_dew_higher_max_age').notNull().default(30),
  updatedBy: text('updated_by').notNull(),
  updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
});

/**
 * A plan 帮扶计划 for one household (household_id set) or one village (household_id
 * NULL) and one year: at most one per target and year.
 */
export const assistancePlans = pgTable(
  'assistance_plans',
  {
    id: uuid('id').primaryKey(),
    householdId: uuid('household_id').references(() => households.id, { onDelete: 'cascade' }),
    villageCode: text('village_code').notNull(),
    year: integer('year').notNull(),
    goal: text('goal').notNull(),
    exitTargetYear: integer('exit_target_year'),
    version: integer('version').notNull().default(1),
    createdBy: text('created_by').notNull(),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    uniqueIndex('assistance_plans_household_year_key').on(t.householdId, t.year).where(sql`${t.householdId} IS NOT NULL`),
    uniqueIndex('assistance_plans_village_year_key').on(t.villageCode, t.year).where(sql`${t.householdId} IS NULL`),
    index('assistance_plans_scope_idx').using('btree', sql`${t.villageCode} text_pattern_ops`, t.year),
  ],
);

/**
 * A measure 帮扶措施 for a household (household_id set) or a whole village
 * (household_id NULL): kind, causes addressed, responsible cadre, money, dates and
 * lifecycle. `details` holds the typed part of the three brands and of house
 * renovation (see modules/measure/measure.details.ts), validated before it is stored.
 */
export const measures = pgTable(
  'measures',
  {
    id: uuid('id').primaryKey(),
    householdId: uuid('household_id').references(() => households.id, { onDelete: 'cascade' }),
    villageCode: text('village_code').notNull(),
    year: integer('year').notNull(),
    kind: text('kind').notNull(),
    title: text('title').notNull(),
    causes: text('causes').array().notNull(),
    responsibleCadreId: uuid('responsible_cadre_id').references(() => cadres.id),
    plannedAmount: yuan('planned_amount').notNull(),
    actualAmount: yuan('actual_amount'),
    fundingSource: text('funding_source').notNull(),
    startDate: date('start_date').notNull(),
    endDate: date('end_date').notNull(),
    status: text('status').notNull(),
    startedOn: date('started_on'),
    completedOn: date('completed_on'),
    cancelledOn: date('cancelled_on'),
    cancelReason: text('cancel_reason'),
    details: jsonb('details'),
    version: integer('version').notNull().default(1),
    createdBy: text('created_by').notNull(),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    index('measures_household_idx').on(t.householdId, t.year),
    index('measures_scope_idx').using('btree', sql`${t.villageCode} text_pattern_ops`, t.year),
    index('measures_cadre_idx').on(t.responsibleCadreId),
    index('measures_open_end_idx').on(t.endDate).where(sql`${t.status} IN ('planned', 'in_progress')`),
  ],
);
