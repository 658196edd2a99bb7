/**
 * The annual update round 年度动态调整 and the standings it stores. A round covers an
 * area (a code prefix) for one income year; closing it stores every registered
 * household's standing against the year's line in `household_standings`, one row per
 * household and year (the latest closing round's computation).
 */
import { sql } from 'drizzle-orm';
import { date, index, integer, numeric, pgTable, primaryKey, text, timestamp, uniqueIndex, uuid } from 'drizzle-orm/pg-core';
import { households } from './households.js';

export const updateRounds = pgTable(
  'update_rounds',
  {
    id: uuid('id').primaryKey(),
    /** The area the round covers: a code prefix (province … village). */
    areaCode: text('area_code').notNull(),
    /** The income year being updated. */
    year: integer('year').notNull(),
    /** OPEN or CLOSED. */
    status: text('status').notNull(),
    /** The deadline for recording the year: before it, a round with households pending cannot close. */
    closesOn: date('closes_on').notNull(),
    openedBy: text('opened_by').notNull(),
    openedAt: timestamp('opened_at', { withTimezone: true }).notNull().defaultNow(),
    closedBy: text('closed_by'),
    closedAt: timestamp('closed_at', { withTimezone: true }),
  },
  (t) => [
    /** One round per area and year (a closed round is final); nested open rounds are refused by the service under a lock. */
    uniqueIndex('update_rounds_area_year_key').on(t.areaCode, t.year),
    index('update_rounds_area_idx').using('btree', sql`${t.areaCode} text_pattern_ops`, t.year),
  ],
);

/** A household's standing for a year as computed when an update round closed. */
export const householdStandings = pgTable(
  'household_standings',
  {
    householdId: uuid('household_id').notNull().references(() => households.id, { onDelete: 'cascade' }),
    year: integer('year').notNull(),
    villageCode: text('village_code').notNull(),
    roundId: uuid('round_id').notNull().references(() => updateRounds.id),
    /** ABOVE, BELOW (at or under the line), NO_RECORD (no record of the year), NO_LINE (no line for the year). */
    result: text('result').notNull(),
    perCapitaNetIncome: numeric('per_capita_net_income', { precision: 12, scale: 2, mode: 'number' }),
    /** The line applied: its area ('' national, 2 or 4 digits) and yuan. */
    lineAreaCode: text('line_area_code'),
    lineYuan: numeric('line_yuan', { precision: 10, scale: 2, mode: 'number' }),
    computedAt: timestamp('computed_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    primaryKey({ columns: [t.householdId, t.year] }),
    index('household_standings_round_idx').on(t.roundId, t.result),
    index('household_standings_scope_idx').using('btree', sql`${t.villageCode} text_pattern_ops`, t.year),
  ],
);
