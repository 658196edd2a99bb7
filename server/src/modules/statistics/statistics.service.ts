/**
 * Statistics for decision support 决策支持 (issue 10). `of` checks who asks, for which area,
 * year and groupings, once; each part (register, flows, series, incidence, income,
 * monitoring) is computed only when the operation selects it, from the maintained
 * aggregates (statistics.store.ts). For roles without personal data small cells are
 * suppressed (suppression.ts), with complementary suppression.
 */
import { canSeePersonalData, inScope, type Caller } from '../../auth/caller.js';
import { requireRegistryWriter } from '../../auth/require.js';
import { statSuppressBelow, visitOverdueDays } from '../../config.js';
import { CODE_LENGTH } from '../../codes/index.js';
import type { Context } from '../../graphql/context.js';
import { ApiError, badInput, forbidden, notFound, type FieldProblem } from '../../graphql/errors.js';
import { recordWrite } from '../audit/audit.service.js';
import { checkAreaCode } from '../area/area.service.js';
import { FIRST_STATISTICS_YEAR } from './formulas.js';
import { groupingProblems, MEMBER_DIMENSIONS, sourceOf, type Dimension } from './statistics.dimensions.js';
import type { SetRuralPopulationInput, StatisticsInput } from './statistics.input.js';
import { statisticsStore } from './statistics.store.js';
import { assistanceOf } from './statistics.assistance.js';
import { incidenceOf, incomeOf, monitoringOf, registerOf, flowsOfYear, seriesOf } from './statistics.parts.js';

export interface StatisticsModel {
  areaCode: string;
  areaName: string;
  year: number;
  /** A date instead of a year's end (YYYY-MM-DD), or null. */
  asOf: string | null;
  groupBy: Dimension[];
  suppressionThreshold: number | null;
  lagSeconds: number;
  pastYear: boolean;
  /** Digits of the child areas' codes (the area's own length for a village). */
  childLength: number;
  children: Map<string, string>;
  incomeBandEdges: number[];
}

const DEFAULT_EDGES = [1000, 2000, 3000, 4000, 5000, 6000, 8000, 10000, 15000];
const LENGTHS = Object.values(CODE_LENGTH).sort((a, b) => a - b);

function requireStatisticsReader(c: Caller) {
  if (c.role === 'donor') throw forbidden('the donor role cannot read registry statistics: donors read published needs and the public summary of social participation');
}

function inputProblems(i: StatisticsInput, thisYear: number): FieldProblem[] {
  const p: FieldProblem[] = [];
  if (i.year != null && (!Number.isInteger(i.year) || i.year < FIRST_STATISTICS_YEAR || i.year > thisYear)) {
    p.push({ field: 'input.year', reason: `must be between ${FIRST_STATISTICS_YEAR} (the first registration) and ${thisYear}` });
  }
  if (i.asOf != null) {
    const d = new Date(`${i.asOf}T00:00:00Z`);
    if (!/^\d{4}-\d{2}-\d{2}$/.test(i.asOf) || Number.isNaN(d.getTime()) || d.toISOString().slice(0, 10) !== i.asOf) p.push({ field: 'input.asOf', reason: 'give a date as YYYY-MM-DD' });
    else if (i.asOf < `${FIRST_STATISTICS_YEAR}-01-01` || i.asOf > new Date().toISOString().slice(0, 10)) p.push({ field: 'input.asOf', reason: `must be between ${FIRST_STATISTICS_YEAR}-01-01 and today` });
    else if (i.year != null && i.year !== Number(i.asOf.slice(0, 4))) p.push({ field: 'input.year', reason: `give either a year or a date (asOf ${i.asOf} is in ${i.asOf.slice(0, 4)})` });
  }
  const edges = i.incomeBandEdges;
  if (edges && (edges.length > 30 || edges.some((e, k) => e % 100 !== 0 || Math.abs(e) > 1_000_000 || (k > 0 && e <= edges[k - 1])))) {
    p.push({ field: 'input.incomeBandEdges', reason: 'give at most 30 ascending multiples of 100 yuan, e.g. [2000, 4000, 6000]' });
  }
  return p;
}

export const statisticsService = {
  async of(ctx: Context, i: StatisticsInput): Promise<StatisticsModel> {
    const { caller } = ctx;
    requireStatisticsReader(caller);
    checkAreaCode(i.areaCode, 'input.areaCode');
    const thisYear = new Date().getFullYear();
    const problems = inputProblems(i, thisYear);
    if (problems.length) throw badInput(problems);
    const area = inScope(caller, i.areaCode) ? await ctx.loaders.area.byCode.load(i.areaCode) : null;
    if (!area) throw notFound(`Area ${i.areaCode}`);
    const asOf = i.asOf ?? null;
    const year = asOf ? Number(asOf.slice(0, 4)) : i.year ?? thisYear;
    const pastYear = asOf !== null || year < thisYear;
    const groupBy = [...(i.groupBy ?? [])];
    const childLength = LENGTHS.find((n) => n > i.areaCode.length) ?? i.areaCode.length;
    const hasChildren = i.areaCode.length < 12;
    const grouping = groupingProblems(groupBy, { pastYear, hasChildren });
    if (grouping.length) throw badInput(grouping);
    const personal = canSeePersonalData(caller);
    if (!personal && groupBy.some((d) => MEMBER_DIMENSIONS.has(d)) && (childLength === 12 && groupBy.includes('CHILD_AREA') || i.areaCode.length === 12)) {
      throw new ApiError('FORBIDDEN', `input.groupBy: the ${caller.role} role cannot group members by ethnicity, sex or age within single villages (too few people to stay anonymous): group a township or county's villages without member groupings, or its townships with them`, { field: 'input.groupBy', reason: 'member groupings by village are for roles with personal data' });
    }
    const children = groupBy.includes('CHILD_AREA') ? new Map((await statisticsStore.children(ctx.db, i.areaCode)).map((c) => [c.code, c.name])) : new Map<string, string>();
    return {
      areaCode: i.areaCode, areaName: area.name, year, asOf, groupBy, pastYear, childLength, children,
      suppressionThreshold: personal ? null : statSuppressBelow(), lagSeconds: 0, incomeBandEdges: i.incomeBandEdges ?? DEFAULT_EDGES,
    };
  },

  register: (ctx: Context, m: StatisticsModel) => registerOf(ctx, m, sourceOf(m.groupBy)),
  flows: (ctx: Context, m: StatisticsModel) => flowsOfYear(ctx, m),
  series: (ctx: Context, m: StatisticsModel) => seriesOf(ctx, m),
  incidence: (ctx: Context, m: StatisticsModel) => incidenceOf(ctx, m),
  income: (ctx: Context, m: StatisticsModel) => incomeOf(ctx, m),
  monitoring: (ctx: Context, m: StatisticsModel) => monitoringOf(ctx, m),
  assistance(ctx: Context, m: StatisticsModel, days: number | null | undefined) {
    const d = days ?? visitOverdueDays();
    if (!Number.isInteger(d) || d < 1 || d > 3660) throw badInput([{ field: 'visitedWithinDays', reason: 'give a number of days from 1 to 3660' }]);
    return assistanceOf(ctx, m, d);
  },

  /** Sets an area's rural population for a year (an incidence denominator); officials of the area and admins; audited. */
  async setRuralPopulation(ctx: Context, i: SetRuralPopulationInput) {
    requireRegistryWriter(ctx.caller);
    if (ctx.caller.role === 'cadre') throw forbidden('the cadre role cannot set population figures: officials of the area and admins can');
    checkAreaCode(i.areaCode, 'input.areaCode');
    const p: FieldProblem[] = [];
    if (!Number.isInteger(i.year) || i.year < FIRST_STATISTICS_YEAR || i.year > new Date().getFullYear()) p.push({ field: 'input.year', reason: `must be between ${FIRST_STATISTICS_YEAR} and this year` });
    if (!Number.isInteger(i.population) || i.population < 1 || i.population > 2_000_000_000) p.push({ field: 'input.population', reason: 'give the rural population as a whole number of people, at least 1' });
    if (p.length) throw badInput(p);
    const area = inScope(ctx.caller, i.areaCode) ? await ctx.loaders.area.byCode.load(i.areaCode) : null;
    if (!area) throw notFound(`Area ${i.areaCode}`);
    await ctx.db.transaction(async (tx) => {
      await statisticsStore.setRuralPopulation(tx, { areaCode: i.areaCode, year: i.year, population: i.population, setBy: ctx.caller.id });
      await recordWrite(tx, ctx, {
        operation: 'setRuralPopulation', event: 'ruralPopulation.set', entityType: 'RuralPopulation', entityId: `${i.areaCode}:${i.year}`,
        areaCode: i.areaCode, before: null, after: { areaCode: i.areaCode, year: i.year, population: i.population },
      });
    });
    return { areaCode: i.areaCode, areaName: area.name, year: i.year, population: i.population };
  },
};
