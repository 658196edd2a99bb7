/**
 * Poverty-alleviation funds 扶贫资金 (issue 14): allocations per area, year and source, and
 * the spending against them — for a measure, a sector project, or a registered household
 * directly. `spent` on an allocation is kept by the funds service under the allocation's
 * row lock (FOR UPDATE) in the same transaction as each spending, so the disbursement rate
 * 资金支出进度 reads allocations only, and a CHECK makes overspending impossible even
 * around the service. Rows carry their area code: the scope is one predicate on the row.
 * Findings 资金问题 are problems found in a county's use of funds (inspections, audits).
 */
import { sql } from 'drizzle-orm';
import { check, date, index, integer, numeric, pgTable, text, timestamp, uuid } from 'drizzle-orm/pg-core';

const yuan = (name: string) => numeric(name, { precision: 14, scale: 2, mode: 'number' });

/** An allocation 资金下达: money of one source for an area (county or below) and year. */
export const fundAllocations = pgTable(
  'fund_allocations',
  {
    id: uuid('id').primaryKey(),
    areaCode: text('area_code').notNull(),
    year: integer('year').notNull(),
    /** FundSource code: central, provincial, municipal, county, integrated, social. */
    source: text('source').notNull(),
    /** The allocating document or purpose 文号/用途. */
    title: text('title').notNull(),
    amount: yuan('amount').notNull(),
    /** Sum of the spending against it (kept under the row lock). */
    spent: yuan('spent').notNull().default(0),
    createdBy: text('created_by').notNull(),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    index('fund_allocations_scope_idx').using('btree', sql`${t.areaCode} text_pattern_ops`, t.year),
    check('fund_allocations_spent_within', sql`${t.spent} >= 0 and ${t.spent} <= ${t.amount}`),
  ],
);

/**
 * A spending 资金支出 against an allocation: for a measure (its household or village), a
 * sector project, or a registered household directly. `household_id` is set whenever the
 * money reaches one household (directly or through a household's measure).
 */
export const fundSpendings = pgTable(
  'fund_spendings',
  {
    id: uuid('id').primaryKey(),
    allocationId: uuid('allocation_id').notNull().references(() => fundAllocations.id),
    /** Where the money went: the household's or measure's village, or the project's area. */
    areaCode: text('area_code').notNull(),
    year: integer('year').notNull(),
    source: text('source').notNull(),
    measureId: uuid('measure_id'),
    projectId: uuid('project_id'),
    householdId: uuid('household_id'),
    amount: yuan('amount').notNull(),
    spentOn: date('spent_on').notNull(),
    purpose: text('purpose').notNull(),
    createdBy: text('created_by').notNull(),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    index('fund_spendings_allocation_idx').on(t.allocationId),
    index('fund_spendings_household_idx').on(t.householdId).where(sql`${t.householdId} IS NOT NULL`),
    index('fund_spendings_scope_idx').using('btree', sql`${t.areaCode} text_pattern_ops`, t.year),
    check('fund_spendings_positive', sql`${t.amount} > 0`),
  ],
);

/** A finding 资金问题 in a county's use of funds of a year (misuse, idle funds…), with the yuan involved. */
export const fundFindings = pgTable(
  'fund_findings',
  {
    id: uuid('id').primaryKey(),
    countyCode: text('county_code').notNull(),
    year: integer('year').notNull(),
    kind: text('kind').notNull(),
    amount: yuan('amount').notNull(),
    description: text('description').notNull(),
    recordedBy: text('recorded_by').notNull(),
    recordedAt: timestamp('recorded_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [index('fund_findings_county_idx').on(t.countyCode, t.year)],
);
