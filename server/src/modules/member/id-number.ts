/**
 * Identity numbers on the member form (reference: "Member form", consistency rule 3).
 *
 * Contract: pure functions, no I/O. Two kinds of number are accepted:
 * - kind '1', resident ID 居民身份证 (GB 11643-1999): 6-digit region code, 8-digit birth
 *   date YYYYMMDD, 3-digit sequence (17th digit odd = male, even = female), and an
 *   ISO 7064 MOD 11-2 check character (0-9 or X; a lowercase x is normalised to X);
 * - kind '2', disability card 残疾人证: the 18-character resident ID followed by two
 *   digits, disability category (1-7) and grade (1-4).
 * The birth date must be a real calendar date, not before 1900-01-01 and not after `today`.
 * Failures carry a reason a clerk can act on.
 */

export type IdNumberResult =
  | { ok: true; kind: '1' | '2'; residentId: string; birthDate: string; sex: '1' | '2'; regionCode: string }
  | { ok: false; reason: string };

/** GB 11643 weights of the first 17 digits: 2^(17-i) mod 11. */
const WEIGHTS = [7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2];
/** Check character for (weighted sum mod 11) = 0..10. */
const CHECK = '10X98765432';

/** The MOD 11-2 check character of 17 digits. */
export function checkDigit(first17: string): string {
  if (!/^\d{17}$/.test(first17)) throw new RangeError(`expected 17 digits, got "${first17}"`);
  let sum = 0;
  for (let i = 0; i < 17; i++) sum += Number(first17[i]) * WEIGHTS[i]!;
  return CHECK[sum % 11]!;
}

/** The 18-character resident ID made of `first17` and its check character. */
export function withCheckDigit(first17: string): string {
  return first17 + checkDigit(first17);
}

const pad = (n: number, w = 2): string => String(n).padStart(w, '0');

/** A Date's local calendar day as YYYY-MM-DD. */
function localDay(d: Date): string {
  return `${pad(d.getFullYear(), 4)}-${pad(d.getMonth() + 1)}-${pad(d.getDate())}`;
}

/** Splits a YYYY-MM-DD string (anything after the 10th character is ignored) into numbers, if it is a real date. */
function ymd(day: string): [number, number, number] | null {
  const m = /^(\d{4})-(\d{2})-(\d{2})/.exec(day);
  if (!m) return null;
  const [y, mo, d] = [Number(m[1]), Number(m[2]), Number(m[3])];
  const probe = new Date(Date.UTC(y, mo - 1, d));
  probe.setUTCFullYear(y); // years 0-99 would otherwise map to 1900-1999
  if (probe.getUTCFullYear() !== y || probe.getUTCMonth() !== mo - 1 || probe.getUTCDate() !== d) return null;
  return [y, mo, d];
}

/** Checks and decodes a resident ID or disability card number; `today` bounds the birth date. */
export function parseIdNumber(value: string, today: Date = new Date()): IdNumberResult {
  const id = value.trim().toUpperCase();
  const fail = (reason: string): IdNumberResult => ({ ok: false, reason });
  if (id.length === 0) return fail('the ID number is empty: enter the 18-character resident ID or the 20-digit disability card number');
  if (id.length !== 18 && id.length !== 20) {
    return fail(
      `the ID number has ${id.length} characters, but a resident ID has 18 and a disability card number 20: ` +
        'check for missing or extra digits against the card',
    );
  }
  if (!/^\d{17}[\dX]/.test(id) || !/^\d*$/.test(id.slice(18))) {
    return fail(
      'the ID number may contain only digits, with X allowed only as the 18th character: ' +
        'remove spaces, letters or punctuation and re-enter it from the card',
    );
  }
  const residentId = id.slice(0, 18);
  const [y, mo, d] = [residentId.slice(6, 10), residentId.slice(10, 12), residentId.slice(12, 14)];
  const birthDate = `${y}-${mo}-${d}`;
  if (!ymd(birthDate)) {
    return fail(`digits 7-14 should be the birth date YYYYMMDD, but ${y}${mo}${d} is not a calendar date: re-check the number on the card`);
  }
  if (birthDate < '1900-01-01') return fail(`the birth date in the ID number, ${birthDate}, is before 1900: re-check the number on the card`);
  if (birthDate > localDay(today)) return fail(`the birth date in the ID number, ${birthDate}, is in the future: re-check the number on the card`);
  const expected = checkDigit(residentId.slice(0, 17));
  if (residentId[17] !== expected) {
    return fail(
      `the check digit (18th character) should be ${expected} but is ${residentId[17]}: ` +
        'one of the digits was probably mistyped; re-check the number on the card',
    );
  }
  let kind: '1' | '2' = '1';
  if (id.length === 20) {
    const [category, grade] = [Number(id[18]), Number(id[19])];
    if (category < 1 || category > 7) {
      return fail(`the 19th digit of a disability card number is the disability category 1-7, but it is ${id[18]}: re-check the number on the card`);
    }
    if (grade < 1 || grade > 4) {
      return fail(`the 20th digit of a disability card number is the disability grade 1-4, but it is ${id[19]}: re-check the number on the card`);
    }
    kind = '2';
  }
  const sex = Number(residentId[16]) % 2 === 1 ? '1' : '2';
  return { ok: true, kind, residentId, birthDate, sex, regionCode: residentId.slice(0, 6) };
}

/**
 * Age in completed years (周岁) on a day: the number of birthdays reached by `on`.
 * A 29 February birthday is reached on 1 March in common years.
 * `on` is a Date (its local calendar day) or a YYYY-MM-DD string.
 */
export function ageOn(birthDate: string, on: Date | string): number {
  const b = ymd(birthDate);
  const o = ymd(typeof on === 'string' ? on : localDay(on));
  if (!b) throw new RangeError(`birth date "${birthDate}" is not a YYYY-MM-DD calendar date`);
  if (!o) throw new RangeError(`date "${String(on)}" is not a YYYY-MM-DD calendar date`);
  const before = o[1] < b[1] || (o[1] === b[1] && o[2] < b[2]);
  return o[0] - b[0] - (before ? 1 : 0);
}
