/**
 * The exit checks 退出核实 (issue 3, item 8; issue 15, items 1 and 2; reference "Exit").
 * A household's, computed from the register: per-capita net income steadily above the
 * line 稳定超过 — above the line of each of the EXIT_INCOME_YEARS years ending with the
 * case's year (its identification standard's line through 2020, the province's
 * monitoring line after), each failing year named — and 两不愁三保障 from the exit year's
 * conditions and the members. A failing check can be overridden only with a reason,
 * recorded with it. `exitBlock` says before anyone tries what is missing (a record, a
 * line, and who sets the line), for nextSteps.
 */
import { procedureConfig } from '../../config.js';
import type { Tx } from '../../db/client.js';
import type { Context } from '../../graphql/context.js';
import { householdExit } from '../exit/exit-rules.js';
import { householdStore } from '../household/household.store.js';
import { memberStore } from '../member/member.store.js';
import { exitIncomeYears, type YearIncome } from '../standard/line-rules.js';
import { lineArea, missingLineReason } from '../standard/standard.service.js';
import { standardStore, type LineRow } from '../standard/standard.store.js';
import { guaranteesOf } from './case.rules.js';
import { invalidTransition } from './case.step.js';
import type { CaseRow } from './case.store.js';

type Household = { identificationStandard: string; villageCode: string };
type Year = { year: number; perCapitaNetIncome: number };

/** The income and line of each year an exit in `exitYear` checks, oldest first. */
export function incomeYears(h: Household, exitYear: number, records: Year[], lineOf: (area: string, year: number) => LineRow | null | undefined): YearIncome[] {
  return exitIncomeYears(exitYear, procedureConfig().exitIncomeYears).map((year) => {
    const area = lineArea(h.identificationStandard, h.villageCode, year);
    const line = lineOf(area, year);
    return { year, perCapitaNetIncome: records.find((r) => r.year === year)?.perCapitaNetIncome ?? null, line: line?.yuan ?? null, lineArea: area, missingLine: missingLineReason(area, year) };
  });
}

/**
 * What keeps an exit check from being computed at all: no record of the exit year, or a
 * missing line of any year checked (with who sets it); null when it can run. An earlier
 * year without a record is a failing year of the check instead (overridable with a reason).
 */
export function exitBlock(h: Household & { number: string }, exitYear: number, years: YearIncome[]): string | null {
  const missing = [...new Set(years.filter((y) => y.line == null).map((y) => y.missingLine!))];
  const noRecord = years.at(-1)!.perCapitaNetIncome == null;
  const parts = [
    ...(noRecord ? [`household ${h.number} has no record for ${exitYear}: record the year's income and conditions (recordHouseholdYear) before the exit check`] : []),
    ...missing,
  ];
  return parts.length ? parts.join('; ') : null;
}

export async function exitCheck(tx: Tx, ctx: Context, c: CaseRow, date: string, overrideReason?: string | null) {
  const h = (await householdStore.lockForUpdate(tx, ctx.caller, c.householdId!))!;
  const records = await householdStore.yearsOf(tx, ctx.caller, [h.id]);
  const year = records.find((y) => y.year === c.year);
  if (!year) throw invalidTransition(`household ${h.number} has no record for ${c.year}: record the year's income and conditions (recordHouseholdYear) before the exit check`);
  const wanted = exitIncomeYears(c.year, procedureConfig().exitIncomeYears);
  const lines = await standardStore.byKeys(tx, wanted.map((y) => `${lineArea(h.identificationStandard, h.villageCode, y)}|${y}`));
  const years = incomeYears(h, c.year, records, (area, y) => lines.find((l) => l.areaCode === area && l.year === y));
  const exitLine = years.at(-1)!;
  const block = exitBlock(h, c.year, years);
  if (block) throw invalidTransition(`${block} — before the exit check`);
  const members = await memberStore.fullOf(tx, h.id);
  const guarantees = guaranteesOf({ ...year, members: members.map((m) => ({ birthDate: m.birthDate, schooling: m.schooling, basicMedicalInsurance: m.basicMedicalInsurance })) }, date);
  const verdict = householdExit(years, guarantees);
  const check = {
    year: c.year, perCapitaNetIncome: year.perCapitaNetIncome, line: exitLine.line, lineArea: exitLine.lineArea || 'national',
    incomeYears: years.map((y) => ({ year: y.year, perCapitaNetIncome: y.perCapitaNetIncome, line: y.line, aboveLine: y.perCapitaNetIncome != null && y.line != null && y.perCapitaNetIncome > y.line })),
    guarantees, ...verdict,
  };
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
