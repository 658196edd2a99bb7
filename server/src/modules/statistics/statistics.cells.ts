/**
 * Folding aggregate rows into cells (issue 10): the register measures of a cell from its
 * rows by stage and status, the flows of a year from status transitions, year-end stocks
 * as running sums of transitions, and suppression applied to every count of a table.
 */
import { suppressedCells, smallTotal } from './suppression.js';
import type { StockRow, TransitionRow } from './statistics.store.js';

export interface Counted { households: number; people: number }
export interface CountOut { households: number | null; people: number | null; suppressed: boolean }

const OUT = new Set(['1', '4']);
const POOR = new Set(['0', '3']);

export const REGISTER_MEASURES = {
  registered: (stage: string) => stage === 'REGISTERED',
  notOut: (stage: string, status: string) => stage === 'REGISTERED' && status === '0',
  exited: (stage: string, status: string) => stage === 'REGISTERED' && OUT.has(status),
  relapsed: (stage: string, status: string) => stage === 'REGISTERED' && status === '3',
  removed: (stage: string) => stage === 'REMOVED',
  candidates: (stage: string) => stage === 'CANDIDATE',
} as const;
export type RegisterMeasure = keyof typeof REGISTER_MEASURES;
export const isPoor = (stage: string, status: string) => stage === 'REGISTERED' && POOR.has(status);

export const FLOW_MEASURES = {
  entered: (t: TransitionRow) => t.toStage === 'REGISTERED' && t.fromStage !== 'REGISTERED',
  exited: (t: TransitionRow) => POOR.has(t.fromStatus) && OUT.has(t.toStatus) && t.toStage === 'REGISTERED',
  relapsed: (t: TransitionRow) => OUT.has(t.fromStatus) && t.toStatus === '3',
  removed: (t: TransitionRow) => t.toStage === 'REMOVED' && t.fromStage !== 'REMOVED',
} as const;
export type FlowMeasure = keyof typeof FLOW_MEASURES;

const zero = (): Counted => ({ households: 0, people: 0 });
const add = (a: Counted, b: Counted, sign = 1) => { a.households += sign * b.households; a.people += sign * b.people; };

export interface Folded<M extends string> { key: string[]; measures: Record<M, Counted> }

/** Rows by key → one cell per key with each measure, and the total; cells whose measures are all zero are left out. */
export function foldStock(rows: readonly StockRow[]): { total: Folded<RegisterMeasure>; cells: Folded<RegisterMeasure>[] } {
  const make = (key: string[]): Folded<RegisterMeasure> => ({ key, measures: Object.fromEntries(Object.keys(REGISTER_MEASURES).map((m) => [m, zero()])) as never });
  const total = make([]);
  const cells = new Map<string, Folded<RegisterMeasure>>();
  for (const r of rows) {
    const k = r.key.join('\u0001');
    const cell = cells.get(k) ?? cells.set(k, make(r.key)).get(k)!;
    for (const [m, test] of Object.entries(REGISTER_MEASURES)) {
      if (!test(r.stage, r.status)) continue;
      add(cell.measures[m as RegisterMeasure], r);
      add(total.measures[m as RegisterMeasure], r);
    }
  }
  const nonEmpty = [...cells.values()].filter((c) => Object.values(c.measures).some((x) => x.households !== 0 || x.people !== 0));
  return { total, cells: nonEmpty.sort((a, b) => a.key.join().localeCompare(b.key.join())) };
}

/** Stocks by (area, stage, status) at the end of a year: the running sum of transitions up to it. */
export function stockAt(transitions: readonly TransitionRow[], year: number): StockRow[] {
  const net = new Map<string, StockRow>();
  const put = (area: string, stage: string, status: string, c: Counted, sign: number) => {
    const k = `${area}|${stage}|${status}`;
    const row = net.get(k) ?? net.set(k, { key: [area], stage, status, households: 0, people: 0 }).get(k)!;
    add(row, c, sign);
  };
  for (const t of transitions) {
    if (t.year > year) continue;
    put(t.area, t.toStage, t.toStatus, t, 1);
    if (t.fromStatus !== '') put(t.area, t.fromStage, t.fromStatus, t, -1);
  }
  return [...net.values()].filter((r) => r.households !== 0 || r.people !== 0);
}

/** The flows of one year by area. */
export function flowsOf(transitions: readonly TransitionRow[], year: number, byArea: boolean) {
  const make = (key: string[]): Folded<FlowMeasure> => ({ key, measures: Object.fromEntries(Object.keys(FLOW_MEASURES).map((m) => [m, zero()])) as never });
  const total = make([]);
  const cells = new Map<string, Folded<FlowMeasure>>();
  for (const t of transitions) {
    if (t.year !== year) continue;
    const cell = byArea ? cells.get(t.area) ?? cells.set(t.area, make([t.area])).get(t.area)! : undefined;
    for (const [m, test] of Object.entries(FLOW_MEASURES)) {
      if (!test(t)) continue;
      add(total.measures[m as FlowMeasure], t);
      if (cell) add(cell.measures[m as FlowMeasure], t);
    }
  }
  return { total, cells: [...cells.values()].sort((a, b) => a.key[0].localeCompare(b.key[0])) };
}

/**
 * Each measure of a table as it may be shown: suppression runs per measure over the
 * cells (counting households, or people when `unit` is people), and on the total.
 */
export function present<M extends string>(
  table: { total: Folded<M>; cells: Folded<M>[] }, threshold: number | null, unit: 'households' | 'people',
): { total: Record<M, CountOut>; cells: Record<M, CountOut>[] } {
  const show = (c: Counted, hide: boolean): CountOut => hide
    ? { households: null, people: null, suppressed: true }
    : { households: unit === 'people' ? null : c.households, people: c.people, suppressed: false };
  const measures = Object.keys(table.total.measures) as M[];
  const cells = table.cells.map(() => ({}) as Record<M, CountOut>);
  const total = {} as Record<M, CountOut>;
  for (const m of measures) {
    const hidden = threshold === null ? new Set<number>() : suppressedCells(table.cells.map((c) => ({ key: c.key, count: c.measures[m][unit] })), threshold);
    table.cells.forEach((c, i) => { cells[i][m] = show(c.measures[m], hidden.has(i)); });
    total[m] = show(table.total.measures[m], threshold !== null && smallTotal(table.total.measures[m][unit], threshold));
  }
  return { total, cells };
}
