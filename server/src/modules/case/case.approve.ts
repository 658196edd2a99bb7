/**
 * What a county approval records besides its decision: for a household, the people it
 * brings into the register (counted against the quota 规模控制 of the year); for a
 * village, the 一高一低一无 indicators the decision was taken on (approving a village that
 * does not meet them needs a reason, recorded with the decision).
 */
import type { Tx } from '../../db/client.js';
import type { Context } from '../../graphql/context.js';
import { householdStore } from '../household/household.store.js';
import { useQuota } from '../quota/quota.service.js';
import { villageIndicators } from '../provincial/provincial.service.js';
import { invalidTransition } from './case.step.js';
import type { StepOutcome } from './case.step.js';
import type { CaseRow } from './case.store.js';

export async function approveEffects(tx: Tx, ctx: Context, c: CaseRow, reason?: string | null): Promise<StepOutcome> {
  if (c.kind === 'HOUSEHOLD_IDENTIFICATION') {
    const h = (await householdStore.lockForUpdate(tx, ctx.caller, c.householdId!))!;
    await useQuota(tx, ctx, { villageCode: c.villageCode, year: c.year, householdId: h.id, people: h.memberCount, caseId: c.id });
    return { data: { people: h.memberCount } };
  }
  if (c.kind === 'VILLAGE_IDENTIFICATION') {
    const indicators = await villageIndicators(tx, c.villageCode, c.year);
    if (!indicators) {
      throw invalidTransition(`the 一高一低一无 indicators of ${c.year} need the village's survey of that year (recordVillageSurvey) and its province's figures (setProvincialFigures): record them first`);
    }
    if (!indicators.qualifies && !reason?.trim()) {
      const failing = [indicators.highIncidence, indicators.lowIncome, indicators.noCollectiveIncome].filter((i) => !i.met).map((i) => i.explanation);
      throw invalidTransition(`the village does not meet 一高一低一无 (${failing.join('; ')}): give a reason to approve it anyway, or reject it`, { indicators });
    }
    return { data: { indicators } };
  }
  return {};
}
