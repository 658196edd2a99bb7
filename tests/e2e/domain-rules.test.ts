/**
 * Issue 15's remaining domain rules on worked examples, in township 433124106 (villages
 * picked at random; no other file counts households there): the application form
 * without a status (item 9), who the Rain-Dew Plan 雨露计划 supports (item 3), the
 * correction of a yearly record (item 7), and a year's migrant work on the year record
 * (item 8).
 */
import { beforeAll, describe, expect, it } from 'vitest';
import { BadUserInputError, ConflictError, type Client } from '@jingzhun/sdk';
import { clientAs } from '../support/context.js';
import { freshApplication, freshHousehold, member, year } from '../support/forms.js';
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

describe('correcting a yearly record (item 7)', () => {
  it('replaces the values with a reason at the version read, keeps the old values, audits it and emits household.yearCorrected', async () => {
    const { registerHousehold } = await county.registerHousehold({ input: freshHousehold(village) });
    const householdId = registerHousehold.household.id;
    // 2018: production 5,200 − costs 1,400 + property 300 + transfers 1,900 = 6,000 yuan for 3: 2,000 a head.
    const { recordHouseholdYear } = await cadre.recordHouseholdYear({ householdId, input: year(2018) });
    expect(recordHouseholdYear.year).toMatchObject({ perCapitaNetIncome: 2000, version: 1 });
    // The survey found 900 yuan more production income: 6,900 yuan, 2,300 a head.
    const corrected = { ...year(2018, { production: 6100 }), reason: '2019年3月入户收入核查：生产经营性收入漏记900元', expectedVersion: 1 };
    const { correctHouseholdYear } = await cadre.correctHouseholdYear({ householdId, input: corrected });
    expect(correctHouseholdYear.year).toMatchObject({ year: 2018, perCapitaNetIncome: 2300, version: 2, income: { production: 6100 } });

    // The version read is checked: a second correction from the same read is refused and changes nothing.
    const stale = await cadre.correctHouseholdYear({ householdId, input: { ...corrected, income: { ...corrected.income, production: 1 } } }).catch((e) => e);
    expect(stale).toBeInstanceOf(ConflictError);
    expect(stale.message).toContain('version 2, you had 1');
    // A year never recorded, and a correction without a reason, are refused.
    await expect(cadre.correctHouseholdYear({ householdId, input: { ...corrected, year: 2017 } })).rejects.toMatchObject({ field: 'input.year' });
    await expect(cadre.correctHouseholdYear({ householdId, input: { ...corrected, expectedVersion: 2, reason: ' ' } })).rejects.toMatchObject({ field: 'input.reason' });
    // Recording the year again still refuses, and says how to correct it.
    await expect(cadre.recordHouseholdYear({ householdId, input: year(2018) })).rejects.toThrow(/correctHouseholdYear/);

    const { household } = await county.householdYearRevisions({ id: householdId, year: 2018 });
    expect(household!.year).toMatchObject({ version: 2, perCapitaNetIncome: 2300 });
    expect(household!.year!.revisions).toHaveLength(1);
    expect(household!.year!.revisions[0]).toMatchObject({ version: 1, reason: corrected.reason, correctedBy: 'cadre-domain-rules', previous: { version: 1, perCapitaNetIncome: 2000, income: { production: 5200 } } });
    expect((await county.household({ id: householdId })).household!.years).toMatchObject([{ year: 2018, version: 2, perCapitaNetIncome: 2300 }]);

    const { auditTrail } = await county.auditTrail({ filter: { entityId: householdId, operation: 'correctHouseholdYear' } });
    expect(auditTrail.nodes).toHaveLength(1);
    const { changes } = await county.changes({ filter: { types: ['household.yearCorrected'], areaCode: village }, first: 100 });
    expect(changes.edges.map((e) => e.node.entityId)).toContain(householdId);
  });
});

describe("a year's migrant work on the year record (item 8)", () => {
  it("records a year's wages with the months worked that year, without re-sending the member list", async () => {
    // Nobody worked away when the form was filled in.
    const { registerHousehold } = await county.registerHousehold({ input: freshHousehold(village) });
    const h = registerHousehold.household;
    const head = h.members[0].id;
    // In 2019 the head worked 10 months outside the province: 12,000 yuan of wages.
    const wages = year(2019, { wage: 12_000 });
    const refused = await cadre.recordHouseholdYear({ householdId: h.id, input: wages }).catch((e) => e);
    expect(refused).toMatchObject({ code: 'BAD_USER_INPUT', field: 'input.income.wage' });
    const { recordHouseholdYear } = await cadre.recordHouseholdYear({
      householdId: h.id, input: { ...wages, migrantWork: [{ memberId: head, migrantWork: 'OUTSIDE_PROVINCE', months: 10 }] },
    });
    // 6,000 + 12,000 = 18,000 yuan for 3: 6,000 a head.
    expect(recordHouseholdYear.year).toMatchObject({ perCapitaNetIncome: 6000, migrantWork: [{ memberId: head, migrantWork: 'OUTSIDE_PROVINCE', months: 10 }] });
    expect(recordHouseholdYear.household.version).toBeGreaterThan(h.version);
    const { household } = await county.household({ id: h.id });
    expect(household!.members.map((m) => [m.migrantWork, m.migrantMonths])).toEqual([['NONE', 0], ['NONE', 0], ['NONE', 0]]);
    // A later correction of the household form is checked against that year's own months.
    const { correctHousehold } = await cadre.correctHousehold({ id: h.id, input: { phone: '13900000000' } });
    expect(correctHousehold.household.phone).toBe('13900000000');
  });

  it("checks the year's entries: months and kind agree, and each is a member of the household, once", async () => {
    const { registerHousehold } = await county.registerHousehold({ input: freshHousehold(village) });
    const h = registerHousehold.household;
    const other = (await county.registerHousehold({ input: freshHousehold(village) })).registerHousehold.household;
    const input = (migrantWork: { memberId: string; migrantWork: 'OUTSIDE_PROVINCE' | 'NONE'; months: number }[]) => ({ ...year(2019, { wage: 5000 }), migrantWork });
    const noMonths = await cadre.recordHouseholdYear({ householdId: h.id, input: input([{ memberId: h.members[0].id, migrantWork: 'OUTSIDE_PROVINCE', months: 0 }]) }).catch((e) => e);
    expect(noMonths.problems.map((p: { field: string }) => p.field)).toContain('input.migrantWork[0].months');
    const stranger = await cadre.recordHouseholdYear({ householdId: h.id, input: input([{ memberId: other.members[0].id, migrantWork: 'OUTSIDE_PROVINCE', months: 6 }]) }).catch((e) => e);
    expect(stranger).toMatchObject({ code: 'BAD_USER_INPUT', field: 'input.migrantWork[0].memberId' });
    const twice = await cadre.recordHouseholdYear({
      householdId: h.id, input: input([0, 0].map(() => ({ memberId: h.members[1].id, migrantWork: 'OUTSIDE_PROVINCE' as const, months: 6 }))),
    }).catch((e) => e);
    expect(twice).toMatchObject({ code: 'BAD_USER_INPUT', field: 'input.migrantWork[1].memberId' });
    expect((await county.household({ id: h.id })).household!.years).toEqual([]);
  });
});
