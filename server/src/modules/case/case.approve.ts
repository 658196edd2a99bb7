/**
 * What a county approval records besides its decision: for a household, the income test
 * of its identification standard (the previous year's per-capita net income not above
 * that year's line; above it only with a reason; no record or no line refuses — issue 15,
 * item 4) and the people it brings into the register (counted against the quota 规模控制
 * of the year; no quota at any level warns or refuses by QUOTA_MISSING); for a
 * village, the 一高一低一无 indicators the decision was taken on (approving a village that
 * does not meet them needs a reason, recorded with the decision).
 */
import { procedureConfig } from '../../config.js';
import type { Tx } from '../../db/client.js';
import { identificationIncome } from '../standard/line-rules.js';
import { lineArea, missingLineReason } from '../standard/standard.service.js';
import { standardStore } from '../standard/standard.store.js';
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
    const incomeYear = c.year - 1;
    const record = (await householdStore.yearsOf(tx, ctx.caller, [h.id])).find((y) => y.year === incomeYear) ?? null;
    const area = lineArea(h.identificationStandard, h.villageCode, incomeYear);
    const line = (await standardStore.byKeys(tx, [`${area}|${incomeYear}`]))[0] ?? null;
    const test = identificationIncome(c.year, record, line?.yuan ?? null, missingLineReason(area, incomeYear));
    if ('blocked' in test) throw invalidTransition(test.blocked);
    if (!test.qualifies && !reason?.trim()) throw invalidTransition(`the income test fails: ${test.reason}. Give a reason to approve it anyway, or reject it`, { incomeTest: test });
    const { quotaSet } = await useQuota(tx, ctx, { villageCode: c.villageCode, year: c.year, householdId: h.id, people: h.memberCount, caseId: c.id });
    const warnings: string[] = [];
    if (!quotaSet) {
      const missing = `no quota 规模控制 is set for ${c.year} for village ${c.villageCode} or any area above it: the county (or a level above) sets it (setQuota)`;
      if (procedureConfig().quotaMissing === 'REFUSE') throw invalidTransition(`${missing} before approval (QUOTA_MISSING=REFUSE)`);
      warnings.push(`${missing}; approved without a quota (QUOTA_MISSING=WARN)`);
    }
    return { data: { people: h.memberCount, incomeTest: test, ...(warnings.length ? { warnings } : {}) } };
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
