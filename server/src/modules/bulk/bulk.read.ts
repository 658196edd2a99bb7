/**
 * The rows of an uploaded file, streamed: CSV (csv-parse) in UTF-8 or, from older tools,
 * GBK/GB18030 (iconv-lite), or XLSX (exceljs' streaming reader, first worksheet). Contract:
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
import ExcelJS from 'exceljs';

export interface FileInfo {
  format: 'csv' | 'xlsx';
  encoding: 'UTF-8' | 'GB18030' | 'xlsx';
}

export interface FileRow {
  row: number;
  cells: string[];
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

async function* xlsxRows(source: AsyncIterable<Buffer>): AsyncGenerator<FileRow> {
  const reader = new ExcelJS.stream.xlsx.WorkbookReader(Readable.from(source), { worksheets: 'emit', sharedStrings: 'cache', hyperlinks: 'ignore', styles: 'ignore' });
  for await (const sheet of reader) {
    for await (const r of sheet) {
      const values = (r.values as unknown[]) ?? [];
      yield { row: r.number, cells: values.slice(1).map(cellText) };
    }
    return; // the first worksheet only
  }
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
