/** Pairing rules on hand-worked examples. */
import { describe, expect, it } from 'vitest';
import { dateProblem, reassignmentProblems, unpairableReason } from './pairing.rules.js';

describe('who can be paired', () => {
  it('pairs registered households not yet out, fallen back, or out with policy', () => {
    for (const status of ['0', '1', '3']) expect(unpairableReason({ stage: 'REGISTERED', status })).toBeNull();
  });
  it('refuses policy ended, and households not registered', () => {
    expect(unpairableReason({ stage: 'REGISTERED', status: '4' })).toMatch(/4 已脱贫\(不再享受政策\)/);
    expect(unpairableReason({ stage: 'CANDIDATE', status: '0' })).toMatch(/candidate, not registered/);
    expect(unpairableReason({ stage: 'REMOVED', status: '0' })).toMatch(/removed/);
  });
});

describe('dates', () => {
  it('takes the first day and today, refuses before and after', () => {
    expect(dateProblem('d', '2013-01-01', '2020-06-30')).toBeNull();
    expect(dateProblem('d', '2020-06-30', '2020-06-30')).toBeNull();
    expect(dateProblem('d', '2012-12-31', '2020-06-30')?.reason).toMatch(/before 2013-01-01/);
    expect(dateProblem('d', '2020-07-01', '2020-06-30')?.reason).toMatch(/future \(today is 2020-06-30\)/);
  });
  it('a reassignment starts on or after the current pairing, names another cadre and a reason', () => {
    const current = { cadreId: 'a', startedOn: '2016-03-01' };
    expect(reassignmentProblems(current, { cadreId: 'b', startedOn: '2016-03-01', reason: '调岗' }, '2020-01-01')).toEqual([]);
    expect(reassignmentProblems(current, { cadreId: 'a', startedOn: '2016-02-29', reason: ' ' }, '2020-01-01').map((p) => p.field)).toEqual(['startedOn', 'cadreId', 'reason']);
  });
});
