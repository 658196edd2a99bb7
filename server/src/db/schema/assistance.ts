/**
 * People who help and the units that send them (精准帮扶): assistance units, cadres,
 * and the pairing of each registered household with its responsible person
 * 帮扶责任人. Rows carry an area code so the scope check is one predicate on the row.
 */
import { sql } from 'drizzle-orm';
import { date, index, pgTable, text, timestamp, uniqueIndex, uuid } from 'drizzle-orm/pg-core';

/**
 * A unit that sends cadres: a government body, a designated assistance unit 定点扶贫,
 * an east–west partner province 东西扶贫协作, the army or armed police, an enterprise,
 * a social organization. `kind` is a code of server/src/codes (unit kinds).
 */
export const assistanceUnits = pgTable(
  'assistance_units',
  {
    id: uuid('id').primaryKey(),
    name: text('name').notNull(),
    kind: text('kind').notNull(),
    /** Where the unit is registered as helping (a code prefix); its scope for officials. */
    areaCode: text('area_code').notNull(),
    createdBy: text('created_by').notNull(),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [index('assistance_units_area_idx').using('btree', sql`${t.areaCode} text_pattern_ops`)],
);

/**
 * A cadre 帮扶干部: a person who helps. `subject` is the `sub` of the cadre's token, so a
 * token with role `cadre` resolves to this row and reaches the households they are paired
 * with and the villages whose work team they belong to.
 */
export const cadres = pgTable(
  'cadres',
  {
    id: uuid('id').primaryKey(),
    name: text('name').notNull(),
    phone: text('phone'),
    unitId: uuid('unit_id').notNull().references(() => assistanceUnits.id),
    title: text('title'),
    /** The area the cadre works in (a code prefix, usually a county or township). */
    areaCode: text('area_code').notNull(),
    subject: text('subject'),
    createdBy: text('created_by').notNull(),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    index('cadres_area_idx').using('btree', sql`${t.areaCode} text_pattern_ops`),
    uniqueIndex('cadres_subject_idx').on(t.subject).where(sql`${t.subject} IS NOT NULL`),
    index('cadres_unit_idx').on(t.unitId),
  ],
);

/**
 * Pairing 结对帮扶: the responsible person of a household over a period. A household has
 * at most one current pairing (ended_on IS NULL); reassignment ends the current row and
 * starts a new one, so the history is the rows in order.
 */
export const pairings = pgTable(
  'pairings',
  {
    id: uuid('id').primaryKey(),
    householdId: uuid('household_id').notNull(),
    /** The household's village, for the area scope. */
    villageCode: text('village_code').notNull(),
    cadreId: uuid('cadre_id').notNull().references(() => cadres.id),
    startedOn: date('started_on').notNull(),
    endedOn: date('ended_on'),
    reason: text('reason'),
    createdBy: text('created_by').notNull(),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    uniqueIndex('pairings_current_idx').on(t.householdId).where(sql`${t.endedOn} IS NULL`),
    index('pairings_cadre_idx').on(t.cadreId),
    index('pairings_village_idx').using('btree', sql`${t.villageCode} text_pattern_ops`),
  ],
);
