import { describe, expect, it } from 'vitest';
import { flowsOf, foldStock, stockAt } from './statistics.cells.js';
import type { TransitionRow } from './statistics.store.js';

const t = (year: number, from: [string, string], to: [string, string], households: number, people: number, area = 'A'): TransitionRow =>
  ({ area, year, fromStage: from[0], fromStatus: from[1], toStage: to[0], toStatus: to[1], households, people });

// 10 households (30 people) registered in 2014; 4 (12) exit in 2016; 1 (3) relapses in 2018; 1 (2) removed in 2018.
const history = [
  t(2014, ['', ''], ['REGISTERED', '0'], 10, 30),
  t(2016, ['REGISTERED', '0'], ['REGISTERED', '1'], 4, 12),
  t(2018, ['REGISTERED', '1'], ['REGISTERED', '3'], 1, 3),
  t(2018, ['REGISTERED', '0'], ['REMOVED', '0'], 1, 2),
];

describe('stocks and flows from the status history', () => {
  it('the year-end stock is the running sum of transitions', () => {
    const at = (y: number) => foldStock(stockAt(history, y).map((r) => ({ ...r, key: [] }))).total.measures;
    expect(at(2015).notOut).toEqual({ households: 10, people: 30 });
    expect(at(2017).exited).toEqual({ households: 4, people: 12 });
    const y2018 = at(2018);
    expect(y2018.registered).toEqual({ households: 9, people: 28 });
    expect(y2018.notOut).toEqual({ households: 5, people: 16 });
    expect(y2018.exited).toEqual({ households: 3, people: 9 });
    expect(y2018.relapsed).toEqual({ households: 1, people: 3 });
    expect(y2018.removed).toEqual({ households: 1, people: 2 });
  });

  it('the flows of a year classify its transitions', () => {
    const f = flowsOf(history, 2018, false).total.measures;
    expect(f).toEqual({ entered: { households: 0, people: 0 }, exited: { households: 0, people: 0 }, relapsed: { households: 1, people: 3 }, removed: { households: 1, people: 2 } });
    expect(flowsOf(history, 2014, false).total.measures.entered).toEqual({ households: 10, people: 30 });
  });
});
