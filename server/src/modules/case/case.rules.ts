/**
 * The rules a step must pass besides its procedure (issue 3, item 1): dates run forward
 * and never into the future; a step after a posting waits until the posting window has
 * closed and every objection 异议 raised in it is resolved; an appraisal's decision is
 * carried by its votes; the exit check reads 两不愁三保障 from the household's record.
 * Pure functions: the service applies them, the unit tests pin them.
 */
import type { Guarantees } from '../exit/exit-rules.js';
import { ageOn } from '../member/id-number.js';

/** ISO date arithmetic on calendar days (UTC, no time of day). */
export function addDays(isoDate: string, days: number): string {
  const d = new Date(`${isoDate}T00:00:00Z`);
  d.setUTCDate(d.getUTCDate() + days);
  return d.toISOString().slice(0, 10);
}

/** The same day `years` later; 29 February becomes 28 February in a common year. */
export function addYears(isoDate: string, years: number): string {
  const [y, m, d] = isoDate.split('-').map(Number);
  const last = new Date(Date.UTC(y + years, m, 0)).getUTCDate();
  return `${y + years}-${String(m).padStart(2, '0')}-${String(Math.min(d, last)).padStart(2, '0')}`;
}

export const todayIso = (now = new Date()) => now.toISOString().slice(0, 10);

/** A step's effective date: not in the future, not before the case's previous step. */
export function dateRefusal(date: string, today: string, previous: string | null): string | null {
  if (!/^\d{4}-\d{2}-\d{2}$/.test(date) || Number.isNaN(Date.parse(date)) || new Date(date).toISOString().slice(0, 10) !== date) return 'give a real date as YYYY-MM-DD';
  if (date > today) return `${date} is in the future: record a step on or after the day it happened`;
  if (previous && date < previous) return `${date} is before the case's previous step (${previous}): steps are recorded in the order they happened`;
  return null;
}

export interface PostingWindow {
  round: string;
  startsOn: string;
  /** The first day after the window. */
  closesOn: string;
}

/**
 * Whether a step dated `date` may follow a posting: the window must have closed (the
 * step is dated on or after `closesOn`) and no objection may be unresolved.
 */
export function postingRefusal(p: PostingWindow, date: string, unresolvedObjections: number): string | null {
  if (date < p.closesOn) {
    return `the ${p.round.toLowerCase()} posting runs from ${p.startsOn} until ${addDays(p.closesOn, -1)}: this step can be dated ${p.closesOn} at the earliest`;
  }
  if (unresolvedObjections > 0) {
    return `${unresolvedObjections} objection${unresolvedObjections > 1 ? 's' : ''} raised during the posting ${unresolvedObjections > 1 ? 'are' : 'is'} unresolved: resolve each (upheld or dismissed, with a reason) first`;
  }
  return null;
}

/** An objection is recorded on a day inside the posting window. */
export function objectionDateRefusal(p: PostingWindow, raisedOn: string): string | null {
  if (raisedOn < p.startsOn || raisedOn >= p.closesOn) {
    return `objections are received during the posting, ${p.startsOn} to ${addDays(p.closesOn, -1)}; ${raisedOn} is outside it`;
  }
  return null;
}

export interface Appraisal {
  votesFor: number;
  votesAgainst: number;
  approve: boolean;
}

/** The villager representatives' meeting decides by majority: the decision must follow the votes. */
export function appraisalRefusal(a: Appraisal): { field: string; reason: string } | null {
  if (!Number.isInteger(a.votesFor) || a.votesFor < 0) return { field: 'input.votesFor', reason: 'must be a whole number, 0 or more' };
  if (!Number.isInteger(a.votesAgainst) || a.votesAgainst < 0) return { field: 'input.votesAgainst', reason: 'must be a whole number, 0 or more' };
  if (a.votesFor + a.votesAgainst === 0) return { field: 'input.votesFor', reason: 'record the votes cast at the meeting' };
  const majority = a.votesFor > a.votesAgainst;
  if (a.approve !== majority) {
    return { field: 'input.decision', reason: `${a.votesFor} for and ${a.votesAgainst} against carry ${majority ? 'APPROVE' : 'REJECT'}, not ${a.approve ? 'APPROVE' : 'REJECT'}` };
  }
  return null;
}

export interface GuaranteeInputs {
  drinkingWaterDifficulty: boolean;
  drinkingWaterSafe: boolean;
  dilapidatedHouse: boolean;
  members: { birthDate: string; schooling: string; basicMedicalInsurance: boolean }[];
}

/** Schooling codes of a child in compulsory education (primary, grades 7–9). */
const COMPULSORY = new Set(['02', '07', '08', '09']);

/**
 * 两不愁三保障 from the year's record: food and clothing (safe drinking water, no
 * difficulty); compulsory education (every child aged 7–15 in school); basic medical
 * care (every member insured); safe housing (no dilapidated house).
 */
export function guaranteesOf(g: GuaranteeInputs, on: string): Guarantees {
  return {
    foodAndClothing: g.drinkingWaterSafe && !g.drinkingWaterDifficulty,
    compulsoryEducation: g.members.every((m) => {
      const age = ageOn(m.birthDate, on);
      return age < 7 || age > 15 || COMPULSORY.has(m.schooling) || Number(m.schooling) >= 11;
    }),
    basicMedicalCare: g.members.every((m) => m.basicMedicalInsurance),
    safeHousing: !g.dilapidatedHouse,
  };
}
