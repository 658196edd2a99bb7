/**
 * Masking happens in the SELECT: for roles without the right to see personal data
 * the store returns NULL for names, ID numbers, birth dates, phones and bank data,
 * so such data never leaves the database. Scope is in the same query.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Caller } from '../../auth/caller.js';
import { openDatabase, type Database } from '../../db/client.js';
import { migrate } from '../../db/migrate.js';
import { importAreas } from '../../seed/areas.js';
import { seedHouseholds } from '../../seed/households.js';
import { memberStore } from '../member/member.store.js';
import { householdStore } from './household.store.js';

let database: Database;
const official: Caller = { id: 'o', role: 'official', areas: ['433124'] };
const analyst: Caller = { id: 'a', role: 'analyst', areas: ['43'] };
const ministry: Caller = { id: 'm', role: 'ministry', areas: [''], sector: 'water' };
const elsewhere: Caller = { id: 'x', role: 'official', areas: ['433125'] };

beforeAll(async () => {
  database = await openDatabase({ dataDir: 'memory://' });
  await migrate(database);
  await importAreas(database, { source: 'demo' });
  await seedHouseholds(database, { households: 20, seed: 7 });
}, 60_000);
afterAll(() => database.close());

describe('household and member reads', () => {
  it('return personal data to an official of the area', async () => {
    const [h] = await householdStore.page(database.db, official, {}, undefined, 1);
    expect(h.phone).toMatch(/^\d+/);
    const members = await memberStore.ofHouseholds(database.db, official, [h.id]);
    expect(members[0].name).toBeTruthy();
    expect(members[0].idNumber).toMatch(/^433124/);
  });

  it('return NULL for every personal column to an analyst and a ministry', async () => {
    for (const caller of [analyst, ministry]) {
      const rows = await householdStore.page(database.db, caller, {}, undefined, 20);
      expect(rows).toHaveLength(20);
      expect(rows.every((r) => r.phone === null && r.bankAccount === null && r.bankName === null)).toBe(true);
      const members = await memberStore.ofHouseholds(database.db, caller, rows.map((r) => r.id));
      expect(members.length).toBeGreaterThan(20);
      expect(members.every((m) => m.name === null && m.idNumber === null && m.birthDate === null)).toBe(true);
      expect(members.every((m) => m.age >= 0)).toBe(true);
    }
  });

  it('return nothing outside the caller’s area', async () => {
    const [h] = await householdStore.page(database.db, official, {}, undefined, 1);
    expect(await householdStore.page(database.db, elsewhere, {}, undefined, 5)).toEqual([]);
    expect(await householdStore.byIds(database.db, elsewhere, [h.id])).toEqual([]);
    expect(await memberStore.ofHouseholds(database.db, elsewhere, [h.id])).toEqual([]);
  });
});
