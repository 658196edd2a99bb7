import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type Database, openDatabase } from '../db/client.js';
import { migrate } from '../db/migrate.js';
import { importAreas } from './areas.js';
import { seedHouseholds } from './households.js';
import { rawQuery } from './raw-sql.js';

let database: Database;
const count = async (table: string, where = 'true') =>
  (await rawQuery<{ n: number }>(database, `SELECT count(*)::int AS n FROM ${table} WHERE ${where}`)).rows[0]!.n;

beforeAll(async () => {
  database = await openDatabase({ dataDir: 'memory://' });
  await migrate(database);
}, 60_000);
afterAll(async () => database?.close());

describe('importAreas and seedHouseholds on PGlite', () => {
  it('refuses to seed a county whose villages are not imported', async () => {
    await expect(seedHouseholds(database, { households: 10 })).rejects.toThrow(/no villages of county 433124/);
  });

  it('imports the demo county, and again without failing or duplicating', async () => {
    const progress: number[] = [];
    expect(await importAreas(database, { source: 'demo', onProgress: (done, total) => progress.push(done, total) })).toEqual({ inserted: 243 });
    expect(progress).toEqual([243, 243]);
    expect(await importAreas(database, { source: 'demo' })).toEqual({ inserted: 0 });
    expect(await importAreas(database, { prefix: '433124', source: 'package' })).toEqual({ inserted: 0 });
    expect(await count('areas')).toBe(243);
    expect(await count('areas', `level = 5 AND parent_code = '433124110'`)).toBeGreaterThan(0);
    const tables = await rawQuery(database, `SELECT 1 FROM pg_tables WHERE tablename LIKE 'areas_import_%'`);
    expect(tables.rows).toEqual([]); // the staging table is gone
  }, 60_000); // the package source streams the national village list (620,000 rows)

  it('seeds 200 households with members, yearly records, poor villages and surveys', async () => {
    const result = await seedHouseholds(database, { households: 200, seed: 42 });
    expect(result.households).toBe(200);
    expect(await count('households')).toBe(200);
    expect(await count('members')).toBe(result.members);
    expect(await count('household_years', 'year = 2015')).toBe(200);
    const sum = await rawQuery<{ n: number }>(database, 'SELECT sum(member_count)::int AS n FROM households');
    expect(sum.rows[0]!.n).toBe(result.members);
    expect(await count('households h', `NOT EXISTS (SELECT 1 FROM members m WHERE m.household_id = h.id AND m.relation = '01')`)).toBe(0);
    expect(await count('households h JOIN household_years y ON y.household_id = h.id',
      'h.latest_per_capita_net_income = y.per_capita_net_income AND h.latest_year = y.year')).toBe(200);
    expect(await count('households', `number NOT LIKE village_code || '____'`)).toBe(0);
    expect(await count('villages', `poverty_status = '1' AND identified_year = 2014`)).toBe(46); // 20% of 228
    expect(await count('village_surveys', 'year = 2015')).toBe(46);
    expect(await count('village_surveys', 'poor_households > households OR poor_population > population')).toBe(0);
  });

  it('seeds again without colliding: numbers continue, ID numbers stay unique, surveys are kept', async () => {
    const before = await count('members');
    const again = await seedHouseholds(database, { households: 200, seed: 42 });
    expect(await count('households')).toBe(400);
    expect(await count('members')).toBe(before + again.members);
    expect(await count('villages')).toBe(46);
    expect(await count('village_surveys')).toBe(46);
    const seq = await rawQuery<{ max: string }>(database, 'SELECT max(right(number, 4)) AS max FROM households');
    expect(Number(seq.rows[0]!.max)).toBeGreaterThan(1);
  });
});
