/** Poverty lines 扶贫标准 by area and year: national ('') , provincial (2 digits), municipal (4 digits). */
import { boolean, integer, numeric, pgTable, primaryKey, text, timestamp } from 'drizzle-orm/pg-core';

export const povertyLines = pgTable(
  'poverty_lines',
  {
    areaCode: text('area_code').notNull(),
    year: integer('year').notNull(),
    yuan: numeric('yuan', { precision: 10, scale: 2, mode: 'number' }).notNull(),
    /** False for figures the reference marks unverified. */
    verified: boolean('verified').notNull(),
    note: text('note'),
    updatedBy: text('updated_by').notNull(),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [primaryKey({ columns: [t.areaCode, t.year] })],
);
