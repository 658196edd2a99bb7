/**
 * Monitoring against falling back into poverty 防返贫监测: the thresholds per area
 * (national default '' and provincial overrides), the monitored households' cases with
 * the triggers found, the help given and how the risk was removed.
 */
import { sql } from 'drizzle-orm';
import { bigint, date, index, integer, jsonb, numeric, pgTable, text, timestamp, uniqueIndex, uuid } from 'drizzle-orm/pg-core';
import { households } from './households.js';

/** Trigger thresholds: '' national, or a 2-digit province whose row replaces the national one. */
export const monitoringSettings = pgTable('monitoring_settings', {
  areaCode: text('area_code').primaryKey(),
  /** Income under this multiple of the line is a risk (policy: about 1.5). */
  incomeMultiple: numeric('income_multiple', { precision: 4, scale: 2, mode: 'number' }).notNull(),
  /** A fall of per-capita net income of at least this share year on year is a risk (0.30 = 30%). */
  fallShare: numeric('fall_share', { precision: 4, scale: 3, mode: 'number' }).notNull(),
  /** Scale of the monitored population: the usual share (about 5%) and the most (10%) of registered people. */
  scaleTarget: numeric('scale_target', { precision: 4, scale: 3, mode: 'number' }).notNull(),
  scaleMax: numeric('scale_max', { precision: 4, scale: 3, mode: 'number' }).notNull(),
  updatedBy: text('updated_by').notNull(),
  updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
});

/** A monitored household's case: opened by a yearly update's triggers or by a cadre, closed when the risk is removed. */
export const monitoringCases = pgTable(
  'monitoring_cases',
  {
    id: bigint('id', { mode: 'number' }).primaryKey().generatedAlwaysAsIdentity(),
    householdId: uuid('household_id').notNull().references(() => households.id, { onDelete: 'cascade' }),
    /** 户编号 of the household: scope (it begins with the village code) and list order. */
    householdNumber: text('household_number').notNull(),
    villageCode: text('village_code').notNull(),
    /** Monitoring kind code (codes/monitoring.codes.ts). */
    kind: text('kind').notNull(),
    /** OPEN or REMOVED. */
    status: text('status').notNull(),
    /** YEARLY_UPDATE or REPORTED (by a cadre or official). */
    source: text('source').notNull(),
    /** The income year whose record fired the triggers (yearly updates). */
    year: integer('year'),
    /** Triggers found, with their figures: [{ trigger, value, threshold, detail }]. */
    triggers: jsonb('triggers').notNull(),
    riskTypes: text('risk_types').array().notNull().default(sql`'{}'::text[]`),
    risk: text('risk').notNull(),
    identifiedOn: date('identified_on').notNull(),
    removedOn: date('removed_on'),
    /** How the risk was removed (codes/monitoring.codes.ts RiskRemoval). */
    removedHow: text('removed_how'),
    removalNote: text('removal_note'),
    openedBy: text('opened_by').notNull(),
    removedBy: text('removed_by'),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    /** One open case per household. */
    uniqueIndex('monitoring_cases_open_key').on(t.householdId).where(sql`${t.status} = 'OPEN'`),
    index('monitoring_cases_household_idx').on(t.householdId),
    index('monitoring_cases_scope_idx').on(t.householdNumber, t.id),
  ],
);

/** Help given to a monitored household 帮扶措施, in the order given. */
export const monitoringHelp = pgTable(
  'monitoring_help',
  {
    id: uuid('id').primaryKey(),
    caseId: bigint('case_id', { mode: 'number' }).notNull().references(() => monitoringCases.id, { onDelete: 'cascade' }),
    villageCode: text('village_code').notNull(),
    givenOn: date('given_on').notNull(),
    measure: text('measure').notNull(),
    amountYuan: numeric('amount_yuan', { precision: 12, scale: 2, mode: 'number' }),
    recordedBy: text('recorded_by').notNull(),
    recordedAt: timestamp('recorded_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [index('monitoring_help_case_idx').on(t.caseId, t.givenOn)],
);
