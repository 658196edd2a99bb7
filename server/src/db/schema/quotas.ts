/**
 * Quota control 规模控制 (issue 3, item 3): the number of poor people 人口规模 an area may
 * register in a year, split from the nation down to villages, and the ledger of what
 * each approved household uses of it. A use stays counted until it is released.
 */
import { sql } from 'drizzle-orm';
import { index, integer, pgTable, primaryKey, text, timestamp, uniqueIndex, uuid } from 'drizzle-orm/pg-core';

/**
 * One quota per area ('' = national, or a 2/4/6/9/12-digit code) and year, in people,
 * with the people used under it kept as a counter: a use or release updates the
 * counters of the quota rows it has locked, so an approval never sums the ledger of a
 * whole province (setQuota recomputes the counter from the ledger).
 */
export const quotas = pgTable(
  'quotas',
  {
    areaCode: text('area_code').notNull(),
    year: integer('year').notNull(),
    people: integer('people').notNull(),
    /** People of active uses under the area (sum of quota_uses), maintained with the uses. */
    used: integer('used').notNull().default(0),
    setBy: text('set_by').notNull(),
    setAt: timestamp('set_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [primaryKey({ columns: [t.year, t.areaCode] })],
);

/** One row per household whose approval counts against the year's quotas of its village and every ancestor. */
export const quotaUses = pgTable(
  'quota_uses',
  {
    id: uuid('id').primaryKey().default(sql`gen_random_uuid()`),
    villageCode: text('village_code').notNull(),
    year: integer('year').notNull(),
    householdId: text('household_id').notNull(),
    people: integer('people').notNull(),
    caseId: text('case_id').notNull(),
    usedBy: text('used_by').notNull(),
    usedAt: timestamp('used_at', { withTimezone: true }).notNull().defaultNow(),
    releasedAt: timestamp('released_at', { withTimezone: true }),
  },
  (t) => [
    /** Sums of a year's active uses under an area prefix. */
    index('quota_uses_active_idx').using('btree', t.year, sql`${t.villageCode} text_pattern_ops`).where(sql`${t.releasedAt} is null`),
    /** A household counts once per year. */
    uniqueIndex('quota_uses_household_key').on(t.householdId, t.year).where(sql`${t.releasedAt} is null`),
  ],
);
