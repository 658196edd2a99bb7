/** SQL for villages (areas of level 5) with their poor-village record and yearly surveys; always scoped. */
import { and, asc, count, eq, gt, inArray, sql } from 'drizzle-orm';
import type { Caller } from '../../auth/caller.js';
import { raw, villageScoped } from '../../auth/scope.js';
import { Params, selectRows } from '../../db/raw.js';
import type { Tx } from '../../db/client.js';
import { areas, villages, villageSurveys } from '../../db/schema/index.js';
import { named } from '../../db/stats.js';

export interface VillageFilter {
  areaCode?: string;
  povertyStatus?: string;
}

const columns = {
  code: areas.code,
  name: areas.name,
  parentCode: areas.parentCode,
  povertyStatus: sql<string>`coalesce(${villages.povertyStatus}, '0')`,
  identifiedYear: villages.identifiedYear,
  exitYear: villages.exitYear,
};
export type VillageRow = { code: string; name: string; parentCode: string | null; povertyStatus: string; identifiedYear: number | null; exitYear: number | null };
export type SurveyRow = typeof villageSurveys.$inferSelect;

function where(caller: Caller, f: VillageFilter) {
  return and(
    eq(areas.level, 5),
    villageScoped(areas.code, caller, f.areaCode),
    f.povertyStatus ? sql`coalesce(${villages.povertyStatus}, '0') = ${f.povertyStatus}` : undefined,
  );
}

/** `columns` from `base` as raw SQL (db/raw.ts). */
const VILLAGE_SELECT = `select a.code, a.name, a.parent_code as "parentCode", coalesce(v.poverty_status, '0') as "povertyStatus", v.identified_year as "identifiedYear", v.exit_year as "exitYear"
  from areas a left join villages v on v.code = a.code`;

const base = (db: Tx) => db.select(columns).from(areas).leftJoin(villages, eq(villages.code, areas.code));

export const villageStore = {
  /** By code (every page's `village`): `columns` and `where` above as one prepared statement (db/raw.ts). */
  byCodes: (db: Tx, caller: Caller, codes: readonly string[]) =>
    named('village.byCodes', () => {
      const p = new Params();
      return selectRows<VillageRow>(db,
        `${VILLAGE_SELECT} where a.level = 5 and ${raw.villageScoped('a.code', caller, p)} and a.code = any(${p.add(codes)}::text[])`, p.values);
    }),

  page: (db: Tx, caller: Caller, f: VillageFilter, after: string | undefined, limit: number) =>
    named('village.page', () =>
      base(db).where(and(where(caller, f), after ? gt(areas.code, after) : undefined)).orderBy(asc(areas.code)).limit(limit),
    ),

  count: (db: Tx, caller: Caller, f: VillageFilter) =>
    named('village.count', async () => (await db.select({ n: count() }).from(areas).leftJoin(villages, eq(villages.code, areas.code)).where(where(caller, f)))[0].n),

  surveysOf: (db: Tx, caller: Caller, codes: readonly string[]) =>
    named('village.surveysOf', () =>
      db.select().from(villageSurveys)
        .where(and(villageScoped(villageSurveys.villageCode, caller), inArray(villageSurveys.villageCode, [...codes])))
        .orderBy(asc(villageSurveys.villageCode), asc(villageSurveys.year)),
    ),

  insertSurvey: (db: Tx, row: typeof villageSurveys.$inferInsert) =>
    named('village.insertSurvey', () => db.insert(villageSurveys).values(row).onConflictDoNothing().returning()),

  upsertStatus: (db: Tx, row: typeof villages.$inferInsert) =>
    named('village.upsertStatus', () =>
      db.insert(villages).values(row).onConflictDoUpdate({ target: villages.code, set: { ...row, updatedAt: new Date() } }),
    ),
};
