/**
 * Funds and an assessment in the demo county (issue 14), so that a new user sees them out of
 * the box: central, integrated and social allocations for the demo year with spending to
 * registered households, a finding, the county's spot check with its 错评 sample, a drawn
 * spot-check sample list, the example scheme of the province (40 % daily inspection, 30 %
 * annual check, 30 % third party) and the prefecture's assessment computed and published.
 * Taken through the services as the admin "demo", so each write is audited like any other.
 */
import type { Database } from '../db/client.js';
import { createContext } from '../graphql/context.js';
import { toGlobalId } from '../graphql/ids.js';
import { log } from '../lib/log.js';
import { assessmentService } from '../modules/assessment/assessment.service.js';
import { EXAMPLE_SCHEME } from '../modules/assessment/scheme-rules.js';
import { exitCheckService } from '../modules/exit/exit-check.service.js';
import { fundsService } from '../modules/funds/funds.service.js';
import { householdStore } from '../modules/household/household.store.js';
import { samplingService } from '../modules/sampling/sampling.service.js';

export async function loadDemoFunds(database: Database, county: string, year: number) {
  const ctx = createContext({ requestId: 'demo-funds', caller: { id: 'demo', role: 'admin', areas: [''] }, database, log });
  const households = (await householdStore.page(ctx.db, ctx.caller, { areaCode: county, status: ['0'], stage: ['REGISTERED'] }, undefined, 40)).map((h) => toGlobalId('Household', h.id));
  const allocate = (source: string, title: string, amount: number) => fundsService.allocate(ctx, { areaCode: county, year, source, title, amount });
  const central = await allocate('central', '中央财政专项扶贫资金(示例)', 120_000);
  const integrated = await allocate('integrated', '统筹整合使用财政涉农资金(示例)', 60_000);
  const social = await allocate('social', '东西部扶贫协作帮扶资金(示例)', 20_000);
  for (const [i, householdId] of households.entries()) {
    const [a, amount, purpose] = i < 30 ? [central, 3000, '产业发展奖补'] : i < 36 ? [integrated, 8000, '危房改造补助'] : [social, 2500, '助学帮扶'];
    await fundsService.spend(ctx, { allocationId: a.id, householdId, amount, spentOn: `${year}-06-30`, purpose });
  }
  await fundsService.recordFinding(ctx, { countyCode: county, year, kind: 'idle', amount: 5000, description: '部分资金闲置超过一年(示例)' });
  await exitCheckService.recordSpotCheck(ctx, county, year, {
    sampledExited: 120, wronglyExited: 1, sampledNonRegistered: 300, missedPoorFound: 3, surveyedHouseholds: 60, approvingHouseholds: 57, missedPoor: 20, sampledRegistered: 150, wronglyIncluded: 2,
  });
  // The usual plan; the synthetic households rarely have two without labour in a village, so without the satisfaction villages if need be.
  const plan = { countyCode: county, year, seed: year, wholeVillages: 4, otherPercent: 20, otherCapPerVillage: 200, satisfactionVillages: 2, satisfactionPerVillage: 10, ratio: { withLabour: 5, nonRegistered: 3, withoutLabour: 2 } };
  await samplingService.draw(ctx, plan).catch(() => samplingService.draw(ctx, { ...plan, satisfactionVillages: 0 }));
  const scheme = await assessmentService.createScheme(ctx, { areaCode: county.slice(0, 2), name: '贫困县精准考核办法(示例)', ...EXAMPLE_SCHEME });
  const run = await assessmentService.compute(ctx, { schemeId: scheme.id, areaCode: county.slice(0, 4), year });
  await assessmentService.publish(ctx, { assessmentId: run.id });
}
