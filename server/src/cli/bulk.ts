/**
 * `jingzhun import FILE` and `jingzhun export`: the bulk paths of a running server over
 * HTTP (http/bulk.ts), so the token's role and area apply exactly as to any client. The
 * server is `--url` or JINGZHUN_URL (default http://127.0.0.1:4000), the token `--token` or
 * JINGZHUN_TOKEN. The upload shows a progress bar (./progress.ts); the report is printed
 * as a table of problems (the first 50) and, with `--report FILE`, saved with the rows.
 */
import { createReadStream, createWriteStream, statSync } from 'node:fs';
import { Readable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import type { ImportJob } from '../modules/bulk/bulk.contract.js';
import { withProgress } from './progress.js';

export interface Remote {
  url?: string;
  token?: string;
}

type Job = ImportJob;

function remote(o: Remote) {
  const url = (o.url ?? process.env.JINGZHUN_URL ?? 'http://127.0.0.1:4000').replace(/\/graphql\/?$/, '').replace(/\/$/, '');
  const token = o.token ?? process.env.JINGZHUN_TOKEN;
  if (!token) throw new Error('no token: pass --token or set JINGZHUN_TOKEN (for development, `pnpm jingzhun token` prints one)');
  return { url, headers: { authorization: `Bearer ${token}` } };
}

async function call(o: Remote, method: string, path: string, body?: AsyncIterable<Uint8Array>): Promise<Response> {
  const r = remote(o);
  const res = await fetch(`${r.url}${path}`, { method, headers: r.headers, body: body as never, ...(body && { duplex: 'half' }) } as RequestInit);
  if (!res.ok) {
    const text = await res.text();
    let message = `HTTP ${res.status}`;
    try {
      const e = (JSON.parse(text) as { errors: { message: string; extensions?: { code?: string; problems?: { field: string; reason: string }[] } }[] }).errors[0]!;
      message = `${e.extensions?.code ?? 'ERROR'}: ${e.message}${e.extensions?.problems && e.extensions.problems.length > 1 ? '\n' + e.extensions.problems.map((p) => `  ${p.field}: ${p.reason}`).join('\n') : ''}`;
    } catch { message += `: ${text.slice(0, 300)}`; }
    throw new Error(message);
  }
  return res;
}

function printReport(job: Job) {
  const r = job.report;
  console.log(`import ${job.id}${job.reused ? ' (this file was uploaded before: the same job)' : ''}: ${job.status}`);
  console.log(`  ${r.format} ${r.encoding}, ${r.rows} rows: ${r.households} households (${r.corrections} corrections, ${r.unchanged} unchanged), ${r.members} members, ${r.years} new yearly records`);
  console.log(`  ${r.errors} errors, ${r.warnings} warnings`);
  const shown = r.problems.filter((p) => p.severity === 'ERROR').concat(r.problems.filter((p) => p.severity !== 'ERROR')).slice(0, 50);
  for (const p of shown) console.log(`  row ${p.row}${p.column ? ` ${p.column}` : ''}${p.value ? ` "${p.value}"` : ''}: ${p.severity === 'WARNING' ? '[warning] ' : ''}${p.reason} (${p.rule})`);
  const more = r.errors + r.warnings - shown.length;
  if (more > 0) console.log(`  … and ${more} more: save them all with --report FILE`);
}

export async function importCommand(file: string, o: Remote & { area: string; commit?: boolean; report?: string }) {
  const size = statSync(file).size;
  const name = file.split('/').pop()!;
  const job = await withProgress('upload', size, async (onProgress) => {
    let sent = 0;
    async function* body() {
      for await (const chunk of createReadStream(file)) {
        sent += (chunk as Buffer).length;
        onProgress(sent, size);
        yield chunk as Buffer;
      }
    }
    return (await (await call(o, 'POST', `/imports?${new URLSearchParams({ areaCode: o.area, fileName: name })}`, body())).json()) as Job;
  });
  printReport(job);
  if (o.report) {
    const format = o.report.endsWith('.xlsx') ? 'xlsx' : 'csv';
    const res = await call(o, 'GET', `/imports/${job.id}/report.${format}`);
    await pipeline(Readable.fromWeb(res.body as never), createWriteStream(o.report));
    console.log(`  the rows with an error column: ${o.report}`);
  }
  if (!o.commit) {
    if (job.status === 'VALID') console.log(`  nothing written yet: run again with --commit, or POST /imports/${job.id}/commit`);
    if (job.status === 'INVALID') process.exitCode = 2;
    return;
  }
  if (job.status === 'INVALID') {
    process.exitCode = 2;
    throw new Error('the file has errors: nothing was written; correct the rows and import again');
  }
  const t = Date.now();
  const done = (await (await call(o, 'POST', `/imports/${job.id}/commit`)).json()) as Job;
  console.log(`committed in ${((Date.now() - t) / 1000).toFixed(1)} s: ${JSON.stringify(done.result)}`);
}

export async function exportCommand(o: Remote & { area: string; format: string; out: string; headers?: string; layout?: string }) {
  const t = Date.now();
  const q = new URLSearchParams({ areaCode: o.area, format: o.format, ...(o.headers && { headers: o.headers }), ...(o.layout && { layout: o.layout }) });
  const res = await call(o, 'GET', `/export?${q}`);
  let bytes = 0;
  await withProgress('export (bytes)', 0, async (onProgress) => {
    const counted = Readable.fromWeb(res.body as never);
    counted.on('data', (c: Buffer) => onProgress((bytes += c.length), bytes));
    await pipeline(counted, createWriteStream(o.out));
  });
  console.log(`wrote ${o.out} (${bytes} bytes) in ${((Date.now() - t) / 1000).toFixed(1)} s`);
}
