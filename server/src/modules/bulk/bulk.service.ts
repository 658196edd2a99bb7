/**
 * Bulk import and export of the register (issue 16). The service owns authorization
 * (registry writers import, inside their area; registry readers export, masked by role),
 * validation (bulk.check.ts) and the commit's one transaction: the job row locked, the
 * county's import lock taken (a second commit of the same county at once is refused, never
 * interleaved), the rows the upload staged (bulk.stage.ts) checked again against the register
 * as it is and moved in set-based (bulk.staging.store.ts), the audit record and the change
 * events — all or nothing. Idempotent by
 * file hash: the same file for the same area is the same job, and a committed job commits
 * nothing again. A process killed mid-commit leaves the job uncommitted (its transaction
 * never committed); committing again starts it cleanly.
 */
import { createHash, randomUUID } from 'node:crypto';
import type { Writable } from 'node:stream';
import { inScope, canSeePersonalData } from '../../auth/caller.js';
import { requireRegistryReader, requireRegistryWriter } from '../../auth/require.js';
import type { Context } from '../../graphql/context.js';
import { ApiError, badInput, conflict, notFound } from '../../graphql/errors.js';
import { checkAreaCode } from '../area/area.service.js';
import { recordBatchWrite } from '../audit/audit.service.js';
import { runPass } from './bulk.check.js';
import { writeRegister, writeSheets } from './bulk.export.js';
import type { Report, RowProblem } from './bulk.report.js';
import type { ImportJob, ImportResult } from './bulk.contract.js';
import { describe, problemsByRow, withProblems } from './bulk.report.js';
import { openRows } from './bulk.read.js';
import { openSink, type Format } from './bulk.sink.js';
import { bulkStore, type JobRow } from './bulk.store.js';
import { CORRECTABLE, Stager } from './bulk.stage.js';
import { stagingStore, type Conflict } from './bulk.staging.store.js';
import { byKey } from './bulk.columns.js';
import { problem } from './bulk.row.js';
import { changeStore } from '../change/change.store.js';
import type { Tx } from '../../db/client.js';

const CHUNK = 1 << 20;

const toJob = (j: JobRow, reused?: boolean): ImportJob => ({
  id: j.id, areaCode: j.areaCode, status: j.status as ImportJob['status'], fileName: j.fileName, fileHash: j.fileHash!, size: j.size,
  createdAt: j.createdAt.toISOString(), committedAt: j.committedAt?.toISOString() ?? null, ...(reused !== undefined && { reused }),
  report: j.report as Report, result: j.result as ImportResult | null,
});

/** The area an import may be for: a county, or a township or village of it, inside the caller's area. */
function checkImportArea(ctx: Context, areaCode: string | null | undefined) {
  if (!areaCode) throw badInput([{ field: 'areaCode', reason: 'name the area the file is for: ?areaCode=<6-, 9- or 12-digit code>, e.g. 433124' }]);
  checkAreaCode(areaCode, 'areaCode');
  if (areaCode.length < 6) throw badInput([{ field: 'areaCode', reason: 'an import is for one county (6 digits), or a township or village of it: split a larger file by county' }]);
  if (!inScope(ctx.caller, areaCode)) throw notFound(`area ${areaCode}`);
}

/** Removes a job, its file and its staged rows. */
async function discard(db: Tx, id: string) {
  await stagingStore.clear(db, id);
  await bulkStore.remove(db, id);
}

/** A problem the commit's checks found against the register as it is now, at its row and column. */
function conflictProblem(ctx: Context, c: Conflict): RowProblem {
  const mine = c.village_code !== null && inScope(ctx.caller, c.village_code);
  switch (c.rule) {
    case 'VERSION':
      return problem(c.file_row, byKey.get('version'), c.value, 'VERSION', `household ${c.number} was changed since the upload (version ${c.version} in the register, ${c.value} when the file was checked): export it again and reapply your changes`);
    case 'REGISTERED':
      return problem(c.file_row, byKey.get('idNumber'), c.value, 'REGISTERED', mine
        ? `registered since the upload in household ${c.number}: a person is registered once nationally; correct that household instead`
        : 'registered since the upload in a household outside your area; ask the county office');
    case 'NUMBER':
      return problem(c.file_row, byKey.get('householdNumber'), c.value, 'REGISTERED', 'this household number was registered since the upload: leave 户编号 empty for a new household (use 户序号), or export again to correct it');
    case 'YEAR_RECORDED':
      return problem(c.file_row, byKey.get('year'), c.value, 'YEAR_RECORDED', `household ${c.number} has a record for ${c.value} since the upload; yearly records are never overwritten: leave that year out`);
  }
}

const isJobId = (id: string) => /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i.test(id);

export const bulkService = {
  /**
   * Stores an uploaded file (streamed, in chunks, at most `maxBytes`), validates every row
   * and returns the job with its report. A file-level problem (empty, unreadable header)
   * is BAD_USER_INPUT and nothing is kept.
   */
  async upload(ctx: Context, input: { areaCode?: string | null; fileName?: string | null; body: AsyncIterable<Buffer>; maxBytes: number }): Promise<ImportJob> {
    requireRegistryWriter(ctx.caller);
    checkImportArea(ctx, input.areaCode);
    const areaCode = input.areaCode!;
    const id = randomUUID();
    await bulkStore.createJob(ctx.db, { id, areaCode, actor: ctx.caller.id, fileName: input.fileName?.slice(0, 200) ?? null, format: 'unknown', status: 'UPLOADING' });
    try {
      const hash = createHash('sha256');
      let size = 0;
      let seq = 0;
      let pending: Buffer[] = [];
      let pendingSize = 0;
      const flush = async () => {
        if (!pendingSize) return;
        await bulkStore.appendChunk(ctx.db, id, seq++, Buffer.concat(pending));
        pending = [];
        pendingSize = 0;
      };
      for await (const chunk of input.body) {
        size += chunk.length;
        if (size > input.maxBytes) throw new ApiError('BAD_USER_INPUT', `the file is over ${input.maxBytes} bytes, the most one upload may hold: split it by township`, { field: 'file', reason: 'too large', http: { status: 413 } });
        hash.update(chunk);
        pending.push(chunk);
        pendingSize += chunk.length;
        if (pendingSize >= CHUNK) await flush();
      }
      await flush();
      const fileHash = hash.digest('hex');
      const prior = await bulkStore.byHash(ctx.db, ctx.caller, fileHash, areaCode);
      if (prior) {
        await bulkStore.remove(ctx.db, id);
        return toJob(prior, true);
      }
      const stager = new Stager(ctx.db, id);
      const pass = await runPass(ctx.db, ctx, bulkStore.chunks(ctx.db, id), { areaCode, write: (b) => stager.write(b) });
      if (pass.fileProblems) throw badInput(pass.fileProblems);
      const report = pass.report.toReport();
      if (report.errors) await stagingStore.clear(ctx.db, id);
      try {
        await bulkStore.update(ctx.db, id, { fileHash, size, format: report.format, status: report.errors ? 'INVALID' : 'VALID', report });
      } catch (e) {
        // The same file uploaded at the same moment by another request: that one's job stands.
        const other = await bulkStore.byHash(ctx.db, ctx.caller, fileHash, areaCode);
        if (!other) throw e;
        await discard(ctx.db, id);
        return toJob(other, true);
      }
      return toJob((await bulkStore.byId(ctx.db, ctx.caller, id))!, false);
    } catch (e) {
      await discard(ctx.db, id).catch(() => undefined);
      throw e;
    }
  },

  async get(ctx: Context, id: string): Promise<ImportJob> {
    requireRegistryWriter(ctx.caller);
    const job = isJobId(id) ? await bulkStore.byId(ctx.db, ctx.caller, id) : undefined;
    if (!job || job.status === 'UPLOADING') throw notFound(`import ${id}`);
    return toJob(job);
  },

  /**
   * Commits a validated job: all rows or none. The rows were staged by the upload's
   * validation (bulk.stage.ts); the commit checks them against the register as it is now
   * (one statement, bulk.staging.store.ts `conflicts`), numbers the new households under the
   * villages' number locks and moves them in with a few set-based statements. When the staged
   * rows are gone (PostgreSQL restarted: the staging tables are UNLOGGED), it validates and
   * stages the file again first, inside the same transaction.
   */
  async commit(ctx: Context, id: string): Promise<ImportJob> {
    requireRegistryWriter(ctx.caller);
    await bulkService.get(ctx, id);
    let failed: Report | undefined;
    try {
      await ctx.db.transaction(async (tx) => {
        const job = await bulkStore.lockJob(tx, ctx.caller, id);
        if (!job) throw notFound(`import ${id}`);
        if (job.status === 'COMMITTED') return;
        if (job.status === 'INVALID') {
          const r = job.report as Report;
          throw badInput([{ field: 'file', reason: `the file has ${r.errors} error${r.errors === 1 ? '' : 's'}: download /imports/${id}/report.csv, correct the rows and upload the file again` }]);
        }
        const county = job.areaCode.slice(0, 6);
        if (!(await bulkStore.tryCountyLock(tx, county))) {
          throw conflict(`another import of county ${county} is being committed right now: try again when it has finished`);
        }
        let report = job.report as Report;
        const changed = (r: Report) => badInput([{ field: 'file', reason: `the register changed since the upload: ${r.errors} row problem${r.errors === 1 ? '' : 's'} now (e.g. row ${r.problems.find((p) => p.severity === 'ERROR')?.row}: ${r.problems.find((p) => p.severity === 'ERROR')?.reason}); nothing was written — download the report` }]);
        if ((await stagingStore.count(tx, id)) !== report.households - report.unchanged) {
          await stagingStore.clear(tx, id);
          const stager = new Stager(tx, id);
          const pass = await runPass(tx, ctx, bulkStore.chunks(tx, id), { areaCode: job.areaCode, lock: true, write: (b) => stager.write(b) });
          if (pass.fileProblems) throw badInput(pass.fileProblems);
          report = pass.report.toReport();
          if (report.errors) throw changed((failed = report));
        }
        const found = (await stagingStore.conflicts(tx, id)).map((c) => conflictProblem(ctx, c));
        if (found.length) throw changed((failed = withProblems(report, found)));
        await bulkStore.lockNumbers(tx, [...(await bulkStore.villagesIn(tx, ctx.caller, job.areaCode))]);
        const full = await stagingStore.overflowing(tx, id);
        if (full.length) throw badInput([{ field: 'file', reason: `village ${full.join(', ')} would have more than 9,999 households: give the new households numbers, or split the village` }]);
        await stagingStore.assignNumbers(tx, id);
        const totals = await stagingStore.moveIn(tx, id, ctx.caller.id, CORRECTABLE);
        if (totals.corrected !== (await stagingStore.corrections(tx, id))) {
          throw conflict('a household of the file was corrected by someone else while this import was committed: nothing was written; commit again to see which');
        }
        const result = { ...totals, warnings: report.warnings };
        await recordBatchWrite(tx, ctx, {
          operation: 'importHouseholds', entityType: 'Import', entityId: id, areaCode: job.areaCode, before: null,
          after: { fileHash: job.fileHash, fileName: job.fileName, ...result },
        }, []);
        await changeStore.notify(tx);
        await bulkStore.update(tx, id, { status: 'COMMITTED', committedAt: new Date(), result, report });
        await stagingStore.clear(tx, id);
      });
    } catch (e) {
      if (failed) await bulkStore.update(ctx.db, id, { status: 'INVALID', report: failed });
      throw e;
    }
    return bulkService.get(ctx, id);
  },

  /** The uploaded file's rows with an error column 错误 (errors and warnings of each row), as CSV or XLSX. */
  async writeReport(ctx: Context, id: string, format: Format, out: Writable): Promise<void> {
    const job = await bulkService.get(ctx, id);
    const byRow = problemsByRow(job.report!);
    const opened = await openRows(bulkStore.chunks(ctx.db, id));
    const sink = openSink(format, out, 'report');
    if ('empty' in opened) return sink.end();
    let header = true;
    const fileLevel = byRow.get(0);
    for await (const r of opened.rows) {
      if (header) {
        if (r.cells.every((c) => !c.trim())) continue;
        await sink.write(['错误 (errors)', ...r.cells]);
        if (fileLevel) await sink.write([describe(fileLevel)]);
        header = false;
        continue;
      }
      await sink.write([describe(byRow.get(r.row) ?? []), ...r.cells]);
    }
    await sink.end();
  },

  /** Checks an export request before anything is written to the response. */
  prepareExport(ctx: Context, areaCode: string | null, format: string | null, layout: string | null = null) {
    requireRegistryReader(ctx.caller);
    if (!areaCode) throw badInput([{ field: 'areaCode', reason: 'name the area to export: ?areaCode=433124 (a county, township or village code)' }]);
    checkAreaCode(areaCode, 'areaCode');
    if (areaCode.length < 6) throw badInput([{ field: 'areaCode', reason: 'an export is of one county (6 digits), or a township or village of it' }]);
    if (format !== 'csv' && format !== 'xlsx') throw badInput([{ field: 'format', reason: 'format must be csv or xlsx' }]);
    if (layout !== null && layout !== 'rows' && layout !== 'sheets') throw badInput([{ field: 'layout', reason: 'layout must be rows (one row per member, the default) or sheets (a household sheet and a member sheet)' }]);
    if (layout === 'sheets' && format !== 'xlsx') throw badInput([{ field: 'layout', reason: 'a household sheet and a member sheet need XLSX (format=xlsx); a CSV file holds one sheet: one row per member' }]);
    if (!inScope(ctx.caller, areaCode)) throw notFound(`area ${areaCode}`);
    return { areaCode, format: format as Format, layout: (layout ?? 'rows') as 'rows' | 'sheets' };
  },

  async export(ctx: Context, areaCode: string, format: Format, out: Writable, style: 'zh' | 'en' | 'both' = 'zh', layout: 'rows' | 'sheets' = 'rows') {
    const hidden = !canSeePersonalData(ctx.caller);
    if (layout === 'sheets') return writeSheets(ctx.db, ctx.caller, areaCode, out, hidden, style);
    return writeRegister(ctx.db, ctx.caller, areaCode, openSink(format, out), hidden, style);
  },
};
