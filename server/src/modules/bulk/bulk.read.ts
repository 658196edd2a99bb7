/**
 * The rows of an uploaded file, streamed: CSV (csv-parse) in UTF-8 or, from older tools,
 * GBK/GB18030 (iconv-lite), or XLSX (exceljs' streaming reader: the first worksheet, or a
 * household sheet and a member sheet joined, bulk.sheets.ts). Contract:
 * `readRows(chunks)` yields `{ row, cells }` with `row` the 1-based line of the file as a
 * spreadsheet numbers it (the header is row 1), cells as trimmed-able strings; it never
 * holds the whole file. `info.format` and `info.encoding` are known after the first chunk.
 * The encoding: a BOM or valid UTF-8 in the first 64 KB means UTF-8, else GB18030 (which
 * reads GBK and GB2312); a UTF-8 file with bad bytes later shows U+FFFD, which the row
 * checks refuse (bulk.validate.ts).
 */
import { Readable } from 'node:stream';
import { parse } from 'csv-parse';
import iconv from 'iconv-lite';
import ExcelJS from '../../lib/exceljs.js';
import { blank } from './bulk.row.js';
import { hasMemberColumns, SheetJoin } from './bulk.sheets.js';

export interface FileInfo {
  format: 'csv' | 'xlsx';
  encoding: 'UTF-8' | 'GB18030' | 'xlsx';
}

export interface FileRow {
  row: number;
  cells: string[];
  /** A problem of the row found while reading it (the two-sheet layout, bulk.sheets.ts). */
  note?: string;
}

const PEEK = 64 * 1024;

/** Reads up to PEEK bytes ahead so that format and encoding can be told. */
async function peek(chunks: AsyncIterable<Buffer>): Promise<{ head: Buffer; rest: AsyncIterable<Buffer> }> {
  const it = chunks[Symbol.asyncIterator]();
  const taken: Buffer[] = [];
  let size = 0;
  let done = false;
  while (size < PEEK) {
    const n = await it.next();
    if (n.done) { done = true; break; }
    taken.push(n.value);
    size += n.value.length;
  }
  const head = Buffer.concat(taken);
  async function* rest() {
    yield head;
    if (done) return;
    for (let n = await it.next(); !n.done; n = await it.next()) yield n.value;
  }
  return { head, rest: rest() };
}

export function detectEncoding(head: Buffer): 'UTF-8' | 'GB18030' {
  if (head[0] === 0xef && head[1] === 0xbb && head[2] === 0xbf) return 'UTF-8';
  try {
    // stream: true tolerates a character cut at the end of the sample.
    new TextDecoder('utf-8', { fatal: true }).decode(head, { stream: true });
    return 'UTF-8';
  } catch {
    return 'GB18030';
  }
}

function cellText(v: unknown): string {
  if (v == null) return '';
  if (v instanceof Date) return v.toISOString().slice(0, 10);
  if (typeof v === 'object') {
    const o = v as { result?: unknown; text?: unknown; richText?: { text: string }[] };
    if (o.richText) return o.richText.map((r) => r.text).join('');
    if (o.text !== undefined) return String(o.text);
    if (o.result !== undefined) return cellText(o.result);
    return '';
  }
  return String(v);
}

const rowCells = (r: { values: unknown }) => ((r.values as unknown[]) ?? []).slice(1).map(cellText);

async function* sheetCells(sheet: AsyncIterable<{ values: unknown }>): AsyncGenerator<string[]> {
  for await (const r of sheet) yield rowCells(r);
}

/**
 * The first worksheet's rows; when its header has no member columns and a second worksheet
 * follows, the household sheet + member sheet layout joined into one row per member (bulk.sheets.ts).
 */
async function* xlsxRows(source: AsyncIterable<Buffer>): AsyncGenerator<FileRow> {
  const reader = new ExcelJS.stream.xlsx.WorkbookReader(Readable.from(source), { worksheets: 'emit', sharedStrings: 'cache', hyperlinks: 'ignore', styles: 'ignore' });
  let join: SheetJoin | undefined;
  for await (const sheet of reader) {
    if (join) return yield* join.members(sheetCells(sheet));
    let header = false;
    for await (const r of sheet) {
      const cells = rowCells(r);
      if (!header && !blank(cells)) {
        header = true;
        if (!hasMemberColumns(cells)) {
          join = new SheetJoin(cells);
          continue;
        }
      }
      if (!join) yield { row: r.number, cells };
      else if (!blank(cells)) join.addHousehold(cells);
    }
    if (!join) return; // one row per member: the first worksheet only
  }
  if (join) yield* join.members([]);
}

async function* csvRows(source: AsyncIterable<Buffer>, encoding: FileInfo['encoding']): AsyncGenerator<FileRow> {
  const parser = Readable.from(source).pipe(iconv.decodeStream(encoding === 'GB18030' ? 'gb18030' : 'utf8')).pipe(
    parse({ bom: true, relax_column_count: true, skip_empty_lines: false, info: true }),
  );
  for await (const rec of parser as AsyncIterable<{ record: string[]; info: { lines: number } }>) {
    yield { row: rec.info.lines, cells: rec.record };
  }
}

export async function openRows(chunks: AsyncIterable<Buffer>): Promise<{ info: FileInfo; rows: AsyncGenerator<FileRow> } | { empty: true }> {
  const { head, rest } = await peek(chunks);
  if (!head.length) return { empty: true };
  if (head[0] === 0x50 && head[1] === 0x4b && head[2] === 0x03 && head[3] === 0x04) return { info: { format: 'xlsx', encoding: 'xlsx' }, rows: xlsxRows(rest) };
  const encoding = detectEncoding(head);
  return { info: { format: 'csv', encoding }, rows: csvRows(rest, encoding) };
}
