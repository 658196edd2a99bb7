/**
 * SQL of annual update rounds. A round is visible to a caller whose area contains it or
 * lies inside it (a village cadre sees the county's round); every household count and
 * list is scoped to the caller's area and the round's area in the query itself, as a
 * range on the household number (auth/scope.ts). Closing stores the standings in one
 * set-based statement.
 */
import { and, asc, count, desc, eq, gt, inArray, lt, or, sql, type AnyColumn, type SQL } from 'drizzle-orm';
import type { Caller } from '../../auth/caller.js';
import { keyRange, scoped, scopedKeyRange } from '../../auth/scope.js';
import { procedureConfig } from '../../config.js';
import type { Tx } from '../../db/client.js';
import { householdStandings, householdYears, households, povertyLines, updateRounds } from '../../db/schema/index.js';
import { named } from '../../db/stats.js';
import { householdColumnsFor, type HouseholdRow } from '../household/household.store.js';

export type RoundRow = typeof updateRounds.$inferSelect;
export type StandingRow = typeof householdStandings.$inferSelect;

const REGISTERED = sql`${households.stage} = 'REGISTERED'`;

/** Rounds whose area contains one of the caller's areas or lies inside one. */
function visible(column: AnyColumn, caller: Caller): SQL {
  if (caller.areas.includes('')) return sql`true`;
  if (caller.areas.length === 0) return sql`false`;
  return or(...caller.areas.map((p) => sql`(${column} like ${p + '%'} or starts_with(${p}, ${column}))`))!;
}

/** Rounds touching an area: of it, inside it, or containing it. */
const touching = (column: AnyColumn, area: string) => sql`(${column} like ${area + '%'} or starts_with(${area}, ${column}))`;

/** The households a round counts for a caller: registered, in the round's area and the caller's. */
const due = (caller: Caller, area: string) => and(scopedKeyRange(households.number, caller, area), REGISTERED);

export const roundStore = {
  byIds: (db: Tx, caller: Caller, ids: readonly string[]) =>
    named('round.byIds', () => db.select().from(updateRounds).where(and(visible(updateRounds.areaCode, caller), inArray(updateRounds.id, [...ids])))),

  /** Rounds touching an area, newest year first, then by area code; cursor "year|area". */
  page: (db: Tx, caller: Caller, area: string, f: { year?: number; status?: string }, after: { year: number; area: string } | undefined, limit: number) =>
    named('round.page', () =>
      db.select().from(updateRounds)
        .where(and(
          visible(updateRounds.areaCode, caller), touching(updateRounds.areaCode, area),
          f.year !== undefined ? eq(updateRounds.year, f.year) : undefined, f.status ? eq(updateRounds.status, f.status) : undefined,
          after ? or(lt(updateRounds.year, after.year), and(eq(updateRounds.year, after.year), gt(updateRounds.areaCode, after.area))) : undefined,
        ))
        .orderBy(desc(updateRounds.year), asc(updateRounds.areaCode)).limit(limit),
    ),

  count: (db: Tx, caller: Caller, area: string, f: { year?: number; status?: string }) =>
    named('round.count', async () =>
      (await db.select({ n: count() }).from(updateRounds).where(and(
        visible(updateRounds.areaCode, caller), touching(updateRounds.areaCode, area),
        f.year !== undefined ? eq(updateRounds.year, f.year) : undefined, f.status ? eq(updateRounds.status, f.status) : undefined,
      )))[0].n),

  /** Locks a visible round for closing. */
  lockForUpdate: (db: Tx, caller: Caller, id: string) =>
    named('round.lockForUpdate', async () =>
      (await db.select().from(updateRounds).where(and(visible(updateRounds.areaCode, caller), eq(updateRounds.id, id))).for('update'))[0]),

  /**
   * Rounds of a year in the way of a new one: any round of the same area (a closed one is
   * final), or an open round of an area containing it or inside it. Taken under an
   * advisory lock per year, so two officials opening nested rounds at once go in turn.
   */
  blocking: (db: Tx, area: string, year: number) =>
    named('round.blocking', async () => {
      await db.execute(sql`select pg_advisory_xact_lock(hashtext(${'update-round:' + year}))`);
      return db.select().from(updateRounds).where(and(
        eq(updateRounds.year, year),
        or(eq(updateRounds.areaCode, area), and(eq(updateRounds.status, 'OPEN'), touching(updateRounds.areaCode, area))),
      ));
    }),

  insert: (db: Tx, row: typeof updateRounds.$inferInsert) => named('round.insert', () => db.insert(updateRounds).values(row).returning()),

  close: (db: Tx, id: string, by: string) =>
    named('round.close', () =>
      db.update(updateRounds).set({ status: 'CLOSED', closedBy: by, closedAt: new Date() }).where(eq(updateRounds.id, id)).returning()),

  /**
   * Progress of rounds, each counted for the caller in one statement: households due
   * (registered, in the round's area and the caller's) and those with a record of the
   * round's year. Each round is an index range on the household number.
   */
  progress: (db: Tx, caller: Caller, rounds: readonly { id: string; areaCode: string; year: number }[]) =>
    named('round.progress', async () => {
      const rows = rounds.map((r) => {
        const range = keyRange(households.number, r.areaCode);
        return sql`select ${r.id}::uuid as round_id, count(*)::int as due, count(${householdYears.householdId})::int as updated
          from ${households} left join ${householdYears} on ${householdYears.householdId} = ${households.id} and ${householdYears.year} = ${r.year}
          where ${range} and ${scopedKeyRange(households.number, caller)} and ${REGISTERED}`;
      });
      // Both drivers (pg and PGlite) answer `execute` with `{ rows }`.
      const result = (await db.execute(sql.join(rows, sql` union all `))) as unknown as { rows: { round_id: string; due: number; updated: number }[] };
      return result.rows.map((r) => ({ ...r, due: Number(r.due), updated: Number(r.updated) }));
    }),

  /**
   * Pages of pending households — registered, in the round's area and the caller's, without
   * a record of the year, in number order — for several rounds in one statement: each request
   * is an index range with its own LIMIT, joined by UNION ALL. Returns [request, id] pairs.
   */
  pendingPages: (db: Tx, caller: Caller, reqs: readonly { areaCode: string; year: number; after?: string; limit: number }[]) =>
    named('round.pendingPages', async () => {
      const parts = reqs.map((r, i) => sql`(select ${i}::int as req, ${households.id}::text as id, ${households.number} as number from ${households}
        where ${and(due(caller, r.areaCode), r.after ? gt(households.number, r.after) : undefined, notUpdated(r.year))}
        order by ${households.number} limit ${r.limit})`);
      const result = (await db.execute(sql.join(parts, sql` union all `))) as unknown as { rows: { req: number; id: string; number: string }[] };
      return result.rows.map((r) => ({ req: Number(r.req), id: r.id, number: r.number }));
    }),

  pendingCount: (db: Tx, caller: Caller, r: RoundRow) =>
    named('round.pendingCount', async () => (await db.select({ n: count() }).from(households).where(and(due(caller, r.areaCode), notUpdated(r.year))))[0].n),

  /**
   * Stores the standing of every registered household of the round's area for its year, in
   * one statement: the year's per-capita net income against the line of the household's
   * identification standard (national '', its province's 2 digits, its city's 4 digits —
   * as standard.service lineArea; after the last national year the province's monitoring line). A household's earlier standing for the year is replaced.
   */
  storeStandings: (db: Tx, r: RoundRow) =>
    named('round.storeStandings', () =>
      db.execute(sql`
        insert into ${householdStandings} (household_id, year, village_code, round_id, result, per_capita_net_income, line_area_code, line_yuan, computed_at)
        select ${households.id}, ${r.year}::int, ${households.villageCode}, ${r.id}::uuid,
          case when y.household_id is null then 'NO_RECORD' when l.yuan is null then 'NO_LINE'
               when y.per_capita_net_income > l.yuan then 'ABOVE' else 'BELOW' end,
          y.per_capita_net_income, l.area_code, l.yuan, now()
        from ${households}
        left join ${householdYears} y on y.household_id = ${households.id} and y.year = ${r.year}
        left join ${povertyLines} l on l.year = ${r.year} and l.area_code = case
          when ${households.identificationStandard} = '3' then left(${households.villageCode}, 4)
          when ${households.identificationStandard} = '2' or ${r.year}::int > ${procedureConfig().lastNationalLineYear}::int then left(${households.villageCode}, 2) else '' end
        where ${keyRange(households.number, r.areaCode)} and ${REGISTERED}
        on conflict (household_id, year) do update set village_code = excluded.village_code, round_id = excluded.round_id,
          result = excluded.result, per_capita_net_income = excluded.per_capita_net_income, line_area_code = excluded.line_area_code,
          line_yuan = excluded.line_yuan, computed_at = excluded.computed_at`)),

  /** Counts of stored standings by result for rounds, within the caller's area. */
  summaries: (db: Tx, caller: Caller, roundIds: readonly string[]) =>
    named('round.summaries', () =>
      db.select({ roundId: householdStandings.roundId, result: householdStandings.result, n: count() }).from(householdStandings)
        .where(and(inArray(householdStandings.roundId, [...roundIds]), scoped(householdStandings.villageCode, caller)))
        .groupBy(householdStandings.roundId, householdStandings.result)),

  standingsOf: (db: Tx, caller: Caller, householdIds: readonly string[]) =>
    named('round.standingsOf', () =>
      db.select().from(householdStandings)
        .where(and(scoped(householdStandings.villageCode, caller), inArray(householdStandings.householdId, [...householdIds])))
        .orderBy(asc(householdStandings.householdId), asc(householdStandings.year))),
};

function notUpdated(year: number) {
  return sql`not exists (select 1 from ${householdYears} y where y.household_id = ${households.id} and y.year = ${year})`;
}
