import { describe, expect, it } from 'vitest';
import { closeRefusal, openProblems, overlaps } from './round.rules.js';

const today = '2026-11-28';

describe('openProblems', () => {
  it('accepts a county round for last year due by the end of the year', () => {
    expect(openProblems({ areaCode: '433124', year: 2025, closesOn: '2026-12-31' }, today)).toEqual([]);
  });
  it('accepts a deadline of today, and the current year', () => {
    expect(openProblems({ areaCode: '433124110226', year: 2026, closesOn: today }, today)).toEqual([]);
  });
  it('names each bad field', () => {
    const p = openProblems({ areaCode: '4331', year: 2027, closesOn: '2026-11-27' }, today);
    expect(p.map((x) => x.field)).toEqual(['year', 'closesOn']);
    expect(openProblems({ areaCode: '43312', year: 2012, closesOn: '2026-02-30' }, today).map((x) => x.field)).toEqual(['areaCode', 'year', 'closesOn']);
    expect(openProblems({ areaCode: '433124', year: 2025, closesOn: '2028-01-01' }, today)[0].reason).toMatch(/2027-12-31/);
  });
});

describe('overlaps', () => {
  it('a county round covers its villages, not its neighbour’s', () => {
    expect(overlaps('433124', '433124110226')).toBe(true);
    expect(overlaps('433124110226', '433124')).toBe(true);
    expect(overlaps('433124', '433124')).toBe(true);
    expect(overlaps('433124', '433125001001')).toBe(false);
  });
});

describe('closeRefusal', () => {
  it('lets a round close when nothing is pending, or on and after the deadline', () => {
    expect(closeRefusal(0, '2026-12-31', today)).toBeNull();
    expect(closeRefusal(12, today, today)).toBeNull();
    expect(closeRefusal(12, '2026-11-01', today)).toBeNull();
  });
  it('refuses before the deadline with households pending, saying how many', () => {
    expect(closeRefusal(1, '2026-12-31', today)).toMatch(/^1 household has no record/);
    expect(closeRefusal(3, '2026-11-29', today)).toMatch(/^3 households have no record.*2026-11-29/);
  });
});
