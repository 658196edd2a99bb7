/** Assistance-log rules on hand-worked examples. */
import { describe, expect, it } from 'vitest';
import { daysProblem, visitedSince, visitProblems } from './visit.rules.js';

describe('a visit', () => {
  it('is recorded for today or a past day, with what was done and found', () => {
    expect(visitProblems({ visitedOn: '2020-06-30', activities: '入户宣讲政策', findings: '务工收入稳定' }, '2020-06-30')).toEqual([]);
  });
  it('is refused in the future or without its texts', () => {
    expect(visitProblems({ visitedOn: '2020-07-01', activities: ' ', findings: '' }, '2020-06-30').map((p) => p.field)).toEqual(['input.visitedOn', 'input.activities', 'input.findings']);
  });
});

describe('not visited within N days', () => {
  it('counts back across month and leap-year ends', () => {
    expect(visitedSince(30, '2020-03-01')).toBe('2020-01-31');
    expect(visitedSince(1, '2020-03-01')).toBe('2020-02-29');
    expect(visitedSince(365, '2021-01-01')).toBe('2020-01-02');
  });
  it('takes 1 to 3,650 days', () => {
    expect(daysProblem(1)).toBeNull();
    expect(daysProblem(0)?.field).toBe('days');
    expect(daysProblem(3651)).not.toBeNull();
  });
});
