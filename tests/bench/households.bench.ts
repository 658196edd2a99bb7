/**
 * `pnpm bench`: seeds N households (BENCH_HOUSEHOLDS, default 20,000) in the demo
 * county on PostgreSQL and on PGlite, starts the server on each, and prints p50/p95
 * latency and SQL statements per request of the household page query (100 per
 * page, with village, members, causes and the latest year), walking the pages in
 * order; then statistics (./statistics.ts) and the procedures and history (./procedures.ts;
 * BENCH_STATISTICS_ONLY=true skips them). BENCH_PGLITE=false skips PGlite. Timings live here, never in tests.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { adminQuery, databaseUrl } from '../support/pg-admin.js';
import { SignJWT } from 'jose';
import { createClient, HouseholdsDocument, TypedDocumentString, type HouseholdsQuery, type HouseholdsQueryVariables, type ResponseInfo } from '@jingzhun/sdk';
import { cli, serverEnv, startServer } from '../setup/server.js';
import { benchProcedures } from './procedures.js';
import { benchStatistics } from './statistics.js';

const N = Number(process.env.BENCH_HOUSEHOLDS || 20_000);
const REQUESTS = Number(process.env.BENCH_REQUESTS || 200);

/** The same page without totalCount (a count over the whole area on every page). */
const PageOnly = new TypedDocumentString<HouseholdsQuery, HouseholdsQueryVariables>(HouseholdsDocument.toString().replace(/\btotalCount\b/, ''));

const pct = (xs: number[], p: number) => [...xs].sort((a, b) => a - b)[Math.min(xs.length - 1, Math.floor((p / 100) * xs.length))];

async function bench(label: string, db: Record<string, string>) {
  const env: Record<string, string> = { ...serverEnv(db), SEED_DEMO: 'false' };
  let t = Date.now();
  await cli(env, 'areas', 'import', '--demo');
  await cli(env, 'seed', '--households', String(N));
  const seedSeconds = (Date.now() - t) / 1000;
  const server = await startServer(env);
  try {
    const token = await new SignJWT({ role: 'official', area: '433124', sub: 'bench' }).setProtectedHeader({ alg: 'HS256' })
      .setIssuer('jingzhun').setAudience('jingzhun-api').setIssuedAt().setExpirationTime('1h').sign(new TextEncoder().encode(env.JWT_SECRET));
    const jz = createClient({ url: server.url, token });
    const walk = async (doc: typeof PageOnly) => {
      const times: number[] = [];
      const statements: number[] = [];
      let after: string | null = null;
      for (let i = 0; i < REQUESTS; i++) {
        const info: ResponseInfo = {};
        t = performance.now();
        const d: HouseholdsQuery = await jz.request(doc, { first: 100, after, filter: { areaCode: '433124' } }, info);
        times.push(performance.now() - t);
        statements.push(info.extensions?.sqlStatements as number);
        after = d.households.pageInfo.hasNextPage ? d.households.pageInfo.endCursor : null;
      }
      const warm = times.slice(5);
      return `p50 ${pct(warm, 50).toFixed(1)} ms, p95 ${pct(warm, 95).toFixed(1)} ms, SQL statements ${Math.min(...statements)}–${Math.max(...statements)}`;
    };
    console.log(`${label}: seeded ${N} households in ${seedSeconds.toFixed(1)} s`);
    console.log(`${label}: household page (100, village, members, causes, latest year) with totalCount: ${await walk(HouseholdsDocument)}`);
    console.log(`${label}: the same page without totalCount: ${await walk(PageOnly)}`);
    const sign = (claims: Record<string, unknown>) => new SignJWT({ sub: 'bench', ...claims }).setProtectedHeader({ alg: 'HS256' })
      .setIssuer('jingzhun').setAudience('jingzhun-api').setIssuedAt().setExpirationTime('1h').sign(new TextEncoder().encode(env.JWT_SECRET));
    await benchStatistics(label, server.url, sign);
    if (process.env.BENCH_STATISTICS_ONLY !== 'true') await benchProcedures(label, server.url, sign);
  } finally {
    await server.stop();
  }
}

const name = `jingzhun_bench_${process.pid}`;
await adminQuery(`create database ${name}`);
try {
  await bench('pg', { DATABASE_URL: databaseUrl(name) });
} finally {
  await adminQuery(`drop database if exists ${name} with (force)`);
}
// BENCH_PGLITE=false skips the embedded database (e.g. at 1,000,000 households).
if (process.env.BENCH_PGLITE !== 'false') {
  const dir = mkdtempSync(join(tmpdir(), 'jingzhun-bench-'));
  try {
    await bench('pglite', { DATA_DIR: join(dir, 'pgdata') });
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}
