/**
 * Requests counted per caller and minute, shared by every API process (http/rate-limit.ts):
 * each process adds what it counted about once a second and reads back the total.
 */
import { bigint, integer, pgTable, primaryKey, text } from 'drizzle-orm/pg-core';

export const rateWindows = pgTable(
  'rate_windows',
  {
    /** A hash of the caller's token (or of the client address for requests without one). */
    key: text('key').notNull(),
    /** Start of the minute, in ms since the epoch. */
    windowStart: bigint('window_start', { mode: 'number' }).notNull(),
    count: integer('count').notNull(),
  },
  (t) => [primaryKey({ columns: [t.key, t.windowStart] })],
);
