/**
 * Precise assessment 精准考核 (issue 14) through the SDK, in a township of 保靖县 no other test
 * file writes to (433125109): funds from allocation to household with the overspending and
 * unregistered-household rules (also under concurrent spendings), a reproducible spot-check
 * sample of the township, a spot check with 错评 findings, and the county assessment of the
 * prefecture 湘西州 (4331) for 2019 — computed, published, and unchanged by a recomputation.
 * Other files write to the county (433125) and the demo county, so county-wide figures are
 * asserted only where this file's own data decides them (funds and the spot check of 2019).
 */
import { beforeAll, describe, expect, it } from 'vitest';
import { BadUserInputError, ConflictError, ForbiddenError, type Client } from '@jingzhun/sdk';
import { clientAs } from '../support/context.js';
import { freshHousehold, member, dayIn, freshApplication } from '../support/forms.js';

const TOWNSHIP = '433125109';
const COUNTY = '433125';
const YEAR = 2019;
let admin: Client;
let county: Client;
let prefecture: Client;
let analyst: Client;
let villages: string[];
const registered: string[] = [];
let candidateId: string;

/** A household whose members cannot work (spouse without labour), for the 5:3:2 satisfaction split. */
const noLabour = (v: string) => freshHousehold(v, {
  members: [
    member({ name: '龙测试', relation: 'HEAD', sex: 'MALE', birth: dayIn(1948), labourSkill: 'LOST_ABILITY' }),
    member({ name: '石测试', relation: 'SPOUSE', sex: 'FEMALE', birth: dayIn(1950), labourSkill: 'NONE', health: ['CHRONIC_ILLNESS'] }),
  ],
});

beforeAll(async () => {
  admin = await clientAs({ role: 'admin' });
  county = await clientAs({ role: 'official', area: COUNTY, sub: 'assess-county' });
  prefecture = await clientAs({ role: 'official', area: '4331', sub: 'assess-prefecture' });
  analyst = await clientAs({ role: 'analyst', area: COUNTY });
  villages = (await county.areas({ filter: { parentCode: TOWNSHIP }, first: 3 })).areas.nodes.map((a) => a.code);
  expect(villages).toHaveLength(3);
  // Village A: 5 with labour (one planned to exit in 2019) and 2 without; B and C: 3 each.
  for (let i = 0; i < 5; i++) registered.push((await county.registerHousehold({ input: freshHousehold(villages[0], { plannedExitYear: i === 0 ? YEAR : 2020 }) })).registerHousehold.household.id);
  for (let i = 0; i < 2; i++) registered.push((await county.registerHousehold({ input: noLabour(villages[0]) })).registerHousehold.household.id);
  for (const v of villages.slice(1)) for (let i = 0; i < 3; i++) registered.push((await county.registerHousehold({ input: freshHousehold(v, { plannedExitYear: 2020 }) })).registerHousehold.household.id);
  const today = new Date().toISOString().slice(0, 10);
  candidateId = (await county.fileApplication({ input: { household: freshApplication(villages[1]), year: YEAR, date: today } })).fileApplication.household.id;
}, 180_000);

describe('funds 扶贫资金', () => {
  let allocationId: string;

  it('allocates, spends to a registered household, and shows disbursement and the household’s total', async () => {
    const { allocateFunds: a } = await county.allocateFunds({ input: { areaCode: TOWNSHIP, year: YEAR, source: 'CENTRAL', title: '中央财政专项扶贫资金(测试)', amount: 10_000 } });
    allocationId = a.id;
    expect(a).toMatchObject({ areaCode: TOWNSHIP, year: YEAR, source: 'CENTRAL', amount: 10_000, spent: 0, remaining: 10_000, disbursementRate: 0 });
    const { recordSpending: r } = await county.recordSpending({ input: { allocationId, householdId: registered[1], amount: 3000, spentOn: '2019-05-10', purpose: '产业奖补' } });
    expect(r.allocation).toMatchObject({ spent: 3000, remaining: 7000, disbursementRate: 0.3 });
    expect(r.spending).toMatchObject({ householdId: registered[1], areaCode: villages[0], amount: 3000, source: 'CENTRAL', year: YEAR });
    const { household } = await county.householdFunds({ id: registered[1] });
    expect(household!.fundsReceived).toEqual({ total: 3000, spendings: 1, bySource: [{ source: 'CENTRAL', amount: 3000 }] });
    const { fundDisbursement: d } = await county.fundDisbursement({ areaCode: TOWNSHIP, year: YEAR });
    expect(d).toMatchObject({ allocated: 10_000, spent: 3000, rate: 0.3, bySource: [{ source: 'CENTRAL', allocated: 10_000, spent: 3000, rate: 0.3 }], children: [] });
    const { changes } = await county.changes({ filter: { areaCode: TOWNSHIP, types: ['funds.allocated', 'funds.spent'] }, first: 100 });
    expect(changes.edges.map((e) => e.node.type)).toEqual(['funds.allocated', 'funds.spent']);
  });

  it('refuses overspending with the numbers, and money to an unregistered household, writing nothing', async () => {
    const over = await county.recordSpending({ input: { allocationId, householdId: registered[2], amount: 7000.01, spentOn: '2019-06-01', purpose: '产业奖补' } }).catch((e) => e);
    expect(over).toBeInstanceOf(ConflictError);
    expect(over.errors[0].extensions).toMatchObject({ allocated: 10_000, spent: 3000, remaining: 7000, asked: 7000.01 });
    const unregistered = await county.recordSpending({ input: { allocationId, householdId: candidateId, amount: 100, spentOn: '2019-06-01', purpose: '产业奖补' } }).catch((e) => e);
    expect(unregistered).toBeInstanceOf(BadUserInputError);
    expect(unregistered.field).toBe('input.householdId');
    expect(unregistered.reason).toContain('registered households');
    const none = await county.recordSpending({ input: { allocationId, amount: 100, spentOn: '2019-06-01', purpose: '产业奖补' } }).catch((e) => e);
    expect(none).toMatchObject({ code: 'BAD_USER_INPUT', field: 'input' });
    const { fundAllocations } = await county.fundAllocations({ filter: { areaCode: TOWNSHIP, year: YEAR } });
    expect(fundAllocations.nodes.map((n) => [n.spent, n.spendings.length])).toEqual([[3000, 1]]);
    expect((await county.householdFunds({ id: candidateId })).household!.fundsReceived.total).toBe(0);
  });

  it('lets concurrent spendings take no more than remains', async () => {
    const results = await Promise.allSettled(registered.slice(2, 7).map((householdId) =>
      county.recordSpending({ input: { allocationId, householdId, amount: 2000, spentOn: '2019-07-01', purpose: '危房改造补助' } })));
    expect(results.filter((r) => r.status === 'fulfilled')).toHaveLength(3);
    for (const r of results) if (r.status === 'rejected') expect(r.reason).toBeInstanceOf(ConflictError);
    const { fundAllocations } = await county.fundAllocations({ filter: { areaCode: TOWNSHIP, year: YEAR } });
    expect(fundAllocations.nodes[0]).toMatchObject({ spent: 9000, remaining: 1000 });
    expect(fundAllocations.nodes[0].spendings.reduce((s, x) => s + x.amount, 0)).toBe(9000);
  });
});

describe('spot-check sampling 抽检核查', () => {
  const plan = { countyCode: COUNTY, withinAreaCode: TOWNSHIP, year: YEAR, wholeVillages: 1, otherPercent: 50, otherCapPerVillage: 2, satisfactionVillages: 1, satisfactionPerVillage: 10, ratio: { withLabour: 5, nonRegistered: 3, withoutLabour: 2 } };
  const list = async (id: string) => (await prefecture.spotCheckSample({ id, first: 100 })).spotCheckSample!.households.nodes.map((h) => [h.number, h.purpose]);

  it('draws the same list for the same seed, with every planned exit and the 5:3:2 split', async () => {
    const { drawSpotCheckSample: a } = await prefecture.drawSpotCheckSample({ input: { ...plan, seed: 11 } });
    const { drawSpotCheckSample: b } = await prefecture.drawSpotCheckSample({ input: { ...plan, seed: 11 } });
    expect(a.id).not.toBe(b.id);
    expect(await list(b.id)).toEqual(await list(a.id));
    expect(a.wholeVillageCodes).toEqual(b.wholeVillageCodes);
    // Only village A has 5 households with labour and 2 without.
    expect(a.satisfactionVillageCodes).toEqual([villages[0]]);
    expect(a.nonRegisteredPerVillage).toBe(3);
    const counts = new Map(a.counts.map((c) => [c.purpose, c.households]));
    expect(counts.get('PLANNED_EXIT')).toBe(1);
    expect(counts.get('SATISFACTION_WITH_LABOUR')).toBe(5);
    expect(counts.get('SATISFACTION_WITHOUT_LABOUR')).toBe(2);
    const whole = a.wholeVillageCodes[0];
    const size = whole === villages[0] ? 6 : 3;
    expect(counts.get('WHOLE_VILLAGE')).toBe(size);
    // Others: ⌈50 % × 3⌉ = 2 (cap 2) per other small village; ⌈50 % × 6⌉ = 3 → 2 in village A.
    expect(counts.get('OTHER')).toBe(4);
    const seeds = await Promise.all([1, 2, 3, 4, 5].map(async (seed) => (await prefecture.drawSpotCheckSample({ input: { ...plan, seed } })).drawSpotCheckSample.id));
    const lists = await Promise.all(seeds.map(list));
    expect(new Set(lists.map((l) => JSON.stringify(l))).size).toBeGreaterThan(1);
  });

  it('refuses a sample larger than its frame, and keeps the list from the county itself', async () => {
    const big = await prefecture.drawSpotCheckSample({ input: { ...plan, seed: 1, wholeVillages: 4 } }).catch((e) => e);
    expect(big).toBeInstanceOf(BadUserInputError);
    expect(big.field).toBe('input.wholeVillages');
    expect(big.reason).toContain('larger than its frame');
    await expect(county.drawSpotCheckSample({ input: { ...plan, seed: 1 } })).rejects.toBeInstanceOf(ForbiddenError);
  });
});

describe('county assessment 考核', () => {
  const scheme = {
    areaCode: '43', name: `e2e 县级考核 ${Date.now()}`,
    components: [{ component: 'DAILY_INSPECTION' as const, weight: 40 }, { component: 'ANNUAL_CHECK' as const, weight: 30 }, { component: 'THIRD_PARTY' as const, weight: 30 }],
    indicators: [
      { indicator: 'DISBURSEMENT_RATE' as const, component: 'DAILY_INSPECTION' as const, weight: 60, source: 'FUND_ALLOCATIONS' as const, normalisation: 'TARGET' as const, floor: 0.5, target: 1 },
      { indicator: 'PAIRING_COVERAGE' as const, component: 'DAILY_INSPECTION' as const, weight: 40, source: 'STAT_PAIRINGS' as const, normalisation: 'MIN_MAX' as const },
      { indicator: 'POOR_POPULATION_FALL' as const, component: 'ANNUAL_CHECK' as const, weight: 100, source: 'STAT_TRANSITIONS' as const, normalisation: 'MIN_MAX' as const },
      { indicator: 'WRONG_INCLUSION_RATE' as const, component: 'THIRD_PARTY' as const, weight: 30, source: 'SPOT_CHECK' as const, normalisation: 'TARGET' as const, floor: 0.05, target: 0 },
      { indicator: 'MISSED_RATE' as const, component: 'THIRD_PARTY' as const, weight: 30, source: 'SPOT_CHECK' as const, normalisation: 'TARGET' as const, floor: 0.05, target: 0 },
      { indicator: 'SATISFACTION' as const, component: 'THIRD_PARTY' as const, weight: 40, source: 'SPOT_CHECK' as const, normalisation: 'TARGET' as const, floor: 0.8, target: 1 },
    ],
    grades: [{ grade: 'GOOD' as const, minScore: 90 }, { grade: 'FAIRLY_GOOD' as const, minScore: 80 }, { grade: 'AVERAGE' as const, minScore: 60 }, { grade: 'POOR' as const, minScore: 0 }],
  };
  let schemeId: string;
  const ofCounty = (a: { counties: { countyCode: string }[] }) => a.counties.find((c) => c.countyCode === COUNTY) as Awaited<ReturnType<Client['computeAssessment']>>['computeAssessment']['counties'][number];

  it('refuses a scheme whose weights do not add up to 100 % or whose indicator has no source, writing nothing', async () => {
    const before = (await admin.assessmentSchemes({ areaCode: '43' })).assessmentSchemes.length;
    const bad = { ...scheme, components: [{ ...scheme.components[0], weight: 30 }, ...scheme.components.slice(1)], indicators: [{ ...scheme.indicators[0], source: null }, ...scheme.indicators.slice(1)] };
    const err = await admin.createAssessmentScheme({ input: bad }).catch((e) => e);
    expect(err).toBeInstanceOf(BadUserInputError);
    expect(err.problems.map((p: { field: string }) => p.field)).toEqual(['input.components', 'input.indicators[0].source']);
    expect(err.problems[0].reason).toBe('the component weights add up to 90%, not 100%: make them add up to 100%');
    expect((await admin.assessmentSchemes({ areaCode: '43' })).assessmentSchemes.length).toBe(before);
    await expect(county.createAssessmentScheme({ input: scheme })).rejects.toBeInstanceOf(ForbiddenError);
  });

  it('computes every county of the prefecture with scores, ranks, grades and each indicator’s source', async () => {
    const { createAssessmentScheme: s } = await admin.createAssessmentScheme({ input: scheme });
    schemeId = s.id;
    expect(s.version).toBe(1);
    expect(s.indicators.map((i) => i.scoreWeight)).toEqual([24, 16, 30, 9, 9, 12]);
    await prefecture.recordSpotCheck({ countyCode: COUNTY, year: YEAR, input: { sampledExited: 100, wronglyExited: 1, sampledNonRegistered: 200, missedPoorFound: 2, surveyedHouseholds: 50, approvingHouseholds: 48, missedPoor: 5, sampledRegistered: 100, wronglyIncluded: 1 } });
    await expect(county.computeAssessment({ input: { schemeId, areaCode: '4331', year: YEAR } })).rejects.toBeInstanceOf(ForbiddenError);
    const { computeAssessment: a } = await prefecture.computeAssessment({ input: { schemeId, areaCode: '4331', year: YEAR } });
    expect(a).toMatchObject({ status: 'DRAFT', areaCode: '4331', year: YEAR, publishedAt: null });
    expect(a.counties.map((c) => c.countyCode).sort()).toEqual(expect.arrayContaining(['433124', COUNTY]));
    expect(a.counties.map((c) => c.rank)).toEqual([...a.counties.map((c) => c.rank)].sort((x, y) => x - y));
    for (const c of a.counties) expect(c.score).toBeCloseTo(c.indicators.reduce((s, i) => s + (i.normalised * i.weight) / 100, 0), 1);
    const mine = ofCounty(a);
    const ind = new Map(mine.indicators.map((i) => [i.indicator, i]));
    // This file's allocation is the county's only one of 2019: 9,000 of 10,000 spent → (0.9 − 0.5) ÷ 0.5 = 80.
    expect(ind.get('DISBURSEMENT_RATE')).toMatchObject({ raw: 0.9, normalised: 80, weight: 24, source: 'FUND_ALLOCATIONS', note: '9000 ÷ 10000' });
    expect(ind.get('WRONG_INCLUSION_RATE')).toMatchObject({ raw: 0.01, normalised: 80, source: 'SPOT_CHECK' });
    expect(ind.get('MISSED_RATE')).toMatchObject({ raw: 0.01, normalised: 80 });
    expect(ind.get('SATISFACTION')).toMatchObject({ raw: 0.96, normalised: 80, direction: 'HIGHER' });
    expect(mine.explanation).toContain(`${COUNTY} `);
    expect(mine.constrained).toBe(mine.grade === 'POOR');
    // The demo county has no spot check for 2019: those indicators score 0 and say why.
    const demo = a.counties.find((c) => c.countyCode === '433124')!;
    expect(demo.indicators.find((i) => i.indicator === 'SATISFACTION')).toMatchObject({ raw: null, normalised: 0 });
    expect(demo.explanation).toContain('for want of data');
  });

  it('publishes a frozen result: recomputation makes a new draft, the published one never changes', async () => {
    const { assessments } = await prefecture.assessments({ areaCode: '4331', year: YEAR });
    const draft = assessments.find((x) => x.scheme.id === schemeId && x.status === 'DRAFT')!;
    const { publishAssessment: p } = await prefecture.publishAssessment({ input: { assessmentId: draft.id } });
    expect(p.status).toBe('PUBLISHED');
    await expect(prefecture.publishAssessment({ input: { assessmentId: draft.id } })).rejects.toBeInstanceOf(ConflictError);
    // The data changes: 1,000 more yuan spent.
    const { fundAllocations } = await county.fundAllocations({ filter: { areaCode: TOWNSHIP, year: YEAR } });
    await county.recordSpending({ input: { allocationId: fundAllocations.nodes[0].id, householdId: registered[0], amount: 1000, spentOn: '2019-09-01', purpose: '产业奖补' } });
    const { computeAssessment: again } = await prefecture.computeAssessment({ input: { schemeId, areaCode: '4331', year: YEAR } });
    expect(again.id).not.toBe(p.id);
    expect(ofCounty(again).indicators.find((i) => i.indicator === 'DISBURSEMENT_RATE')).toMatchObject({ raw: 1, normalised: 100 });
    const { assessment: stored } = await prefecture.assessment({ id: p.id });
    expect(stored).toEqual(p);
    await expect(prefecture.publishAssessment({ input: { assessmentId: again.id } })).rejects.toBeInstanceOf(ConflictError);
    // Recomputing from the same data gives the same numbers.
    const { computeAssessment: third } = await prefecture.computeAssessment({ input: { schemeId, areaCode: '4331', year: YEAR } });
    const funds = (x: typeof again) => ofCounty(x).indicators.filter((i) => ['FUND_ALLOCATIONS', 'SPOT_CHECK'].includes(i.source));
    expect(third.id).toBe(again.id);
    expect(funds(third)).toEqual(funds(again));
  });

  it('shows the published result to the county and an analyst, but not the draft', async () => {
    const published = (await county.assessments({ areaCode: '43', year: YEAR })).assessments.filter((x) => x.scheme.id === schemeId);
    expect(published.map((x) => x.status)).toEqual(['PUBLISHED']);
    expect((await analyst.assessment({ id: published[0].id })).assessment!.counties.length).toBeGreaterThanOrEqual(2);
    const draft = (await prefecture.assessments({ areaCode: '4331', year: YEAR })).assessments.find((x) => x.scheme.id === schemeId && x.status === 'DRAFT')!;
    expect((await county.assessment({ id: draft.id })).assessment).toBeNull();
    const far = await clientAs({ role: 'official', area: '4401' });
    expect((await far.assessment({ id: published[0].id })).assessment).toBeNull();
  });
});
