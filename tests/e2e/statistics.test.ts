/**
 * Statistics 决策支持 (issue 10) through the SDK, in a township of 保靖县 no other test file
 * writes to (433125116 吕洞山镇): households registered in three of its villages, then the
 * grouped figures, hand-counted; parents equal the sum of their children; small cells
 * suppressed with their complement for an analyst; the errors a dashboard developer meets.
 */
import { beforeAll, describe, expect, it } from 'vitest';
import { BadUserInputError, ForbiddenError, NotFoundError, DashboardDocument, RegisterStatisticsDocument, type Client, type ResponseInfo } from '@jingzhun/sdk';
import { clientAs, server, token } from '../support/context.js';
import { freshHousehold, year } from '../support/forms.js';

const TOWNSHIP = '433125116';
let official: Client;
let analyst: Client;
let villages: string[];
/** Households per village: A 6 (2 of them exited), B 3, C 7. */
const PLAN = [6, 3, 7];

/** A yearly record with safe water (the water example counts households without it in this county). */
const safeYear = (y: number, production: number) => {
  const r = year(y, { production });
  return { ...r, conditions: { ...r.conditions, drinkingWaterSafe: true, drinkingWaterDifficulty: false } };
};

beforeAll(async () => {
  official = await clientAs({ role: 'official', area: TOWNSHIP, sub: 'stats-official' });
  analyst = await clientAs({ role: 'analyst', area: TOWNSHIP, sub: 'stats-analyst' });
  villages = (await official.villages({ filter: { areaCode: TOWNSHIP }, first: 3 })).villages.nodes.map((v) => v.code);
  for (const [i, n] of PLAN.entries()) {
    for (let k = 0; k < n; k++) {
      const exited = i === 0 && k < 2;
      const { registerHousehold } = await official.registerHousehold({
        input: freshHousehold(villages[i], exited ? { status: 'EXITED_WITH_POLICY', exitYear: 2016 } : {}),
      });
      // 5,200 yuan of production: 2,000 per person; 8,200: 3,000 per person (village C).
      await official.recordHouseholdYear({ householdId: registerHousehold.household.id, input: safeYear(2016, i === 2 ? 8200 : 5200) });
      if (i === 0 && k === 2) {
        await official.recordMeasure({ input: { householdId: registerHousehold.household.id, year: 2016, kind: 'HEALTH', title: '大病救助', causes: ['ILLNESS'], plannedAmount: 1500, fundingSource: 'CENTRAL', startDate: '2016-03-01', endDate: '2016-12-31' } });
      }
    }
  }
}, 120_000);

const byArea = { areaCode: TOWNSHIP, groupBy: ['CHILD_AREA' as const] };

describe('statistics', () => {
  it('counts the register by village, and the total is the sum of the villages', async () => {
    const { statistics } = await official.registerStatistics({ input: byArea });
    expect(statistics.suppressionThreshold).toBeNull();
    expect(statistics.lagSeconds).toBe(0);
    const cells = statistics.register.cells;
    expect(cells.map((c) => [c.key.areaCode, c.registered.households, c.registered.people])).toEqual(villages.map((v, i) => [v, PLAN[i], PLAN[i] * 3]));
    expect(cells[0].exited.households).toBe(2);
    expect(cells[0].notOut.households).toBe(4);
    expect(statistics.register.total.registered).toEqual({ households: 16, people: 48, suppressed: false });
    for (const m of ['registered', 'notOut', 'exited', 'relapsed', 'removed', 'candidates'] as const) {
      expect(cells.reduce((s, c) => s + c[m].households!, 0)).toBe(statistics.register.total[m].households);
      expect(cells.reduce((s, c) => s + c[m].people!, 0)).toBe(statistics.register.total[m].people);
    }
  });

  it('combines groupings, and counts members by sex and age band', async () => {
    const { statistics } = await official.registerStatistics({ input: { areaCode: TOWNSHIP, groupBy: ['CHILD_AREA', 'STATUS'] } });
    expect(statistics.register.cells.map((c) => [c.key.areaCode, c.key.status, c.registered.households])).toEqual([
      [villages[0], 'NOT_OUT', 4], [villages[0], 'EXITED_WITH_POLICY', 2], [villages[1], 'NOT_OUT', 3], [villages[2], 'NOT_OUT', 7],
    ]);
    const sex = (await official.registerStatistics({ input: { areaCode: TOWNSHIP, groupBy: ['SEX'] } })).statistics.register.cells;
    expect(sex.map((c) => [c.key.sex, c.registered.people, c.registered.households])).toEqual([['MALE', 16, null], ['FEMALE', 32, null]]);
    // Members are born in 1968, 1970 and 2011: at the end of this year two are of working age and the daughter is 15 or older.
    const age = (await official.registerStatistics({ input: { areaCode: TOWNSHIP, groupBy: ['AGE_BAND'] } })).statistics.register.cells;
    const thisYear = new Date().getFullYear();
    const daughterBand = thisYear - 2011 < 16 ? 'AGE_7_15' : 'AGE_16_59';
    const expected = new Map<string, number>([['AGE_16_59', 32]]);
    expected.set(daughterBand, (expected.get(daughterBand) ?? 0) + 16);
    expect(new Map(age.map((c) => [c.key.ageBand!, c.registered.people!]))).toEqual(expected);
  });

  it('suppresses small cells for an analyst, with a complement so they cannot be recovered', async () => {
    const { statistics } = await analyst.registerStatistics({ input: byArea });
    expect(statistics.suppressionThreshold).toBe(5);
    const [a, b, c] = statistics.register.cells;
    // B has 3 households: suppressed; A (6), the smallest sibling, goes with it; C (7) and the total stay.
    expect(b.registered).toEqual({ households: null, people: null, suppressed: true });
    expect(a.registered).toEqual({ households: null, people: null, suppressed: true });
    expect(c.registered).toEqual({ households: 7, people: 21, suppressed: false });
    expect(statistics.register.total.registered.households).toBe(16);
    // A's 2 exited households are small too; B and C have none, so A's exited cell alone is withheld.
    expect(a.exited.suppressed).toBe(true);
  });

  it('gives flows, a series, income and incidence in one request, with parents equal to their children', async () => {
    await official.setRuralPopulation({ input: { areaCode: villages[0], year: 2016, population: 100 } });
    const info: ResponseInfo = {};
    const { statistics } = await official.request(DashboardDocument, { input: { ...byArea, year: 2016 } }, info);
    const last = statistics.series[statistics.series.length - 1];
    expect(last.year).toBe(2016);
    expect(statistics.series[0].year).toBe(2014);
    // The year-end stock from the history matches the register's aggregate for the year.
    expect(last.stock.registered.households).toBe(statistics.register.total.registered.households);
    // Income 2016: villages A and B (9 households) at 2,000 per person, village C (7) at 3,000.
    const income = statistics.income.total;
    expect(income.recorded.households).toBe(16);
    expect(income.mean).toBe(Math.round(((9 * 2000 + 7 * 3000) / 16) * 100) / 100);
    expect(income.bands.find((b) => b.from === 2000)!.count.households).toBe(9);
    expect(income.bands.find((b) => b.from === 3000)!.count.households).toBe(7);
    expect(statistics.income.cells.map((c) => c.recorded.households)).toEqual(PLAN);
    // Incidence: village A from its figure (4 poor × 3 people ÷ 100), the others from the register.
    const [ia, ib] = statistics.incidence.cells;
    expect([ia.source, ia.poorPeople, ia.population, ia.incidence]).toEqual(['AREA_FIGURE', 12, 100, 0.12]);
    expect([ib.source, ib.poorPeople, ib.population, ib.incidence]).toEqual(['REGISTER', 9, 9, 1]);
    expect(statistics.incidence.total.source).toBe('MIXED');
    expect(statistics.incidence.total.poorPeople).toBe(statistics.incidence.cells.reduce((s, c) => s + c.poorPeople!, 0));
    expect(statistics.incidence.total.population).toBe(statistics.incidence.cells.reduce((s, c) => s + c.population!, 0));
    // Assistance: the one measure of village A, nobody paired yet.
    const [aa] = statistics.assistance.cells;
    expect(aa.measures).toEqual([{ kind: 'HEALTH', status: 'PLANNED', measures: 1, plannedAmount: 1500, actualAmount: 0, suppressed: false }]);
    expect(statistics.assistance.total.withResponsiblePerson.households).toBe(0);
    expect(statistics.assistance.visitedWithinDays).toBe(30);
    expect(info.extensions?.sqlStatements).toBeLessThanOrEqual(16);
  });

  it('gives the demo county’s townships summing to the county, and monitoring counts to analysts', async () => {
    const county = await clientAs({ role: 'official', area: '433124', sub: 'stats-county' });
    const { statistics } = await county.dashboard({ input: { areaCode: '433124', groupBy: ['CHILD_AREA'] } });
    const total = statistics.register.total.registered.households!;
    expect(total).toBeGreaterThan(0);
    expect(statistics.register.cells.reduce((s, c) => s + c.registered.households!, 0)).toBe(total);
    expect(statistics.monitoring.cells.reduce((s, c) => s + (c.key.riskRemoved ? 0 : c.count.households!), 0)).toBe(statistics.monitoring.open.households);
    // The townships' roll-up (read for the county) agrees with each township's villages.
    const first = statistics.register.cells[0];
    const villagesOf = (await county.registerStatistics({ input: { areaCode: first.key.areaCode!, groupBy: ['CHILD_AREA'] } })).statistics.register;
    expect(villagesOf.total.registered).toEqual(first.registered);
    expect(villagesOf.cells.reduce((s, c) => s + c.notOut.people!, 0)).toBe(first.notOut.people);
    // Statements per request do not grow with the cells: a county's 12 townships, a township's villages, and three groupings combined.
    const statements = async (input: Parameters<Client['registerStatistics']>[0]['input']) => {
      const info: ResponseInfo = {};
      await county.request(RegisterStatisticsDocument, { input }, info);
      return info.extensions?.sqlStatements;
    };
    const few = await statements({ areaCode: first.key.areaCode!, groupBy: ['CHILD_AREA'] });
    expect(await statements({ areaCode: '433124', groupBy: ['CHILD_AREA'] })).toBe(few);
    expect(await statements({ areaCode: '433124', groupBy: ['CHILD_AREA', 'STATUS', 'MAIN_CAUSE'] })).toBe(few);
    const countyAnalyst = await clientAs({ role: 'analyst', area: '433124' });
    const seen = await countyAnalyst.dashboard({ input: { areaCode: '433124', groupBy: ['CHILD_AREA'] } });
    expect(seen.statistics.register.total.registered.households).toBe(total);
  });

  it('downloads the same figures as CSV, with the same token and suppression', async () => {
    const csv = async (role: string, query: string) => {
      const res = await fetch(`${server().url.replace(/\/graphql$/, '/statistics.csv')}?${query}`, { headers: { authorization: `Bearer ${await token({ role, area: TOWNSHIP })}` } });
      return { status: res.status, type: res.headers.get('content-type'), text: await res.text() };
    };
    const got = await csv('official', `areaCode=${TOWNSHIP}&groupBy=CHILD_AREA`);
    expect(got.status).toBe(200);
    expect(got.type).toMatch(/^text\/csv/);
    const [header, ...lines] = got.text.trim().split('\n').map((l) => l.split(','));
    const col = (name: string) => header.indexOf(name);
    expect(lines.map((l) => [l[col('cell')], l[col('areaCode')], Number(l[col('registeredHouseholds')])])).toEqual([
      ['TOTAL', '', 16], ...villages.map((v, i) => ['CELL', v, PLAN[i]]),
    ]);
    const hidden = (await csv('analyst', `areaCode=${TOWNSHIP}&groupBy=CHILD_AREA`)).text.trim().split('\n').map((l) => l.split(','));
    expect(hidden[2][header.indexOf('registeredSuppressed')]).toBe('true');
    expect(hidden[2][header.indexOf('registeredHouseholds')]).toBe('');
    const refused = await csv('analyst', `areaCode=${TOWNSHIP}&year=2013`);
    expect(refused.status).toBe(400);
    expect(JSON.parse(refused.text).errors[0].extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'input.year' });
    const anonymous = await fetch(`${server().url.replace(/\/graphql$/, '/statistics.csv')}?areaCode=${TOWNSHIP}`);
    expect(anonymous.status).toBe(401);
  });

  it('answers each role inside its own area only; outside it looks like an unknown area', async () => {
    const cadre = await clientAs({ role: 'cadre', area: villages[0], sub: 'stats-cadre' });
    expect((await cadre.registerStatistics({ input: { areaCode: villages[0], groupBy: ['STATUS'] } })).statistics.register.total.registered.households).toBe(6);
    const outside = await cadre.registerStatistics({ input: { areaCode: TOWNSHIP } }).catch((e) => e);
    const unknown = await cadre.registerStatistics({ input: { areaCode: '433125116999' } }).catch((e) => e);
    expect(outside).toBeInstanceOf(NotFoundError);
    expect(unknown).toBeInstanceOf(NotFoundError);
    expect(outside.message.replace(TOWNSHIP, 'X')).toBe(unknown.message.replace('433125116999', 'X'));
    const ministry = await clientAs({ role: 'ministry', sector: 'water', area: TOWNSHIP, sub: 'stats-ministry' });
    const seen = (await ministry.registerStatistics({ input: byArea })).statistics;
    expect(seen.suppressionThreshold).toBe(5);
    expect(seen.register.total.registered.households).toBe(16);
  });

  it('gives the register as of a date from the status history', async () => {
    // The households were first identified on 2014-10-15.
    const on = async (asOf: string) => (await official.registerStatistics({ input: { areaCode: TOWNSHIP, asOf, groupBy: ['CHILD_AREA'] } })).statistics;
    const before = await on('2014-10-14');
    expect(before.asOf).toBe('2014-10-14');
    expect(before.register.total.registered.households).toBe(0);
    const after = await on('2014-10-15');
    expect(after.register.cells.map((c) => c.registered.households)).toEqual(PLAN);
    const today = new Date().toISOString().slice(0, 10);
    expect((await on(today)).register.total.registered).toEqual((await official.registerStatistics({ input: { areaCode: TOWNSHIP } })).statistics.register.total.registered);
    const both = await official.registerStatistics({ input: { areaCode: TOWNSHIP, asOf: '2016-05-01', year: 2015 } }).catch((e) => e);
    expect(both).toBeInstanceOf(BadUserInputError);
    expect(both.field).toBe('input.year');
  });

  it('refuses what it cannot answer, clearly', async () => {
    await expect(official.registerStatistics({ input: { areaCode: '433125199' } })).rejects.toBeInstanceOf(NotFoundError);
    await expect(official.registerStatistics({ input: { areaCode: '433124' } })).rejects.toBeInstanceOf(NotFoundError);
    const early = await official.registerStatistics({ input: { areaCode: TOWNSHIP, year: 2013 } }).catch((e) => e);
    expect(early).toBeInstanceOf(BadUserInputError);
    expect(early.field).toBe('input.year');
    const past = await official.registerStatistics({ input: { areaCode: TOWNSHIP, year: 2016, groupBy: ['MAIN_CAUSE'] } }).catch((e) => e);
    expect(past).toBeInstanceOf(BadUserInputError);
    expect(past.field).toBe('input.groupBy');
    const members = await analyst.registerStatistics({ input: { areaCode: TOWNSHIP, groupBy: ['CHILD_AREA', 'SEX'] } }).catch((e) => e);
    expect(members).toBeInstanceOf(ForbiddenError);
    const donor = await clientAs({ role: 'donor', sub: 'stats-donor' });
    await expect(donor.registerStatistics({ input: { areaCode: TOWNSHIP } })).rejects.toBeInstanceOf(ForbiddenError);
    const bad = await official.setRuralPopulation({ input: { areaCode: villages[0], year: 2016, population: 0 } }).catch((e) => e);
    expect(bad).toBeInstanceOf(BadUserInputError);
    expect(bad.field).toBe('input.population');
  });
});
