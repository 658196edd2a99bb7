/**
 * The quota service on an in-process PGlite database: a split down a chain
 * (province → county, skipping the prefecture → township → village), useQuota's
 * refusal with its numbers, release, and quotaUse by child area.
 */
import 'reflect-metadata';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Caller } from '../../auth/caller.js';
import { openDatabase, type Database } from '../../db/client.js';
import { migrate } from '../../db/migrate.js';
import { areas } from '../../db/schema/index.js';
import { createContext, type Context } from '../../graphql/context.js';
import { log } from '../../lib/log.js';
import { quotaService, releaseQuota, useQuota } from './quota.service.js';

let database: Database;
const as = (caller: Caller): Context => createContext({ requestId: 'test', caller, database, log });
const admin = () => as({ id: 'admin', role: 'admin', areas: [''] });
const county = () => as({ id: 'county', role: 'official', areas: ['433124'] });
const T = '433124110', V1 = '433124110226', V2 = '433124110227';
const use = (ctx: Context, householdId: string, villageCode: string, people: number, caseId = `case-${householdId}`) =>
  ctx.db.transaction((tx) => useQuota(tx, ctx, { villageCode, year: 2014, householdId, people, caseId }));
const error = (p: Promise<unknown>) => p.then(() => { throw new Error('expected a refusal'); }, (e) => e as { extensions: Record<string, unknown>; message: string });

beforeAll(async () => {
  database = await openDatabase({ dataDir: 'memory://' });
  await migrate(database);
  await database.db.insert(areas).values([
    { code: '43', name: '湖南省', level: 1, parentCode: null },
    { code: '4331', name: '湘西州', level: 2, parentCode: '43' },
    { code: '433124', name: '花垣县', level: 3, parentCode: '4331' },
    { code: T, name: '双龙镇', level: 4, parentCode: '433124' },
    { code: '433124111', name: '另一镇', level: 4, parentCode: '433124' },
    { code: V1, name: '十八洞村', level: 5, parentCode: T },
    { code: V2, name: '另一村', level: 5, parentCode: T },
  ]);
}, 60_000);
afterAll(() => database.close());

describe('quotas on PGlite', () => {
  it('splits down a chain, skipping the prefecture, and refuses a split beyond the parent with the numbers', async () => {
    await quotaService.set(admin(), { areaCode: '43', year: 2014, people: 1000 });
    await quotaService.set(admin(), { areaCode: '433124', year: 2014, people: 12 });
    await quotaService.set(county(), { areaCode: T, year: 2014, people: 10 });
    await quotaService.set(county(), { areaCode: V1, year: 2014, people: 8 });
    const e = await error(quotaService.set(county(), { areaCode: '433124111', year: 2014, people: 3 }));
    expect(e.extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'input.people' });
    expect(e.message).toContain('the quota of 433124 is 12 people and its other areas hold 10');
    const e2 = await error(quotaService.set(county(), { areaCode: T, year: 2014, people: 7 }));
    expect(e2.message).toContain('already hold 8');
    await expect(quotaService.set(county(), { areaCode: '433124', year: 2014, people: 99 })).rejects.toMatchObject({ extensions: { code: 'FORBIDDEN' } });
  });

  it('records uses up to the quota exactly, then refuses with the numbers; a release frees the room', async () => {
    await use(county(), 'h1', V1, 5);
    await use(county(), 'h2', V1, 3); // the village's 8 reached exactly
    const e = await error(use(county(), 'h3', V1, 1));
    expect(e.extensions).toEqual({ code: 'INVALID_TRANSITION', areaCode: V1, quota: 8, used: 8, asked: 1 });
    expect(e.message).toBe('the 2014 quota of 433124110226 (十八洞村) is 8 people; 8 are used; this approval asks for 1 — ask the township to raise the quota or wait for the next round');
    await use(county(), 'h4', V2, 2); // the township's 10 reached through the other village
    expect((await error(use(county(), 'h5', V2, 1))).extensions).toMatchObject({ areaCode: T, quota: 10, used: 10, asked: 1 });
    await use(county(), 'h2', V1, 3); // a retried approval of the same case: no second use
    await expect(use(county(), 'h2', V1, 3, 'another case')).rejects.toMatchObject({ extensions: { code: 'CONFLICT' } });
    await county().db.transaction((tx) => releaseQuota(tx, county(), { householdId: 'h2', year: 2014 }));
    await use(county(), 'h3', V1, 1);
    // The counters followed the release: 5 + 1 = 6 of the village's 8, 8 of the township's 10.
    expect((await error(use(county(), 'h6', V1, 3))).extensions).toMatchObject({ areaCode: V1, quota: 8, used: 6, asked: 3 });
    expect((await error(use(county(), 'h6', V2, 3))).extensions).toMatchObject({ areaCode: T, quota: 10, used: 8, asked: 3 });
  });

  it('cannot lower a quota below what is used', async () => {
    const e = await error(quotaService.set(county(), { areaCode: V1, year: 2014, people: 5 }));
    expect(e.message).toContain('6 people are already used');
  });

  it('shows quota use by child area, grouped from the village codes', async () => {
    const q = await quotaService.use(county(), T, 2014);
    expect(q).toMatchObject({ areaCode: T, quota: 10, used: 8, remaining: 2, allocated: 8 });
    expect(q!.children).toEqual([
      { areaCode: V1, name: '十八洞村', quota: 8, used: 6, remaining: 2 },
      { areaCode: V2, name: '另一村', quota: null, used: 2, remaining: null },
    ]);
    const c = await quotaService.use(county(), '433124', 2014);
    expect(c!.children.map((x) => [x.areaCode, x.used])).toEqual([[T, 8], ['433124111', 0]]);
    expect(await quotaService.use(county(), '43', 2014)).toBeNull();
    const p = await quotaService.use(admin(), '43', 2014);
    expect(p).toMatchObject({ quota: 1000, used: 8, allocated: 12, children: [{ areaCode: '4331', quota: null, used: 8 }] });
  });
});
