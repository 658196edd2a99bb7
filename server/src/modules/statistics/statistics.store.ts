/**
 * SQL of statistics (issue 10): reads of the maintained aggregates (db/schema/statistics.ts)
 * under an area, never of households. Each statement reads index ranges of an aggregate's
 * primary key, which begins with the village code, with the caller's scope in the same
 * predicate (auth/scope.ts scopedKeyRange); groups are computed in SQL.
 */
import { sql, type SQL } from 'drizzle-orm';
import type { Caller } from '../../auth/caller.js';
import { scopedKeyRange, scopedTo } from '../../auth/scope.js';
import type { Tx } from '../../db/client.js';
import { areas, ruralPopulations, statusEvents, statHouseholds, statLinks, statMeasures, statPairings, visits, statIncome, statMembers, statMonitoring, statOtherCauses, statTransitions, villageSurveys } from '../../db/schema/index.js';
import { named } from '../../db/stats.js';
import { statLevel } from '../../db/stat-level.js';
import type { Dimension } from './statistics.dimensions.js';

export interface StockRow {
  /** Group values, in the order of the dimensions asked. */
  key: string[];
  stage: string;
  status: string;
  households: number;
  people: number;
}

export interface TransitionRow {
  area: string;
  year: number;
  fromStage: string;
  fromStatus: string;
  toStage: string;
  toStatus: string;
  households: number;
  people: number;
}

const rowsOf = <T>(r: unknown) => (r as { rows: T[] }).rows;

/** An aggregate's rows (aliased `s`) at the level the read may use, under the area and inside the caller's scope: one index range. */
const inArea = (caller: Caller, areaCode: string, unitLength: number, needsVillages = false) =>
  sql`s.level = ${statLevel(caller, unitLength, needsVillages)} and ${scopedKeyRange(sql.raw('s.village_code') as never, caller, areaCode)}`;
/** The unit a row is counted under: its code cut to the unit's length. */
const unitOf = (alias: string, length: number) => sql.raw(`substr(${alias}.village_code, 1, ${length}) as area`);

const toTransition = (r: Record<string, unknown>): TransitionRow => ({
  area: String(r.area), year: Number(r.year), fromStage: String(r.from_stage), fromStatus: String(r.from_status),
  toStage: String(r.to_stage), toStatus: String(r.to_status), households: Number(r.households), people: Number(r.people),
});


/** The SQL expression of a grouping dimension over an aggregate aliased `s`. */
function dimensionSql(d: Dimension, childLength: number, year: number): SQL {
  switch (d) {
    case 'CHILD_AREA': return sql`substr(s.village_code, 1, ${sql.raw(String(childLength))})`;
    case 'STATUS': return sql`s.status`;
    case 'STAGE': return sql`s.stage`;
    case 'ATTRIBUTE': return sql`s.attribute`;
    case 'MAIN_CAUSE': return sql`s.main_cause`;
    case 'OTHER_CAUSE': return sql`s.other_cause`;
    case 'POOR_VILLAGE': return sql`coalesce(v.poverty_status, '0')`;
    case 'ETHNICITY': return sql`s.ethnicity`;
    case 'SEX': return sql`s.sex`;
    case 'AGE_BAND': return sql`case when ${year} - s.birth_year < 7 then 'UNDER_7' when ${year} - s.birth_year < 16 then 'AGE_7_15' when ${year} - s.birth_year < 60 then 'AGE_16_59' else 'AGE_60_PLUS' end`;
  }
}

function grouped(dims: readonly Dimension[], childLength: number, year: number) {
  const exprs = dims.map((d) => dimensionSql(d, childLength, year));
  const select = exprs.length ? sql.join(exprs.map((e, i) => sql`${e} as ${sql.raw(`k${i}`)}`), sql`, `) : sql`null as k`;
  const groupBy = sql.join([...dims.map((_, i) => sql.raw(`k${i}`)), sql`s.stage`, sql`s.status`], sql`, `);
  return { select, groupBy };
}

const withKey = (dims: readonly Dimension[]) => (r: Record<string, unknown>): StockRow => ({
  key: dims.map((_, i) => String(r[`k${i}`])),
  stage: String(r.stage), status: String(r.status), households: Number(r.households ?? 0), people: Number(r.people ?? 0),
});

export const statisticsStore = {
  /** The child areas of an area, with names, in code order. */
  children: (db: Tx, areaCode: string) =>
    named('statistics.children', async () => rowsOf<{ code: string; name: string }>(await db.execute(sql`
      select code, name from ${areas} where parent_code = ${areaCode} order by code`))),

  /**
   * Today's households and people by the dimensions, stage and status. The aggregate is the
   * households one, the other-causes one (OTHER_CAUSE) or the members one (member
   * dimensions; people only, households 0).
   */
  stock: (db: Tx, caller: Caller, areaCode: string, dims: readonly Dimension[], childLength: number, year: number, source: 'households' | 'otherCauses' | 'members') =>
    named(`statistics.stock.${source}`, async () => {
      const table = source === 'households' ? statHouseholds : source === 'otherCauses' ? statOtherCauses : statMembers;
      const { select, groupBy } = grouped(dims, childLength, year);
      const villageJoin = dims.includes('POOR_VILLAGE') ? sql`left join villages v on v.code = s.village_code` : sql``;
      const counts = source === 'members' ? sql`0 as households, sum(s.people)::int as people` : sql`sum(s.households)::int as households, sum(s.people)::int as people`;
      const r = await db.execute(sql`
        select ${select}, s.stage, s.status, ${counts}
        from ${table} s ${villageJoin}
        where ${inArea(caller, areaCode, dims.includes('CHILD_AREA') ? childLength : areaCode.length, dims.includes('POOR_VILLAGE'))}
        group by ${groupBy}
        having sum(s.people) <> 0`);
      return rowsOf<Record<string, unknown>>(r).map(withKey(dims));
    }),

  /** Status transitions under an area up to a year, by child area (or the area) and year: stocks and flows are sums of these. */
  transitions: (db: Tx, caller: Caller, areaCode: string, areaLength: number, toYear: number) =>
    named('statistics.transitions', async () => rowsOf<Record<string, unknown>>(await db.execute(sql`
      select ${unitOf('s', areaLength)}, s.year, s.from_stage, s.from_status, s.to_stage, s.to_status,
        sum(s.households)::int as households, sum(s.people)::int as people
      from ${statTransitions} s
      where ${inArea(caller, areaCode, areaLength)} and s.year <= ${toYear}
      group by 1, 2, 3, 4, 5, 6`)).map(toTransition)),

  /**
   * Household status events between two days, grouped like stat_transitions (for figures as
   * of a date: the aggregate's years before it, plus this). One range of
   * status_events_village_idx under the area.
   */
  transitionsBetween: (db: Tx, caller: Caller, areaCode: string, areaLength: number, from: string, to: string) =>
    named('statistics.transitionsBetween', async () => rowsOf<Record<string, unknown>>(await db.execute(sql`
      select ${unitOf('e', areaLength)}, extract(year from e.effective_date)::int as year,
        case when e.from_status is null then '' else coalesce(e.from_stage, 'REGISTERED') end as from_stage,
        coalesce(e.from_status, '') as from_status, coalesce(e.to_stage, 'REGISTERED') as to_stage, e.to_status,
        count(*)::int as households, coalesce(sum(h.member_count), 0)::int as people
      from ${statusEvents} e left join households h on h.id = e.household_id
      where e.subject_type = 'HOUSEHOLD' and ${scopedTo(sql.raw('e.village_code') as never, caller, areaCode)} and e.effective_date between ${from} and ${to}
      group by 1, 2, 3, 4, 5, 6`)).map(toTransition)),

  /** Income buckets of households at a stage, for two years, by child area (or the area). */
  income: (db: Tx, caller: Caller, areaCode: string, areaLength: number, years: readonly number[]) =>
    named('statistics.income', async () => rowsOf<Record<string, unknown>>(await db.execute(sql`
      select ${unitOf('s', areaLength)}, s.year, s.bucket,
        sum(s.households)::int as households, sum(s.people)::int as people, sum(s.income_sum)::float8 as income_sum
      from ${statIncome} s
      where ${inArea(caller, areaCode, areaLength)} and s.year = any(${`{${years.join(',')}}`}::int[]) and s.stage = 'REGISTERED'
      group by 1, 2, 3 having sum(s.households) <> 0`)).map((r) => ({
      area: String(r.area), year: Number(r.year), bucket: Number(r.bucket), households: Number(r.households), people: Number(r.people), incomeSum: Number(r.income_sum),
    }))),

  /** Monitored households by child area (or the area), kind and status. */
  monitoring: (db: Tx, caller: Caller, areaCode: string, areaLength: number) =>
    named('statistics.monitoring', async () => rowsOf<Record<string, unknown>>(await db.execute(sql`
      select ${unitOf('s', areaLength)}, s.kind, s.status, sum(s.households)::int as households, sum(s.people)::int as people
      from ${statMonitoring} s
      where ${inArea(caller, areaCode, areaLength)}
      group by 1, 2, 3 having sum(s.households) <> 0`)).map((r) => ({
      area: String(r.area), kind: String(r.kind), status: String(r.status), households: Number(r.households), people: Number(r.people),
    }))),

  /** Each village's latest survey population up to a year (the incidence denominator from surveys). */
  surveyPopulations: (db: Tx, caller: Caller, areaCode: string, year: number) =>
    named('statistics.surveyPopulations', async () => rowsOf<{ village_code: string; population: number }>(await db.execute(sql`
      select distinct on (s.village_code) s.village_code, s.population
      from ${villageSurveys} s
      where ${scopedKeyRange(sql.raw('s.village_code') as never, caller, areaCode)} and s.year <= ${year}
      order by s.village_code, s.year desc`))),

  /** Rural populations set for the area and its descendants, latest up to a year. */
  ruralPopulations: (db: Tx, areaCode: string, year: number) =>
    named('statistics.ruralPopulations', async () => rowsOf<{ area_code: string; population: number }>(await db.execute(sql`
      select distinct on (area_code) area_code, population from ${ruralPopulations}
      where area_code like ${`${areaCode}%`} and year <= ${year}
      order by area_code, year desc`))),

  /** Measures of a plan year by child area (or the area), kind, status and loan status. */
  measures: (db: Tx, caller: Caller, areaCode: string, areaLength: number, year: number) =>
    named('statistics.measures', async () => rowsOf<Record<string, unknown>>(await db.execute(sql`
      select ${unitOf('s', areaLength)}, s.kind, s.status, s.loan_status,
        sum(s.measures)::int as measures, sum(s.planned_amount)::float8 as planned, sum(s.actual_amount)::float8 as actual,
        sum(s.loan_outstanding)::float8 as outstanding, sum(s.people_moved)::int as moved
      from ${statMeasures} s
      where ${inArea(caller, areaCode, areaLength)} and s.year = ${year}
      group by 1, 2, 3, 4 having sum(s.measures) <> 0`)).map((r) => ({
      area: String(r.area), kind: String(r.kind), status: String(r.status), loanStatus: String(r.loan_status), measures: Number(r.measures),
      planned: Number(r.planned), actual: Number(r.actual), outstanding: Number(r.outstanding), moved: Number(r.moved),
    }))),

  /** Households with a current responsible person, by child area (or the area). */
  pairings: (db: Tx, caller: Caller, areaCode: string, areaLength: number) =>
    named('statistics.pairings', async () => rowsOf<Record<string, unknown>>(await db.execute(sql`
      select ${unitOf('s', areaLength)}, sum(s.households)::int as households
      from ${statPairings} s where ${inArea(caller, areaCode, areaLength)} group by 1`)).map((r) => ({ area: String(r.area), households: Number(r.households) }))),

  /** Current project links by child area (or the area), sector and target. */
  links: (db: Tx, caller: Caller, areaCode: string, areaLength: number) =>
    named('statistics.links', async () => rowsOf<Record<string, unknown>>(await db.execute(sql`
      select ${unitOf('s', areaLength)}, s.sector, s.target, sum(s.links)::int as links
      from ${statLinks} s where ${inArea(caller, areaCode, areaLength)} group by 1, 2, 3 having sum(s.links) <> 0`)).map((r) => ({
      area: String(r.area), sector: String(r.sector), target: String(r.target), links: Number(r.links),
    }))),

  /** Households visited on or after a day, by child area (or the area): one range of visits_village_date_idx per area. */
  visited: (db: Tx, caller: Caller, areaCode: string, areaLength: number, since: string) =>
    named('statistics.visited', async () => rowsOf<Record<string, unknown>>(await db.execute(sql`
      select ${unitOf('v', areaLength)}, count(distinct v.household_id)::int as households
      from ${visits} v where ${scopedKeyRange(sql.raw('v.village_code') as never, caller, areaCode)} and v.visited_on >= ${since}
      group by 1`)).map((r) => ({ area: String(r.area), households: Number(r.households) }))),

  setRuralPopulation: (tx: Tx, row: typeof ruralPopulations.$inferInsert) =>
    named('statistics.setRuralPopulation', () => tx.insert(ruralPopulations).values(row)
      .onConflictDoUpdate({ target: [ruralPopulations.areaCode, ruralPopulations.year], set: { population: row.population, setBy: row.setBy } })),
};
