/** Quota arithmetic on hand-worked numbers (rules in ./quota-rules.ts). */
import { describe, expect, it } from 'vitest';
import { exceeded, splitProblems } from './quota-rules.js';

describe('a use against the quotas of a village and its ancestors', () => {
  // county 1,200 with 1,194 used; township 100 with 60 used; village 20 with 10 used.
  const standings = [
    { areaCode: '433124', quota: 1200, used: 1194 },
    { areaCode: '433124110', quota: 100, used: 60 },
    { areaCode: '433124110226', quota: 20, used: 10 },
  ];

  it('fits when it reaches a quota exactly: 1,194 + 6 = 1,200', () => {
    expect(exceeded(standings, 6)).toBeNull();
  });

  it('is refused one person over, naming the quota with its numbers', () => {
    expect(exceeded(standings, 7)).toEqual({ areaCode: '433124', quota: 1200, used: 1194, asked: 7 });
  });

  it('names the most local quota exceeded when several are', () => {
    expect(exceeded(standings, 50)).toEqual({ areaCode: '433124110226', quota: 20, used: 10, asked: 50 });
  });

  it('sets no limit without quotas', () => {
    expect(exceeded([], 1_000_000)).toBeNull();
  });
});

describe('a split against the parent and the children', () => {
  // county 1,200; its other townships hold 900, so a township may get at most 300.
  const parent = { areaCode: '433124', quota: 1200, othersHold: 900 };

  it('lets the siblings reach the parent’s quota exactly', () => {
    expect(splitProblems({ people: 300, parent, childrenHold: 0, used: 0 })).toEqual([]);
  });

  it('refuses one more than the parent has left, with the numbers', () => {
    const [p] = splitProblems({ people: 301, parent, childrenHold: 0, used: 0 });
    expect(p).toContain('1,200');
    expect(p).toContain('900');
    expect(p).toContain('at most 300');
  });

  it('refuses a quota below what the children hold or below what is used', () => {
    expect(splitProblems({ people: 50, childrenHold: 60, used: 0 })).toHaveLength(1);
    expect(splitProblems({ people: 50, childrenHold: 0, used: 51 })[0]).toContain('51 people are already used');
    expect(splitProblems({ people: 60, childrenHold: 60, used: 60 })).toEqual([]);
  });

  it('has no parent limit when no ancestor has a quota', () => {
    expect(splitProblems({ people: 10_000_000, childrenHold: 0, used: 0 })).toEqual([]);
  });
});
