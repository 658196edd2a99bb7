/** The interest match of issue 11 (match.ts), on worked examples. */
import { describe, expect, it } from 'vitest';
import { matchOf } from './match.js';

const donor = (categories: string[], areas: string[], min: number | null, max: number | null) =>
  ({ interestCategories: categories, interestAreas: areas, interestMinAmount: min, interestMaxAmount: max });
const schoolAid = { category: 'school_aid', villageCode: '433124110226', openAmount: 800 };

describe('matchOf', () => {
  it('a need meeting every stated criterion matches, with a reason for each', () => {
    expect(matchOf(donor(['school_aid'], ['433124'], 500, 1000), schoolAid)).toEqual([
      'in a category you fund (school_aid 助学)',
      'in an area you help (433124)',
      '800 yuan open, within your range',
    ]);
  });

  it('one failed criterion is no match: another category, another county, 800 yuan above a 500 cap', () => {
    expect(matchOf(donor(['medical_aid'], [], null, null), schoolAid)).toBeNull();
    expect(matchOf(donor([], ['433125'], null, null), schoolAid)).toBeNull();
    expect(matchOf(donor([], [], null, 500), schoolAid)).toBeNull();
    expect(matchOf(donor([], [], 1000, null), schoolAid)).toBeNull();
  });

  it('a range neither admits nor excludes a need of items (no yuan open)', () => {
    expect(matchOf(donor(['school_aid'], [], null, 500), { ...schoolAid, openAmount: null })).toEqual(['in a category you fund (school_aid 助学)']);
  });

  it('a participant that stated nothing matches every need, and is told why', () => {
    expect(matchOf(donor([], [], null, null), schoolAid)).toEqual(['you stated no interests: every published need matches']);
  });
});
