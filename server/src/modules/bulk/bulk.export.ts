/**
 * The register of an area as a file in the import's layout (bulk.columns.ts), streamed page
 * by page (PAGE households, their members and years: three scoped statements a page).
 * Contract: one row per member with the household's columns, 户编号 and 版本号 repeated;
 * the household's yearly records one per row from its first row on (extra rows without a
 * member when it has more years than members), so that importing the file gives the same
 * households, members and years. Personal data comes masked from the stores for roles
 * without the right to see it (household.store.ts, member.store.ts) and is written as
 * "[redacted]" (audit/redact.ts REDACTED), like the audit trail's.
 */
import type { Caller } from '../../auth/caller.js';
import type { Tx } from '../../db/client.js';
import { REDACTED } from '../audit/redact.js';
import { householdStore, type HouseholdRow } from '../household/household.store.js';
import { memberStore, type MemberRow } from '../member/member.store.js';
import { COLUMNS, headerOf, type Column } from './bulk.columns.js';
import type { Cell, Sink } from './bulk.sink.js';

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

export async function writeRegister(db: Tx, caller: Caller, areaCode: string, sink: Sink, personalHidden: boolean, style: 'zh' | 'en' | 'both' = 'zh'): Promise<{ households: number; rows: number }> {
  await sink.write(headerRow(style));
  let after: string | undefined;
  let households = 0;
  let rows = 0;
  for (;;) {
    const page = await householdStore.page(db, caller, { areaCode, stage: ['REGISTERED'] }, after, PAGE);
    if (!page.length) break;
    const ids = page.map((h) => h.id);
    const [members, years] = await Promise.all([memberStore.ofHouseholds(db, caller, ids), householdStore.yearsOf(db, caller, ids)]);
    const byHousehold = new Map<string, MemberRow[]>();
    for (const m of members) byHousehold.set(m.householdId, [...(byHousehold.get(m.householdId) ?? []), m]);
    const yearsBy = new Map<string, Record<string, unknown>[]>();
    for (const y of years) yearsBy.set(y.householdId, [...(yearsBy.get(y.householdId) ?? []), y as unknown as Record<string, unknown>]);
    for (const h of page) {
      for (const r of householdRows(h, byHousehold.get(h.id) ?? [], yearsBy.get(h.id) ?? [], true, personalHidden)) {
        await sink.write(r);
        rows++;
      }
      households++;
    }
    after = page.at(-1)!.number;
    if (page.length < PAGE) break;
  }
  await sink.end();
  return { households, rows };
}
