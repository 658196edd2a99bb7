/**
 * Bulk load with COPY (DESIGN.md "Bulk loads use COPY"): rows become CSV and go
 * through `COPY … FROM STDIN` on pg, or `COPY … FROM '/dev/blob'` on PGlite, which
 * is the fastest path PGlite offers. Used by the area import and the seeder.
 */
import { Readable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import { from as copyFrom } from 'pg-copy-streams';
import type { Database } from './client.js';

type Cell = string | number | boolean | null | undefined | readonly string[];

function csvCell(v: Cell): string {
  if (v === null || v === undefined) return '';
  if (Array.isArray(v)) return csvCell(`{${v.map((s) => `"${String(s).replace(/(["\\])/g, '\\$1')}"`).join(',')}}`);
  const s = String(v);
  return /[",\n\r]/.test(s) || s === '' ? `"${s.replace(/"/g, '""')}"` : s;
}

export function toCsv(rows: Iterable<readonly Cell[]>): string {
  let out = '';
  for (const row of rows) out += row.map(csvCell).join(',') + '\n';
  return out;
}

/** Appends rows to `table(columns)`; the caller batches (a few MB of CSV at a time). */
export async function copyRows(database: Database, table: string, columns: string[], rows: Iterable<readonly Cell[]>): Promise<void> {
  const csv = toCsv(rows);
  if (!csv) return;
  const target = `${table} (${columns.map((c) => `"${c}"`).join(', ')})`;
  if (database.raw.kind === 'pglite') {
    await database.raw.client.query(`COPY ${target} FROM '/dev/blob' WITH (FORMAT csv)`, [], {
      blob: new Blob([csv]),
    });
    return;
  }
  const conn = await database.raw.pool.connect();
  try {
    await pipeline(Readable.from([csv]), conn.query(copyFrom(`COPY ${target} FROM STDIN WITH (FORMAT csv)`)));
  } finally {
    conn.release();
  }
}
