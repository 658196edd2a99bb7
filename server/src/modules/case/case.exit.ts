/**
 * The exit checks 退出核实 (issue 3, item 8; reference "Exit"). A household's, computed from the register:
 * the household's per-capita net income of the case's year against the line of its
 * identification standard for that year, and 两不愁三保障 from the year's conditions and
 * the members. A failing check can be overridden only with a reason, recorded with it.
 */
import type { Tx } from '../../db/client.js';
import type { Context } from '../../graphql/context.js';
import { householdExit } from '../exit/exit-rules.js';
import { householdStore } from '../household/household.store.js';
import { memberStore } from '../member/member.store.js';
import { lineArea } from '../standard/standard.service.js';
import { standardStore } from '../standard/standard.store.js';
import { guaranteesOf } from './case.rules.js';
import { invalidTransition } from './case.step.js';
import type { CaseRow } from './case.store.js';

export async function exitCheck(tx: Tx, ctx: Context, c: CaseRow, date: string, overrideReason?: string | null) {
  const h = (await householdStore.lockForUpdate(tx, ctx.caller, c.householdId!))!;
  const year = (await householdStore.yearsOf(tx, ctx.caller, [h.id])).find((y) => y.year === c.year);
  if (!year) throw invalidTransition(`household ${h.number} has no record for ${c.year}: record the year's income and conditions (recordHouseholdYear) before the exit check`);
  const area = lineArea(h.identificationStandard, h.villageCode);
  const line = await standardStore.get(tx, area, c.year);
  if (!line) throw invalidTransition(`there is no poverty line of ${area || 'the nation'} for ${c.year}, the line of this household's identification standard: set it (setPovertyLine) before the exit check`);
  const members = await memberStore.fullOf(tx, h.id);
  const guarantees = guaranteesOf({ ...year, members: members.map((m) => ({ birthDate: m.birthDate, schooling: m.schooling, basicMedicalInsurance: m.basicMedicalInsurance })) }, date);
  const verdict = householdExit(year.perCapitaNetIncome, line.yuan, guarantees);
  const check = { year: c.year, perCapitaNetIncome: year.perCapitaNetIncome, line: line.yuan, lineArea: line.areaCode || 'national', guarantees, ...verdict };
  const override = overrideReason?.trim();
  if (!verdict.passes && !override) {
    throw invalidTransition(
      `the exit check fails: ${verdict.failures.map((f) => f.reason).join('; ')}. Help the household further, or give overrideReason to record why it exits anyway`,
      { failures: verdict.failures },
    );
  }
  return { check, ...(override && !verdict.passes ? { override: { reason: override, by: ctx.caller.id } } : {}) };
}

/** A village's exit check (poverty incidence against the province's threshold), with an override only for a reason. */
export function villageExitOverride(check: { passes: boolean; failures: { reason: string }[] }, by: string, overrideReason?: string | null) {
  const override = overrideReason?.trim();
  if (!check.passes && !override) {
    throw invalidTransition(`the village exit check fails: ${check.failures.map((f) => f.reason).join('; ')}. Give overrideReason to record why it exits anyway`, { failures: check.failures });
  }
  return { check, ...(override && !check.passes ? { override: { reason: override, by } } : {}) };
}
