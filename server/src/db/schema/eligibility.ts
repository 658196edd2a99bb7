/**
 * Eligibility rule sets (issue 3, item 5): versioned definitions, never edited once
 * written — a change is a new version. DRAFT → ACTIVE → RETIRED; at most one ACTIVE
 * (partial unique index), the one Household.eligibility uses by default.
 */
import { sql } from 'drizzle-orm';
import { integer, jsonb, pgTable, text, timestamp, uniqueIndex, uuid } from 'drizzle-orm/pg-core';

export const eligibilityRuleSets = pgTable(
  'eligibility_rule_sets',
  {
    id: uuid('id').primaryKey(),
    name: text('name').notNull(),
    version: integer('version').notNull(),
    /** DRAFT, ACTIVE or RETIRED. */
    status: text('status').notNull().default('DRAFT'),
    description: text('description'),
    /** The definition, validated on write (modules/eligibility/eligibility.definition.ts). */
    definition: jsonb('definition').notNull(),
    createdBy: text('created_by').notNull(),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
    activatedBy: text('activated_by'),
    activatedAt: timestamp('activated_at', { withTimezone: true }),
    retiredAt: timestamp('retired_at', { withTimezone: true }),
  },
  (t) => [
    uniqueIndex('eligibility_rule_sets_name_version_key').on(t.name, t.version),
    uniqueIndex('eligibility_rule_sets_one_active').on(t.status).where(sql`status = 'ACTIVE'`),
  ],
);
