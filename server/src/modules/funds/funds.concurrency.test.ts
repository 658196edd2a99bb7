/**
 * recordSpending under concurrent spendings, on the real PostgreSQL (PG_ADMIN_URL, default
 * postgres://postgres@127.0.0.1:5432, in a database created and dropped here; PGlite has one
 * connection and cannot run two transactions at once): ten spendings of 150 yuan race for an
 * allocation of 1,000 — exactly 6 pass (900 yuan), 4 are refused with CONFLICT and the
 * numbers, and the allocation's spent counter equals the sum of the spendings.
 */
import 'reflect-metadata';
import { randomBytes, randomUUID } from 'node:crypto';
import pg from 'pg';
import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openDatabase, type Database } from '../../db/client.js';
import { migrate } from '../../db/migrate.js';
import { areas, fundAllocations, measures } from '../../db/schema/index.js';
import { createContext } from '../../graphql/context.js';
import { toGlobalId } from '../../graphql/ids.js';
import { log } from '../../lib/log.js';
import { fundsService } from './funds.service.js';

const adminUrl = process.env.PG_ADMIN_URL || 'postgres://postgres@127.0.0.1:5432/postgres';
const name = `jingzhun_unit_${randomBytes(4).toString('hex')}`;
const url = new URL(adminUrl);
url.pathname = `/${name}`;
let database: Database;
const allocationId = randomUUID();
const measureId = randomUUID();

async function admin(q: string) {
  const c = new pg.Client({ connectionString: adminUrl });
  await c.connect();
  try {
    await c.query(q);
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
  await database.db.insert(fundAllocations).values({ id: allocationId, areaCode: '433124', year: 2019, source: 'central', title: '中央财政专项扶贫资金', amount: 1000, createdBy: 't' });
  await database.db.insert(measures).values({
    id: measureId, householdId: null, villageCode: '433124110226', year: 2019, kind: 'infrastructure', title: '村道硬化', causes: ['10'],
    plannedAmount: 1500, fundingSource: 'central', startDate: '2019-03-01', endDate: '2019-12-31', status: 'in_progress', createdBy: 't',
  });
}, 60_000);
afterAll(async () => {
  await database?.close();
  await admin(`drop database if exists ${name} with (force)`);
});

describe('on PostgreSQL: concurrent spendings of one allocation', () => {
  it('lets exactly as many through as the allocation holds', async () => {
    const ctx = createContext({ requestId: 'race', caller: { id: 'o', role: 'official', areas: ['433124'] }, database, log });
    const input = { allocationId: toGlobalId('FundAllocation', allocationId), measureId: toGlobalId('Measure', measureId), amount: 150, spentOn: '2019-06-01', purpose: '村道硬化' };
    const results = await Promise.allSettled(Array.from({ length: 10 }, () => fundsService.spend(ctx, input)));
    expect(results.filter((r) => r.status === 'fulfilled')).toHaveLength(6);
    const refused = results.filter((r): r is PromiseRejectedResult => r.status === 'rejected').map((r) => r.reason.extensions);
    expect(refused).toHaveLength(4);
    for (const e of refused) expect(e).toEqual({ code: 'CONFLICT', allocated: 1000, spent: 900, remaining: 100, asked: 150 });
    const [row] = (await database.db.execute(sql`select a.spent::float8 as spent, (select sum(amount)::float8 from fund_spendings s where s.allocation_id = a.id) as summed,
      (select count(*)::int from change_events where type = 'funds.spent') as events from fund_allocations a`) as unknown as { rows: { spent: number; summed: number; events: number }[] }).rows;
    expect(row).toEqual({ spent: 900, summed: 900, events: 6 });
  });
});
