/**
 * SQL of assistance coverage: pages of households and measures left without help,
 * and their counts — anti-joins (NOT EXISTS) with the area scope in the same query,
 * so a page or a count is one statement whatever the area's size.
 */
import { and, asc, count, eq, gt, or, sql, type SQL } from 'drizzle-orm';
import type { Caller } from '../../auth/caller.js';
import { householdScoped, scopedKeyRange, villageScoped } from '../../auth/scope.js';
import type { Tx } from '../../db/client.js';
import { areas, households, measures, villages } from '../../db/schema/index.js';
import { named } from '../../db/stats.js';
import { householdColumnsFor, type HouseholdRow } from '../household/household.store.js';
import { mainCauseUnaddressed, overdue, poorVillageWithoutTeam, registered, unpaired } from './assistance-coverage.rules.js';

export type Gap = 'unpaired' | 'unassisted';
const GAP: Record<Gap, () => SQL> = { unpaired, unassisted: mainCauseUnaddressed };

const householdGap = (caller: Caller, gap: Gap, areaCode: string) => and(scopedKeyRange(households.number, caller, areaCode, households.id), registered(), GAP[gap]())!;
const villageGap = (caller: Caller, areaCode: string) => and(villageScoped(villages.code, caller, areaCode), poorVillageWithoutTeam())!;
const overdueIn = (caller: Caller, areaCode: string) => and(householdScoped(measures.villageCode, measures.householdId, caller, areaCode), overdue())!;

export const assistanceCoverageStore = {
  households: (db: Tx, caller: Caller, gap: Gap, areaCode: string, after: string | undefined, limit: number) =>
    named(`assistanceCoverage.${gap}`, () =>
      db.select(householdColumnsFor(caller)).from(households)
        .where(and(householdGap(caller, gap, areaCode), after ? gt(households.number, after) : undefined))
        .orderBy(asc(households.number)).limit(limit) as Promise<HouseholdRow[]>),

  householdCount: (db: Tx, caller: Caller, gap: Gap, areaCode: string) =>
    named(`assistanceCoverage.${gap}Count`, async () => (await db.select({ n: count() }).from(households).where(householdGap(caller, gap, areaCode)))[0].n),

  villages: (db: Tx, caller: Caller, areaCode: string, after: string | undefined, limit: number) =>
    named('assistanceCoverage.villages', () =>
      db.select({ code: areas.code, name: areas.name, parentCode: areas.parentCode, povertyStatus: villages.povertyStatus, identifiedYear: villages.identifiedYear, exitYear: villages.exitYear })
        .from(villages).innerJoin(areas, eq(areas.code, villages.code))
        .where(and(villageGap(caller, areaCode), after ? gt(villages.code, after) : undefined)).orderBy(asc(villages.code)).limit(limit)),

  villageCount: (db: Tx, caller: Caller, areaCode: string) =>
    named('assistanceCoverage.villageCount', async () => (await db.select({ n: count() }).from(villages).where(villageGap(caller, areaCode)))[0].n),

  /** Overdue measures, the longest overdue first; the cursor is "end date|id". */
  overdueMeasures: (db: Tx, caller: Caller, areaCode: string, after: { endDate: string; id: string } | undefined, limit: number) =>
    named('assistanceCoverage.overdue', () =>
      db.select().from(measures)
        .where(and(overdueIn(caller, areaCode), after ? or(gt(measures.endDate, after.endDate), sql`(${measures.endDate} = ${after.endDate} and ${measures.id} > ${after.id})`) : undefined))
        .orderBy(asc(measures.endDate), asc(measures.id)).limit(limit)),

  overdueCount: (db: Tx, caller: Caller, areaCode: string) =>
    named('assistanceCoverage.overdueCount', async () => (await db.select({ n: count() }).from(measures).where(overdueIn(caller, areaCode)))[0].n),

  /** All counts of an area in one statement, for dashboards. */
  counts: (db: Tx, caller: Caller, areaCode: string) =>
    named('assistanceCoverage.counts', async () => {
      const result = (await db.execute(sql`select
        (select count(*)::int from ${households} where ${householdGap(caller, 'unpaired', areaCode)}) as unpaired,
        (select count(*)::int from ${households} where ${householdGap(caller, 'unassisted', areaCode)}) as unassisted,
        (select count(*)::int from ${villages} where ${villageGap(caller, areaCode)}) as villages,
        (select count(*)::int from ${measures} where ${overdueIn(caller, areaCode)}) as overdue`)) as unknown as { rows: { unpaired: number; unassisted: number; villages: number; overdue: number }[] };
      return result.rows[0];
    }),

  /** Counts per child area (codes of `childLength` digits), one grouped statement per list. */
  byArea: (db: Tx, caller: Caller, areaCode: string, childLength: number) =>
    named('assistanceCoverage.byArea', async () => {
      // Inlined whole number of ours: a bound parameter would make the GROUP BY a different expression.
      const len = sql.raw(String(Math.trunc(childLength)));
      const hChild = sql<string>`substr(${households.villageCode}, 1, ${len})`;
      const mChild = sql<string>`substr(${measures.villageCode}, 1, ${len})`;
      const vChild = sql<string>`substr(${villages.code}, 1, ${len})`;
      const [unpairedRows, unassistedRows, overdueRows, villageRows] = await Promise.all([
        db.select({ code: hChild, n: count() }).from(households).where(householdGap(caller, 'unpaired', areaCode)).groupBy(hChild),
        db.select({ code: hChild, n: count() }).from(households).where(householdGap(caller, 'unassisted', areaCode)).groupBy(hChild),
        db.select({ code: mChild, n: count() }).from(measures).where(overdueIn(caller, areaCode)).groupBy(mChild),
        db.select({ code: vChild, n: count() }).from(villages).where(villageGap(caller, areaCode)).groupBy(vChild),
      ]);
      return { unpairedRows, unassistedRows, overdueRows, villageRows };
    }),
};
