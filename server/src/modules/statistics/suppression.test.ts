import { describe, expect, it } from 'vitest';
import { suppressedCells } from './suppression.js';

describe('small-cell suppression', () => {
  it('suppresses cells under the threshold and, where one is alone in its row, the next smallest sibling', () => {
    // Townships A, B, C with 3, 12 and 40 households, total 55: B must go too, or A = 55 − 12 − 40.
    const cells = [{ key: ['A'], count: 3 }, { key: ['B'], count: 12 }, { key: ['C'], count: 40 }];
    expect([...suppressedCells(cells, 5)].sort()).toEqual([0, 1]);
  });

  it('leaves zero cells and cells at the threshold shown', () => {
    expect([...suppressedCells([{ key: ['A'], count: 0 }, { key: ['B'], count: 5 }], 5)]).toEqual([]);
  });

  it('two suppressed cells in a row need no more', () => {
    const cells = [{ key: ['A'], count: 2 }, { key: ['B'], count: 4 }, { key: ['C'], count: 40 }];
    expect([...suppressedCells(cells, 5)].sort()).toEqual([0, 1]);
  });

  it('protects both dimensions of a two-way table', () => {
    // area × status:   s0  s1
    //           A       3  20
    //           B      30  25
    // (A,s0)=3 is small; row A then needs (A,s1); column s0 needs (B,s0); row B then needs (B,s1).
    const cells = [
      { key: ['A', '0'], count: 3 }, { key: ['A', '1'], count: 20 },
      { key: ['B', '0'], count: 30 }, { key: ['B', '1'], count: 25 },
    ];
    expect([...suppressedCells(cells, 5)].sort()).toEqual([0, 1, 2, 3]);
  });

  it('takes the smallest sibling as the complement', () => {
    const cells = [{ key: ['A'], count: 1 }, { key: ['B'], count: 90 }, { key: ['C'], count: 7 }, { key: ['D'], count: 50 }];
    expect([...suppressedCells(cells, 5)].sort()).toEqual([0, 2]);
  });
});
