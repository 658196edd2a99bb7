/**
 * Wake-ups and the subscription stream, in-process. The listener's polling fallback is
 * set to a minute here, so an event that arrives within seconds proved the NOTIFY path.
 * On PGlite: a committed write wakes the listener, a rolled-back one does not; a stream
 * started without `after` yields only later events of its scope, in order; a donor is
 * refused before any stream exists; `return()` ends a waiting stream at once. On the
 * real PostgreSQL (PG_ADMIN_URL, a database created and dropped here): a write on
 * another connection wakes the listener, and after its LISTEN connection is killed the
 * listener reconnects, wakes everyone once, and hears later writes again.
 */
import 'reflect-metadata';
import { randomBytes } from 'node:crypto';
import pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Caller } from '../../auth/caller.js';
import { openDatabase, type Database } from '../../db/client.js';
import { migrate } from '../../db/migrate.js';
import { changeEvents } from '../../db/schema/index.js';
import { createContext } from '../../graphql/context.js';
import { log } from '../../lib/log.js';
import { startChangeListener, type ChangeListener } from './change.listener.js';
import { changeStore } from './change.store.js';
import { changeStream, type ChangeEdge } from './change.subscription.js';

const POLL_MS = 60_000;
const county: Caller = { id: 'o', role: 'official', areas: ['433124'] };
const donor: Caller = { id: 'd', role: 'donor', areas: [''] };

/** A write as services make it: the event and the notification in one transaction. */
async function write(database: Database, type: string, areaCode: string, rollback = false) {
  await database.db
    .transaction(async (tx) => {
      await tx.insert(changeEvents).values({ type, entityType: 'Household', entityId: `h-${areaCode}`, areaCode, payload: {} });
      await changeStore.notify(tx);
      if (rollback) throw new Error('rollback');
    })
    .catch((e) => {
      if (!rollback) throw e;
    });
}

/** Waits until the listener has counted a wake-up since `since`, or `ms`. */
async function wokenSince(listener: ChangeListener, since: number, ms = 5_000) {
  const deadline = Date.now() + ms;
  while (listener.version === since && Date.now() < deadline) await listener.changedSince(since, deadline - Date.now());
  return listener.version !== since;
}

async function take(stream: AsyncIterator<ChangeEdge>, n: number, ms = 5_000) {
  const out: ChangeEdge[] = [];
  const deadline = Date.now() + ms;
  while (out.length < n) {
    const next = await Promise.race([stream.next(), new Promise<'late'>((r) => setTimeout(() => r('late'), Math.max(0, deadline - Date.now())))]);
    if (next === 'late') throw new Error(`only ${out.length} of ${n} events in ${ms} ms`);
    if (next.done) break;
    out.push(next.value);
  }
  return out;
}

describe('on PGlite', () => {
  let database: Database;
  let listener: ChangeListener;
  const ctx = (caller: Caller) => createContext({ requestId: 'test', caller, database, log, changes: listener });

  beforeAll(async () => {
    database = await openDatabase({ dataDir: 'memory://' });
    await migrate(database);
    listener = await startChangeListener(database, log, POLL_MS);
  }, 60_000);
  afterAll(async () => {
    await listener.stop();
    await database.close();
  });

  it('wakes at the commit of a write, not for one rolled back', async () => {
    const before = listener.version;
    await write(database, 'household.registered', '433124110226', true);
    expect(await wokenSince(listener, before, 300)).toBe(false);
    await write(database, 'household.registered', '433124110226');
    expect(await wokenSince(listener, before)).toBe(true);
  });

  it('yields, from the end of the feed, only later events of its scope, in order, without polling', async () => {
    await write(database, 'household.registered', '433124110227'); // before the stream: not yielded
    const stream = await changeStream(ctx(county), {}, listener);
    await write(database, 'household.registered', '433124110226');
    await write(database, 'household.registered', '433125100200'); // another county
    await write(database, 'household.yearRecorded', '433124110226');
    await write(database, 'village.surveyRecorded', '433124110227');
    const got = await take(stream, 3);
    expect(got.map((e) => [e.node.type, e.node.areaCode])).toEqual([
      ['household.registered', '433124110226'],
      ['household.yearRecorded', '433124110226'],
      ['village.surveyRecorded', '433124110227'],
    ]);
    // Resuming from the first event's cursor gives exactly the two after it.
    const resumed = await changeStream(ctx(county), { after: got[0].cursor, types: ['household.yearRecorded', 'village.surveyRecorded'] }, listener);
    expect((await take(resumed, 2)).map((e) => e.node.id)).toEqual(got.slice(1).map((e) => e.node.id));
    await resumed.return!();
    await stream.return!();
  });

  it('refuses a donor and a bad filter before any stream exists', async () => {
    await expect(changeStream(ctx(donor), {}, listener)).rejects.toMatchObject({ extensions: { code: 'FORBIDDEN' } });
    await expect(changeStream(ctx(county), { types: ['nope'] }, listener)).rejects.toMatchObject({ extensions: { code: 'BAD_USER_INPUT' } });
  });

  it('ends a stream waiting for a wake-up as soon as it is returned', async () => {
    const stream = await changeStream(ctx(county), {}, listener);
    const pending = stream.next();
    const started = Date.now();
    await stream.return!();
    expect(await pending).toEqual({ done: true, value: undefined });
    expect(Date.now() - started).toBeLessThan(1_000);
  });
});

describe('on PostgreSQL: LISTEN on a connection of its own, reconnecting', () => {
  const adminUrl = process.env.PG_ADMIN_URL || 'postgres://postgres@127.0.0.1:5432/postgres';
  const name = `jingzhun_unit_${randomBytes(4).toString('hex')}`;
  const url = new URL(adminUrl);
  url.pathname = `/${name}`;
  let database: Database;
  let listener: ChangeListener;

  async function admin(sql: string) {
    const c = new pg.Client({ connectionString: adminUrl });
    await c.connect();
    try {
      return await c.query(sql);
    } finally {
      await c.end();
    }
  }

  beforeAll(async () => {
    await admin(`create database ${name}`);
    database = await openDatabase({ databaseUrl: url.toString(), dataDir: 'memory://' });
    await migrate(database);
    listener = await startChangeListener(database, log, POLL_MS);
  }, 60_000);
  afterAll(async () => {
    await listener?.stop();
    await database?.close();
    await admin(`drop database if exists ${name} with (force)`);
  });

  it('hears a write of another connection, and again after its own connection was killed', async () => {
    const first = listener.version;
    await write(database, 'household.registered', '433124110226');
    expect(await wokenSince(listener, first)).toBe(true);

    const killed = await admin(`select pg_terminate_backend(pid) from pg_stat_activity where datname = '${name}' and query ilike 'LISTEN%'`);
    expect(killed.rowCount).toBe(1);
    const reconnected = listener.version;
    expect(await wokenSince(listener, reconnected)).toBe(true); // the wake-up after reconnecting
    await new Promise((r) => setTimeout(r, 100));
    const after = listener.version;
    await write(database, 'household.registered', '433124110226');
    expect(await wokenSince(listener, after)).toBe(true);
  });
});
