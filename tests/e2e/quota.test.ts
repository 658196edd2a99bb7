/**
 * Quota control 规模控制 through the API: quotas split down a chain in the second
 * county (保靖县 433125, the year 2013, which no other test file gives quotas to),
 * refusals with the numbers, and quota use by child area. Uses (useQuota) are written
 * only by the identification workflow; their refusal is covered by
 * server/src/modules/quota/quota.service.test.ts on PGlite.
 */
import { beforeAll, describe, expect, it } from 'vitest';
import { BadUserInputError, ForbiddenError, type Client } from '@jingzhun/sdk';
import { clientAs } from '../support/context.js';

const YEAR = 2013;
const COUNTY = '433125';
let admin: Client;
let county: Client;
let townships: string[];
let villages: string[];

beforeAll(async () => {
  admin = await clientAs({ role: 'admin' });
  county = await clientAs({ role: 'official', area: COUNTY });
  const t = await county.areas({ filter: { parentCode: COUNTY }, first: 100 });
  townships = t.areas.nodes.map((a) => a.code).slice(-3);
  const v = await county.areas({ filter: { parentCode: townships[0] }, first: 100 });
  villages = v.areas.nodes.map((a) => a.code).slice(0, 2);
  expect(townships).toHaveLength(3);
  expect(villages).toHaveLength(2);
});

describe('quotas', () => {
  it('splits a county’s quota to its townships and refuses a split beyond it, with the numbers', async () => {
    await admin.setQuota({ input: { areaCode: COUNTY, year: YEAR, people: 500 } });
    const a = await county.setQuota({ input: { areaCode: townships[0], year: YEAR, people: 300 } });
    expect(a.setQuota).toMatchObject({ areaCode: townships[0], year: YEAR, people: 300, used: 0, setBy: 'test-official' });
    await county.setQuota({ input: { areaCode: townships[1], year: YEAR, people: 200 } });
    const err = await county.setQuota({ input: { areaCode: townships[2], year: YEAR, people: 1 } }).catch((e) => e);
    expect(err).toBeInstanceOf(BadUserInputError);
    expect(err).toMatchObject({ code: 'BAD_USER_INPUT', field: 'input.people' });
    expect(err.message).toContain('the quota of 433125 is 500 people and its other areas hold 500; 1 more would exceed it — at most 0 can be given here');
    const use = (await county.quotaUse({ areaCode: COUNTY, year: YEAR })).quotaUse!;
    expect(use).toMatchObject({ areaCode: COUNTY, name: '保靖县', quota: 500, allocated: 500 });
    const byCode = Object.fromEntries(use.children.map((c) => [c.areaCode, c]));
    expect(byCode[townships[0]]).toMatchObject({ quota: 300, remaining: 300 - byCode[townships[0]].used });
    expect(byCode[townships[2]]).toMatchObject({ quota: null, remaining: null });
  });

  it('lets a township split to its villages, and shows use by village', async () => {
    const township = await clientAs({ role: 'official', area: townships[0] });
    await township.setQuota({ input: { areaCode: villages[0], year: YEAR, people: 100 } });
    await township.setQuota({ input: { areaCode: villages[1], year: YEAR, people: 150 } });
    const use = (await township.quotaUse({ areaCode: townships[0], year: YEAR })).quotaUse!;
    expect(use).toMatchObject({ quota: 300, used: 0, remaining: 300, allocated: 250 });
    expect(use.children.filter((c) => c.quota !== null)).toEqual([
      { areaCode: villages[0], name: expect.any(String), quota: 100, used: 0, remaining: 100 },
      { areaCode: villages[1], name: expect.any(String), quota: 150, used: 0, remaining: 150 },
    ]);
    const err = await county.setQuota({ input: { areaCode: townships[0], year: YEAR, people: 249 } }).catch((e) => e);
    expect(err).toBeInstanceOf(BadUserInputError);
    expect(err.message).toContain('already hold 250 people');
    expect((await county.quotaUse({ areaCode: townships[0], year: YEAR })).quotaUse!.quota).toBe(300);
  });

  it('keeps each level to its own: an official cannot set their own area’s quota or one outside it', async () => {
    await expect(county.setQuota({ input: { areaCode: COUNTY, year: YEAR, people: 10_000 } })).rejects.toBeInstanceOf(ForbiddenError);
    await expect(county.setQuota({ input: { areaCode: '433124110', year: YEAR, people: 1 } })).rejects.toBeInstanceOf(ForbiddenError);
    await expect(county.setQuota({ input: { areaCode: '', year: YEAR, people: 1 } })).rejects.toBeInstanceOf(ForbiddenError);
    const other = await clientAs({ role: 'official', area: '433124' });
    expect((await other.quotaUse({ areaCode: COUNTY, year: YEAR })).quotaUse).toBeNull();
    expect((await county.quotaUse({ areaCode: COUNTY, year: YEAR })).quotaUse!.quota).toBe(500);
  });

  it('refuses bad input, naming the fields, and changes nothing', async () => {
    const err = await admin.setQuota({ input: { areaCode: COUNTY, year: 1999, people: -1 } }).catch((e) => e);
    expect(err).toBeInstanceOf(BadUserInputError);
    expect(err.problems.map((p: { field: string }) => p.field)).toEqual(['input.year', 'input.people']);
    const bad = await admin.setQuota({ input: { areaCode: '4331x', year: YEAR, people: 1 } }).catch((e) => e);
    expect(bad).toMatchObject({ code: 'BAD_USER_INPUT', field: 'input.areaCode' });
    expect((await county.quotaUse({ areaCode: COUNTY, year: YEAR })).quotaUse!.quota).toBe(500);
    const { auditTrail } = await admin.auditTrail({ filter: { operation: 'setQuota', areaCode: COUNTY } });
    expect(auditTrail.nodes.length).toBeGreaterThanOrEqual(5);
  });
});
