/**
 * SQL of the village and county exit checks: registered poor people (REGISTERED
 * households with status 0 未脱贫 or 3 返贫, counted by members) under an area's code
 * range on the household number 户编号, which begins with the village code; rural
 * population from the year's village surveys; the recorded spot check.
 */
import { and, count, eq, inArray, sql } from 'drizzle-orm';
import type { Caller } from '../../auth/caller.js';
import { keyRange, scopedKeyRange, scopedTo } from '../../auth/scope.js';
import { PovertyStatus } from '../../codes/index.js';
import type { Tx } from '../../db/client.js';
import { areas, exitSpotChecks, households, villageSurveys } from '../../db/schema/index.js';
import { named } from '../../db/stats.js';

export type SpotCheckRow = typeof exitSpotChecks.$inferSelect;
const POOR = [PovertyStatus.values.NOT_OUT, PovertyStatus.values.RELAPSED];

export const exitCheckStore = {
  /** People in registered households not out of poverty (status 0 or 3) under an area. */
  poorPeople: (db: Tx, caller: Caller, code: string) =>
    named('exitCheck.poorPeople', async () =>
      Number((await db.select({ n: sql<number>`coalesce(sum(${households.memberCount}), 0)::int` }).from(households)
        .where(and(scopedKeyRange(households.number, caller, code), eq(households.stage, 'REGISTERED'), inArray(households.status, POOR))))[0].n)),

  /** People in registered poor households of the villages under an area that have a survey with a population for the year. */
  poorPeopleSurveyed: (db: Tx, caller: Caller, code: string, year: number) =>
    named('exitCheck.poorPeopleSurveyed', async () =>
      Number((await db.select({ n: sql<number>`coalesce(sum(${households.memberCount}), 0)::int` }).from(households)
        .where(and(scopedKeyRange(households.number, caller, code), eq(households.stage, 'REGISTERED'), inArray(households.status, POOR),
          sql`${households.villageCode} in (select ${villageSurveys.villageCode} from ${villageSurveys} where ${villageSurveys.year} = ${year} and ${villageSurveys.population} > 0)`)))[0].n)),

  /** Rural population of the year's village surveys under an area, and how many villages were surveyed. */
  surveyedPopulation: (db: Tx, caller: Caller, code: string, year: number) =>
    named('exitCheck.surveyedPopulation', async () => {
      const [r] = await db.select({ population: sql<number>`coalesce(sum(${villageSurveys.population}), 0)::int`, villages: count() }).from(villageSurveys)
        .where(and(eq(villageSurveys.year, year), scopedTo(villageSurveys.villageCode, caller, code)));
      return { population: Number(r.population), villages: Number(r.villages) };
    }),

  villagesUnder: (db: Tx, code: string) =>
    named('exitCheck.villagesUnder', async () => Number((await db.select({ n: count() }).from(areas).where(and(eq(areas.level, 5), keyRange(areas.code, code))))[0].n)),

  areaLevel: (db: Tx, code: string) =>
    named('exitCheck.areaLevel', async () => (await db.select({ level: areas.level }).from(areas).where(eq(areas.code, code))).at(0)?.level),

  spotCheck: (db: Tx, countyCode: string, year: number) =>
    named('exitCheck.spotCheck', async () => (await db.select().from(exitSpotChecks).where(and(eq(exitSpotChecks.countyCode, countyCode), eq(exitSpotChecks.year, year)))).at(0)),

  upsertSpotCheck: (db: Tx, row: typeof exitSpotChecks.$inferInsert) =>
    named('exitCheck.upsertSpotCheck', () =>
      db.insert(exitSpotChecks).values(row).onConflictDoUpdate({ target: [exitSpotChecks.countyCode, exitSpotChecks.year], set: { ...row, recordedAt: new Date() } }).returning()),
};
