/**
 * What the register lacks for a case's next step, said before anyone tries it (issue 15,
 * items 1 and 4): for a household's county approval, the previous year's income record
 * and line its income test reads; for an exit's verification, the exit year's record and the line of
 * every year the income test reads (and who sets a missing line). Read through the
 * request's loaders; null when nothing is missing. nextSteps shows it as blockedBecause.
 */
import type { Context } from '../../graphql/context.js';
import { exitIncomeYears, identificationIncome } from '../standard/line-rules.js';
import { lineArea, lineKey, missingLineReason } from '../standard/standard.service.js';
import { procedureConfig } from '../../config.js';
import { exitBlock, incomeYears } from './case.exit.js';
import type { CaseModel } from './case.mapper.js';
import type { Transition } from './procedures.js';

export async function dataBlock(ctx: Context, c: CaseModel, step: Transition): Promise<string | null> {
  if (c.kind === 'HOUSEHOLD_IDENTIFICATION' && step.action === 'approve' && c.householdId) {
    const h = await ctx.loaders.household.byId.load(c.householdId);
    if (!h) return null;
    const y = c.year - 1;
    const record = (await ctx.loaders.household.years.load(h.id)).find((r) => r.year === y) ?? null;
    const line = await ctx.loaders.standard.line.load(lineKey(h, y));
    const test = identificationIncome(c.year, record, line?.yuan ?? null, missingLineReason(lineArea(h.identificationStandard, h.villageCode, y), y));
    return 'blocked' in test ? test.blocked : null;
  }
  if (!(c.kind === 'HOUSEHOLD_EXIT' && step.action === 'verify' && c.householdId)) return null;
  const h = await ctx.loaders.household.byId.load(c.householdId);
  if (!h) return null;
  const records = await ctx.loaders.household.years.load(h.id);
  const wanted = exitIncomeYears(c.year, procedureConfig().exitIncomeYears);
  const lines = new Map((await Promise.all(wanted.map((y) => ctx.loaders.standard.line.load(lineKey(h, y))))).map((l, i) => [wanted[i], l]));
  return exitBlock(h, c.year, incomeYears(h, c.year, records, (_area, y) => lines.get(y)));
}
