/**
 * One convention for every national code list (see reference/jiandang-lika.md):
 * a GraphQL enum whose value names are English, whose internal values are the
 * national codes stored in the database, and whose descriptions read
 * "<code> <Chinese label> — <English meaning>".
 */
import { registerEnumType } from 'type-graphql';

export type Entries = Record<string, readonly [code: string, zh: string, en: string]>;

export interface CodeList<E extends Entries> {
  readonly name: string;
  /** Enum object: value name → national code (what type-graphql exposes). */
  readonly values: { [K in keyof E]: E[K][0] };
  /** Every valid national code of the list. */
  readonly codes: ReadonlySet<string>;
  /** "01 因病" for a national code, for error messages and logs. */
  label(code: string): string;
  /** The enum value name of a national code ("01" → "ILLNESS"), as the API writes it: for JSON built outside GraphQL (webhook bodies). */
  nameOf(code: string): string;
  /** The meaning of a national code in Chinese or English ("01" → "因病" or "illness"); the code itself when unknown. */
  text(code: string, lang: 'zh' | 'en'): string;
}

export function codeList<const E extends Entries>(name: string, description: string, entries: E): CodeList<E> {
  const values = Object.fromEntries(Object.entries(entries).map(([k, [code]]) => [k, code])) as {
    [K in keyof E]: E[K][0];
  };
  const byCode = new Map(Object.values(entries).map(([code, zh]) => [code, `${code} ${zh}`]));
  registerEnumType(values, {
    name,
    description,
    valuesConfig: Object.fromEntries(
      Object.entries(entries).map(([k, [code, zh, en]]) => [k, { description: `${code} ${zh} — ${en}` }]),
    ) as never,
  });
  const names = new Map(Object.entries(entries).map(([k, [code]]) => [code, k]));
  const texts = new Map(Object.values(entries).map(([code, zh, en]) => [code, { zh, en }]));
  return {
    name, values, codes: new Set(byCode.keys()), label: (code) => byCode.get(code) ?? code, nameOf: (code) => names.get(code) ?? code,
    text: (code, lang) => texts.get(code)?.[lang] ?? code,
  };
}

/** The type of a list's national codes, e.g. `CodeOf<typeof Cause>` is '01' | '02' | … */
export type CodeOf<L> = L extends CodeList<infer E> ? E[keyof E][0] : never;
