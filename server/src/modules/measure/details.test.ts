import { describe, expect, it } from 'vitest';
import { detailPresenceProblems, rainDewProblems, relocationProblems } from './details.js';
import { NATIONAL_LIMITS } from './limits.js';

const fields = (p: { field: string }[]) => p.map((x) => x.field);

describe('typed measures', () => {
  it('needs the kind’s own typed part and refuses another kind’s', () => {
    expect(detailPresenceProblems('micro_credit', { microCredit: {} }, 'input')).toEqual([]);
    expect(detailPresenceProblems('industry', {}, 'input')).toEqual([]);
    expect(fields(detailPresenceProblems('micro_credit', {}, 'input'))).toEqual(['input.microCredit']);
    expect(fields(detailPresenceProblems('industry', { relocation: {} }, 'input'))).toEqual(['input.relocation']);
    expect(fields(detailPresenceProblems('house_renovation', { rainDew: {} }, 'input'))).toEqual(['input.rainDew', 'input.houseRenovation']);
  });

  it('雨露计划: a member of the household, dates in order, employment after completion', () => {
    const r = { support: 'training', memberId: 'm1', course: '电工', institution: '湘西职业技术学院', enrolledOn: '2016-03-01', expectedEndOn: '2016-06-30', completedOn: null, employedAfter: null, employer: null };
    expect(rainDewProblems(r, new Set(['m1']), '2017-01-01', 'd')).toEqual([]);
    expect(rainDewProblems({ ...r, completedOn: '2016-06-30', employedAfter: true, employer: '长沙某厂' }, new Set(['m1']), '2017-01-01', 'd')).toEqual([]);
    expect(fields(rainDewProblems({ ...r, memberId: 'x', employedAfter: true }, new Set(['m1']), '2017-01-01', 'd'))).toEqual(['d.memberId', 'd.employedAfter']);
    expect(fields(rainDewProblems({ ...r, expectedEndOn: '2016-02-28', completedOn: '2017-01-02' }, new Set(['m1']), '2017-01-01', 'd'))).toEqual(['d.expectedEndOn', 'd.completedOn']);
  });

  it('易地扶贫搬迁: 25 m² per person moved, at most every member', () => {
    const r = { fromPlace: '高山组', toSite: '县城集中安置区', toAreaCode: '433124100', peopleMoved: 3, housingAreaM2: 75, subsidy: 60_000, movedOn: null };
    expect(relocationProblems(r, 3, NATIONAL_LIMITS, 'd')).toEqual([]);
    const tooBig = relocationProblems({ ...r, housingAreaM2: 75.5 }, 3, NATIONAL_LIMITS, 'd');
    expect(tooBig).toEqual([{ field: 'd.housingAreaM2', reason: 'relocation housing is at most 25 m² per person moved here: at most 75 m² for 3' }]);
    expect(fields(relocationProblems({ ...r, peopleMoved: 4 }, 3, NATIONAL_LIMITS, 'd'))).toEqual(['d.peopleMoved']);
    expect(fields(relocationProblems({ ...r, toAreaCode: '4331' }, 3, NATIONAL_LIMITS, 'd'))).toEqual(['d.toAreaCode']);
  });
});
