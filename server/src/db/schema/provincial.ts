/**
 * Provincial figures per year (issue 3, item 2): what poor villages are identified
 * against (一高一低一无: the province's poverty incidence and average rural per-capita
 * net income) and what villages and counties exit against (the exit incidence
 * thresholds, 2 % or 3 % in the western region). Configurable data, not hard-coded.
 */
import { integer, numeric, pgTable, primaryKey, text, timestamp } from 'drizzle-orm/pg-core';

const rate = (name: string) => numeric(name, { precision: 8, scale: 6, mode: 'number' }).notNull();

export const provincialFigures = pgTable(
  'provincial_figures',
  {
    provinceCode: text('province_code').notNull(),
    year: integer('year').notNull(),
    /** Rural poverty incidence of the province, as a fraction (0.05 = 5 %). */
    povertyIncidence: rate('poverty_incidence'),
    /** Average rural per-capita net income of the province, yuan. */
    averageNetIncome: numeric('average_net_income', { precision: 12, scale: 2, mode: 'number' }).notNull(),
    /** EAST, CENTRAL or WEST. */
    region: text('region').notNull(),
    villageExitIncidence: rate('village_exit_incidence'),
    countyExitIncidence: rate('county_exit_incidence'),
    /** ALL_THREE or TWO_OF_THREE: how many of 一高一低一无 identify a poor village. */
    villageRule: text('village_rule').notNull().default('ALL_THREE'),
    setBy: text('set_by').notNull(),
    setAt: timestamp('set_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [primaryKey({ columns: [t.provinceCode, t.year] })],
);

/** A county's exit spot check 抽查 of a year (三率一度), one per county and year; a new record replaces it (audited). */
export const exitSpotChecks = pgTable(
  'exit_spot_checks',
  {
    countyCode: text('county_code').notNull(),
    year: integer('year').notNull(),
    sampledExited: integer('sampled_exited').notNull(),
    wronglyExited: integer('wrongly_exited').notNull(),
    sampledNonRegistered: integer('sampled_non_registered').notNull(),
    missedPoorFound: integer('missed_poor_found').notNull(),
    surveyedHouseholds: integer('surveyed_households').notNull(),
    approvingHouseholds: integer('approving_households').notNull(),
    /** Missed poor people in the whole county, for the comprehensive incidence. */
    missedPoor: integer('missed_poor').notNull(),
    /** Registered people sampled, and of them those found not to meet the standard 错评 (for 错评率; null when not checked). */
    sampledRegistered: integer('sampled_registered'),
    wronglyIncluded: integer('wrongly_included'),
    recordedBy: text('recorded_by').notNull(),
    recordedAt: timestamp('recorded_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [primaryKey({ columns: [t.countyCode, t.year] })],
);
