/**
 * The header row of an import: which column of the layout (bulk.columns.ts) each position
 * holds. Contract: `readHeader(cells)` returns the layout or the problems that make the file
 * unreadable — an unknown header, a column named twice, a required column missing (the
 * yearly columns are required only when the year column 年度 is there), neither 户编号
 * nor 户序号 to tell households apart. Each problem names the column and what to do.
 */
import { COLUMNS, columnOf, type Column } from './bulk.columns.js';

export interface Layout {
  /** Column of each position (undefined for an empty header cell at the end). */
  at: (Column | undefined)[];
  /** Position of each present column key. */
  index: Map<string, number>;
  hasYears: boolean;
}

export interface HeaderProblem {
  column: string;
  reason: string;
}

export function readHeader(cells: readonly string[]): { layout?: Layout; problems: HeaderProblem[] } {
  const problems: HeaderProblem[] = [];
  const at: (Column | undefined)[] = [];
  const index = new Map<string, number>();
  cells.forEach((raw, i) => {
    const h = raw.trim();
    if (!h) return void at.push(undefined);
    const c = columnOf(h);
    if (!c) {
      problems.push({ column: h, reason: `column ${i + 1} "${h}" is not a column of the national form: use the headers of the template (e.g. 姓名, 证件号码, 与户主关系) or their English keys (name, idNumber, relation)` });
      return void at.push(undefined);
    }
    if (index.has(c.key)) problems.push({ column: h, reason: `column ${i + 1} "${h}" repeats column ${index.get(c.key)! + 1} (${c.zh}): keep one` });
    else index.set(c.key, i);
    at.push(c);
  });
  if (!index.size) return { problems: problems.length ? problems : [{ column: '', reason: 'the first row holds no headers: the file must begin with the header row of the national form' }] };
  const hasYears = index.has('year');
  for (const c of COLUMNS) {
    if (c.required && !index.has(c.key) && (c.part !== 'year' || hasYears)) {
      problems.push({ column: c.zh, reason: `the column ${c.zh} (${c.key}) is missing: add it${c.part === 'year' ? ' (with 年度, every yearly column is needed)' : ''}` });
    }
  }
  if (!index.has('householdNumber') && !index.has('householdRef')) {
    problems.push({ column: '户编号', reason: 'add the column 户编号 (householdNumber) or 户序号 (householdRef): the rows of one household share it' });
  }
  return problems.length ? { problems } : { layout: { at, index, hasYears }, problems };
}
