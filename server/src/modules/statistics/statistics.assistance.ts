/**
 * The assistance part of statistics (issue 10): responsible persons, visits, measures by
 * kind and status, the three brands (雨露计划, 扶贫小额信贷, 易地扶贫搬迁) and sector projects,
 * by child area, from the maintained aggregates (stat_pairings, stat_measures, stat_links)
 * and, for visits within N days, one index range of visits. Totals are sums of the cells.
 */
import type { Context } from '../../graphql/context.js';
import type { StatisticsModel } from './statistics.service.js';
import { keyOf } from './statistics.parts.js';
import { statisticsStore } from './statistics.store.js';
import { smallTotal, suppressedCells } from './suppression.js';

type MeasureRow = Awaited<ReturnType<typeof statisticsStore.measures>>[number];

interface Acc {
  paired: number;
  visited: number;
  measures: Map<string, { kind: string; status: string; measures: number; planned: number; actual: number }>;
  rainDew: number; loans: number; overdue: number; outstanding: number; moved: number;
  sectors: Map<string, { sector: string; householdLinks: number; villageLinks: number }>;
}
const acc = (): Acc => ({ paired: 0, visited: 0, measures: new Map(), rainDew: 0, loans: 0, overdue: 0, outstanding: 0, moved: 0, sectors: new Map() });

function addMeasure(a: Acc, r: MeasureRow) {
  const k = `${r.kind}|${r.status}`;
  const m = a.measures.get(k) ?? a.measures.set(k, { kind: r.kind, status: r.status, measures: 0, planned: 0, actual: 0 }).get(k)!;
  m.measures += r.measures; m.planned += r.planned; m.actual += r.actual;
  if (r.status === 'cancelled') return;
  if (r.kind === 'rain_dew') a.rainDew += r.measures;
  if (r.kind === 'micro_credit') { a.loans += r.measures; a.outstanding += r.outstanding; if (r.loanStatus === 'overdue') a.overdue += r.measures; }
  if (r.kind === 'relocation') a.moved += r.moved;
}

export async function assistanceOf(ctx: Context, m: StatisticsModel, days: number) {
  const byArea = m.groupBy.includes('CHILD_AREA');
  const len = byArea ? m.childLength : m.areaCode.length;
  const since = new Date(Date.now() - days * 86_400_000).toISOString().slice(0, 10);
  const [measures, pairings, links, visited] = await Promise.all([
    statisticsStore.measures(ctx.db, ctx.caller, m.areaCode, len, m.year),
    statisticsStore.pairings(ctx.db, ctx.caller, m.areaCode, len),
    statisticsStore.links(ctx.db, ctx.caller, m.areaCode, len),
    statisticsStore.visited(ctx.db, ctx.caller, m.areaCode, len, since),
  ]);
  const total = acc();
  const cells = new Map<string, Acc>();
  const cell = (area: string) => cells.get(area) ?? cells.set(area, acc()).get(area)!;
  for (const r of measures) { addMeasure(total, r); addMeasure(cell(r.area), r); }
  for (const r of pairings) { total.paired += r.households; cell(r.area).paired += r.households; }
  for (const r of visited) { total.visited += r.households; cell(r.area).visited += r.households; }
  for (const r of links) {
    for (const a of [total, cell(r.area)]) {
      const s = a.sectors.get(r.sector) ?? a.sectors.set(r.sector, { sector: r.sector, householdLinks: 0, villageLinks: 0 }).get(r.sector)!;
      if (r.target === 'HOUSEHOLD') s.householdLinks += r.links; else s.villageLinks += r.links;
    }
  }
  const codes = byArea ? [...cells.keys()].sort() : [];
  const t = m.suppressionThreshold;
  const hide = (values: number[]) => (t === null ? new Set<number>() : suppressedCells(values.map((count, i) => ({ key: [codes[i]], count })), t));
  const hiddenPaired = hide(codes.map((c) => cells.get(c)!.paired));
  const hiddenVisited = hide(codes.map((c) => cells.get(c)!.visited));
  const count = (n: number, hidden: boolean) => (hidden ? { households: null, people: null, suppressed: true } : { households: n, people: null, suppressed: false });
  const present = (a: Acc, key: Record<string, unknown>, pairedHidden: boolean, visitedHidden: boolean) => {
    const rows = [...a.measures.values()].sort((x, y) => `${x.kind}|${x.status}`.localeCompare(`${y.kind}|${y.status}`));
    const hiddenRows = t === null ? new Set<number>() : suppressedCells(rows.map((r) => ({ key: [r.kind, r.status], count: r.measures })), t);
    return {
      key,
      withResponsiblePerson: count(a.paired, pairedHidden),
      visited: count(a.visited, visitedHidden),
      measures: rows.map((r, i) => hiddenRows.has(i)
        ? { kind: r.kind, status: r.status, measures: null, plannedAmount: null, actualAmount: null, suppressed: true }
        : { kind: r.kind, status: r.status, measures: r.measures, plannedAmount: round(r.planned), actualAmount: round(r.actual), suppressed: false }),
      rainDewStudents: a.rainDew, loans: a.loans, loansOutstanding: round(a.outstanding),
      loansOverdueRate: a.loans ? Math.round((a.overdue / a.loans) * 1e6) / 1e6 : null, peopleRelocated: a.moved,
      sectors: [...a.sectors.values()].sort((x, y) => x.sector.localeCompare(y.sector)),
    };
  };
  return {
    visitedWithinDays: days,
    total: present(total, keyOf(m, [], []), t !== null && smallTotal(total.paired, t), t !== null && smallTotal(total.visited, t)),
    cells: codes.map((c, i) => present(cells.get(c)!, keyOf(m, ['CHILD_AREA'], [c]), hiddenPaired.has(i), hiddenVisited.has(i))),
  };
}

const round = (n: number) => Math.round(n * 100) / 100;
