/**
 * What personal data looks like inside free text: an 18-character resident ID number
 * (17 digits and a digit or X) and a phone number (a mobile, 11 digits from 1[3-9], or a
 * landline with its area code, 0xx-xxxxxxx), spaces or dashes allowed between digits.
 * One definition for the checks that refuse such text (a need's description) and the
 * redaction that removes it (audit records, change events).
 */
export const ID_NUMBER = /(?<!\d)\d{17}[\dXx](?!\d)/;
export const MOBILE = /(?<!\d)1[3-9]\d(?:[\s-]?\d){8}(?!\d)/;
export const LANDLINE = /(?<!\d)0\d{2,3}[\s-]?\d{7,8}(?!\d)/;

const ANY = new RegExp(`${ID_NUMBER.source}|${MOBILE.source}|${LANDLINE.source}`, 'g');
/** Identifiers that only look like digits by chance: a UUID, or an opaque global ID (base64url with letters). */
const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
const OPAQUE = /^(?=(?:[^A-Za-z]*[A-Za-z]){3})[A-Za-z0-9_-]{20,}$/;

/** The text with every ID number and phone number replaced by `mask`; identifiers are left as they are. */
export function scrubText(text: string, mask: string): string {
  if (UUID.test(text) || OPAQUE.test(text)) return text;
  return text.replace(ANY, mask);
}
