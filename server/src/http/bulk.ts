/**
 * The bulk paths beside /graphql (issue 16), with the same bearer token, area scope and
 * error shape as /graphql and GET /statistics.csv: errors are JSON `{ errors: [{ message,
 * extensions: { code, field, reason, problems } }] }` with the HTTP status of the code.
 *   POST /imports?areaCode=…&fileName=…      the file as the raw body (CSV or XLSX) → 201 the job and its report
 *   GET  /imports/:id                        the job, its status and report
 *   GET  /imports/:id/report.csv|.xlsx       the file's rows with an error column
 *   POST /imports/:id/commit                 commits it, all or nothing → the job with its result
 *   GET  /export?areaCode=…&format=csv|xlsx[&headers=zh|en|both][&layout=rows|sheets]  the register in the
 *                                            same layout (sheets: XLSX household sheet + member sheet), streamed
 */
import type { IncomingMessage, ServerResponse } from 'node:http';
import { GraphQLError } from 'graphql';
import type { Context } from '../graphql/context.js';
import { bulkService } from '../modules/bulk/bulk.service.js';
import { CONTENT_TYPE, type Format } from '../modules/bulk/bulk.sink.js';
import { log } from '../lib/log.js';

const STATUS: Record<string, number> = { UNAUTHENTICATED: 401, FORBIDDEN: 403, NOT_FOUND: 404, BAD_USER_INPUT: 400, CONFLICT: 409 };

function sendJson(res: ServerResponse, status: number, body: unknown) {
  res.writeHead(status, { 'content-type': 'application/json; charset=utf-8' });
  res.end(JSON.stringify(body));
}

function sendError(res: ServerResponse, e: GraphQLError) {
  const { http, ...extensions } = e.extensions as { http?: { status?: number } } & Record<string, unknown>;
  const code = String(extensions.code ?? 'INTERNAL_SERVER_ERROR');
  sendJson(res, http?.status ?? STATUS[code] ?? 500, { errors: [{ message: e.message, extensions }] });
}

const IMPORT = /^\/imports\/([^/]+)(?:\/(commit|report\.csv|report\.xlsx))?$/;

/** Whether the path is one of the bulk paths. */
export const isBulkPath = (path: string) => path === '/imports' || path === '/export' || IMPORT.test(path);

export async function handleBulk(req: IncomingMessage, res: ServerResponse, url: URL, context: () => Promise<Context>, maxBytes: number) {
  const started = Date.now();
  try {
    const ctx = await context();
    const path = url.pathname;
    if (path === '/imports' && req.method === 'POST') {
      const declared = Number(req.headers['content-length'] ?? 0);
      if (declared > maxBytes) return sendJson(res, 413, { errors: [{ message: `the file is over ${maxBytes} bytes, the most one upload may hold: split it by township`, extensions: { code: 'BAD_USER_INPUT', field: 'file', reason: 'too large' } }] });
      const job = await bulkService.upload(ctx, { areaCode: url.searchParams.get('areaCode'), fileName: url.searchParams.get('fileName'), body: req, maxBytes });
      log.info({ requestId: ctx.requestId, job: job.id, ms: Date.now() - started, rows: job.report?.rows }, 'import uploaded');
      return sendJson(res, job.reused ? 200 : 201, job);
    }
    if (path === '/export' && req.method === 'GET') {
      const { areaCode, format, layout } = bulkService.prepareExport(ctx, url.searchParams.get('areaCode'), url.searchParams.get('format'), url.searchParams.get('layout'));
      const style = (['zh', 'en', 'both'] as const).find((s) => s === url.searchParams.get('headers')) ?? 'zh';
      res.writeHead(200, { 'content-type': CONTENT_TYPE[format], 'content-disposition': `attachment; filename="register-${areaCode}.${format}"` });
      const r = await bulkService.export(ctx, areaCode, format, res, style, layout);
      log.info({ requestId: ctx.requestId, areaCode, ms: Date.now() - started, ...r }, 'register exported');
      return;
    }
    const m = IMPORT.exec(path);
    if (m && !m[2] && req.method === 'GET') return sendJson(res, 200, await bulkService.get(ctx, m[1]!));
    if (m && m[2] === 'commit' && req.method === 'POST') {
      const job = await bulkService.commit(ctx, m[1]!);
      log.info({ requestId: ctx.requestId, job: job.id, ms: Date.now() - started }, 'import committed');
      return sendJson(res, 200, job);
    }
    if (m && m[2]?.startsWith('report.') && req.method === 'GET') {
      const format = m[2].slice('report.'.length) as Format;
      await bulkService.get(ctx, m[1]!);
      res.writeHead(200, { 'content-type': CONTENT_TYPE[format], 'content-disposition': `attachment; filename="import-${m[1]}-report.${format}"` });
      return await bulkService.writeReport(ctx, m[1]!, format, res);
    }
    return sendJson(res, 405, { errors: [{ message: `${req.method} ${path} is not a bulk operation: see the README "Bulk import and export"`, extensions: { code: 'BAD_REQUEST' } }] });
  } catch (e) {
    if (e instanceof GraphQLError && !res.headersSent) return sendError(res, e);
    throw e;
  }
}
