/**
 * Social participation 社会扶贫 (issue 11): donors (participants), the needs cadres
 * collect for a household or a poor village, and the pledges donors make against them
 * with their delivery. Needs and pledges carry their village code, so the area scope of
 * officials and cadres is one predicate on the row; donors are not area-bound and reach
 * published needs and their own pledges only (modules/donation).
 */
import { sql } from 'drizzle-orm';
import { date, index, integer, numeric, pgTable, text, timestamp, uniqueIndex, uuid } from 'drizzle-orm/pg-core';
import { assistanceUnits } from './assistance.js';

const qty = (name: string) => numeric(name, { precision: 12, scale: 2, mode: 'number' });

/**
 * A participant 社会扶贫参与方: an enterprise, social organization, individual, designated
 * unit, east–west partner or army unit. `subject` is the `sub` of the donor's token: a
 * token with role `donor` and this subject acts as this participant. `unitId` links the
 * same body when it is also registered as an assistance unit (it sends cadres).
 */
export const donors = pgTable(
  'donors',
  {
    id: uuid('id').primaryKey(),
    subject: text('subject').notNull(),
    name: text('name').notNull(),
    kind: text('kind').notNull(),
    unitId: uuid('unit_id').references(() => assistanceUnits.id),
    /** Stated interests: need categories, area code prefixes, and a range of amounts (yuan). */
    interestCategories: text('interest_categories').array().notNull().default(sql`'{}'::text[]`),
    interestAreas: text('interest_areas').array().notNull().default(sql`'{}'::text[]`),
    interestMinAmount: qty('interest_min_amount'),
    interestMaxAmount: qty('interest_max_amount'),
    createdBy: text('created_by').notNull(),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [uniqueIndex('donors_subject_key').on(t.subject)],
);

/**
 * A need 需求: for a registered household (household_id set) or a poor village
 * (household_id NULL). `target` is yuan, or a number of items when `items` is set.
 * `reference` is random per need: what donors see instead of the household.
 * States: DRAFT → CHECKED (township) → PUBLISHED (county review), or REJECTED / CANCELLED.
 */
export const needs = pgTable(
  'needs',
  {
    id: uuid('id').primaryKey(),
    reference: text('reference').notNull(),
    householdId: uuid('household_id'),
    villageCode: text('village_code').notNull(),
    category: text('category').notNull(),
    target: qty('target').notNull(),
    items: text('items'),
    deadline: date('deadline').notNull(),
    description: text('description').notNull(),
    status: text('status').notNull(),
    checkedBy: text('checked_by'),
    reviewedBy: text('reviewed_by'),
    publishedAt: timestamp('published_at', { withTimezone: true }),
    closedReason: text('closed_reason'),
    version: integer('version').notNull().default(1),
    createdBy: text('created_by').notNull(),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    uniqueIndex('needs_reference_key').on(t.reference),
    index('needs_scope_idx').using('btree', sql`${t.villageCode} text_pattern_ops`, t.status),
    index('needs_published_idx').on(t.deadline, t.id).where(sql`${t.status} = 'PUBLISHED'`),
    index('needs_household_idx').on(t.householdId, t.category),
  ],
);

/**
 * A pledge 认捐 of a donor against a need: `size` in the need's unit (yuan or items),
 * due by `deliver_by` (at most the need's deadline). A PLEDGED pledge past `deliver_by`
 * is expired — computed at read time, so its amount reopens without a sweep.
 * States: PLEDGED → DELIVERED (donor reports) → CONFIRMED (cadre confirms receipt);
 * CANCELLED when its need is cancelled. The household's acknowledgement is recorded
 * on a confirmed pledge by the cadre.
 */
export const pledges = pgTable(
  'pledges',
  {
    id: uuid('id').primaryKey(),
    needId: uuid('need_id').notNull().references(() => needs.id),
    donorId: uuid('donor_id').notNull().references(() => donors.id),
    /** The need's village, for the area scope of officials and cadres. */
    villageCode: text('village_code').notNull(),
    size: qty('size').notNull(),
    deliverBy: date('deliver_by').notNull(),
    status: text('status').notNull(),
    deliveredOn: date('delivered_on'),
    deliveredSize: qty('delivered_size'),
    evidence: text('evidence'),
    confirmedOn: date('confirmed_on'),
    confirmedBy: text('confirmed_by'),
    acknowledgedOn: date('acknowledged_on'),
    acknowledgement: text('acknowledgement'),
    acknowledgedBy: text('acknowledged_by'),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    index('pledges_need_idx').on(t.needId),
    index('pledges_donor_idx').on(t.donorId, t.createdAt),
    index('pledges_scope_idx').using('btree', sql`${t.villageCode} text_pattern_ops`),
  ],
);
