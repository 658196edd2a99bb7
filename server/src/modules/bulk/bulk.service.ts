/**
 * Bulk import and export of the register (issue 16). The service owns authorization
 * (registry writers import, inside their area; registry readers export, masked by role),
 * validation (bulk.check.ts) and the commit's one transaction: the job row locked, the
 * county's import lock taken (a second commit of the same county at once is refused, never
 * interleaved), every row checked again against the register as it is, the writes
 * (bulk.write.ts), the audit record and the change events — all or nothing. Idempotent by
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
import { writeRegister } from './bulk.export.js';
import type { Report } from './bulk.report.js';
import { describe, problemsByRow } from './bulk.report.js';
import { openRows } from './bulk.read.js';
import { openSink, type Format } from './bulk.sink.js';
import { bulkStore, type JobRow } from './bulk.store.js';
import { Writer } from './bulk.write.js';

const CHUNK = 1 << 20;

export interface ImportJob {
  id: string;
  areaCode: string;
  status: string;
  fileName: string | null;
  fileHash: string | null;
  size: number;
  createdAt: string;
  committedAt: string | null;
  /** True when this upload was a file already uploaded for this area: the same job is returned. */
  reused?: boolean;
  report: Report | null;
  result: unknown;
}

const toJob = (j: JobRow, reused?: boolean): ImportJob => ({
  id: j.id, areaCode: j.areaCode, status: j.status, fileName: j.fileName, fileHash: j.fileHash, size: j.size,
  createdAt: j.createdAt.toISOString(), committedAt: j.committedAt?.toISOString() ?? null, ...(reused !== undefined && { reused }),
  report: j.report as Report | null, result: j.result,
});

/** The area an import may be for: a county, or a township or village of it, inside the caller's area. */
function checkImportArea(ctx: Context, areaCode: string | null | undefined) {
  if (!areaCode) throw badInput([{ field: 'areaCode', reason: 'name the area the file is for: ?areaCode=<6-, 9- or 12-digit code>, e.g. 433124' }]);
  checkAreaCode(areaCode, 'areaCode');
  if (areaCode.length < 6) throw badInput([{ field: 'areaCode', reason: 'an import is for one county (6 digits), or a township or village of it: split a larger file by county' }]);
  if (!inScope(ctx.caller, areaCode)) throw notFound(`area ${areaCode}`);
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
      const pass = await runPass(ctx.db, ctx, bulkStore.chunks(ctx.db, id), { areaCode });
      if (pass.fileProblems) throw badInput(pass.fileProblems);
      const report = pass.report.toReport();
      try {
        await bulkStore.update(ctx.db, id, { fileHash, size, format: report.format, status: report.errors ? 'INVALID' : 'VALID', report });
      } catch (e) {
        // The same file uploaded at the same moment by another request: that one's job stands.
        const other = await bulkStore.byHash(ctx.db, ctx.caller, fileHash, areaCode);
        if (!other) throw e;
        await bulkStore.remove(ctx.db, id);
        return toJob(other, true);
      }
      return toJob((await bulkStore.byId(ctx.db, ctx.caller, id))!, false);
    } catch (e) {
      await bulkStore.remove(ctx.db, id).catch(() => undefined);
      throw e;
    }
  },

  async get(ctx: Context, id: string): Promise<ImportJob> {
    requireRegistryWriter(ctx.caller);
    const job = isJobId(id) ? await bulkStore.byId(ctx.db, ctx.caller, id) : undefined;
    if (!job || job.status === 'UPLOADING') throw notFound(`import ${id}`);
    return toJob(job);
  },

  /** Commits a validated job: all rows or none. */
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
        const villages = [...(await bulkStore.villagesIn(tx, ctx.caller, job.areaCode))];
        const last = await bulkStore.lastNumbers(tx, villages, job.areaCode);
        const writer = new Writer(tx, ctx, last, (job.report as Report).highestGiven ?? {});
        const pass = await runPass(tx, ctx, bulkStore.chunks(tx, id), { areaCode: job.areaCode, write: (b) => writer.write(b) });
        const report = pass.report.toReport();
        if (pass.fileProblems) throw badInput(pass.fileProblems);
        if (report.errors) {
          failed = report;
          throw badInput([{ field: 'file', reason: `the register changed since the upload: ${report.errors} row problem${report.errors === 1 ? '' : 's'} now (e.g. row ${report.problems[0]?.row}: ${report.problems[0]?.reason}); nothing was written — download the report` }]);
        }
        const result = { ...writer.totals, warnings: report.warnings };
        await recordBatchWrite(tx, ctx, {
          operation: 'importHouseholds', entityType: 'Import', entityId: id, areaCode: job.areaCode, before: null,
          after: { fileHash: job.fileHash, fileName: job.fileName, ...result },
        }, []);
        await bulkStore.update(tx, id, { status: 'COMMITTED', committedAt: new Date(), result, report });
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
  prepareExport(ctx: Context, areaCode: string | null, format: string | null) {
    requireRegistryReader(ctx.caller);
    if (!areaCode) throw badInput([{ field: 'areaCode', reason: 'name the area to export: ?areaCode=433124 (a county, township or village code)' }]);
    checkAreaCode(areaCode, 'areaCode');
    if (areaCode.length < 6) throw badInput([{ field: 'areaCode', reason: 'an export is of one county (6 digits), or a township or village of it' }]);
    if (format !== 'csv' && format !== 'xlsx') throw badInput([{ field: 'format', reason: 'format must be csv or xlsx' }]);
    if (!inScope(ctx.caller, areaCode)) throw notFound(`area ${areaCode}`);
    return { areaCode, format: format as Format };
  },

  async export(ctx: Context, areaCode: string, format: Format, out: Writable, style: 'zh' | 'en' | 'both' = 'zh') {
    return writeRegister(ctx.db, ctx.caller, areaCode, openSink(format, out), !canSeePersonalData(ctx.caller), style);
  },
};
