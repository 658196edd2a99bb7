/**
 * Maintained aggregates for statistics 决策支持 (issue 10). Each table holds counts per
 * village and grouping key, kept current by statement-level triggers on the tables they
 * summarise (migration `statistics_triggers`), in the same transaction as every write —
 * whichever service, import or seed made it. Every delta is kept twice: per village
 * (`level` 5, `village_code` the 12-digit code) and rolled up per township (`level` 4,
 * the 9-digit code), so a county's statistics read its townships' rows — a few hundred
 * to a few thousand, however many households it has — and a township's read its
 * villages'. Keys use '' where a value is absent.
 */

/** 5: `village_code` is a village; 4: it is a township and the row sums its villages. */
const level = () => smallint('level').notNull();
import { integer, numeric, pgTable, primaryKey, smallint, text } from 'drizzle-orm/pg-core';

const counts = {
  households: integer('households').notNull().default(0),
  people: integer('people').notNull().default(0),
};
const householdKey = {
  level: level(),
  villageCode: text('village_code').notNull(),
  status: text('status').notNull(),
  stage: text('stage').notNull(),
  attribute: text('attribute').notNull(),
  mainCause: text('main_cause').notNull(),
};

/** Households and people (member_count) by village, status, stage, attribute and main cause. Source: households. */
export const statHouseholds = pgTable('stat_households', { ...householdKey, ...counts }, (t) => [
  primaryKey({ name: 'stat_households_pk', columns: [t.level, t.villageCode, t.status, t.stage, t.attribute, t.mainCause] }),
]);

/** The same, once per other cause 其他致贫原因 of each household. Source: households.other_causes. */
export const statOtherCauses = pgTable('stat_other_causes', { ...householdKey, otherCause: text('other_cause').notNull(), ...counts }, (t) => [
  primaryKey({ name: 'stat_other_causes_pk', columns: [t.level, t.villageCode, t.status, t.stage, t.attribute, t.mainCause, t.otherCause] }),
]);

/** People by their household's village, status and stage and their ethnicity, sex and birth year (age bands are computed for the year asked). Source: members. */
export const statMembers = pgTable('stat_members', {
  level: level(),
  villageCode: text('village_code').notNull(),
  status: text('status').notNull(),
  stage: text('stage').notNull(),
  ethnicity: text('ethnicity').notNull(),
  sex: text('sex').notNull(),
  birthYear: integer('birth_year').notNull(),
  people: integer('people').notNull().default(0),
}, (t) => [primaryKey({ name: 'stat_members_pk', columns: [t.level, t.villageCode, t.status, t.stage, t.ethnicity, t.sex, t.birthYear] })]);

/**
 * Household status events by village, year of effect and transition (stage and status
 * before and after; '' before a first entry). Year-end stocks are running sums of these,
 * flows are the year's rows. People: the household's size when the event was recorded.
 * Source: status_events of households.
 */
export const statTransitions = pgTable('stat_transitions', {
  level: level(),
  villageCode: text('village_code').notNull(),
  year: integer('year').notNull(),
  fromStage: text('from_stage').notNull(),
  fromStatus: text('from_status').notNull(),
  toStage: text('to_stage').notNull(),
  toStatus: text('to_status').notNull(),
  ...counts,
}, (t) => [primaryKey({ name: 'stat_transitions_pk', columns: [t.level, t.villageCode, t.year, t.fromStage, t.fromStatus, t.toStage, t.toStatus] })]);

/**
 * Per-capita net income of households' yearly records in 100-yuan buckets (`bucket` is the
 * lower bound), by village, year, and the household's stage and status; with the sum, for
 * exact means. Source: household_years.
 */
export const statIncome = pgTable('stat_income', {
  level: level(),
  villageCode: text('village_code').notNull(),
  year: integer('year').notNull(),
  stage: text('stage').notNull(),
  status: text('status').notNull(),
  bucket: integer('bucket').notNull(),
  ...counts,
  incomeSum: numeric('income_sum', { precision: 16, scale: 2, mode: 'number' }).notNull().default(0),
}, (t) => [primaryKey({ name: 'stat_income_pk', columns: [t.level, t.villageCode, t.year, t.stage, t.status, t.bucket] })]);

/** Monitored households 防返贫监测 by village, kind and case status (open, or risk removed). Source: monitoring_cases. */
export const statMonitoring = pgTable('stat_monitoring', {
  level: level(),
  villageCode: text('village_code').notNull(),
  kind: text('kind').notNull(),
  status: text('status').notNull(),
  ...counts,
}, (t) => [primaryKey({ name: 'stat_monitoring_pk', columns: [t.level, t.villageCode, t.kind, t.status] })]);

/** A rural population 农村人口 set for an area and year (statistical yearbook figures): a denominator of poverty incidence. */
export const ruralPopulations = pgTable('rural_populations', {
  areaCode: text('area_code').notNull(),
  year: integer('year').notNull(),
  population: integer('population').notNull(),
  setBy: text('set_by').notNull(),
}, (t) => [primaryKey({ name: 'rural_populations_pk', columns: [t.areaCode, t.year] })]);

/**
 * Measures 帮扶措施 by village, plan year, kind, status and, for micro-credit, the loan's
 * status: how many, planned and actual yuan, principal still owed, people relocated.
 * Source: measures (and their `details`).
 */
export const statMeasures = pgTable('stat_measures', {
  level: level(),
  villageCode: text('village_code').notNull(),
  year: integer('year').notNull(),
  kind: text('kind').notNull(),
  status: text('status').notNull(),
  loanStatus: text('loan_status').notNull(),
  measures: integer('measures').notNull().default(0),
  plannedAmount: numeric('planned_amount', { precision: 16, scale: 2, mode: 'number' }).notNull().default(0),
  actualAmount: numeric('actual_amount', { precision: 16, scale: 2, mode: 'number' }).notNull().default(0),
  loanOutstanding: numeric('loan_outstanding', { precision: 16, scale: 2, mode: 'number' }).notNull().default(0),
  peopleMoved: integer('people_moved').notNull().default(0),
}, (t) => [primaryKey({ name: 'stat_measures_pk', columns: [t.level, t.villageCode, t.year, t.kind, t.status, t.loanStatus] })]);

/** Households with a current responsible person 帮扶责任人, by village. Source: pairings (ended_on null). */
export const statPairings = pgTable('stat_pairings', {
  level: level(),
  villageCode: text('village_code').notNull(),
  households: integer('households').notNull().default(0),
}, (t) => [primaryKey({ name: 'stat_pairings_pk', columns: [t.level, t.villageCode] })]);

/** Current beneficiary links of sector projects, by village, sector and whether they name a household or the village. Source: project_links. */
export const statLinks = pgTable('stat_links', {
  level: level(),
  villageCode: text('village_code').notNull(),
  sector: text('sector').notNull(),
  target: text('target').notNull(),
  links: integer('links').notNull().default(0),
}, (t) => [primaryKey({ name: 'stat_links_pk', columns: [t.level, t.villageCode, t.sector, t.target] })]);
