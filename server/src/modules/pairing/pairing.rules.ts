/**
 * Rules of pairing 结对帮扶 (issue 4, item 3), pure so that they are tested by hand:
 *
 * - Who can be paired: a household REGISTERED in the register 建档立卡 whose poverty
 *   status is 0 未脱贫 or 3 返贫 (currently poor), or 1 已脱贫(享受政策): under
 *   脱贫不脱政策 / 摘帽不摘帮扶 assistance — and so the responsible person — continues
 *   after exit while policies do. Status 4 (policy ended), candidates, rejected and
 *   removed households are not paired.
 * - When: a start date between 2013-01-01 (the registry's first year) and today; a
 *   reassignment starts no earlier than the pairing it ends, and names another cadre.
 */
import { PovertyStatus } from '../../codes/index.js';
import type { FieldProblem } from '../../graphql/errors.js';

export const FIRST_DAY = '2013-01-01';
export const PAIRABLE_STATUSES: ReadonlySet<string> = new Set([PovertyStatus.values.NOT_OUT, PovertyStatus.values.RELAPSED, PovertyStatus.values.EXITED_WITH_POLICY]);

/** Today as YYYY-MM-DD (UTC, like every date the registry stores). */
export const today = (now = new Date()) => now.toISOString().slice(0, 10);

/** Why a household cannot be paired, or null if it can. */
export function unpairableReason(h: { stage: string; status: string }): string | null {
  if (h.stage !== 'REGISTERED') return `the household is ${h.stage.toLowerCase()}, not registered: only registered households 建档立卡户 get a responsible person`;
  if (!PAIRABLE_STATUSES.has(h.status)) return `the household's poverty status is ${PovertyStatus.label(h.status)}: only households not yet out, fallen back, or out but still receiving policy are paired`;
  return null;
}

/** A date of the assistance log or a pairing: between the registry's first day and today. */
export function dateProblem(field: string, date: string, now = today()): FieldProblem | null {
  if (date < FIRST_DAY) return { field, reason: `is before ${FIRST_DAY}, the start of the registry` };
  if (date > now) return { field, reason: `is in the future (today is ${now}): record what has happened` };
  return null;
}

/** Problems of a reassignment from the current pairing to another cadre from a date. */
export function reassignmentProblems(current: { cadreId: string; startedOn: string }, next: { cadreId: string; startedOn: string; reason: string }, now = today()): FieldProblem[] {
  const p: FieldProblem[] = [];
  const d = dateProblem('startedOn', next.startedOn, now);
  if (d) p.push(d);
  else if (next.startedOn < current.startedOn) p.push({ field: 'startedOn', reason: `is before the current pairing began (${current.startedOn}): a reassignment starts when or after it` });
  if (next.cadreId === current.cadreId) p.push({ field: 'cadreId', reason: 'is already the responsible person of this household: name another cadre' });
  if (!next.reason.trim() || next.reason.length > 500) p.push({ field: 'reason', reason: 'say why the responsible person changes (1–500 characters)' });
  return p;
}
