/**
 * Rules of a village work team's term 驻村工作队 (issue 4, item 2), pure: a term starts
 * on a day between the registry's first day and today and, if a planned end is given,
 * ends after it starts; the team has exactly one first secretary 第一书记, at most one
 * leader, no cadre twice, 1–30 members. Sending a team to a village that has one is a
 * rotation 轮换: the new term starts after the current one started, and the current
 * one ends that day.
 */
import { WorkTeamRole } from '../../codes/index.js';
import type { FieldProblem } from '../../graphql/errors.js';
import { dateProblem, today } from '../pairing/pairing.rules.js';

export const MAX_TEAM = 30;

export interface TermInput {
  startedOn: string;
  endsOn?: string | null;
  members: { cadreId: string; role: string }[];
}

export function termProblems(t: TermInput, current: { startedOn: string } | null, now = today()): FieldProblem[] {
  const p: FieldProblem[] = [];
  const d = dateProblem('input.startedOn', t.startedOn, now);
  if (d) p.push(d);
  else if (current && t.startedOn <= current.startedOn) {
    p.push({ field: 'input.startedOn', reason: `must be after the current team's start (${current.startedOn}): the new term replaces it from this day` });
  }
  if (t.endsOn != null && t.endsOn <= t.startedOn) p.push({ field: 'input.endsOn', reason: `must be after startedOn (${t.startedOn})` });
  if (t.members.length < 1 || t.members.length > MAX_TEAM) p.push({ field: 'input.members', reason: `a team has 1 to ${MAX_TEAM} members` });
  const roles = (r: string) => t.members.filter((m) => m.role === r).length;
  if (roles(WorkTeamRole.values.FIRST_SECRETARY) !== 1) p.push({ field: 'input.members', reason: 'name exactly one first secretary 第一书记 (role FIRST_SECRETARY)' });
  if (roles(WorkTeamRole.values.LEADER) > 1) p.push({ field: 'input.members', reason: 'name at most one leader 队长' });
  const seen = new Set<string>();
  t.members.forEach((m, i) => {
    if (seen.has(m.cadreId)) p.push({ field: `input.members[${i}].cadreId`, reason: 'is named twice: each cadre once, with one role' });
    seen.add(m.cadreId);
  });
  return p;
}
