/**
 * computeAssessment under concurrent computations of the same scheme, area and year, on the
 * real PostgreSQL (a database created and dropped here): each reads its inputs in one
 * repeatable-read snapshot, then writes the draft under its row lock (one that loses the race
 * to insert it replaces it) — all succeed, and there is one draft.
 */
import 'reflect-metadata';
import { randomBytes, randomUUID } from 'node:crypto';
import pg from 'pg';
import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openDatabase, type Database } from '../../db/client.js';
import { migrate } from '../../db/migrate.js';
import { areas, assessmentSchemes } from '../../db/schema/index.js';
import { createContext } from '../../graphql/context.js';
import { toGlobalId } from '../../graphql/ids.js';
import { log } from '../../lib/log.js';
import { assessmentService } from './assessment.service.js';
import { EXAMPLE_SCHEME } from './scheme-rules.js';

const adminUrl = process.env.PG_ADMIN_URL || 'postgres://postgres@127.0.0.1:5432/postgres';
const name = `jingzhun_unit_${randomBytes(4).toString('hex')}`;
const url = new URL(adminUrl);
url.pathname = `/${name}`;
let database: Database;
const schemeId = randomUUID();

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
    { code: '43', name: '湖南省', level: 1, parentCode: null },
    { code: '4331', name: '湘西土家族苗族自治州', level: 2, parentCode: '43' },
    { code: '433124', name: '花垣县', level: 3, parentCode: '4331' },
    { code: '433125', name: '保靖县', level: 3, parentCode: '4331' },
  ]);
  await database.db.insert(assessmentSchemes).values({ id: schemeId, areaCode: '43', name: 'race', version: 1, ...EXAMPLE_SCHEME, createdBy: 't' });
}, 60_000);
afterAll(async () => {
  await database?.close();
  await admin(`drop database if exists ${name} with (force)`);
});

describe('on PostgreSQL: concurrent computations', () => {
  it('all succeed, leaving one draft', async () => {
    const ctx = createContext({ requestId: 'race', caller: { id: 'p', role: 'official', areas: ['4331'] }, database, log });
    const input = { schemeId: toGlobalId('AssessmentScheme', schemeId), areaCode: '4331', year: 2019 };
    const results = await Promise.allSettled(Array.from({ length: 4 }, () => assessmentService.compute(ctx, input)));
    expect(results.map((r) => r.status)).toEqual(['fulfilled', 'fulfilled', 'fulfilled', 'fulfilled']);
    const ids = new Set(results.map((r) => (r as PromiseFulfilledResult<{ id: string }>).value.id));
    expect(ids.size).toBe(1);
    const [row] = (await database.db.execute(sql`select count(*)::int as n from assessment_runs`) as unknown as { rows: { n: number }[] }).rows;
    expect(row.n).toBe(1);
  });
});
