/**
 * The household sheet + member sheet layout of an XLSX file 户表 + 成员表 (issue 16): the
 * first worksheet holds the households, one row each (a household with several yearly
 * records: one row per year, its household cells repeated), the second the members, one row
 * each, with their household's 户编号 or 户序号. Contract: `SheetJoin` keeps the household
 * sheet's rows (one string a row, by key) and turns the member sheet into the rows of the
 * one-row-per-member layout (bulk.columns.ts), so every rule after it is the same: the header
 * is the household sheet's columns followed by the member sheet's others; each run of member
 * rows of one household becomes its rows, the household's rows beside its members (a member
 * past the household's rows gets its household cells repeated, without a year; a year with no
 * member beside it, a row of its own); households without a member row come last.
 * Rows are numbered as in that layout (header row 1): the downloadable report
 * (/imports/:id/report.xlsx) is of those rows. A member row whose household is not on the
 * first sheet gets a note (bulk.row.ts reports it).
 */
import { columnOf } from './bulk.columns.js';
import type { FileRow } from './bulk.read.js';
import { blank } from './bulk.row.js';

const SEP = '\u0001';

/** Whether a header row holds member columns (then the file is one row per member). */
export const hasMemberColumns = (header: readonly string[]) => header.some((h) => columnOf(h)?.part === 'member');

interface KeyColumns { number: number; ref: number }

const keyColumns = (header: readonly string[]): KeyColumns => ({
  number: header.findIndex((h) => columnOf(h)?.key === 'householdNumber'),
  ref: header.findIndex((h) => columnOf(h)?.key === 'householdRef'),
});

/** A row's household: its 户编号, else its 户序号 (as bulk.group.ts tells households apart). */
function keyOf(cells: readonly string[], k: KeyColumns): string {
  const number = (cells[k.number] ?? '').trim();
  if (number) return number;
  const ref = (cells[k.ref] ?? '').trim();
  return ref ? `ref:${ref}` : '';
}

const shown = (key: string) => key.replace(/^ref:/, '');

export class SheetJoin {
  private readonly households = new Map<string, string[]>();
  private readonly key: KeyColumns;
  /** Which household sheet columns are of the yearly record (not repeated on a member's row without a year). */
  private readonly yearColumn: boolean[];
  /** Position in the member sheet of each member column appended to the header. */
  private memberCols: number[] = [];
  private memberKey: KeyColumns = { number: -1, ref: -1 };
  private row = 1;

  constructor(private readonly header: string[]) {
    this.key = keyColumns(header);
    this.yearColumn = header.map((h) => columnOf(h)?.part === 'year');
  }

  /** A data row of the household sheet. */
  addHousehold(cells: string[]) {
    const k = keyOf(cells, this.key);
    const list = this.households.get(k);
    const line = cells.join(SEP);
    if (list) list.push(line);
    else this.households.set(k, [line]);
  }

  /** The combined header, from the member sheet's header row. */
  memberSheetHeader(cells: string[]): FileRow {
    const own = new Set(this.header.map((h) => columnOf(h)?.key).filter(Boolean));
    this.memberKey = keyColumns(cells);
    this.memberCols = cells.flatMap((h, i) => (h.trim() && !own.has(columnOf(h)?.key) ? [i] : []));
    const note = this.memberKey.number < 0 && this.memberKey.ref < 0 ? 'the member sheet (the second worksheet) has no 户编号 (householdNumber) or 户序号 (householdRef) column: add the one the household sheet uses, so each member row names its household' : undefined;
    return { row: 1, cells: [...this.header, ...this.memberCols.map((i) => cells[i]!)], ...(note && { note }) };
  }

  /** Household cells with only the key (a household of the member sheet that the household sheet lacks). */
  private keyCells(key: string): string[] {
    const cells = this.header.map(() => '');
    const at = key.startsWith('ref:') ? this.key.ref : this.key.number;
    if (at >= 0) cells[at] = shown(key);
    return cells;
  }

  /** The combined rows of one household: its member rows (cells of the member sheet) beside its household rows. */
  *household(key: string, memberRows: string[][]): Generator<FileRow> {
    const own = this.households.get(key);
    this.households.delete(key);
    const rows = own?.map((l) => l.split(SEP)) ?? [];
    const width = this.header.length;
    for (let i = 0; i < Math.max(rows.length, memberRows.length); i++) {
      const h = rows[i] ?? (rows[0] ? rows[0].map((c, j) => (this.yearColumn[j] ? '' : c)) : this.keyCells(key));
      const m = memberRows[i];
      const cells = [...h.slice(0, width), ...Array.from({ length: width - Math.min(h.length, width) }, () => ''), ...this.memberCols.map((j) => (m ? (m[j] ?? '') : ''))];
      const note = !own && i === 0 ? `household "${shown(key)}" of the member sheet is not on the household sheet (the first worksheet): add its row there, or correct its ${key.startsWith('ref:') ? '户序号' : '户编号'}` : undefined;
      yield { row: ++this.row, cells, ...(note && { note }) };
    }
  }

  /**
   * The member sheet's rows in order (its header first) → the combined rows, household by
   * household. Without a member sheet, the household sheet as it is (its header then says
   * which member columns are missing).
   */
  async *members(rows: AsyncIterable<string[]> | Iterable<string[]>): AsyncGenerator<FileRow> {
    let header: FileRow | undefined;
    let key: string | undefined;
    let run: string[][] = [];
    for await (const cells of rows) {
      if (blank(cells)) continue;
      if (!header) {
        yield (header = this.memberSheetHeader(cells));
        continue;
      }
      const k = keyOf(cells, this.memberKey);
      if (key !== undefined && k !== key) {
        yield* this.household(key, run);
        run = [];
      }
      key = k;
      run.push(cells);
    }
    if (!header) {
      yield { row: 1, cells: this.header };
      for (const lines of this.households.values()) for (const l of lines) yield { row: ++this.row, cells: l.split(SEP) };
      return;
    }
    if (key !== undefined) yield* this.household(key, run);
    for (const k of [...this.households.keys()]) yield* this.household(k, []);
  }
}
