/**
 * What the black-box suite cannot reach without waiting for a calendar day, on PGlite:
 * a published need whose deadline has passed takes no pledge (INVALID_TRANSITION, nothing
 * written); a pledge undelivered past its date is EXPIRED when read and its amount is open
 * again (no sweep), and it can no longer be reported delivered. And the reviewer's warning
 * of a sector project that already benefits the household in the need's category.
 */
import 'reflect-metadata';
import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Caller } from '../../auth/caller.js';
import { openDatabase, type Database } from '../../db/client.js';
import { migrate } from '../../db/migrate.js';
import { auditLog, donors, needs, pledges, programmes, projectLinks, projects } from '../../db/schema/index.js';
import { createContext } from '../../graphql/context.js';
import { log } from '../../lib/log.js';
import { matchService, needService, pledgeService } from './donation.service.js';
import { addDays, today } from './donation.validate.js';
import { gid } from './ids.js';

let database: Database;
const donor: Caller = { id: 'donor-unit', role: 'donor', areas: [''] };
const ctx = () => createContext({ requestId: randomUUID(), caller: donor, database, log });
const ids = { donor: randomUUID(), late: randomUUID(), open: randomUUID(), expired: randomUUID(), standing: randomUUID() };
const need = (id: string, reference: string, deadline: string) => ({
  id, reference, villageCode: '433124110226', category: 'school_aid', target: 1000, deadline, description: 'books', status: 'PUBLISHED', createdBy: 't', publishedAt: new Date(),
});

beforeAll(async () => {
  database = await openDatabase({ dataDir: 'memory://' });
  await migrate(database);
  const db = database.db;
  await db.insert(donors).values({ id: ids.donor, subject: donor.id, name: 'x', kind: 'social_organization', createdBy: 't' });
  await db.insert(needs).values([need(ids.late, 'XQ0000000001', addDays(today(), -1)), need(ids.open, 'XQ0000000002', addDays(today(), 30))]);
  await db.insert(pledges).values([
    { id: ids.expired, needId: ids.open, donorId: ids.donor, villageCode: '433124110226', size: 600, deliverBy: addDays(today(), -1), status: 'PLEDGED', createdAt: new Date(Date.now() - 5 * 86_400_000) },
    { id: ids.standing, needId: ids.open, donorId: ids.donor, villageCode: '433124110226', size: 300, deliverBy: addDays(today(), 10), status: 'PLEDGED' },
  ]);
}, 60_000);
afterAll(() => database?.close());

const audits = async () => (await database.db.select().from(auditLog)).length;

describe('deadlines and expiry', () => {
  it('refuses a pledge to a need past its deadline, writing nothing', async () => {
    const before = await audits();
    await expect(pledgeService.pledge(ctx(), { needId: gid('PublishedNeed', 'XQ0000000001'), amount: 10 })).rejects.toMatchObject({ extensions: { code: 'INVALID_TRANSITION' } });
    expect(await audits()).toBe(before);
  });

  it('reads an undelivered pledge past its date as EXPIRED and reopens its amount', async () => {
    expect((await pledgeService.byKey(ctx(), ids.expired))!.status).toBe('EXPIRED');
    expect((await matchService.publishedNeed(ctx(), gid('PublishedNeed', 'XQ0000000002')))!.openAmount).toBe(700);
    await expect(pledgeService.pledge(ctx(), { needId: gid('PublishedNeed', 'XQ0000000002'), amount: 701 })).rejects.toMatchObject({ extensions: { code: 'CONFLICT', openAmount: 700 } });
    const p = await pledgeService.pledge(ctx(), { needId: gid('PublishedNeed', 'XQ0000000002'), amount: 700 });
    expect(p).toMatchObject({ amount: 700, status: 'PLEDGED' });
  });

  it('refuses a delivery of an expired pledge', async () => {
    await expect(pledgeService.reportDelivery(ctx(), { pledgeId: gid('Pledge', ids.expired), deliveredOn: today(), evidence: 'R' })).rejects.toMatchObject({ extensions: { code: 'INVALID_TRANSITION', from: 'EXPIRED' } });
  });
});

describe('the reviewer', () => {
  it('is warned of a sector project of the category linked to the household, not of one of another sector', async () => {
    const db = database.db;
    const household = randomUUID();
    const programme = randomUUID();
    const [housing, water] = [randomUUID(), randomUUID()];
    await db.insert(programmes).values({ id: programme, sector: 'housing', name: 'p', year: 2016, budget: 1, areaCode: '433124', createdBy: 't' });
    await db.insert(projects).values([
      { id: housing, programmeId: programme, sector: 'housing', name: '危房改造', kind: 'k', areaCode: '433124', servedAreas: ['433124'], budget: 1, status: 'planned' },
      { id: water, programmeId: programme, sector: 'water', name: '饮水', kind: 'k', areaCode: '433124', servedAreas: ['433124'], budget: 1, status: 'planned' },
    ]);
    await db.insert(projectLinks).values([housing, water].map((projectId) => ({
      id: randomUUID(), projectId, sector: projectId === housing ? 'housing' : 'water', householdId: household, villageCode: '433124110226', benefitKind: 'direct', amount: 20_000, benefitDate: '2016-05-01', linkedBy: 't',
    })));
    const id = randomUUID();
    await db.insert(needs).values({ ...need(id, 'XQ0000000003', addDays(today(), 30)), householdId: household, category: 'house_renovation', status: 'CHECKED' });
    const official = createContext({ requestId: randomUUID(), caller: { id: 'o', role: 'official', areas: ['433124'] }, database, log });
    const n = (await needService.need(official, gid('Need', id)))!;
    const warnings = await needService.warnings(official, n);
    expect(warnings.map((w) => w.kind)).toEqual(['PROJECT_LINK']);
    expect(warnings[0].message).toMatch(/housing project/);
  });
});
