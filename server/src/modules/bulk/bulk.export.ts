/**
 * The register of an area as a file in the import's layout (bulk.columns.ts), streamed page
 * by page (PAGE households, their members and years: three scoped statements a page).
 * Contract: one row per member with the household's columns, 户编号 and 版本号 repeated;
 * the household's yearly records one per row from its first row on (extra rows without a
 * member when it has more years than members), so that importing the file gives the same
 * households, members and years. Personal data comes masked from the stores for roles
 * without the right to see it (household.store.ts, member.store.ts) and is written as
 * "[redacted]" (audit/redact.ts REDACTED), like the audit trail's. `writeSheets`: the same
 * register as an XLSX household sheet + member sheet.
 */
import type { Caller } from '../../auth/caller.js';
import type { Tx } from '../../db/client.js';
import { REDACTED } from '../audit/redact.js';
import { householdStore, type HouseholdRow } from '../household/household.store.js';
import { memberStore, type MemberRow } from '../member/member.store.js';
import { COLUMNS, headerOf, type Column } from './bulk.columns.js';
import type { Writable } from 'node:stream';
import { openWorkbook, type Cell, type Sink } from './bulk.sink.js';

const PAGE = 500;
const PERSONAL = new Set(['name', 'idNumber', 'phone', 'bankName', 'bankAccount']);

function cell(c: Column, v: unknown, masked: boolean): Cell {
  if (masked && PERSONAL.has(c.key) && (v === null || v === undefined)) return REDACTED;
  if (v === null || v === undefined) return null;
  if (typeof v === 'boolean') return v ? '是' : '否';
  if (Array.isArray(v)) return v.join(';');
  if (typeof v === 'number') return v;
  return String(v);
}

export function headerRow(style: 'zh' | 'en' | 'both' = 'zh'): string[] {
  return COLUMNS.map((c) => headerOf(c, style));
}

/** The rows of one household (members and years as described above). */
export function householdRows(h: HouseholdRow, members: MemberRow[], years: Record<string, unknown>[], masked: boolean, personalHidden: boolean): Cell[][] {
  const lines = Math.max(members.length, years.length, 1);
  const out: Cell[][] = [];
  const hh = h as unknown as Record<string, unknown>;
  for (let i = 0; i < lines; i++) {
    const m = members[i] as unknown as Record<string, unknown> | undefined;
    const y = years[i];
    out.push(COLUMNS.map((c) => {
      switch (c.part) {
        case 'key': return c.key === 'householdNumber' ? h.number : c.key === 'version' ? h.version : null;
        case 'household': return cell(c, hh[c.key], personalHidden && masked);
        case 'member': return m ? cell(c, m[c.key], personalHidden) : null;
        case 'year': return y ? cell(c, y[c.key], false) : null;
      }
    }));
  }
  return out;
}

interface Household { h: HouseholdRow; members: MemberRow[]; years: Record<string, unknown>[] }

/** The registered households of the area in number order, with their members and years, PAGE at a time. */
async function* households(db: Tx, caller: Caller, areaCode: string): AsyncGenerator<Household> {
  let after: string | undefined;
  for (;;) {
    const page = await householdStore.page(db, caller, { areaCode, stage: ['REGISTERED'] }, after, PAGE);
    if (!page.length) return;
    const ids = page.map((h) => h.id);
    const [members, years] = await Promise.all([memberStore.ofHouseholds(db, caller, ids), householdStore.yearsOf(db, caller, ids)]);
    const byHousehold = new Map<string, Household>(page.map((h) => [h.id, { h, members: [], years: [] }]));
    for (const m of members) byHousehold.get(m.householdId)?.members.push(m);
    for (const y of years) byHousehold.get(y.householdId)?.years.push(y as unknown as Record<string, unknown>);
    yield* byHousehold.values();
    after = page.at(-1)!.number;
    if (page.length < PAGE) return;
  }
}

export async function writeRegister(db: Tx, caller: Caller, areaCode: string, sink: Sink, personalHidden: boolean, style: 'zh' | 'en' | 'both' = 'zh'): Promise<{ households: number; rows: number }> {
  await sink.write(headerRow(style));
  let count = 0;
  let rows = 0;
  for await (const { h, members, years } of households(db, caller, areaCode)) {
    for (const r of householdRows(h, members, years, true, personalHidden)) {
      await sink.write(r);
      rows++;
    }
    count++;
  }
  await sink.end();
  return { households: count, rows };
}

/** Columns of the household sheet (户编号, 版本号, the household's, the years') and of the member sheet (户编号, the member's), as positions of COLUMNS. */
const at = (keep: (c: Column) => boolean) => COLUMNS.flatMap((c, i) => (keep(c) ? [i] : []));
const HOUSEHOLD_SHEET = at((c) => c.part !== 'member' && c.key !== 'householdRef');
const MEMBER_SHEET = at((c) => c.key === 'householdNumber' || c.part === 'member');
const pick = (row: readonly Cell[], cols: number[]) => cols.map((i) => row[i]!);

/**
 * The household sheet + member sheet layout (bulk.sheets.ts reads it back): sheet 户 with a
 * row per household and year, sheet 成员 with a row per member, both in number order. Two
 * passes over the area, in one read-only REPEATABLE READ transaction, so both sheets are of
 * the same moment; each sheet is streamed.
 */
export async function writeSheets(db: Tx, caller: Caller, areaCode: string, out: Writable, personalHidden: boolean, style: 'zh' | 'en' | 'both' = 'zh'): Promise<{ households: number; rows: number }> {
  const book = openWorkbook(out);
  const header = headerRow(style);
  let count = 0;
  let rows = 0;
  await db.transaction(async (tx) => {
    const sheet = book.sheet('户 households');
    await sheet.write(pick(header, HOUSEHOLD_SHEET));
    for await (const { h, years } of households(tx, caller, areaCode)) {
      for (const r of householdRows(h, [], years, true, personalHidden)) await sheet.write(pick(r, HOUSEHOLD_SHEET));
      count++;
    }
    await sheet.end();
    const people = book.sheet('成员 members');
    await people.write(pick(header, MEMBER_SHEET));
    for await (const { h, members } of households(tx, caller, areaCode)) {
      if (!members.length) continue;
      for (const r of householdRows(h, members, [], true, personalHidden)) {
        await people.write(pick(r, MEMBER_SHEET));
        rows++;
      }
    }
    await people.end();
  }, { isolationLevel: 'repeatable read', accessMode: 'read only' });
  await book.end();
  return { households: count, rows };
}
