/**
 * Rules of the annual update round 年度动态调整 (reference: "精准管理 … updated every
 * year"; "yearly update: October collection → November entry → December review").
 *
 * - A round covers an area (province … village, a code prefix) for one income year,
 *   between the registry's first year and the current year, with a deadline from today
 *   up to the end of the following year.
 * - Two rounds of the same year overlap when one area contains the other (a county
 *   round covers its villages): only one of them may be open.
 * - A round may close once every household due has a record of the year, or once its
 *   deadline has come; households still without a record are then stored as NO_RECORD.
 *
 * Contract: pure functions; dates are ISO strings (YYYY-MM-DD), compared as strings.
 */
import type { FieldProblem } from '../../graphql/errors.js';
import { FIRST_YEAR } from '../household/household.validate.js';

const LEVELS = new Set([2, 4, 6, 9, 12]);
const ISO_DATE = /^\d{4}-\d{2}-\d{2}$/;

export interface OpenRoundInput {
  areaCode: string;
  year: number;
  closesOn: string;
}

/** Problems of a request to open a round, on `today` (YYYY-MM-DD). */
export function openProblems(i: OpenRoundInput, today: string): FieldProblem[] {
  const p: FieldProblem[] = [];
  const thisYear = Number(today.slice(0, 4));
  if (!/^\d+$/.test(i.areaCode) || !LEVELS.has(i.areaCode.length)) {
    p.push({ field: 'areaCode', reason: 'give the 2, 4, 6, 9 or 12-digit code of the area the round covers, e.g. 433124' });
  }
  if (!Number.isInteger(i.year) || i.year < FIRST_YEAR || i.year > thisYear) {
    p.push({ field: 'year', reason: `the income year being updated, between ${FIRST_YEAR} and ${thisYear}` });
  }
  const valid = ISO_DATE.test(i.closesOn) && !Number.isNaN(Date.parse(i.closesOn)) && new Date(i.closesOn).toISOString().startsWith(i.closesOn);
  if (!valid) p.push({ field: 'closesOn', reason: 'give the deadline as a date, YYYY-MM-DD' });
  else if (i.closesOn < today) p.push({ field: 'closesOn', reason: `the deadline cannot be in the past (today is ${today})` });
  else if (i.closesOn > `${thisYear + 1}-12-31`) p.push({ field: 'closesOn', reason: `give a deadline by ${thisYear + 1}-12-31` });
  return p;
}

/** Whether two areas' rounds of the same year overlap: one area contains the other. */
export const overlaps = (a: string, b: string) => a.startsWith(b) || b.startsWith(a);

/** Why a round cannot close yet, or null when it may: households pending before the deadline. */
export function closeRefusal(pending: number, closesOn: string, today: string): string | null {
  if (pending === 0 || today >= closesOn) return null;
  return `${pending} household${pending === 1 ? ' has' : 's have'} no record of the year yet and the deadline is ${closesOn}: record ${pending === 1 ? 'it' : 'them'} (see pendingHouseholds), or close on or after the deadline, when they are stored as NO_RECORD`;
}
