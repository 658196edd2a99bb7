/**
 * `locale` of DCI requests (issue 17 item 3): the spec's ISO 639-3 language code, three
 * lower-case letters (its pattern `^[a-z]{3,3}$` is checked with the schemas, dci.spec.ts: a
 * malformed one is a 400 ERR). The registry answers in Chinese for `zho` (or `chi`, `cmn`) and
 * in English for any other well-formed code, and every answer item carries the locale it was
 * answered in (`zho` or `eng`), so a client asking for `fra` can see it got English.
 *
 * What the locale changes: the `label` of the coded attributes of a Group (status, attribute,
 * main_cause, stage) and a member's `relationship_head`. What it does not: codes (values stay
 * the national codes), names of people and places (as registered, in Chinese), identifiers,
 * and the reason and error messages (English).
 */
export interface Locale { locale: 'eng' | 'zho'; lang: 'en' | 'zh' }

const CHINESE = new Set(['zho', 'chi', 'cmn']);

export const ENGLISH: Locale = { locale: 'eng', lang: 'en' };

/** The locale an answer is given in, for the request's `locale` (absent: English). */
export function answerLocale(locale: string | undefined | null): Locale {
  return locale && CHINESE.has(locale) ? { locale: 'zho', lang: 'zh' } : ENGLISH;
}

/** A coded attribute of a record: the national code, and its meaning in the answer's language. */
export function coded(name: string, list: { text(code: string, lang: Locale['lang']): string }, code: string | null | undefined, l: Locale) {
  return { name, value: code ?? null, label: code == null ? null : list.text(code, l.lang) };
}
