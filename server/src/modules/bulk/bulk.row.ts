/**
 * One data row of an import read into its parts: the household's key (户编号 or 户序号),
 * its household cells, the member on the row (when it has one) and the yearly record on
 * the row (when it has one). Contract: pure; every cell is read (bulk.cells.ts) and each
 * bad cell becomes a problem with its column and value — a row is never cut short at the
 * first problem. A member is on the row when its name or ID number cell is filled; a year
 * when its 年度 cell is.
 */
import { COLUMNS, type Column } from './bulk.columns.js';
import { readCell } from './bulk.cells.js';
import type { Layout } from './bulk.header.js';
import type { RowProblem } from './bulk.report.js';
import type { FileRow } from './bulk.read.js';

export interface ParsedRow {
  row: number;
  key: string;
  number: string | null;
  version: number | null;
  /** Household values by layout key, and their raw text (to compare repeated cells). */
  household: Record<string, unknown>;
  householdText: Record<string, string>;
  member: Record<string, unknown> | null;
  year: Record<string, unknown> | null;
  problems: RowProblem[];
}

const HOUSEHOLD = COLUMNS.filter((c) => c.part === 'household');
const MEMBER = COLUMNS.filter((c) => c.part === 'member');
const YEAR = COLUMNS.filter((c) => c.part === 'year');

export const problem = (row: number, c: Column | undefined, value: string, rule: string, reason: string, severity: RowProblem['severity'] = 'ERROR'): RowProblem =>
  ({ row, column: c?.zh ?? '', field: c?.key ?? '', value, rule, reason, severity });

/** Whether every cell is empty (such rows are skipped, as spreadsheets leave them). */
export const blank = (cells: readonly string[]) => cells.every((c) => !c || !c.trim());

export function parseRow(layout: Layout, r: FileRow): ParsedRow {
  const problems: RowProblem[] = [];
  const text = (key: string) => {
    const i = layout.index.get(key);
    return i === undefined ? '' : (r.cells[i] ?? '');
  };
  if (r.note) problems.push(problem(r.row, COLUMNS[0], '', 'SHEETS', r.note));
  if (r.cells.some((c) => c.includes('\uFFFD'))) {
    problems.push(problem(r.row, undefined, '', 'ENCODING', 'the row holds bytes that are neither UTF-8 nor GBK: save the file as CSV UTF-8 and upload it again'));
  }
  const read = (cols: readonly Column[], into: Record<string, unknown>) => {
    for (const c of cols) {
      if (!layout.index.has(c.key)) { into[c.key] = c.kind.t === 'code' && c.kind.many ? [] : null; continue; }
      const raw = text(c.key);
      const res = readCell(c, raw);
      if (res.reason !== undefined) problems.push(problem(r.row, c, raw, c.kind.t === 'code' ? 'CODE' : 'FORMAT', res.reason));
      else into[c.key] = res.value;
    }
  };
  const number = text('householdNumber').trim() || null;
  const ref = text('householdRef').trim();
  const versionText = text('version').trim();
  let version: number | null = null;
  if (versionText) {
    version = Number(versionText);
    if (!Number.isInteger(version) || version < 1) {
      problems.push(problem(r.row, COLUMNS[2], versionText, 'FORMAT', 'the version 版本号 is the whole number the export wrote: leave it as exported, or empty'));
      version = null;
    }
  }
  if (number && !/^\d{16}$/.test(number)) problems.push(problem(r.row, COLUMNS[0], number, 'FORMAT', 'a household number 户编号 has 16 digits: the village code and a 4-digit sequence; leave it empty for a new household and use 户序号'));
  const household: Record<string, unknown> = {};
  const householdText: Record<string, string> = {};
  read(HOUSEHOLD, household);
  for (const c of HOUSEHOLD) householdText[c.key] = text(c.key).trim();
  const hasMember = !!(text('name').trim() || text('idNumber').trim());
  let member: Record<string, unknown> | null = null;
  if (hasMember) read(MEMBER, (member = {}));
  let year: Record<string, unknown> | null = null;
  if (layout.hasYears && text('year').trim()) read(YEAR, (year = {}));
  const key = number ?? (ref ? `ref:${ref}` : '');
  if (!key) problems.push(problem(r.row, COLUMNS[1], '', 'FORMAT', 'the row names no household: enter its 户编号, or for a new household a 户序号 shared by its rows'));
  return { row: r.row, key, number, version, household, householdText, member, year, problems };
}
