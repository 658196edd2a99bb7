/**
 * Bulk load with COPY (DESIGN.md "Bulk loads use COPY"): rows become CSV and go
 * through `COPY … FROM STDIN` on pg, or `COPY … FROM '/dev/blob'` on PGlite, which
 * is the fastest path PGlite offers. Used by the area import and the seeder; `copyRowsIn`
 * does the same on a transaction's own connection (the bulk import's commit: all or nothing).
 */
import { Readable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import { from as copyFrom } from 'pg-copy-streams';
import type { Database, Tx } from './client.js';

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

interface CopySession {
  client: { query(...args: unknown[]): unknown };
  constructor: { name: string };
}

/**
 * Appends rows to `table(columns)` with COPY on the connection of the transaction `tx`
 * (drizzle's session client: a pg PoolClient, or PGlite's transaction), so the rows commit or
 * roll back with it. The caller batches.
 */
export async function copyRowsIn(tx: Tx, table: string, columns: string[], rows: Iterable<readonly Cell[]>): Promise<void> {
  const csv = toCsv(rows);
  if (!csv) return;
  const target = `${table} (${columns.map((c) => `"${c}"`).join(', ')})`;
  const session = (tx as unknown as { session: CopySession }).session;
  if (session.constructor.name === 'PgliteSession') {
    await (session.client.query(`COPY ${target} FROM '/dev/blob' WITH (FORMAT csv)`, [], { blob: new Blob([csv]) }) as Promise<unknown>);
    return;
  }
  await pipeline(Readable.from([csv]), session.client.query(copyFrom(`COPY ${target} FROM STDIN WITH (FORMAT csv)`)) as NodeJS.WritableStream);
}
