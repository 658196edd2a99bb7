/**
 * Issue 15's remaining domain rules on worked examples, in township 433124106 (villages
 * picked at random; no other file counts households there): the application form
 * without a status (item 9) and who the Rain-Dew Plan 雨露计划 supports (item 3).
 */
import { beforeAll, describe, expect, it } from 'vitest';
import { BadUserInputError, type Client } from '@jingzhun/sdk';
import { clientAs } from '../support/context.js';
import { freshApplication, freshHousehold, member } from '../support/forms.js';
import { daysAgo } from '../support/dates.js';
import { base } from '../support/measures.js';

const TOWNSHIP = '433124106';
let village: string;
let county: Client;
let cadre: Client;

beforeAll(async () => {
  county = await clientAs({ role: 'official', area: '433124', sub: 'county-domain-rules' });
  const villages = (await county.villages({ filter: { areaCode: TOWNSHIP }, first: 100 })).villages.nodes;
  village = villages[Math.floor(Math.random() * villages.length)].code;
  cadre = await clientAs({ role: 'cadre', area: village, sub: 'cadre-domain-rules' });
});

describe('the application form (item 9)', () => {
  it('takes no status: the procedure sets it (NOT_OUT, not yet identified)', async () => {
    const { fileApplication } = await cadre.fileApplication({ input: { household: freshApplication(village), year: 2019, date: daysAgo(2) } });
    expect(fileApplication.household).toMatchObject({ stage: 'CANDIDATE', status: 'NOT_OUT', firstIdentifiedDate: null, exitYear: null });
  });

  it('refuses a status, identification date or exit year given with it', async () => {
    for (const extra of [{ status: 'OUT_WITH_POLICY' }, { firstIdentifiedDate: '2014-10-15' }, { exitYear: 2016 }]) {
      const household = { ...freshApplication(village), ...extra } as ReturnType<typeof freshApplication>;
      const e = await cadre.fileApplication({ input: { household, year: 2019 } }).catch((x) => x);
      expect(e).toBeInstanceOf(BadUserInputError);
      expect(e.message).toContain(Object.keys(extra)[0]);
    }
  });
});

describe('雨露计划 support against age and schooling (item 3)', () => {
  it('refuses 中职 support for a 51-year-old head not in school, naming the age bounds and the schooling', async () => {
    const today = new Date();
    const birth = `${today.getUTCFullYear() - 51}-01-15`;
    const { registerHousehold } = await county.registerHousehold({
      input: freshHousehold(village, { mainCause: 'LACK_OF_SKILLS', otherCauses: [], members: [member({ name: '龙五一', relation: 'HEAD', birth })] }),
    });
    const h = registerHousehold.household;
    const enrolledOn = daysAgo(30);
    const schooling = base(h.id, {
      kind: 'RAIN_DEW', year: today.getUTCFullYear(), causes: ['LACK_OF_SKILLS'], startDate: enrolledOn, endDate: `${today.getUTCFullYear() + 2}-06-30`,
      rainDew: { support: 'SECONDARY_VOCATIONAL', memberId: h.members[0].id, course: '护理', institution: '花垣县职业中专', enrolledOn, expectedEndOn: `${today.getUTCFullYear() + 2}-06-30` },
    });
    const e = await county.recordMeasure({ input: schooling }).catch((x) => x);
    expect(e).toBeInstanceOf(BadUserInputError);
    const problems = (e as BadUserInputError).problems;
    expect(problems.map((p) => p.field)).toEqual(['input.rainDew.memberId', 'input.rainDew.support']);
    expect(problems[0].reason).toMatch(/the member is 5[01] at enrolment .* aged 14 to 22/);
    expect(problems[1].reason).toContain('非在校生');
    // The bounds are data: a village whose 中职 support reaches 55 refuses on the schooling alone.
    expect((await county.assistanceLimits({ areaCode: village })).assistanceLimits).toMatchObject({ rainDewSecondaryMinAge: 14, rainDewSecondaryMaxAge: 22 });
    await county.setAssistanceLimits({ input: { areaCode: village, microCreditMaxPrincipal: 50_000, microCreditMaxTermMonths: 36, relocationMaxM2PerPerson: 25, rainDewSecondaryMaxAge: 55 } });
    const local = await county.recordMeasure({ input: schooling }).catch((x) => x);
    expect((local as BadUserInputError).problems.map((p) => p.field)).toEqual(['input.rainDew.support']);
    // Skills training for the same head is within 16–59.
    const { recordMeasure } = await county.recordMeasure({
      input: base(h.id, {
        kind: 'RAIN_DEW', year: today.getUTCFullYear(), causes: ['LACK_OF_SKILLS'], startDate: enrolledOn, endDate: daysAgo(1),
        rainDew: { support: 'TRAINING', memberId: h.members[0].id, course: '电工', institution: '湘西职业技术学院', enrolledOn, expectedEndOn: daysAgo(1) },
      }),
    });
    expect(recordMeasure.rainDew).toMatchObject({ support: 'TRAINING', memberId: h.members[0].id });
  });
});
