/**
 * Sector programmes and projects (十项工程), the households and villages they
 * benefit, and the idempotency keys of batch writes. Projects carry their area
 * code and sector, so both scope checks are predicates on the row itself.
 */
import { sql } from 'drizzle-orm';
import { date, index, integer, jsonb, numeric, pgTable, primaryKey, text, timestamp, uniqueIndex, uuid } from 'drizzle-orm/pg-core';

const money = (name: string) => numeric(name, { precision: 16, scale: 2, mode: 'number' });

export const programmes = pgTable(
  'programmes',
  {
    id: uuid('id').primaryKey(),
    sector: text('sector').notNull(),
    name: text('name').notNull(),
    year: integer('year').notNull(),
    budget: money('budget').notNull(),
    /** The area the programme covers (a code prefix); '' for a national programme is stored as the empty string. */
    areaCode: text('area_code').notNull(),
    createdBy: text('created_by').notNull(),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [index('programmes_scope_idx').on(t.sector, t.areaCode, t.year)],
);

export const projects = pgTable(
  'projects',
  {
    id: uuid('id').primaryKey(),
    programmeId: uuid('programme_id').notNull().references(() => programmes.id),
    sector: text('sector').notNull(),
    name: text('name').notNull(),
    kind: text('kind').notNull(),
    /** The area the project is registered in (county, township or village): its scope. */
    areaCode: text('area_code').notNull(),
    /** The areas it serves, each inside `areaCode`; beneficiaries must live in one of them. */
    servedAreas: text('served_areas').array().notNull(),
    budget: money('budget').notNull(),
    status: text('status').notNull(),
    startDate: date('start_date'),
    endDate: date('end_date'),
    /** [{ indicator, planned, actual }] */
    outputs: jsonb('outputs').notNull().default(sql`'[]'::jsonb`),
    version: integer('version').notNull().default(1),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    index('projects_scope_idx').using('btree', sql`${t.areaCode} text_pattern_ops`, t.sector),
    index('projects_programme_idx').on(t.programmeId),
  ],
);

/** A household or village a project benefits. Unlinking sets unlinked_at: links are never deleted. */
export const projectLinks = pgTable(
  'project_links',
  {
    id: uuid('id').primaryKey(),
    projectId: uuid('project_id').notNull().references(() => projects.id),
    sector: text('sector').notNull(),
    householdId: uuid('household_id'),
    /** The household's village, or the village itself. */
    villageCode: text('village_code').notNull(),
    benefitKind: text('benefit_kind').notNull(),
    amount: money('amount'),
    benefitDate: date('benefit_date').notNull(),
    linkedBy: text('linked_by').notNull(),
    linkedAt: timestamp('linked_at', { withTimezone: true }).notNull().defaultNow(),
    unlinkedBy: text('unlinked_by'),
    unlinkedAt: timestamp('unlinked_at', { withTimezone: true }),
    unlinkReason: text('unlink_reason'),
  },
  (t) => [
    uniqueIndex('project_links_household_key').on(t.projectId, t.householdId).where(sql`${t.unlinkedAt} is null and ${t.householdId} is not null`),
    uniqueIndex('project_links_village_key').on(t.projectId, t.villageCode).where(sql`${t.unlinkedAt} is null and ${t.householdId} is null`),
    index('project_links_household_idx').on(t.householdId, t.sector).where(sql`${t.unlinkedAt} is null`),
    index('project_links_village_idx').on(t.villageCode, t.sector).where(sql`${t.unlinkedAt} is null`),
  ],
);

/** The first result of a batch write, by the caller's key: a retry returns it and writes nothing. */
export const idempotencyKeys = pgTable(
  'idempotency_keys',
  {
    caller: text('caller').notNull(),
    operation: text('operation').notNull(),
    key: text('key').notNull(),
    requestHash: text('request_hash').notNull(),
    response: jsonb('response').notNull(),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [primaryKey({ columns: [t.caller, t.operation, t.key] })],
);
