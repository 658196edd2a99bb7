/**
 * Precise assessment 精准考核 (issue 14): versioned assessment schemes (indicators with
 * formula, source, direction, normalisation and weight; component weights; grade
 * cut-offs — all data), assessment runs over the counties of a province or prefecture
 * for a year (a stored snapshot: a published run never changes), and spot-check samples
 * 抽检核查 drawn with a seed (same seed, same register: same list).
 */
import { sql } from 'drizzle-orm';
import { index, integer, jsonb, pgTable, text, timestamp, uniqueIndex, uuid } from 'drizzle-orm/pg-core';

/** A version of an assessment scheme 考核办法; immutable once created (a change is a new version). */
export const assessmentSchemes = pgTable(
  'assessment_schemes',
  {
    id: uuid('id').primaryKey(),
    /** The province (2 digits) or '' (national) whose scheme it is. */
    areaCode: text('area_code').notNull(),
    name: text('name').notNull(),
    version: integer('version').notNull(),
    /** Components 考核方式 with weights in percent (sum 100), e.g. daily inspection 40, annual check 30, third party 30. */
    components: jsonb('components').notNull(),
    /** Indicators: code, component, weight within the component (percent), direction, normalisation and its bounds. */
    indicators: jsonb('indicators').notNull(),
    /** Grades 等次 from the best down, each with its lowest score. */
    grades: jsonb('grades').notNull(),
    createdBy: text('created_by').notNull(),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [uniqueIndex('assessment_schemes_version_key').on(t.areaCode, t.name, t.version)],
);

/**
 * An assessment run: every county of `area_code` (province or prefecture) for `year`
 * under one scheme version. DRAFT runs are replaced by recomputation; a PUBLISHED run's
 * `result` is frozen — the service never writes it again.
 */
export const assessmentRuns = pgTable(
  'assessment_runs',
  {
    id: uuid('id').primaryKey(),
    schemeId: uuid('scheme_id').notNull().references(() => assessmentSchemes.id),
    areaCode: text('area_code').notNull(),
    year: integer('year').notNull(),
    status: text('status').notNull(),
    /** The snapshot: every county's score, rank, grade, indicators and explanation. */
    result: jsonb('result').notNull(),
    computedBy: text('computed_by').notNull(),
    computedAt: timestamp('computed_at', { withTimezone: true }).notNull().defaultNow(),
    publishedBy: text('published_by'),
    publishedAt: timestamp('published_at', { withTimezone: true }),
  },
  (t) => [
    index('assessment_runs_scope_idx').using('btree', sql`${t.areaCode} text_pattern_ops`, t.year),
    uniqueIndex('assessment_runs_draft_key').on(t.schemeId, t.areaCode, t.year).where(sql`${t.status} = 'DRAFT'`),
    uniqueIndex('assessment_runs_published_key').on(t.schemeId, t.areaCode, t.year).where(sql`${t.status} = 'PUBLISHED'`),
  ],
);

/** A spot-check sample 抽检样本 of a county and year: the plan and seed it was drawn with. */
export const spotCheckSamples = pgTable(
  'spot_check_samples',
  {
    id: uuid('id').primaryKey(),
    countyCode: text('county_code').notNull(),
    year: integer('year').notNull(),
    seed: integer('seed').notNull(),
    plan: jsonb('plan').notNull(),
    /** Non-registered households to be found on site per satisfaction village (the 3 of 5:3:2). */
    nonRegisteredPerVillage: integer('non_registered_per_village').notNull(),
    createdBy: text('created_by').notNull(),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [index('spot_check_samples_county_idx').on(t.countyCode, t.year)],
);

/** One household of a sample, with why it was drawn and its place in the list. */
export const spotCheckSampleItems = pgTable(
  'spot_check_sample_items',
  {
    sampleId: uuid('sample_id').notNull().references(() => spotCheckSamples.id, { onDelete: 'cascade' }),
    ordinal: integer('ordinal').notNull(),
    householdId: uuid('household_id').notNull(),
    villageCode: text('village_code').notNull(),
    /** SamplePurpose code. */
    purpose: text('purpose').notNull(),
  },
  (t) => [uniqueIndex('spot_check_sample_items_key').on(t.sampleId, t.ordinal)],
);
