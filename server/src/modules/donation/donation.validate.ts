/**
 * Pure checks of social participation: participant forms, need forms (amount OR items and
 * a quantity, a deadline ahead, a short description that names nobody), pledge sizes, and
 * the read-time rule of a pledge's expiry.
 */
import type { FieldProblem } from '../../graphql/errors.js';
import { levelOfCode } from '../../codes/index.js';
import { ID_NUMBER, LANDLINE, MOBILE } from '../../lib/personal-patterns.js';

const DATE = /^\d{4}-\d{2}-\d{2}$/;

export const DESCRIPTION_MAX = 500;

function text(p: FieldProblem[], field: string, v: string | null | undefined, max: number, required: boolean) {
  const t = v?.trim() ?? '';
  if (required && !t) p.push({ field, reason: 'is required' });
  else if (t.length > max) p.push({ field, reason: `is ${t.length} characters; at most ${max}` });
}

/** Why a description may not be published, or null: it must not carry an ID number, a phone or a member's name. */
export function personalDataIn(description: string, memberNames: readonly string[]): string | null {
  if (ID_NUMBER.test(description)) return 'contains an 18-digit ID number: donors must not learn who the household is; remove it';
  if (MOBILE.test(description) || LANDLINE.test(description)) return 'contains a phone number: donors reach the household through the cadre, never directly; remove it';
  const name = memberNames.find((n) => n.trim().length >= 2 && description.includes(n.trim()));
  if (name) return 'contains the name of a member of the household: describe the need without naming anyone (e.g. "the elder son")';
  return null;
}

export function interestProblems(i: { categories?: string[] | null; areaCodes?: string[] | null; minAmount?: number | null; maxAmount?: number | null } | null | undefined, field: string): FieldProblem[] {
  const p: FieldProblem[] = [];
  if (!i) return p;
  (i.areaCodes ?? []).forEach((c, n) => {
    if (!/^\d+$/.test(c) || !levelOfCode(c)) p.push({ field: `${field}.areaCodes[${n}]`, reason: `"${c}" is not a 2, 4, 6, 9 or 12-digit statistical code, e.g. 433124 for 花垣县` });
  });
  if ((i.areaCodes?.length ?? 0) > 50) p.push({ field: `${field}.areaCodes`, reason: 'at most 50 areas' });
  if (i.minAmount != null && !(i.minAmount >= 0)) p.push({ field: `${field}.minAmount`, reason: 'must be 0 or more yuan' });
  if (i.maxAmount != null && !(i.maxAmount > 0)) p.push({ field: `${field}.maxAmount`, reason: 'must be more than 0 yuan' });
  if (i.minAmount != null && i.maxAmount != null && i.minAmount > i.maxAmount) p.push({ field: `${field}.maxAmount`, reason: `is below minAmount (${i.minAmount})` });
  return p;
}

export function donorProblems(input: { name: string; subject: string; interests?: Parameters<typeof interestProblems>[0] }): FieldProblem[] {
  const p: FieldProblem[] = [];
  text(p, 'input.name', input.name, 200, true);
  if (!/^\S{1,200}$/.test(input.subject)) p.push({ field: 'input.subject', reason: "must be the `sub` of the donor's token: 1–200 characters without spaces" });
  p.push(...interestProblems(input.interests, 'input.interests'));
  return p;
}

export interface NeedForm {
  amount?: number | null;
  items?: string | null;
  quantity?: number | null;
  deadline: string;
  description: string;
}

/** Amount in yuan OR items and a quantity; a deadline after today and within two years; a description of 1–500 characters. */
export function needProblems(input: NeedForm, today: string): FieldProblem[] {
  const p: FieldProblem[] = [];
  const byItems = input.items != null || input.quantity != null;
  if (input.amount != null && byItems) p.push({ field: 'input.amount', reason: 'give either an amount in yuan or items and a quantity, not both' });
  else if (input.amount != null) {
    if (!(input.amount > 0) || input.amount > 10_000_000 || Math.round(input.amount * 100) !== input.amount * 100) p.push({ field: 'input.amount', reason: 'must be more than 0 and at most 10,000,000 yuan, to the fen' });
  } else if (byItems) {
    text(p, 'input.items', input.items, 100, true);
    if (input.quantity == null || !Number.isInteger(input.quantity) || input.quantity < 1 || input.quantity > 100_000) p.push({ field: 'input.quantity', reason: 'must be a whole number of items, 1–100,000' });
  } else p.push({ field: 'input.amount', reason: 'is required: give an amount in yuan, or items and a quantity' });
  if (!DATE.test(input.deadline) || Number.isNaN(Date.parse(input.deadline))) p.push({ field: 'input.deadline', reason: 'must be a date (YYYY-MM-DD)' });
  else if (input.deadline <= today) p.push({ field: 'input.deadline', reason: `must be after today (${today}): donors need time to pledge and deliver` });
  else if (input.deadline > addDays(today, 731)) p.push({ field: 'input.deadline', reason: 'must be within two years' });
  text(p, 'input.description', input.description, DESCRIPTION_MAX, true);
  return p;
}

export function addDays(day: string, n: number): string {
  const d = new Date(`${day}T00:00:00Z`);
  d.setUTCDate(d.getUTCDate() + n);
  return d.toISOString().slice(0, 10);
}

export const today = () => new Date().toISOString().slice(0, 10);

/** A pledge's status as read: a PLEDGED one past its delivery date has expired (no sweep: the same rule is in the store's SQL). */
export function effectiveStatus(p: { status: string; deliverBy: string }, on: string): string {
  return p.status === 'PLEDGED' && p.deliverBy < on ? 'EXPIRED' : p.status;
}

/** Days from `on` to a deadline (0 = due today). */
export const daysUntil = (deadline: string, on: string) => Math.round((Date.parse(deadline) - Date.parse(on)) / 86_400_000);

/** A well-formed calendar date, YYYY-MM-DD. */
export const isDate = (s: string) => DATE.test(s) && !Number.isNaN(Date.parse(s));
/** The calendar day (UTC) of a timestamp. */
export const dayOf = (d: Date) => d.toISOString().slice(0, 10);
