/**
 * Rows out, streamed, as CSV (csv-stringify; UTF-8 with a BOM so that spreadsheet programs
 * read the Chinese headers) or XLSX (exceljs' streaming WorkbookWriter: each row is committed
 * as it is written, nothing of the sheet is kept). Contract: `openSink(format, out)` gives
 * `write(cells)` (awaits back-pressure) and `end()`, after which `out` has the whole file.
 * Code cells stay text in XLSX (so "01" keeps its zero). `openWorkbook(out)` writes several
 * worksheets, one after the other (the household sheet + member sheet layout).
 */
import type { Writable } from 'node:stream';
import { once } from 'node:events';
import { stringify } from 'csv-stringify';
import ExcelJS from '../../lib/exceljs.js';

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

/** An XLSX workbook whose worksheets are written one after the other, each row committed as it is written. */
export function openWorkbook(out: Writable) {
  const book = new ExcelJS.stream.xlsx.WorkbookWriter({ stream: out, useSharedStrings: false, useStyles: false });
  return {
    /** The next worksheet; end it before opening another. */
    sheet(name: string): Sink {
      const sheet = book.addWorksheet(name);
      return {
        async write(cells) {
          sheet.addRow(cells).commit();
        },
        async end() {
          sheet.commit();
        },
      };
    },
    end: () => book.commit(),
  };
}

export function openSink(format: Format, out: Writable, sheetName = 'register'): Sink {
  if (format === 'xlsx') {
    const book = openWorkbook(out);
    const sheet = book.sheet(sheetName);
    return {
      write: (cells) => sheet.write(cells),
      async end() {
        await sheet.end();
        await book.end();
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
