/**
 * The change feed's SQL: scope, type filter and feed order on PGlite; and, on the
 * real PostgreSQL (PG_ADMIN_URL, default postgres://postgres@127.0.0.1:5432, in a
 * database created and dropped here — PGlite has one connection, so it cannot hold
 * two transactions open at once), that the feed is gap-free: an event of a
 * transaction still open is not returned, and when it commits it comes after every
 * cursor already handed out, even when its id is smaller than theirs.
 */
import { randomBytes } from 'node:crypto';
import pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Caller } from '../../auth/caller.js';
import { openDatabase, type Database } from '../../db/client.js';
import { migrate } from '../../db/migrate.js';
import { changeEvents } from '../../db/schema/index.js';
import { changeStore, type ChangeRow, type FeedPosition } from './change.store.js';

const admin: Caller = { id: 'a', role: 'admin', areas: [''] };
const county: Caller = { id: 'o', role: 'official', areas: ['433124'] };
const at = (r: ChangeRow): FeedPosition => ({ txId: r.txId, id: r.id });

/** Every event visible from `after` on, read in pages of `size`. */
async function readAll(db: Database['db'], caller: Caller, after?: FeedPosition, size = 2): Promise<ChangeRow[]> {
  const out: ChangeRow[] = [];
  for (;;) {
    const rows = await changeStore.page(db, caller, {}, after, size + 1);
    out.push(...rows.slice(0, size));
    if (rows.length <= size) return out;
    after = at(rows[size - 1]);
  }
}

describe('on PGlite: scope, types and order', () => {
  let database: Database;
  beforeAll(async () => {
    database = await openDatabase({ dataDir: 'memory://' });
    await migrate(database);
    const event = (type: string, areaCode: string) => ({ type, entityType: 'Household', entityId: `h-${areaCode}`, areaCode, payload: {} });
    await database.db.insert(changeEvents).values(event('household.registered', '433124110226'));
    await database.db.transaction(async (tx) => {
      await tx.insert(changeEvents).values(event('household.registered', '433125100200'));
      await tx.insert(changeEvents).values(event('household.yearRecorded', '433124110226'));
    });
    await database.db.insert(changeEvents).values(event('village.surveyRecorded', '433124110227'));
  }, 60_000);
  afterAll(() => database.close());

  it('returns every committed event once, in transaction order, page by page', async () => {
    const all = await readAll(database.db, admin);
    expect(all.map((r) => r.type)).toEqual(['household.registered', 'household.registered', 'household.yearRecorded', 'village.surveyRecorded']);
    expect(all.map((r) => r.id)).toEqual([...all.map((r) => r.id)].sort((a, b) => a - b));
    expect(all[1].txId).toBe(all[2].txId);
    expect(all[0].txId).toBeLessThan(all[1].txId);
    expect(await readAll(database.db, admin, at(all[1]), 1)).toEqual(all.slice(2));
  });

  it('keeps to the caller’s area and the requested types and area', async () => {
    expect((await readAll(database.db, county)).map((r) => r.areaCode)).toEqual(['433124110226', '433124110226', '433124110227']);
    const years = await changeStore.page(database.db, admin, { types: ['household.yearRecorded', 'village.surveyRecorded'], areaCode: '433124110226' }, undefined, 10);
    expect(years.map((r) => r.type)).toEqual(['household.yearRecorded']);
    expect(await changeStore.count(database.db, county, { types: ['household.registered'] })).toBe(1);
  });
});

describe('on PostgreSQL: gap-free with transactions open at once', () => {
  const adminUrl = process.env.PG_ADMIN_URL || 'postgres://postgres@127.0.0.1:5432/postgres';
  const name = `jingzhun_unit_${randomBytes(4).toString('hex')}`;
  const url = new URL(adminUrl);
  url.pathname = `/${name}`;
  let database: Database;
  const conns: pg.Client[] = [];

  async function admin_(sql: string) {
    const c = new pg.Client({ connectionString: adminUrl });
    await c.connect();
    try {
      await c.query(sql);
    } finally {
      await c.end();
    }
  }
  /** A connection of its own, to hold a transaction open while the store reads through the pool. */
  async function connection() {
    const c = new pg.Client({ connectionString: url.toString() });
    await c.connect();
    conns.push(c);
    return c;
  }
  const insert = async (c: pg.Client, type: string) =>
    Number((await c.query(`insert into change_events (type, entity_type, entity_id, area_code, payload) values ($1, 'Household', 'h', '433124110226', '{}') returning id`, [type])).rows[0].id);
  const ids = (rows: ChangeRow[]) => rows.map((r) => r.id);
  /**
   * The feed waits for every older transaction on the whole PostgreSQL server, and
   * other test runs may hold one open for a moment: read until the expected rows show
   * (or 15 s pass, and the assertion then fails on what was read).
   */
  async function settled(read: () => Promise<ChangeRow[]>, expected: number[]) {
    let rows = await read();
    for (const until = Date.now() + 15_000; JSON.stringify(ids(rows)) !== JSON.stringify(expected) && Date.now() < until; rows = await read()) {
      await new Promise((r) => setTimeout(r, 100));
    }
    return rows;
  }

  beforeAll(async () => {
    await admin_(`create database ${name}`);
    database = await openDatabase({ databaseUrl: url.toString(), dataDir: 'memory://' });
    await migrate(database);
  }, 60_000);
  afterAll(async () => {
    for (const c of conns) await c.end().catch(() => undefined);
    await database?.close();
    await admin_(`drop database if exists ${name} with (force)`);
  });

  it('does not return an event whose transaction is still open, and returns it after the cursor once it commits', async () => {
    const start = (await readAll(database.db, admin)).at(-1);
    const open = await connection();
    await open.query('begin');
    const late = await insert(open, 'household.registered');
    const done = await connection();
    const early = await insert(done, 'household.corrected'); // autocommit, after `late` was taken
    expect(early).toBeGreaterThan(late);
    // Neither is returned yet: `early`'s transaction is younger than the open one.
    const before = await readAll(database.db, admin, start ? at(start) : undefined);
    expect(ids(before)).not.toContain(late);
    expect(ids(before)).not.toContain(early);
    await open.query('commit');
    const after = await settled(() => readAll(database.db, admin, start ? at(start) : undefined), [late, early]);
    expect(ids(after)).toEqual([late, early]);
  });

  it('never skips an event with a smaller id that commits after a reader passed a larger one', async () => {
    const start = at((await readAll(database.db, admin)).at(-1)!);
    const older = await connection();
    const younger = await connection();
    await older.query('begin');
    await older.query('select pg_current_xact_id()'); // the older transaction takes its ID first …
    await younger.query('begin');
    const small = await insert(younger, 'household.registered'); // … the younger one inserts first …
    const large = await insert(older, 'household.yearRecorded');
    await older.query('commit'); // … and the older one commits first.
    expect(small).toBeLessThan(large);
    const seen = await settled(() => readAll(database.db, admin, start), [large]);
    expect(ids(seen)).toEqual([large]); // finished, and older than every open transaction
    const cursor = at(seen[0]);
    await younger.query('commit');
    // Read in id order, a reader past `large` would never see `small`; in feed order it comes next.
    expect(ids(await settled(() => readAll(database.db, admin, cursor), [small]))).toEqual([small]);
    expect(ids(await readAll(database.db, admin, start))).toEqual([large, small]);
  });
});
