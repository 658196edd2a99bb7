/**
 * Bulk import and export over the REST paths beside /graphql (server http/bulk.ts): the
 * same token and area scope, errors as the SDK's error classes (./errors.ts). The body is
 * sent as it is (CSV or XLSX bytes, a file's stream on Node); the job and report types are
 * the server's own (server/src/modules/bulk/bulk.contract.ts, copied by `pnpm generate`).
 *
 *   const job = await importFile({ url, token }, bytes, { areaCode: '433124', fileName: 'a.csv' });
 *   if (job.report.errors === 0) await commitImport({ url, token }, job.id);
 *   const csv = await exportRegister({ url, token }, { areaCode: '433124', format: 'csv' });
 */
import { toError, NetworkError, type GraphQLErrorBody } from './errors.js';
import type { ImportJob } from './generated/bulk.js';

export interface BulkOptions {
  /** The GraphQL endpoint (…/graphql) or the server's base URL; the bulk paths are beside it. */
  url: string;
  token?: string;
  fetch?: typeof fetch;
}

export type { ImportJob, ImportProblem, ImportReport, ImportResult } from './generated/bulk.js';

/** A body read as it is sent (a stream or an async iterable of bytes): fetch needs `duplex: 'half'` for it. */
const streamed = (body: unknown) =>
  !!body && typeof body === 'object' && (Symbol.asyncIterator in body || (typeof ReadableStream !== 'undefined' && body instanceof ReadableStream));

const base = (url: string) => url.replace(/\/graphql\/?$/, '').replace(/\/$/, '');

async function call(o: BulkOptions, method: string, path: string, body?: BodyInit): Promise<Response> {
  const f = o.fetch ?? fetch;
  let res: Response;
  try {
    res = await f(`${base(o.url)}${path}`, {
      method, body, headers: { ...(o.token && { authorization: `Bearer ${o.token}` }) }, ...(streamed(body) ? { duplex: 'half' } : {}),
    } as RequestInit);
  } catch (e) {
    throw new NetworkError({ message: `the server could not be reached: ${(e as Error).message}`, extensions: { code: 'NETWORK_ERROR' } }, []);
  }
  if (!res.ok) {
    const text = await res.text();
    let errors: GraphQLErrorBody[];
    try {
      errors = (JSON.parse(text) as { errors: GraphQLErrorBody[] }).errors;
    } catch {
      errors = [{ message: `HTTP ${res.status}: ${text.slice(0, 200)}`, extensions: { code: res.status >= 500 ? 'INTERNAL_SERVER_ERROR' : 'BAD_REQUEST' } }];
    }
    throw toError(errors, res.headers.get('x-request-id') ?? undefined);
  }
  return res;
}

/** Uploads a file (CSV or XLSX) for an area and returns the job with its validation report. Nothing is written to the register yet. */
export async function importFile(o: BulkOptions, file: BodyInit | Uint8Array, opts: { areaCode: string; fileName?: string }): Promise<ImportJob> {
  const q = new URLSearchParams({ areaCode: opts.areaCode, ...(opts.fileName && { fileName: opts.fileName }) });
  return (await call(o, 'POST', `/imports?${q}`, file as BodyInit)).json() as Promise<ImportJob>;
}

export async function getImport(o: BulkOptions, id: string): Promise<ImportJob> {
  return (await call(o, 'GET', `/imports/${encodeURIComponent(id)}`)).json() as Promise<ImportJob>;
}

/** Commits a valid job: every household of the file or none. Committing a committed job again writes nothing. */
export async function commitImport(o: BulkOptions, id: string): Promise<ImportJob> {
  return (await call(o, 'POST', `/imports/${encodeURIComponent(id)}/commit`)).json() as Promise<ImportJob>;
}

/** The uploaded file with an error column, as CSV or XLSX bytes. */
export async function importReport(o: BulkOptions, id: string, format: 'csv' | 'xlsx' = 'csv'): Promise<Uint8Array> {
  return new Uint8Array(await (await call(o, 'GET', `/imports/${encodeURIComponent(id)}/report.${format}`)).arrayBuffer());
}

/** What to export: an area (county, township or village), CSV or XLSX, the headers' language, and for XLSX one row per member (rows) or a household sheet and a member sheet (sheets). */
export interface ExportOptions {
  areaCode: string;
  format: 'csv' | 'xlsx';
  headers?: 'zh' | 'en' | 'both';
  layout?: 'rows' | 'sheets';
}

/** The register of an area in the import's layout; `stream: true` gives the response body to read as it comes. */
export async function exportRegister(o: BulkOptions, opts: ExportOptions): Promise<Uint8Array> {
  const res = await exportResponse(o, opts);
  return new Uint8Array(await res.arrayBuffer());
}

/** The export's response, to stream its body (e.g. to a file). */
export async function exportResponse(o: BulkOptions, opts: ExportOptions): Promise<Response> {
  const q = new URLSearchParams({ areaCode: opts.areaCode, format: opts.format, ...(opts.headers && { headers: opts.headers }), ...(opts.layout && { layout: opts.layout }) });
  return call(o, 'GET', `/export?${q}`);
}
