/**
 * The household handbook 扶贫手册 (issue 4, item 6) through the SDK's `handbook()`: one
 * typed object with its six parts — basics, causes, responsible person, plans,
 * measures, results (income over the years) — for a household of a village no other
 * test file uses, paired with a cadre through the people mutations (registerUnit,
 * registerCadre, pairHousehold); out of area it is NOT_FOUND, like a missing one.
 */
import { randomUUID } from 'node:crypto';
import { beforeAll, describe, expect, it } from 'vitest';
import { handbook, HANDBOOK_PARTS, NotFoundError, type Client } from '@jingzhun/sdk';
import { clientAs } from '../support/context.js';
import { freshHousehold, year } from '../support/forms.js';

const TOWNSHIP = '433125104';
const VILLAGE = '433125104204';

let official: Client;
let householdId: string;
const CADRE_SUB = `handbook-cadre-${randomUUID().slice(0, 8)}`;
let cadre: { id: string; name: string; title: string | null; phone: string | null };

beforeAll(async () => {
  official = await clientAs({ role: 'official', area: TOWNSHIP, sub: 'handbook-official' });
  const { registerHousehold } = await official.registerHousehold({ input: freshHousehold(VILLAGE) });
  householdId = registerHousehold.household.id;
  const { registerUnit } = await official.registerUnit({ input: { name: '保靖县财政局', kind: 'GOVERNMENT', areaCode: TOWNSHIP } });
  cadre = (await official.registerCadre({ input: { name: '彭帮扶', unitId: registerUnit.id, areaCode: TOWNSHIP, title: '副局长', phone: '0743-7712345', subject: CADRE_SUB } })).registerCadre;
  await official.pairHousehold({ householdId, cadreId: cadre.id, startedOn: '2016-01-05' });
  await official.recordHouseholdYear({ householdId, input: year(2015) });
  await official.recordHouseholdYear({ householdId, input: year(2016, { production: 8200 }) });
  await official.setAssistancePlan({ input: { householdId, year: 2016, goal: '医疗救助与产业扶持，2016年脱贫', exitTargetYear: 2016 } });
  const { recordMeasure: health } = await official.recordMeasure({
    input: { householdId, year: 2016, kind: 'HEALTH', title: '大病救助', causes: ['ILLNESS'], plannedAmount: 5000, fundingSource: 'LOCAL', startDate: '2016-02-01', endDate: '2016-12-31' },
  });
  await official.startMeasure({ id: health.id, input: { on: '2016-02-10' } });
  await official.completeMeasure({ id: health.id, input: { on: '2016-08-01', actualAmount: 4600 } });
  await official.recordMeasure({
    input: { householdId, year: 2016, kind: 'INDUSTRY', title: '养殖湘西黄牛', causes: ['LACK_OF_CAPITAL'], plannedAmount: 6000, fundingSource: 'CENTRAL', startDate: '2016-04-01', endDate: '2017-03-31' },
  });
});

describe('householdHandbook', () => {
  it('returns the six parts as one typed object', async () => {
    const hb = await handbook(official, householdId);
    expect(Object.keys(hb).sort()).toEqual([...HANDBOOK_PARTS].sort());
    expect(hb.basics).toMatchObject({ id: householdId, mainCause: 'ILLNESS', memberCount: 3 });
    expect(hb.basics.members).toHaveLength(3);
    expect(hb.basics.village!.code).toBe(VILLAGE);
    expect(hb.causes).toEqual({ main: 'ILLNESS', others: ['LACK_OF_CAPITAL'] });
    expect(hb.responsiblePerson).toEqual({ cadreId: cadre.id, name: '彭帮扶', phone: '0743-7712345', title: '副局长', unitName: '保靖县财政局', since: '2016-01-05' });
    expect(hb.plans.map((p) => [p.year, p.goal, p.exitTargetYear])).toEqual([[2016, '医疗救助与产业扶持，2016年脱贫', 2016]]);
    expect(hb.measures.map((m) => [m.kind, m.status, m.actualAmount])).toEqual([['HEALTH', 'COMPLETED', 4600], ['INDUSTRY', 'PLANNED', null]]);
    // year(): per-capita 2,000 yuan for 3 members; 3,000 more production income in 2016 is 1,000 more per person.
    expect(hb.results).toEqual([
      { year: 2015, memberCount: 3, netIncome: 6000, perCapitaNetIncome: 2000, perCapitaChange: null, measuresCompleted: 0 },
      { year: 2016, memberCount: 3, netIncome: 9000, perCapitaNetIncome: 3000, perCapitaChange: 1000, measuresCompleted: 1 },
    ]);
  });

  it('has no responsible person for a household not yet paired, the other parts all there', async () => {
    const { registerHousehold } = await official.registerHousehold({ input: freshHousehold(VILLAGE, { mainCause: 'LACK_OF_CAPITAL', otherCauses: [] }) });
    const hb = await handbook(official, registerHousehold.household.id);
    expect(hb.responsiblePerson).toBeNull();
    expect([hb.plans, hb.measures, hb.results]).toEqual([[], [], []]);
    expect(hb.causes).toEqual({ main: 'LACK_OF_CAPITAL', others: [] });
  });

  it('is read by the responsible cadre with their own token, who records the next measure on it', async () => {
    const own = await clientAs({ role: 'cadre', sub: CADRE_SUB });
    const hb = await handbook(own, householdId);
    expect(hb.responsiblePerson!.name).toBe('彭帮扶');
    const { recordMeasure } = await own.recordMeasure({
      input: { householdId, year: 2017, kind: 'EMPLOYMENT', title: '转移就业', causes: ['LACK_OF_CAPITAL'], plannedAmount: 0, fundingSource: 'OTHER', startDate: '2017-02-01', endDate: '2017-12-31', responsibleCadreId: cadre.id },
    });
    expect(recordMeasure.responsibleCadre!.cadreId).toBe(cadre.id);
    expect((await handbook(official, householdId)).measures.map((m) => m.kind)).toEqual(['HEALTH', 'INDUSTRY', 'EMPLOYMENT']);
  });

  it('is NOT_FOUND outside the caller’s area, as for a household that does not exist', async () => {
    const other = await clientAs({ role: 'official', area: '433124' });
    await expect(handbook(other, householdId)).rejects.toBeInstanceOf(NotFoundError);
    const { householdHandbook } = await other.householdHandbook({ householdId });
    expect(householdHandbook).toBeNull();
  });

  it('hides names and phones from an analyst, who still reads the plan, measures and results', async () => {
    const analyst = await clientAs({ role: 'analyst', area: TOWNSHIP });
    const hb = await handbook(analyst, householdId);
    expect(hb.basics.phone).toBeNull();
    expect(hb.basics.members.every((m) => m.name === null && m.idNumber === null)).toBe(true);
    expect(hb.responsiblePerson).toMatchObject({ cadreId: cadre.id, name: null, phone: null, unitName: '保靖县财政局' });
    expect(hb.measures.map((m) => m.id)).toEqual((await handbook(official, householdId)).measures.map((m) => m.id));
    expect(hb.measures.length).toBeGreaterThanOrEqual(2);
    expect(hb.results).toHaveLength(2);
  });
});
