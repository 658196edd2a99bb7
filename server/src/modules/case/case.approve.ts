/**
 * What a county approval records besides its decision: for a household, the people it
 * brings into the register (counted against the quota 规模控制 of the year); for a
 * village, the 一高一低一无 indicators the decision was taken on.
 */
import type { Tx } from '../../db/client.js';
import type { Context } from '../../graphql/context.js';
import { householdStore } from '../household/household.store.js';
import { useQuota } from '../quota/quota.service.js';
import type { StepOutcome } from './case.step.js';
import type { CaseRow } from './case.store.js';

export async function approveEffects(tx: Tx, ctx: Context, c: CaseRow, _date: string): Promise<StepOutcome> {
  if (c.kind === 'HOUSEHOLD_IDENTIFICATION') {
    const h = (await householdStore.lockForUpdate(tx, ctx.caller, c.householdId!))!;
    await useQuota(tx, ctx, { villageCode: c.villageCode, year: c.year, householdId: h.id, people: h.memberCount, caseId: c.id });
    return { data: { people: h.memberCount } };
  }
  return {};
}
