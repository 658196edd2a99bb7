/** SQL of provincial figures (reference data: readable by every authenticated caller). */
import { and, asc, eq, sql, type SQL } from 'drizzle-orm';
import type { Tx } from '../../db/client.js';
import { areas, provincialFigures, villageSurveys } from '../../db/schema/index.js';
import { named } from '../../db/stats.js';

export type FiguresRow = typeof provincialFigures.$inferSelect;

export const provincialStore = {
  list: (db: Tx, f: { year?: number; provinceCode?: string }) =>
    named('provincial.list', () =>
      db.select().from(provincialFigures)
        .where(and(f.year !== undefined ? eq(provincialFigures.year, f.year) : undefined, f.provinceCode !== undefined ? eq(provincialFigures.provinceCode, f.provinceCode) : undefined))
        .orderBy(asc(provincialFigures.year), asc(provincialFigures.provinceCode)),
    ),

  get: (db: Tx, provinceCode: string, year: number) =>
    named('provincial.get', async () => (await db.select().from(provincialFigures).where(and(eq(provincialFigures.provinceCode, provinceCode), eq(provincialFigures.year, year)))).at(0)),

  /** Figures for "province|year" keys. */
  byKeys: (db: Tx, keys: readonly string[]) =>
    named('provincial.byKeys', () => {
      const match: SQL = sql.join(keys.map((k) => k.split('|')).map(([p, y]) => sql`(${provincialFigures.provinceCode} = ${p} and ${provincialFigures.year} = ${Number(y)})`), sql` or `);
      return db.select().from(provincialFigures).where(match);
    }),

  upsert: (db: Tx, row: typeof provincialFigures.$inferInsert) =>
    named('provincial.upsert', () =>
      db.insert(provincialFigures).values(row)
        .onConflictDoUpdate({ target: [provincialFigures.provinceCode, provincialFigures.year], set: { ...row, setAt: new Date() } })
        .returning(),
    ),

  isProvince: (db: Tx, code: string) =>
    named('provincial.isProvince', async () => (await db.select({ code: areas.code }).from(areas).where(and(eq(areas.code, code), eq(areas.level, 1)))).length > 0),

  /** A village's survey of a year (the caller has already reached the village). */
  survey: (db: Tx, villageCode: string, year: number) =>
    named('provincial.survey', async () => (await db.select().from(villageSurveys).where(and(eq(villageSurveys.villageCode, villageCode), eq(villageSurveys.year, year)))).at(0)),
};
