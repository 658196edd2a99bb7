/**
 * Rows out, streamed, as CSV (csv-stringify; UTF-8 with a BOM so that spreadsheet programs
 * read the Chinese headers) or XLSX (exceljs' streaming WorkbookWriter: each row is committed
 * as it is written, nothing of the sheet is kept). Contract: `openSink(format, out)` gives
 * `write(cells)` (awaits back-pressure) and `end()`, after which `out` has the whole file.
 * Code cells stay text in XLSX (so "01" keeps its zero).
 */
import type { Writable } from 'node:stream';
import { once } from 'node:events';
import { stringify } from 'csv-stringify';
import ExcelJS from 'exceljs';

export type Cell = string | number | null;
export type Format = 'csv' | 'xlsx';

export interface Sink {
  write(cells: Cell[]): Promise<void>;
  end(): Promise<void>;
}

export const CONTENT_TYPE: Record<Format, string> = {
  csv: 'text/csv; charset=utf-8',
  xlsx: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
};

export function openSink(format: Format, out: Writable, sheetName = 'register'): Sink {
  if (format === 'xlsx') {
    const book = new ExcelJS.stream.xlsx.WorkbookWriter({ stream: out, useSharedStrings: false, useStyles: false });
    const sheet = book.addWorksheet(sheetName);
    return {
      async write(cells) {
        sheet.addRow(cells).commit();
      },
      async end() {
        sheet.commit();
        await book.commit();
      },
    };
  }
  const csv = stringify();
  csv.pipe(out);
  out.write('\uFEFF');
  return {
    async write(cells) {
      if (!csv.write(cells.map((c) => (c === null ? '' : c)))) await once(csv, 'drain');
    },
    async end() {
      const done = once(out, 'finish');
      csv.end();
      await done;
    },
  };
}
