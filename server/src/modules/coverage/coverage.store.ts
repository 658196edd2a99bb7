/**
 * SQL of the coverage gaps: registered households (status 0 or 3) and poor villages
 * with a sector's need and no link in force to a project of that sector — neither
 * their own nor, for a household, one of its whole village. Scoped in the query.
 */
import { and, asc, count, eq, gt, inArray, sql, type SQL } from 'drizzle-orm';
import type { Caller } from '../../auth/caller.js';
import { scopedKeyRange, scopedTo } from '../../auth/scope.js';
import { PovertyStatus, VillagePovertyStatus } from '../../codes/index.js';
import type { Tx } from '../../db/client.js';
import { areas, householdYears, households, projectLinks, villages, villageSurveys } from '../../db/schema/index.js';
import { named } from '../../db/stats.js';
import { householdColumnsFor, type HouseholdRow } from '../household/household.store.js';
import { NEEDS, NO_NEED } from './coverage.rules.js';

const REGISTERED = [PovertyStatus.values.NOT_OUT, PovertyStatus.values.RELAPSED];

function householdGap(caller: Caller, sector: string, areaCode: string): SQL {
  const need = NEEDS[sector]?.household?.when() ?? NO_NEED;
  const covered = sql`select 1 from ${projectLinks} l where l.unlinked_at is null and l.sector = ${sector}
    and (l.household_id = ${households.id} or (l.household_id is null and l.village_code = ${households.villageCode}))`;
  return sql`${and(scopedKeyRange(households.number, caller, areaCode), inArray(households.status, REGISTERED), need)} and not exists (${covered})`;
}

/** The latest survey of each poor village (a join on the maximal year). */
const latestSurvey = sql`${villageSurveys.year} = (select max(s2.year) from ${villageSurveys} s2 where s2.village_code = ${villageSurveys.villageCode})`;

function villageGap(caller: Caller, sector: string, areaCode: string): SQL {
  const need = NEEDS[sector]?.village?.when() ?? NO_NEED;
  return and(
    scopedTo(villages.code, caller, areaCode), eq(villages.povertyStatus, VillagePovertyStatus.values.POOR), latestSurvey, need,
    sql`not exists (select 1 from ${projectLinks} l where l.unlinked_at is null and l.sector = ${sector} and l.household_id is null and l.village_code = ${villages.code})`,
  )!;
}

const householdsWithYear = (db: Tx, caller: Caller) =>
  db.select(householdColumnsFor(caller)).from(households)
    .innerJoin(householdYears, and(eq(householdYears.householdId, households.id), eq(householdYears.year, households.latestYear)));

const villagesWithSurvey = (db: Tx) =>
  db.select({ code: areas.code, name: areas.name, parentCode: areas.parentCode, povertyStatus: villages.povertyStatus, identifiedYear: villages.identifiedYear, exitYear: villages.exitYear })
    .from(villages).innerJoin(areas, eq(areas.code, villages.code)).innerJoin(villageSurveys, eq(villageSurveys.villageCode, villages.code));

export const coverageStore = {
  households: (db: Tx, caller: Caller, sector: string, areaCode: string, after: string | undefined, limit: number) =>
    named('coverage.households', () =>
      householdsWithYear(db, caller).where(and(householdGap(caller, sector, areaCode), after ? gt(households.number, after) : undefined))
        .orderBy(asc(households.number)).limit(limit) as Promise<HouseholdRow[]>,
    ),

  householdCount: (db: Tx, caller: Caller, sector: string, areaCode: string) =>
    named('coverage.householdCount', async () =>
      (await db.select({ n: count() }).from(households)
        .innerJoin(householdYears, and(eq(householdYears.householdId, households.id), eq(householdYears.year, households.latestYear)))
        .where(householdGap(caller, sector, areaCode)))[0].n),

  villages: (db: Tx, caller: Caller, sector: string, areaCode: string, after: string | undefined, limit: number) =>
    named('coverage.villages', () =>
      villagesWithSurvey(db).where(and(villageGap(caller, sector, areaCode), after ? gt(villages.code, after) : undefined)).orderBy(asc(villages.code)).limit(limit),
    ),

  villageCount: (db: Tx, caller: Caller, sector: string, areaCode: string) =>
    named('coverage.villageCount', async () =>
      (await db.select({ n: count() }).from(villages).innerJoin(villageSurveys, eq(villageSurveys.villageCode, villages.code)).where(villageGap(caller, sector, areaCode)))[0].n),

  /** Gaps per child area (codes of `childLength` digits). */
  byArea: (db: Tx, caller: Caller, sector: string, areaCode: string, childLength: number) =>
    named('coverage.byArea', async () => {
      // The length is inlined (a whole number of ours): a bound parameter would make the GROUP BY a different expression.
      const len = sql.raw(String(Math.trunc(childLength)));
      const hChild = sql<string>`substr(${households.villageCode}, 1, ${len})`;
      const vChild = sql<string>`substr(${villages.code}, 1, ${len})`;
      const [h, v] = await Promise.all([
        db.select({ code: hChild, n: count() }).from(households)
          .innerJoin(householdYears, and(eq(householdYears.householdId, households.id), eq(householdYears.year, households.latestYear)))
          .where(householdGap(caller, sector, areaCode)).groupBy(hChild),
        db.select({ code: vChild, n: count() }).from(villages).innerJoin(villageSurveys, eq(villageSurveys.villageCode, villages.code))
          .where(villageGap(caller, sector, areaCode)).groupBy(vChild),
      ]);
      return { households: h, villages: v };
    }),
};
