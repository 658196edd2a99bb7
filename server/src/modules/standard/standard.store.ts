/** SQL for poverty lines (reference data: readable by every authenticated caller). */
import { and, asc, eq, sql, type SQL } from 'drizzle-orm';
import type { Tx } from '../../db/client.js';
import { povertyLines } from '../../db/schema/index.js';
import { named } from '../../db/stats.js';

export type LineRow = typeof povertyLines.$inferSelect;

export const standardStore = {
  list: (db: Tx, f: { year?: number; areaCode?: string }) =>
    named('povertyLine.list', () =>
      db.select().from(povertyLines)
        .where(and(f.year !== undefined ? eq(povertyLines.year, f.year) : undefined, f.areaCode !== undefined ? eq(povertyLines.areaCode, f.areaCode) : undefined))
        .orderBy(asc(povertyLines.year), asc(povertyLines.areaCode)),
    ),

  /** Lines for (area, year) keys, as "area|year". */
  byKeys: (db: Tx, keys: readonly string[]) =>
    named('povertyLine.byKeys', () => {
      const pairs = keys.map((k) => k.split('|'));
      const match: SQL = sql.join(pairs.map(([a, y]) => sql`(${povertyLines.areaCode} = ${a} and ${povertyLines.year} = ${Number(y)})`), sql` or `);
      return db.select().from(povertyLines).where(match);
    }),

  get: (db: Tx, areaCode: string, year: number) =>
    named('povertyLine.get', async () => (await db.select().from(povertyLines).where(and(eq(povertyLines.areaCode, areaCode), eq(povertyLines.year, year))).for('update'))[0]),

  upsert: (db: Tx, row: typeof povertyLines.$inferInsert) =>
    named('povertyLine.upsert', () =>
      db.insert(povertyLines).values(row)
        .onConflictDoUpdate({ target: [povertyLines.areaCode, povertyLines.year], set: { yuan: row.yuan, verified: row.verified, note: row.note, updatedBy: row.updatedBy, updatedAt: new Date() } })
        .returning(),
    ),
};
