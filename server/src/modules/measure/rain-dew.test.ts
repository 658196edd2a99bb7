/** 雨露计划 eligibility (issue 15, item 3) on worked examples, with the national defaults and an area's own bounds. */
import { describe, expect, it } from 'vitest';
import { NATIONAL_LIMITS } from './limits.js';
import { rainDewAgeProblems, rainDewAgesGiven, rainDewEligibilityProblems } from './rain-dew.js';
import type { RainDew } from './details.js';

const course = (over: Partial<RainDew>): RainDew => ({
  support: 'secondary_vocational', memberId: 'm1', course: '护理', institution: '花垣县职业中专', enrolledOn: '2026-09-01', expectedEndOn: '2029-06-30',
  completedOn: null, employedAfter: null, employer: null, ...over,
});
const today = '2026-12-07';
const fields = (p: { field: string }[]) => p.map((x) => x.field);

describe('雨露计划 eligibility', () => {
  it('refuses 中职 support for a 51-year-old head not in school: age 51 is outside 14–22, and the schooling is not 中职', () => {
    const head = { birthDate: '1975-03-02', schooling: '00' };
    const p = rainDewEligibilityProblems(course({}), head, NATIONAL_LIMITS, today, 'input.rainDew');
    expect(fields(p)).toEqual(['input.rainDew.memberId', 'input.rainDew.support']);
    expect(p[0].reason).toContain('the member is 51 at enrolment (2026-09-01)');
    expect(p[0].reason).toContain('aged 14 to 22');
    expect(p[1].reason).toContain('非在校生');
  });

  it('accepts a 16-year-old in 中职 year 1, and skills training for a 47-year-old (16–59)', () => {
    expect(rainDewEligibilityProblems(course({}), { birthDate: '2010-05-01', schooling: '21' }, NATIONAL_LIMITS, today, 'd')).toEqual([]);
    const training = course({ support: 'training', enrolledOn: '2016-03-01', expectedEndOn: '2016-06-30', completedOn: '2016-06-30' });
    expect(rainDewEligibilityProblems(training, { birthDate: '1968-03-02', schooling: '00' }, NATIONAL_LIMITS, today, 'd')).toEqual([]);
    expect(fields(rainDewEligibilityProblems(training, { birthDate: '1955-01-01', schooling: '00' }, NATIONAL_LIMITS, today, 'd'))).toEqual(['d.memberId']);
  });

  it('checks the schooling only while the schooling is under way: a finished 高职 course of a member now out of school passes', () => {
    const past = course({ support: 'higher_vocational', enrolledOn: '2016-09-01', expectedEndOn: '2019-06-30', completedOn: '2019-06-30' });
    expect(rainDewEligibilityProblems(past, { birthDate: '1998-01-01', schooling: '00' }, NATIONAL_LIMITS, today, 'd')).toEqual([]);
    const now = course({ support: 'higher_vocational' });
    expect(fields(rainDewEligibilityProblems(now, { birthDate: '2007-01-01', schooling: '21' }, NATIONAL_LIMITS, today, 'd'))).toEqual(['d.support']);
  });

  it('applies an area’s own bounds, and checks the bounds an area sets', () => {
    const local = { ...NATIONAL_LIMITS, areaCode: '433124', ...rainDewAgesGiven({ rainDewSecondaryMaxAge: 25 }) };
    expect(local.rainDewSecondaryMinAge).toBe(14);
    expect(rainDewEligibilityProblems(course({}), { birthDate: '2002-01-01', schooling: '22' }, local, today, 'd')).toEqual([]);
    expect(fields(rainDewAgeProblems(rainDewAgesGiven({ rainDewHigherMinAge: 31, rainDewTrainingMaxAge: 90 })))).toEqual(['input.rainDewTrainingMaxAge', 'input.rainDewHigherMaxAge']);
  });
});
