/**
 * The parts of the statistics answer (issue 10), each from the aggregates through one or
 * two statements; a part's cells carry their keys, and every total is the sum of its cells.
 * Statements shared by parts of one answer (transitions) run once per answer.
 */
import type { Context } from '../../graphql/context.js';
import { incidence, incomeBands, meanIncome, medianIncome, type Bucket } from './formulas.js';
import { flowsOf, foldStock, isPoor, present, stockAt, type CountOut, type Folded } from './statistics.cells.js';
import type { Dimension, StockSource } from './statistics.dimensions.js';
import type { StatisticsModel } from './statistics.service.js';
import { statisticsStore, type StockRow, type TransitionRow } from './statistics.store.js';
import { suppressedCells, smallTotal } from './suppression.js';

type Key = Record<string, string | boolean | null>;
const EMPTY_KEY: Key = {
  areaCode: null, areaName: null, status: null, stage: null, attribute: null, mainCause: null, otherCause: null,
  poorVillage: null, ethnicity: null, sex: null, ageBand: null, monitoringKind: null, riskRemoved: null,
};
const FIELD: Record<Dimension, string> = {
  CHILD_AREA: 'areaCode', STATUS: 'status', STAGE: 'stage', ATTRIBUTE: 'attribute', MAIN_CAUSE: 'mainCause', OTHER_CAUSE: 'otherCause',
  POOR_VILLAGE: 'poorVillage', ETHNICITY: 'ethnicity', SEX: 'sex', AGE_BAND: 'ageBand',
};

export function keyOf(m: StatisticsModel, dims: readonly Dimension[], values: readonly string[], extra: Key = {}): Key {
  const key: Key = { ...EMPTY_KEY, ...extra };
  dims.forEach((d, i) => { key[FIELD[d]] = values[i]; });
  if (key.areaCode) key.areaName = m.children.get(key.areaCode as string) ?? null;
  return key;
}

const transitionsCache = new WeakMap<StatisticsModel, Promise<TransitionRow[]>>();
function transitions(ctx: Context, m: StatisticsModel): Promise<TransitionRow[]> {
  let t = transitionsCache.get(m);
  if (!t) {
    // As of a date: the years before from the aggregate, the date's year from its events up to the date.
    t = m.asOf
      ? Promise.all([
        statisticsStore.transitions(ctx.db, ctx.caller, m.areaCode, m.childLength, m.year - 1),
        statisticsStore.transitionsBetween(ctx.db, ctx.caller, m.areaCode, m.childLength, `${m.year}-01-01`, m.asOf),
      ]).then(([before, year]) => [...before, ...year])
      : statisticsStore.transitions(ctx.db, ctx.caller, m.areaCode, m.childLength, m.year);
    transitionsCache.set(m, t);
  }
  return t;
}
const byArea = (m: StatisticsModel) => m.groupBy.includes('CHILD_AREA');

/** Stock rows for the model's groupings: today's from the aggregates, a past year's from the history. */
async function stockRows(ctx: Context, m: StatisticsModel, source: StockSource, dims: readonly Dimension[]): Promise<StockRow[]> {
  if (!m.pastYear) return statisticsStore.stock(ctx.db, ctx.caller, m.areaCode, dims, m.childLength, m.year, source);
  return stockAt(await transitions(ctx, m), m.year).map((r) => ({
    ...r,
    key: dims.map((d) => (d === 'CHILD_AREA' ? r.key[0] : d === 'STATUS' ? r.status : r.stage)),
  }));
}

export async function registerOf(ctx: Context, m: StatisticsModel, source: StockSource) {
  const folded = foldStock(await stockRows(ctx, m, source, m.groupBy));
  const shown = present(folded, m.suppressionThreshold, source === 'members' ? 'people' : 'households');
  return {
    total: { key: keyOf(m, [], []), ...shown.total },
    cells: folded.cells.map((c, i) => ({ key: keyOf(m, m.groupBy, c.key), ...shown.cells[i] })),
  };
}

function flowTable(m: StatisticsModel, t: { total: Folded<string>; cells: Folded<string>[] }) {
  const shown = present(t, m.suppressionThreshold, 'households');
  return {
    total: { key: keyOf(m, [], []), ...shown.total },
    cells: t.cells.map((c, i) => ({ key: keyOf(m, ['CHILD_AREA'], c.key), ...shown.cells[i] })),
  };
}

export async function flowsOfYear(ctx: Context, m: StatisticsModel) {
  return flowTable(m, flowsOf(await transitions(ctx, m), m.year, byArea(m)));
}

/** Every year from 2014 to the model's: the year-end stock and the year's flows of the area. */
export async function seriesOf(ctx: Context, m: StatisticsModel) {
  const all = await transitions(ctx, m);
  const points = [];
  for (let year = 2014; year <= m.year; year++) {
    const stock = present(foldStock(stockAt(all, year).map((r) => ({ ...r, key: [] }))), m.suppressionThreshold, 'households');
    const flows = present(flowsOf(all, year, false), m.suppressionThreshold, 'households');
    points.push({ year, stock: { key: keyOf(m, [], []), ...stock.total }, flows: { key: keyOf(m, [], []), ...flows.total } });
  }
  return points;
}

interface IncidenceParts { code: string; poorHouseholds: number; poorPeople: number; registeredPeople: number; surveyed: number; unsurveyedWithPeople: number; figure: number | null }

/**
 * 贫困发生率 by child area (or the area): poor people ÷ population, the population from an
 * area figure set for it, else its villages' surveys (when every village with registered
 * people has one), else the register's own people. The total sums its cells.
 */
export async function incidenceOf(ctx: Context, m: StatisticsModel) {
  const unitLength = byArea(m) ? m.childLength : m.areaCode.length;
  const [stock, surveys, figures] = await Promise.all([
    stockRows(ctx, m, 'households', ['CHILD_AREA']),
    statisticsStore.surveyPopulations(ctx.db, ctx.caller, m.areaCode, m.year),
    statisticsStore.ruralPopulations(ctx.db, m.areaCode, m.year),
  ]);
  const parts = new Map<string, IncidenceParts>();
  const part = (village: string) => {
    const code = village.slice(0, unitLength);
    return parts.get(code) ?? parts.set(code, { code, poorHouseholds: 0, poorPeople: 0, registeredPeople: 0, surveyed: 0, unsurveyedWithPeople: 0, figure: null }).get(code)!;
  };
  const surveyOf = new Map(surveys.map((s) => [s.village_code, Number(s.population)]));
  const villagesWithPeople = new Set<string>();
  for (const r of stock) {
    const p = part(r.key[0]);
    if (r.stage === 'REGISTERED') p.registeredPeople += r.people;
    if (isPoor(r.stage, r.status)) { p.poorPeople += r.people; p.poorHouseholds += r.households; }
  }
  for (const [village, population] of surveyOf) part(village).surveyed += population;
  // Whether every village with registered people has a survey needs stock by village (today's, for a past year too).
  const villageStock = m.childLength === 12 || m.areaCode.length === 12 ? stock : await statisticsStore.stock(ctx.db, ctx.caller, m.areaCode, ['CHILD_AREA'], 12, m.year, 'households');
  for (const r of villageStock) if (r.stage === 'REGISTERED' && r.people > 0) villagesWithPeople.add(r.key[0]);
  for (const v of villagesWithPeople) if (!surveyOf.has(v)) part(v).unsurveyedWithPeople++;
  for (const f of figures) if (f.area_code.length === unitLength) part(f.area_code).figure = Number(f.population);

  const cellOf = (p: IncidenceParts) => {
    const [population, source, note] = p.figure !== null ? [p.figure, 'AREA_FIGURE', null]
      : p.surveyed > 0 && p.unsurveyedWithPeople === 0 ? [p.surveyed, 'VILLAGE_SURVEY', null]
      : p.registeredPeople > 0 ? [p.registeredPeople, 'REGISTER', 'no area figure and not every village with registered people has a survey: the population is the register’s own people, so this is the share of registered people still poor']
      : [null, 'NONE', 'no area figure, no village survey and no registered people: there is no population to divide by'];
    return { poorHouseholds: p.poorHouseholds, poorPeople: p.poorPeople, population: population as number | null, source: source as string, note: note as string | null };
  };
  const cells = [...parts.values()].sort((a, b) => a.code.localeCompare(b.code)).map((p) => ({ code: p.code, ...cellOf(p) }));
  const sources = new Set(cells.map((c) => c.source));
  const sum = (f: (c: (typeof cells)[number]) => number | null) => cells.reduce((s, c) => s + (f(c) ?? 0), 0);
  const totalPopulation = cells.some((c) => c.population !== null) ? sum((c) => c.population) : null;
  const total = {
    poorHouseholds: sum((c) => c.poorHouseholds), poorPeople: sum((c) => c.poorPeople), population: totalPopulation,
    source: sources.size === 1 ? [...sources][0] : sources.size === 0 ? 'NONE' : 'MIXED',
    note: sources.size > 1 ? 'the children use different sources; the total sums their poor people and populations' : cells[0]?.note ?? null,
  };
  const threshold = m.suppressionThreshold;
  const hidden = threshold === null ? new Set<number>() : suppressedCells(cells.map((c) => ({ key: [c.code], count: c.poorHouseholds })), threshold);
  const show = (c: typeof total, hide: boolean, key: Record<string, unknown>) => ({
    key, poorPeople: hide ? null : c.poorPeople, population: c.population, source: c.source, note: c.note, suppressed: hide,
    incidence: hide || c.population === null ? null : incidence(c.poorPeople, c.population),
  });
  return {
    total: show(total, threshold !== null && smallTotal(total.poorHouseholds, threshold), keyOf(m, [], [])),
    cells: byArea(m) ? cells.map((c, i) => show(c, hidden.has(i), keyOf(m, ['CHILD_AREA'], [c.code]))) : [],
  };
}

/** Per-capita net income of registered households: bands, median and mean for the year, and the change from the year before. */
export async function incomeOf(ctx: Context, m: StatisticsModel) {
  const unitLength = byArea(m) ? m.childLength : m.areaCode.length;
  const rows = await statisticsStore.income(ctx.db, ctx.caller, m.areaCode, unitLength, [m.year, m.year - 1]);
  const groups = new Map<string, { now: Bucket[]; before: Bucket[] }>();
  const all = { now: [] as Bucket[], before: [] as Bucket[] };
  for (const r of rows) {
    const g = groups.get(r.area) ?? groups.set(r.area, { now: [], before: [] }).get(r.area)!;
    (r.year === m.year ? g.now : g.before).push(r);
    (r.year === m.year ? all.now : all.before).push(r);
  }
  const threshold = m.suppressionThreshold;
  const codes = [...groups.keys()].filter((c) => groups.get(c)!.now.length).sort();
  const cellBands = codes.map((c) => incomeBands(groups.get(c)!.now, m.incomeBandEdges));
  const hiddenBands = threshold === null ? new Set<number>() : suppressedCells(cellBands.flatMap((bands, i) => bands.map((b, j) => ({ key: [codes[i], String(j)], count: b.households }))), threshold);
  const totalBands = incomeBands(all.now, m.incomeBandEdges);
  const hiddenTotalBands = threshold === null ? new Set<number>() : suppressedCells(totalBands.map((b, j) => ({ key: [String(j)], count: b.households })), threshold);
  const cellOf = (g: { now: Bucket[]; before: Bucket[] }, bands: ReturnType<typeof incomeBands>, hiddenBand: (j: number) => boolean, key: Record<string, unknown>) => {
    const recorded = g.now.reduce((s, b) => s + b.households, 0);
    const hide = threshold !== null && smallTotal(recorded, threshold);
    const median = hide ? null : medianIncome(g.now);
    const mean = hide ? null : meanIncome(g.now);
    const before = threshold !== null && smallTotal(g.before.reduce((s, b) => s + b.households, 0), threshold);
    const previousMedian = before ? null : medianIncome(g.before);
    const previousMean = before ? null : meanIncome(g.before);
    const count = (households: number, people: number, suppressed: boolean): CountOut => suppressed ? { households: null, people: null, suppressed } : { households, people, suppressed };
    return {
      key, recorded: count(recorded, g.now.reduce((s, b) => s + b.people, 0), hide), median, mean, previousMedian,
      medianChange: median !== null && previousMedian !== null ? Math.round((median - previousMedian) * 100) / 100 : null,
      meanChange: mean !== null && previousMean !== null ? Math.round((mean - previousMean) * 100) / 100 : null,
      bands: bands.map((b, j) => ({ from: b.from, to: b.to, count: count(b.households, b.people, hide || hiddenBand(j)) })),
    };
  };
  let k = 0;
  const offsets = cellBands.map((b) => { const o = k; k += b.length; return o; });
  return {
    total: cellOf(all, totalBands, (j) => hiddenTotalBands.has(j), keyOf(m, [], [])),
    cells: byArea(m) ? codes.map((c, i) => cellOf(groups.get(c)!, cellBands[i], (j) => hiddenBands.has(offsets[i] + j), keyOf(m, ['CHILD_AREA'], [c]))) : [],
  };
}

/** Monitored households by kind and whether the risk was removed (and by child area with CHILD_AREA). */
export async function monitoringOf(ctx: Context, m: StatisticsModel) {
  const rows = await statisticsStore.monitoring(ctx.db, ctx.caller, m.areaCode, byArea(m) ? m.childLength : m.areaCode.length);
  const cells = new Map<string, { key: string[]; households: number; people: number }>();
  for (const r of rows) {
    // A case closed as CONVERTED (the household entered the register as poor) is no longer monitored:
    // the household is counted in the register part. Cells are open cases and cases whose risk was removed.
    if (r.status === 'CONVERTED') continue;
    const key = [...(byArea(m) ? [r.area] : []), r.kind, r.status];
    const k = key.join('|');
    const c = cells.get(k) ?? cells.set(k, { key, households: 0, people: 0 }).get(k)!;
    c.households += r.households; c.people += r.people;
  }
  const list = [...cells.values()].sort((a, b) => a.key.join().localeCompare(b.key.join()));
  const threshold = m.suppressionThreshold;
  const hidden = threshold === null ? new Set<number>() : suppressedCells(list.map((c) => ({ key: c.key, count: c.households })), threshold);
  const open = list.filter((c) => c.key[c.key.length - 1] === 'OPEN').reduce((s, c) => ({ households: s.households + c.households, people: s.people + c.people }), { households: 0, people: 0 });
  const openHidden = threshold !== null && smallTotal(open.households, threshold);
  return {
    open: openHidden ? { households: null, people: null, suppressed: true } : { ...open, suppressed: false },
    cells: list.map((c, i) => {
      const [kind, status] = c.key.slice(-2);
      const key = keyOf(m, byArea(m) ? ['CHILD_AREA'] : [], c.key.slice(0, -2), { monitoringKind: kind, riskRemoved: status === 'REMOVED' });
      return { key, count: hidden.has(i) ? { households: null, people: null, suppressed: true } : { households: c.households, people: c.people, suppressed: false } };
    }),
  };
}
