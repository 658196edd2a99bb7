/**
 * Does it work (issue 4, item 8) through the SDK, in a village of 保靖县 no other test
 * file uses: households helped by each kind of measure, by main cause, with their
 * exits and the change of per-capita income from the year before — hand-worked.
 */
import { beforeAll, describe, expect, it } from 'vitest';
import type { Client, RecordMeasureInput } from '@jingzhun/sdk';
import { clientAs } from '../support/context.js';
import { freshHousehold, year } from '../support/forms.js';

const VILLAGE = '433125104207';
let official: Client;

const measure = (householdId: string, kind: RecordMeasureInput['kind'], causes: RecordMeasureInput['causes'], over: Partial<RecordMeasureInput> = {}): RecordMeasureInput => ({
  householdId, year: 2016, kind, title: '帮扶', causes, plannedAmount: 1000, fundingSource: 'CENTRAL', startDate: '2016-03-01', endDate: '2016-12-31', ...over,
});

async function household(over: Parameters<typeof freshHousehold>[1], incomes: [number, number][]) {
  const { registerHousehold } = await official.registerHousehold({ input: freshHousehold(VILLAGE, over) });
  const id = registerHousehold.household.id;
  for (const [y, production] of incomes) await official.recordHouseholdYear({ householdId: id, input: year(y, { production }) });
  return id;
}

beforeAll(async () => {
  official = await clientAs({ role: 'official', area: '433125104', sub: 'effect-official' });
  // year(): 5,200 yuan of production gives 2,000 yuan per person for 3; each 3,000 more is 1,000 more per person.
  const a = await household({ status: 'EXITED_WITH_POLICY', exitYear: 2016 }, [[2015, 5200], [2016, 8200]]);
  const b = await household({}, [[2015, 5200], [2016, 6700]]);
  const c = await household({ mainCause: 'LACK_OF_CAPITAL', otherCauses: [] }, [[2016, 5200]]);
  const d = await household({ mainCause: 'LACK_OF_CAPITAL', otherCauses: [] }, [[2015, 5200], [2016, 11200]]);
  await official.recordMeasure({ input: measure(a, 'HEALTH', ['ILLNESS']) });
  await official.recordMeasure({ input: measure(a, 'INDUSTRY', ['LACK_OF_CAPITAL']) });
  await official.recordMeasure({ input: measure(b, 'HEALTH', ['ILLNESS']) });
  await official.recordMeasure({ input: measure(b, 'HEALTH', ['ILLNESS'], { title: '慢病签约服务' }) });
  await official.recordMeasure({
    input: measure(c, 'MICRO_CREDIT', ['LACK_OF_CAPITAL'], { microCredit: { bank: '农商行', principal: 20_000, termMonths: 24, annualRate: 4.35, interestSubsidyRate: 4.35, disbursedOn: '2016-05-01' } }),
  });
  // A cancelled measure, and one of another year, count for nothing in 2016.
  const { recordMeasure: cancelled } = await official.recordMeasure({ input: measure(d, 'INDUSTRY', ['LACK_OF_CAPITAL']) });
  await official.cancelMeasure({ id: cancelled.id, input: { on: '2016-04-01', reason: '项目未落地' } });
  await official.recordMeasure({ input: measure(d, 'EMPLOYMENT', ['LACK_OF_CAPITAL'], { year: 2017, startDate: '2017-03-01', endDate: '2017-12-31' }) });
});

describe('assistanceEffect', () => {
  it('gives households helped, exits and income change by main cause and kind', async () => {
    const { assistanceEffect } = await official.assistanceEffect({ areaCode: VILLAGE, year: 2016 });
    const row = (cause: string, kind: string | null, n: number, exits: number, withIncome: number, before: number | null, after: number | null, change: number | null) =>
      ({ cause, kind, householdsAssisted: n, exits, householdsWithIncome: withIncome, perCapitaBefore: before, perCapitaAfter: after, perCapitaChange: change });
    expect(assistanceEffect.rows).toEqual([
      row('ILLNESS', null, 2, 1, 2, 2000, 2750, 750),
      row('ILLNESS', 'HEALTH', 2, 1, 2, 2000, 2750, 750),
      row('ILLNESS', 'INDUSTRY', 1, 1, 1, 2000, 3000, 1000),
      row('LACK_OF_CAPITAL', null, 1, 0, 0, null, 2000, null),
      row('LACK_OF_CAPITAL', 'MICRO_CREDIT', 1, 0, 0, null, 2000, null),
    ]);
  });

  it('shows an analyst the same figures and another area nothing', async () => {
    const analyst = await clientAs({ role: 'analyst', area: '433125104' });
    const { assistanceEffect } = await analyst.assistanceEffect({ areaCode: VILLAGE, year: 2016 });
    expect(assistanceEffect.rows).toHaveLength(5);
    const other = await clientAs({ role: 'official', area: '433124' });
    expect((await other.assistanceEffect({ areaCode: VILLAGE, year: 2016 })).assistanceEffect.rows).toEqual([]);
    await expect(official.assistanceEffect({ areaCode: VILLAGE, year: 2012 })).rejects.toMatchObject({ code: 'BAD_USER_INPUT', field: 'year' });
  });
});
