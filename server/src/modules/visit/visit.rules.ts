/**
 * Rules of the assistance log 帮扶日志 (issue 4, item 4), pure: a visit happened on a
 * day between the registry's first day and today, says what was done and what was
 * found (1–2,000 characters each); a household is "not visited" within N days when it
 * has no visit on or after the day N days before today (N from 1 to 3,650; default
 * VISIT_OVERDUE_DAYS, 30).
 */
import type { FieldProblem } from '../../graphql/errors.js';
import { dateProblem, today } from '../pairing/pairing.rules.js';

export const MAX_TEXT = 2000;
export const MAX_DAYS = 3650;

export function visitProblems(v: { visitedOn: string; activities: string; findings: string }, now = today()): FieldProblem[] {
  const p: FieldProblem[] = [];
  const d = dateProblem('input.visitedOn', v.visitedOn, now);
  if (d) p.push(d);
  for (const k of ['activities', 'findings'] as const) {
    const t = v[k].trim();
    if (!t) p.push({ field: `input.${k}`, reason: k === 'activities' ? 'say what was done on the visit' : 'say what was found (e.g. "no change")' });
    else if (t.length > MAX_TEXT) p.push({ field: `input.${k}`, reason: `is ${t.length} characters; at most ${MAX_TEXT}` });
  }
  return p;
}

/** The first day that still counts as "visited within `days` days" of `now` (YYYY-MM-DD). */
export function visitedSince(days: number, now = today()): string {
  const d = new Date(`${now}T00:00:00Z`);
  d.setUTCDate(d.getUTCDate() - days);
  return d.toISOString().slice(0, 10);
}

export function daysProblem(days: number): FieldProblem | null {
  return Number.isInteger(days) && days >= 1 && days <= MAX_DAYS ? null : { field: 'days', reason: `must be a whole number of days from 1 to ${MAX_DAYS}, got ${days}` };
}
