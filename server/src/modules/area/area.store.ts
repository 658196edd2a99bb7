/** SQL for administrative areas. Areas are public statistical data: no scope applies. */
import { and, asc, count, eq, gt, inArray, like, type SQL } from 'drizzle-orm';
import type { Tx } from '../../db/client.js';
import { areas } from '../../db/schema/index.js';
import { named } from '../../db/stats.js';

export type AreaRow = typeof areas.$inferSelect;

export interface AreaFilter {
  parentCode?: string;
  level?: number;
  /** Code prefix, e.g. "433124" for everything in a county. */
  codePrefix?: string;
  /** Name prefix or contained text. */
  nameContains?: string;
}

function where(f: AreaFilter): SQL | undefined {
  return and(
    f.parentCode !== undefined ? eq(areas.parentCode, f.parentCode) : undefined,
    f.level !== undefined ? eq(areas.level, f.level) : undefined,
    f.codePrefix ? like(areas.code, `${f.codePrefix}%`) : undefined,
    f.nameContains ? like(areas.name, `%${f.nameContains.replace(/[%_\\]/g, '\\$&')}%`) : undefined,
  );
}

export const areaStore = {
  byCodes: (db: Tx, codes: readonly string[]) =>
    named('area.byCodes', () => db.select().from(areas).where(inArray(areas.code, [...codes]))),

  page: (db: Tx, f: AreaFilter, after: string | undefined, limit: number) =>
    named('area.page', () =>
      db.select().from(areas).where(and(where(f), after ? gt(areas.code, after) : undefined)).orderBy(asc(areas.code)).limit(limit),
    ),

  count: (db: Tx, f: AreaFilter) =>
    named('area.count', async () => (await db.select({ n: count() }).from(areas).where(where(f)))[0].n),

  /** Children of several parents at once (for the `children` field's loader). */
  childrenOf: (db: Tx, parents: readonly string[]) =>
    named('area.childrenOf', () =>
      db.select().from(areas).where(inArray(areas.parentCode, [...parents])).orderBy(asc(areas.code)),
    ),

  total: (db: Tx) => named('area.total', async () => (await db.select({ n: count() }).from(areas))[0].n),
};
