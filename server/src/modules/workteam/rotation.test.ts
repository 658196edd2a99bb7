/** Work-team term rules on hand-worked examples. */
import { describe, expect, it } from 'vitest';
import { termProblems } from './rotation.js';

const fs = { cadreId: 'a', role: 'first_secretary' };
const member = (id: string) => ({ cadreId: id, role: 'member' });

describe('a work team term', () => {
  it('accepts a first secretary and members from a past day with a later planned end', () => {
    expect(termProblems({ startedOn: '2017-03-01', endsOn: '2019-02-28', members: [fs, member('b')] }, null, '2018-01-01')).toEqual([]);
  });
  it('refuses an end before the start, a future start, and a team without first secretary', () => {
    expect(termProblems({ startedOn: '2017-03-01', endsOn: '2017-03-01', members: [fs] }, null, '2018-01-01').map((p) => p.field)).toEqual(['input.endsOn']);
    expect(termProblems({ startedOn: '2018-01-02', members: [fs] }, null, '2018-01-01')[0].reason).toMatch(/future/);
    expect(termProblems({ startedOn: '2017-03-01', members: [member('b')] }, null, '2018-01-01')[0].reason).toMatch(/exactly one first secretary/);
  });
  it('a rotation starts after the current term started; a cadre is named once', () => {
    expect(termProblems({ startedOn: '2017-03-01', members: [fs] }, { startedOn: '2017-03-01' }, '2018-01-01')[0].reason).toMatch(/after the current team's start \(2017-03-01\)/);
    expect(termProblems({ startedOn: '2017-03-02', members: [fs, member('a')] }, { startedOn: '2017-03-01' }, '2018-01-01')).toEqual([
      { field: 'input.members[1].cadreId', reason: 'is named twice: each cadre once, with one role' },
    ]);
  });
});
