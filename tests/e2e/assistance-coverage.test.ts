/**
 * Assistance coverage (issue 4, item 7) through the SDK, in a township of 保靖县 433125
 * that no other test file uses: within a village of its own, exactly the registered
 * households left without a responsible person (paired through pairHousehold) or
 * without a measure for their main cause are listed, exactly the overdue measures,
 * and the counts agree with the pages; a poor village of the demo county is listed
 * without a work team until sendWorkTeam.
 */
import { beforeAll, describe, expect, it } from 'vitest';
import { paginate, type Client, type RecordMeasureInput } from '@jingzhun/sdk';
import { clientAs } from '../support/context.js';
import { freshHousehold } from '../support/forms.js';

const TOWNSHIP = '433125104';
const VILLAGE = '433125104206';

let official: Client;
const ids: Record<string, string> = {};

const measure = (householdId: string | null, over: Partial<RecordMeasureInput>): RecordMeasureInput => ({
  householdId, villageCode: householdId ? null : VILLAGE, year: 2016, kind: 'INDUSTRY', title: '帮扶措施', causes: ['LACK_OF_CAPITAL'], plannedAmount: 1000,
  fundingSource: 'CENTRAL', startDate: '2016-03-01', endDate: '2016-12-31', ...over,
});

async function register(over: Parameters<typeof freshHousehold>[1]) {
  const { registerHousehold } = await official.registerHousehold({ input: freshHousehold(VILLAGE, over) });
  return registerHousehold.household.id;
}

async function listed(query: 'unpairedHouseholds' | 'unassistedHouseholds') {
  const page = (after?: string | null) =>
    query === 'unpairedHouseholds'
      ? official.unpairedHouseholds({ areaCode: VILLAGE, first: 2, after }).then((d) => d.assistanceCoverage.unpairedHouseholds)
      : official.unassistedHouseholds({ areaCode: VILLAGE, first: 2, after }).then((d) => d.assistanceCoverage.unassistedHouseholds);
  const out: string[] = [];
  for await (const h of paginate(page)) out.push(h.id);
  return out.sort();
}
const names = (...keys: string[]) => keys.map((k) => ids[k]).sort();

beforeAll(async () => {
  official = await clientAs({ role: 'official', area: TOWNSHIP, sub: 'coverage-official' });
  ids.treated = await register({});
  ids.wrongCause = await register({});
  ids.cancelled = await register({ mainCause: 'LACK_OF_CAPITAL', otherCauses: [] });
  ids.villageWater = await register({ mainCause: 'LACK_OF_WATER', otherCauses: [] });
  ids.relapsed = await register({ mainCause: 'LACK_OF_SKILLS', otherCauses: [], status: 'RELAPSED', exitYear: 2016 });
  ids.exited = await register({ mainCause: 'LACK_OF_SKILLS', otherCauses: [], status: 'EXITED_WITH_POLICY', exitYear: 2016 });

  // 因病 addressed by a health measure, completed.
  const { recordMeasure: health } = await official.recordMeasure({ input: measure(ids.treated, { kind: 'HEALTH', causes: ['ILLNESS'] }) });
  await official.startMeasure({ id: health.id, input: { on: '2016-03-01' } });
  await official.completeMeasure({ id: health.id, input: { on: '2016-09-01', actualAmount: 900 } });
  // 因病 household with a measure for another cause only: overdue (planned, ended 2016).
  ids.overdue = (await official.recordMeasure({ input: measure(ids.wrongCause, { causes: ['LACK_OF_CAPITAL'] }) })).recordMeasure.id;
  // 缺资金 household whose only measure was cancelled.
  const { recordMeasure: loan } = await official.recordMeasure({ input: measure(ids.cancelled, { kind: 'EMPLOYMENT' }) });
  await official.cancelMeasure({ id: loan.id, input: { on: '2016-04-01', reason: '本人不愿外出' } });
  // 缺水 addressed by a village-wide water measure, still running with an end date ahead.
  const { recordMeasure: water } = await official.recordMeasure({ input: measure(null, { kind: 'DRINKING_WATER', causes: ['LACK_OF_WATER'], endDate: '2030-12-31' }) });
  await official.startMeasure({ id: water.id, input: { on: '2016-05-01' } });
  // The exited household has an open, overdue measure too.
  ids.overdueExited = (await official.recordMeasure({ input: measure(ids.exited, { kind: 'EMPLOYMENT', causes: ['LACK_OF_SKILLS'], endDate: '2017-06-30' }) })).recordMeasure.id;
});

describe('assistance coverage in one village', () => {
  it('lists exactly the registered households without a measure for their main cause', async () => {
    expect(await listed('unassistedHouseholds')).toEqual(names('wrongCause', 'cancelled', 'relapsed'));
  });

  it('lists exactly the registered households without a responsible person, and drops those paired', async () => {
    expect(await listed('unpairedHouseholds')).toEqual(names('treated', 'wrongCause', 'cancelled', 'villageWater', 'relapsed'));
    const { registerUnit } = await official.registerUnit({ input: { name: '保靖县民政局', kind: 'GOVERNMENT', areaCode: TOWNSHIP } });
    const { registerCadre } = await official.registerCadre({ input: { name: '田结对', unitId: registerUnit.id, areaCode: TOWNSHIP } });
    for (const k of ['treated', 'villageWater']) await official.pairHousehold({ householdId: ids[k], cadreId: registerCadre.id, startedOn: '2016-02-01' });
    expect(await listed('unpairedHouseholds')).toEqual(names('wrongCause', 'cancelled', 'relapsed'));
  });

  it('lists exactly the overdue measures, the longest overdue first', async () => {
    const { assistanceCoverage } = await official.overdueMeasures({ areaCode: VILLAGE, first: 10 });
    expect(assistanceCoverage.overdueMeasures.nodes.map((m) => m.id)).toEqual([ids.overdue, ids.overdueExited]);
    expect(assistanceCoverage.overdueMeasures.nodes[0].household!.id).toBe(ids.wrongCause);
    expect(assistanceCoverage.overdueMeasures.totalCount).toBe(2);
  });

  it('counts what the pages list, for the village and by village of the township', async () => {
    const { assistanceCoverage: v } = await official.assistanceCoverage({ areaCode: VILLAGE });
    expect(v.counts).toEqual({ unpairedHouseholds: 3, unassistedHouseholds: 3, villagesWithoutWorkTeam: 0, overdueMeasures: 2 });
    const { assistanceCoverage: t } = await official.assistanceCoverage({ areaCode: TOWNSHIP });
    expect(t.byArea.find((a) => a.areaCode === VILLAGE)).toEqual({ areaCode: VILLAGE, ...v.counts });
    const { unassistedHouseholds } = (await official.unassistedHouseholds({ areaCode: VILLAGE, first: 1 })).assistanceCoverage;
    expect(unassistedHouseholds.totalCount).toBe(3);
    expect(unassistedHouseholds.pageInfo.hasNextPage).toBe(true);
  });

  it('a household leaves the list when a measure for its main cause is recorded', async () => {
    await official.recordMeasure({ input: measure(ids.relapsed, { kind: 'EMPLOYMENT', causes: ['LACK_OF_SKILLS'], endDate: '2030-12-31' }) });
    expect(await listed('unassistedHouseholds')).toEqual(names('wrongCause', 'cancelled'));
  });

  it('lists a poor village of the demo county without a work team until one is sent', async () => {
    const county = await clientAs({ role: 'official', area: '433124', sub: 'coverage-county' });
    // A poor village near the end of the list: tests/e2e/changes.test.ts writes to the last two villages of the county.
    const poorVillages = (await county.villages({ filter: { areaCode: '433124', povertyStatus: 'POOR' }, first: 100 })).villages.nodes;
    const v = poorVillages.at(-5)!.code;
    const teamless = async () => {
      const { assistanceCoverage } = await county.villagesWithoutWorkTeam({ areaCode: v, first: 10 });
      return assistanceCoverage.villagesWithoutWorkTeam.nodes.map((n) => n.code);
    };
    expect(await teamless()).toEqual([v]);
    expect((await county.assistanceCoverage({ areaCode: v })).assistanceCoverage.counts.villagesWithoutWorkTeam).toBe(1);
    const inTownship = async () => (await county.assistanceCoverage({ areaCode: v.slice(0, 9) })).assistanceCoverage.byArea.find((a) => a.areaCode === v)?.villagesWithoutWorkTeam;
    expect(await inTownship()).toBe(1);
    const { registerUnit } = await county.registerUnit({ input: { name: '湘西州扶贫办', kind: 'GOVERNMENT', areaCode: '433124' } });
    const { registerCadre } = await county.registerCadre({ input: { name: '龙书记', unitId: registerUnit.id, areaCode: '433124' } });
    await county.sendWorkTeam({ input: { villageCode: v, unitId: registerUnit.id, startedOn: '2016-03-01', members: [{ cadreId: registerCadre.id, role: 'FIRST_SECRETARY' }] } });
    expect(await teamless()).toEqual([]);
    expect(await inTownship() ?? 0).toBe(0);
  });

  it('shows another area’s official nothing of this village, and refuses a bad area code', async () => {
    const other = await clientAs({ role: 'official', area: '433124' });
    const { assistanceCoverage } = await other.assistanceCoverage({ areaCode: VILLAGE });
    expect(assistanceCoverage.counts).toEqual({ unpairedHouseholds: 0, unassistedHouseholds: 0, villagesWithoutWorkTeam: 0, overdueMeasures: 0 });
    await expect(official.assistanceCoverage({ areaCode: '43312x' })).rejects.toMatchObject({ code: 'BAD_USER_INPUT', field: 'areaCode' });
  });
});
