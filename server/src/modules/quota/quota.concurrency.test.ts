/**
 * useQuota under concurrent approvals, on the real PostgreSQL (PG_ADMIN_URL, default
 * postgres://postgres@127.0.0.1:5432, in a database created and dropped here; PGlite
 * has one connection and cannot run two transactions at once): ten approvals of one
 * person each race for a village quota with 5 places left — exactly 5 pass, 5 are
 * refused, and the ledger never exceeds the quota.
 */
import 'reflect-metadata';
import { randomBytes } from 'node:crypto';
import pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openDatabase, type Database } from '../../db/client.js';
import { migrate } from '../../db/migrate.js';
import { areas, quotas } from '../../db/schema/index.js';
import { createContext } from '../../graphql/context.js';
import { log } from '../../lib/log.js';
import { quotaService, useQuota } from './quota.service.js';

const adminUrl = process.env.PG_ADMIN_URL || 'postgres://postgres@127.0.0.1:5432/postgres';
const name = `jingzhun_unit_${randomBytes(4).toString('hex')}`;
const url = new URL(adminUrl);
url.pathname = `/${name}`;
let database: Database;

async function admin(sql: string) {
  const c = new pg.Client({ connectionString: adminUrl });
  await c.connect();
  try {
    await c.query(sql);
  } finally {
    await c.end();
  }
}

beforeAll(async () => {
  await admin(`create database ${name}`);
  database = await openDatabase({ databaseUrl: url.toString(), dataDir: 'memory://' });
  await migrate(database);
  await database.db.insert(areas).values([
    { code: '433124', name: '花垣县', level: 3, parentCode: null },
    { code: '433124110', name: '双龙镇', level: 4, parentCode: '433124' },
    { code: '433124110226', name: '十八洞村', level: 5, parentCode: '433124110' },
  ]);
  await database.db.insert(quotas).values([
    { areaCode: '433124', year: 2014, people: 100, setBy: 't' },
    { areaCode: '433124110226', year: 2014, people: 5, setBy: 't' },
  ]);
}, 60_000);
afterAll(async () => {
  await database?.close();
  await admin(`drop database if exists ${name} with (force)`);
});

describe('on PostgreSQL: concurrent approvals', () => {
  it('lets exactly as many through as the quota has places', async () => {
    const ctx = createContext({ requestId: 'race', caller: { id: 'o', role: 'official', areas: ['433124'] }, database, log });
    const results = await Promise.allSettled(
      Array.from({ length: 10 }, (_, i) =>
        database.db.transaction((tx) => useQuota(tx, ctx, { villageCode: '433124110226', year: 2014, householdId: `h${i}`, people: 1, caseId: `c${i}` }))),
    );
    expect(results.filter((r) => r.status === 'fulfilled')).toHaveLength(5);
    const refused = results.filter((r): r is PromiseRejectedResult => r.status === 'rejected').map((r) => r.reason.extensions);
    expect(refused).toHaveLength(5);
    for (const e of refused) expect(e).toEqual({ code: 'INVALID_TRANSITION', areaCode: '433124110226', quota: 5, used: 5, asked: 1 });
    const use = await quotaService.use(ctx, '433124110', 2014);
    expect(use!.used).toBe(5);
  });
});
