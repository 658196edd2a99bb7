/**
 * SQL of the county assessment. The indicator inputs of every county under a province or
 * prefecture are read from the maintained aggregates — stat_households, stat_pairings,
 * stat_measures, stat_transitions, stat_income (township roll-up rows, a few per township),
 * the allocations' spent counters — and from the small per-county tables (spot checks,
 * findings, poor villages with their current work team): one grouped statement each,
 * never a scan of households. Runs are read with the caller's scope on the run's area.
 */
import { and, desc, eq, sql, type SQL } from 'drizzle-orm';
import type { Caller } from '../../auth/caller.js';
import { keyRange, scoped } from '../../auth/scope.js';
import type { Tx } from '../../db/client.js';
import { statLevel } from '../../db/stat-level.js';
import { areas, assessmentRuns, assessmentSchemes, exitSpotChecks } from '../../db/schema/index.js';
import { named } from '../../db/stats.js';
import type { CountyInputs } from './indicators.js';

export type SchemeRow = typeof assessmentSchemes.$inferSelect;
export type RunRow = typeof assessmentRuns.$inferSelect;

const rows = <T>(r: unknown) => (r as { rows: T[] }).rows;
const n = (x: unknown) => Number(x ?? 0);
const POOR = sql`('0', '3')`;

/** The run's area overlaps the caller's: it holds the caller's area, or the caller's area holds it. */
function overlaps(caller: Caller): SQL {
  if (caller.areas.includes('')) return sql`true`;
  if (!caller.areas.length) return sql`false`;
  return sql`(${sql.join(caller.areas.map((p) => sql`(${assessmentRuns.areaCode} like ${`${p}%`} or ${p} like ${assessmentRuns.areaCode} || '%')`), sql` or `)})`;
}

export const assessmentStore = {
  area: (db: Tx, code: string) =>
    named('assessment.area', async () => (await db.select({ name: areas.name, level: areas.level }).from(areas).where(eq(areas.code, code))).at(0)),

  maxVersion: (tx: Tx, areaCode: string, name: string) =>
    named('assessment.maxVersion', async () => n((await tx.select({ v: sql<number>`max(${assessmentSchemes.version})` }).from(assessmentSchemes)
      .where(and(eq(assessmentSchemes.areaCode, areaCode), eq(assessmentSchemes.name, name))))[0]?.v)),

  insertScheme: (tx: Tx, row: typeof assessmentSchemes.$inferInsert) =>
    named('assessment.insertScheme', async () => (await tx.insert(assessmentSchemes).values(row).returning())[0]),

  scheme: (db: Tx, id: string) => named('assessment.scheme', async () => (await db.select().from(assessmentSchemes).where(eq(assessmentSchemes.id, id))).at(0)),

  schemes: (db: Tx, areaCode: string | null | undefined) =>
    named('assessment.schemes', () => db.select().from(assessmentSchemes).where(areaCode != null ? eq(assessmentSchemes.areaCode, areaCode) : undefined)
      .orderBy(assessmentSchemes.areaCode, assessmentSchemes.name, desc(assessmentSchemes.version))),

  /** Every indicator input of the counties under `code` for `year` (see indicators.ts CountyInputs). */
  async inputs(db: Tx, caller: Caller, code: string, year: number): Promise<CountyInputs[]> {
    const lvl = statLevel(caller, 6);
    const county = (col: string) => sql.raw(`left(${col}, 6)`);
    const inArea = (col: string) => sql`${keyRange(sql.raw(col) as never, code)} and ${scoped(sql.raw(col) as never, caller)}`;
    const [counties, spot, hh, pairs, villages, ms, funds, findings, trans, income] = await Promise.all([
      named('assessment.counties', () => db.select({ code: areas.code, name: areas.name }).from(areas).where(and(eq(areas.level, 3), keyRange(areas.code, code), scoped(areas.code, caller))).orderBy(areas.code)),
      named('assessment.spotChecks', () => db.select().from(exitSpotChecks).where(and(keyRange(exitSpotChecks.countyCode, code), scoped(exitSpotChecks.countyCode, caller), eq(exitSpotChecks.year, year)))),
      named('assessment.households', async () => rows<{ c: string; h: number }>(await db.execute(sql`select ${county('village_code')} as c, sum(households)::int as h from stat_households
        where level = ${lvl} and ${inArea('village_code')} and stage = 'REGISTERED' and status in ('0', '1', '3') group by 1`))),
      named('assessment.pairings', async () => rows<{ c: string; h: number }>(await db.execute(sql`select ${county('village_code')} as c, sum(households)::int as h from stat_pairings
        where level = ${lvl} and ${inArea('village_code')} group by 1`))),
      named('assessment.poorVillages', async () => rows<{ c: string; v: number; t: number }>(await db.execute(sql`select ${county('v.code')} as c, count(*)::int as v, count(w.id)::int as t
        from villages v left join work_teams w on w.village_code = v.code and w.ended_on is null
        where ${inArea('v.code')} and v.poverty_status in ('1', '2') group by 1`))),
      named('assessment.measures', async () => rows<{ c: string; a: number; d: number }>(await db.execute(sql`select ${county('village_code')} as c,
        coalesce(sum(measures) filter (where status <> 'cancelled'), 0)::int as a, coalesce(sum(measures) filter (where status = 'completed'), 0)::int as d
        from stat_measures where level = ${lvl} and ${inArea('village_code')} and year = ${year} group by 1`))),
      named('assessment.funds', async () => rows<{ c: string; a: string; s: string }>(await db.execute(sql`select ${county('area_code')} as c, sum(amount) as a, sum(spent) as s
        from fund_allocations where ${inArea('area_code')} and length(area_code) >= 6 and year = ${year} group by 1`))),
      named('assessment.findings', async () => rows<{ c: string; f: string }>(await db.execute(sql`select county_code as c, sum(amount) as f
        from fund_findings where ${inArea('county_code')} and year = ${year} group by 1`))),
      named('assessment.transitions', async () => rows<{ c: string; s: number; e: number; x: number }>(await db.execute(sql`
        with d as (select ${county('village_code')} as c, year, people,
          (case when to_stage = 'REGISTERED' and to_status in ${POOR} then 1 else 0 end) - (case when from_stage = 'REGISTERED' and from_status in ${POOR} then 1 else 0 end) as poor,
          (from_stage = 'REGISTERED' and from_status in ${POOR} and to_stage = 'REGISTERED' and to_status in ('1', '4')) as exit
          from stat_transitions where level = ${lvl} and ${inArea('village_code')} and year <= ${year})
        select c, coalesce(sum(people * poor) filter (where year < ${year}), 0)::int as s, coalesce(sum(people * poor), 0)::int as e,
          coalesce(sum(people) filter (where year = ${year} and exit), 0)::int as x from d group by 1`))),
      named('assessment.income', async () => rows<{ c: string; y: number; h: number; s: string }>(await db.execute(sql`select ${county('village_code')} as c, year as y, sum(households)::int as h, sum(income_sum) as s
        from stat_income where level = ${lvl} and ${inArea('village_code')} and year in (${year - 1}, ${year}) and stage = 'REGISTERED' group by 1, 2`))),
    ]);
    const by = <T extends { c: string }>(rs: T[]) => new Map(rs.map((r) => [r.c, r]));
    const [mh, mp, mv, mm, mf, mx, mt] = [by(hh), by(pairs), by(villages), by(ms), by(funds), by(findings), by(trans)];
    const ms2 = new Map(spot.map((s) => [s.countyCode, s]));
    const inc = (c: string, y: number) => {
      const r = income.find((x) => x.c === c && Number(x.y) === y);
      return { households: n(r?.h), sum: n(r?.s) };
    };
    return counties.map(({ code: c, name }) => {
      const s = ms2.get(c);
      return {
        countyCode: c, countyName: name,
        spotCheck: s ? { sampledRegistered: s.sampledRegistered, wronglyIncluded: s.wronglyIncluded, sampledNonRegistered: s.sampledNonRegistered, missedPoorFound: s.missedPoorFound, surveyedHouseholds: s.surveyedHouseholds, approvingHouseholds: s.approvingHouseholds } : null,
        householdsReceivingPolicy: n(mh.get(c)?.h), pairedHouseholds: n(mp.get(c)?.h),
        poorVillages: n(mv.get(c)?.v), poorVillagesWithTeam: n(mv.get(c)?.t),
        measuresActive: n(mm.get(c)?.a), measuresCompleted: n(mm.get(c)?.d),
        allocated: n(mf.get(c)?.a), spent: n(mf.get(c)?.s), findings: n(mx.get(c)?.f),
        poorStart: n(mt.get(c)?.s), poorEnd: n(mt.get(c)?.e), exitedPeople: n(mt.get(c)?.x),
        incomePrevious: inc(c, year - 1), incomeYear: inc(c, year),
      };
    });
  },

  draft: (tx: Tx, schemeId: string, areaCode: string, year: number) =>
    named('assessment.draft', async () => (await tx.select().from(assessmentRuns)
      .where(and(eq(assessmentRuns.schemeId, schemeId), eq(assessmentRuns.areaCode, areaCode), eq(assessmentRuns.year, year), eq(assessmentRuns.status, 'DRAFT'))).for('update')).at(0)),

  insertRun: (tx: Tx, row: typeof assessmentRuns.$inferInsert) => named('assessment.insertRun', async () => (await tx.insert(assessmentRuns).values(row).returning())[0]),

  /** Replaces a draft's result; never touches a published run. */
  replaceDraft: (tx: Tx, id: string, result: unknown, by: string) =>
    named('assessment.replaceDraft', async () => (await tx.update(assessmentRuns).set({ result, computedBy: by, computedAt: new Date() })
      .where(and(eq(assessmentRuns.id, id), eq(assessmentRuns.status, 'DRAFT'))).returning())[0]),

  lockRun: (tx: Tx, caller: Caller, id: string) =>
    named('assessment.lockRun', async () => (await tx.select().from(assessmentRuns).where(and(eq(assessmentRuns.id, id), scoped(assessmentRuns.areaCode, caller))).for('update')).at(0)),

  published: (tx: Tx, schemeId: string, areaCode: string, year: number) =>
    named('assessment.published', async () => (await tx.select({ id: assessmentRuns.id }).from(assessmentRuns)
      .where(and(eq(assessmentRuns.schemeId, schemeId), eq(assessmentRuns.areaCode, areaCode), eq(assessmentRuns.year, year), eq(assessmentRuns.status, 'PUBLISHED')))).at(0)),

  publish: (tx: Tx, id: string, by: string) =>
    named('assessment.publish', async () => (await tx.update(assessmentRuns).set({ status: 'PUBLISHED', publishedBy: by, publishedAt: new Date() })
      .where(and(eq(assessmentRuns.id, id), eq(assessmentRuns.status, 'DRAFT'))).returning())[0]),

  /** A run the caller may read: published ones whose area overlaps theirs; drafts only inside their area (`draftsToo`). */
  run: (db: Tx, caller: Caller, id: string) =>
    named('assessment.run', async () => (await db.select().from(assessmentRuns).where(and(eq(assessmentRuns.id, id), overlaps(caller)))).at(0)),

  runs: (db: Tx, caller: Caller, areaCode: string, year: number | null | undefined) =>
    named('assessment.runs', () => db.select().from(assessmentRuns)
      .where(and(overlaps(caller), keyRange(assessmentRuns.areaCode, areaCode), year != null ? eq(assessmentRuns.year, year) : undefined))
      .orderBy(desc(assessmentRuns.year), assessmentRuns.areaCode, desc(assessmentRuns.computedAt))),
};
