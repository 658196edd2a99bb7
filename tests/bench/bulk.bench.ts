/**
 * `pnpm bench:bulk`: the bulk path at county scale on PostgreSQL (issue 16). Seeds
 * BENCH_BULK_HOUSEHOLDS (default 100,000, ~350,000 members) households into a source
 * database with the seed generators (`jingzhun seed`), exports the county as CSV through
 * a server on it, then uploads (validates) and commits that file into an empty registry
 * through a second server, and prints the time of each step and the importing server's
 * peak resident memory (VmHWM of /proc/<pid>/status, Linux). Timings live here, never in tests.
 */
import { createWriteStream, mkdtempSync, readFileSync, rmSync, statSync, createReadStream } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Readable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import { SignJWT } from 'jose';
import { adminQuery, databaseUrl } from '../support/pg-admin.js';
import { cli, serverEnv, startServer, type StartedServer } from '../setup/server.js';

const N = Number(process.env.BENCH_BULK_HOUSEHOLDS || 100_000);
const COUNTY = '433124';

const sign = (env: Record<string, string>) => new SignJWT({ role: 'official', area: COUNTY, sub: 'bench' }).setProtectedHeader({ alg: 'HS256' })
  .setIssuer('jingzhun').setAudience('jingzhun-api').setIssuedAt().setExpirationTime('2h').sign(new TextEncoder().encode(env.JWT_SECRET));
const base = (s: StartedServer) => s.url.replace(/\/graphql$/, '');
const peakRss = (pid: number) => {
  const m = /VmHWM:\s+(\d+) kB/.exec(readFileSync(`/proc/${pid}/status`, 'utf8'));
  return m ? `${(Number(m[1]) / 1024).toFixed(0)} MB` : 'unknown';
};
const secs = (t: number) => `${((Date.now() - t) / 1000).toFixed(1)} s`;

async function json(res: Response) {
  const body = await res.json();
  if (!res.ok) throw new Error(JSON.stringify(body).slice(0, 500));
  return body as { id: string; status: string; report: Record<string, unknown>; result: unknown };
}

const source = `jingzhun_bench_bulk_src_${process.pid}`;
const target = `jingzhun_bench_bulk_dst_${process.pid}`;
const dir = mkdtempSync(join(tmpdir(), 'jingzhun-bench-bulk-'));
const file = join(dir, 'register.csv');
await adminQuery(`create database ${source}`);
await adminQuery(`create database ${target}`);
try {
  const srcEnv = { ...serverEnv({ DATABASE_URL: databaseUrl(source) }), SEED_DEMO: 'false', WEBHOOKS: 'false' };
  let t = Date.now();
  await cli(srcEnv, 'areas', 'import', '--demo');
  await cli(srcEnv, 'seed', '--households', String(N));
  console.log(`seeded ${N} households in ${secs(t)}`);
  const src = await startServer(srcEnv);
  try {
    t = Date.now();
    const res = await fetch(`${base(src)}/export?areaCode=${COUNTY}&format=csv`, { headers: { authorization: `Bearer ${await sign(srcEnv)}` } });
    if (!res.ok) throw new Error(await res.text());
    await pipeline(Readable.fromWeb(res.body as never), createWriteStream(file));
    console.log(`export CSV: ${statSync(file).size} bytes in ${secs(t)} (source server peak RSS ${peakRss(src.child.pid!)})`);
  } finally {
    await src.stop();
  }

  const dstEnv = { ...serverEnv({ DATABASE_URL: databaseUrl(target) }), SEED_DEMO: 'false', WEBHOOKS: 'false', IMPORT_MAX_BYTES: String(1 << 30) };
  await cli(dstEnv, 'areas', 'import', '--demo');
  const dst = await startServer(dstEnv);
  try {
    const auth = { authorization: `Bearer ${await sign(dstEnv)}` };
    t = Date.now();
    const job = await json(await fetch(`${base(dst)}/imports?areaCode=${COUNTY}`, { method: 'POST', headers: auth, body: Readable.toWeb(createReadStream(file)) as never, duplex: 'half' } as RequestInit));
    const r = job.report as { rows: number; households: number; members: number; errors: number; warnings: number };
    console.log(`upload + validate: ${r.rows} rows, ${r.households} households, ${r.members} members, ${r.errors} errors, ${r.warnings} warnings in ${secs(t)} (peak RSS so far ${peakRss(dst.child.pid!)})`);
    t = Date.now();
    const done = await json(await fetch(`${base(dst)}/imports/${job.id}/commit`, { method: 'POST', headers: auth }));
    console.log(`commit: ${JSON.stringify(done.result)} in ${secs(t)}; importing server peak RSS ${peakRss(dst.child.pid!)}`);
  } finally {
    await dst.stop();
  }
} finally {
  rmSync(dir, { recursive: true, force: true });
  await adminQuery(`drop database if exists ${source} with (force)`);
  await adminQuery(`drop database if exists ${target} with (force)`);
}
