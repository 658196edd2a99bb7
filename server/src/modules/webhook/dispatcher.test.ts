/**
 * The dispatcher against a real database and a real HTTP receiver on 127.0.0.1.
 * On PGlite: only events after registration, of the endpoint's types and areas, are
 * delivered, signed; failures are retried and an endpoint that keeps failing is
 * paused; stop() waits for the POST in flight. On the real PostgreSQL (PG_ADMIN_URL,
 * a database created and dropped here): an event of a transaction that commits late
 * is still delivered (gap-free fan-out), and two dispatchers on one database deliver
 * every event exactly once between them.
 */
import { createServer, type IncomingHttpHeaders, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { randomBytes, randomUUID } from 'node:crypto';
import pg from 'pg';
import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { WebhookConfig } from '../../config.js';
import { openDatabase, type Database } from '../../db/client.js';
import { migrate } from '../../db/migrate.js';
import { changeEvents, webhookDeliveries, webhookEndpoints } from '../../db/schema/index.js';
import { startDispatcher } from './dispatcher.js';
import { sign } from './sign.js';

const SECRET = 'a-secret-of-sixteen-or-more';
const cfg: WebhookConfig = { enabled: true, pollMs: 20, retryBaseMs: 20, retryMaxMs: 200, failureLimit: 3, maxAttempts: 20, timeoutMs: 2000, concurrency: 8, allowPrivate: true };

interface Received {
  at: number;
  headers: IncomingHttpHeaders;
  body: string;
  event: { sequence: string; type: string; areaCode: string; id: string };
}

/** A receiver answering `status()` (after `delayMs`), recording every POST. */
async function receiver(status: () => number = () => 204, delayMs = 0) {
  const got: Received[] = [];
  const server: Server = createServer(async (req, res) => {
    let body = '';
    for await (const c of req) body += c;
    got.push({ at: Date.now(), headers: req.headers, body, event: JSON.parse(body) });
    if (delayMs) await new Promise((r) => setTimeout(r, delayMs));
    res.writeHead(status()).end('nope');
  });
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
  const url = `http://127.0.0.1:${(server.address() as AddressInfo).port}/hook`;
  return { got, url, close: () => new Promise<void>((r) => server.close(() => r())) };
}

async function until(what: string, ok: () => Promise<boolean> | boolean, ms = 15_000) {
  const end = Date.now() + ms;
  while (!(await ok())) {
    if (Date.now() > end) throw new Error(`timed out waiting for ${what}`);
    await new Promise((r) => setTimeout(r, 20));
  }
}

const event = (type: string, areaCode: string) => ({ type, entityType: 'Household', entityId: `h-${randomUUID()}`, areaCode, payload: { operation: 'test' } });

async function endpoint(db: Database['db'], url: string, o: { types?: string[]; areas?: string[] } = {}) {
  const [row] = await db.insert(webhookEndpoints).values({
    id: randomUUID(), owner: 'o', role: 'official', areaCodes: o.areas ?? ['433124'], url, secret: SECRET, eventTypes: o.types ?? [],
  }).returning();
  return row;
}

describe('on PGlite', () => {
  let database: Database;
  beforeAll(async () => {
    database = await openDatabase({ dataDir: 'memory://' });
    await migrate(database);
  }, 60_000);
  afterAll(() => database.close());

  it('delivers, signed, the events after registration of its types and areas only', async () => {
    const r = await receiver();
    const { db } = database;
    const [before] = await db.insert(changeEvents).values(event('household.registered', '433124110226')).returning();
    const e = await endpoint(db, r.url, { types: ['household.registered', 'village.surveyRecorded'] });
    const wanted = await db.insert(changeEvents).values([
      event('household.registered', '433124110226'), event('household.yearRecorded', '433124110226'),
      event('household.registered', '433125100200'), event('village.surveyRecorded', '433124110227'),
    ]).returning();
    const dispatcher = startDispatcher(database, cfg);
    try {
      await until('two deliveries', () => r.got.length >= 2);
      await new Promise((res) => setTimeout(res, 200)); // nothing else comes
    } finally {
      await dispatcher.stop();
      await r.close();
    }
    expect(r.got.map((g) => g.event.sequence).sort()).toEqual([String(wanted[0].id), String(wanted[3].id)].sort());
    expect(r.got.map((g) => g.event.sequence)).not.toContain(String(before.id));
    for (const g of r.got) {
      const ts = Number(g.headers['x-jingzhun-timestamp']);
      expect(g.headers['x-jingzhun-signature']).toBe(`v1=${sign(SECRET, ts, g.body)}`);
      expect(g.headers['x-jingzhun-event-id']).toBe(g.event.sequence);
      expect(Math.abs(ts - Date.now() / 1000)).toBeLessThan(60);
    }
    const rows = await db.select().from(webhookDeliveries).where(eq(webhookDeliveries.endpointId, e.id));
    expect(rows.map((d) => [d.status, d.attempts, d.lastStatusCode])).toEqual([['delivered', 1, 204], ['delivered', 1, 204]]);
  });

  it('retries with backoff, pauses after the failure limit, and finishes the POST in flight on stop', async () => {
    const r = await receiver(() => 503);
    const { db } = database;
    const e = await endpoint(db, r.url, { areas: ['433125'] });
    await db.insert(changeEvents).values(event('household.registered', '433125100200'));
    const dispatcher = startDispatcher(database, cfg);
    await until('the endpoint to be paused', async () => (await db.select().from(webhookEndpoints).where(eq(webhookEndpoints.id, e.id)))[0].status === 'paused');
    const paused = (await db.select().from(webhookEndpoints).where(eq(webhookEndpoints.id, e.id)))[0];
    expect(paused).toMatchObject({ consecutiveFailures: 3, status: 'paused' });
    expect(paused.pausedReason).toMatch(/3 deliveries in a row failed; the last: HTTP 503: nope/);
    const [d] = await db.select().from(webhookDeliveries).where(eq(webhookDeliveries.endpointId, e.id));
    expect(d).toMatchObject({ status: 'pending', attempts: 3, lastStatusCode: 503, lastError: 'HTTP 503: nope' });
    // Backoff: 20 ms after the 1st failure, 40 ms after the 2nd — never faster.
    expect(r.got.length).toBe(3);
    expect(r.got[1].at - r.got[0].at).toBeGreaterThanOrEqual(20);
    expect(r.got[2].at - r.got[1].at).toBeGreaterThanOrEqual(40);
    await new Promise((res) => setTimeout(res, 150));
    expect(r.got.length).toBe(3); // paused: nothing more is sent
    await dispatcher.stop();
    await r.close();

    // A slow receiver: stop() resolves only once the POST in flight is answered and recorded.
    const slow = await receiver(() => 200, 400);
    const e2 = await endpoint(db, slow.url, { areas: ['433126'] });
    await db.insert(changeEvents).values(event('household.registered', '433126100200'));
    const second = startDispatcher(database, cfg);
    await until('the POST to arrive', () => slow.got.length === 1);
    await second.stop();
    const [done] = await db.select().from(webhookDeliveries).where(eq(webhookDeliveries.endpointId, e2.id));
    expect(done).toMatchObject({ status: 'delivered', attempts: 1, lastStatusCode: 200 });
    await slow.close();
  });
});

describe('on PostgreSQL', () => {
  const adminUrl = process.env.PG_ADMIN_URL || 'postgres://postgres@127.0.0.1:5432/postgres';
  const name = `jingzhun_unit_${randomBytes(4).toString('hex')}`;
  const url = new URL(adminUrl);
  url.pathname = `/${name}`;
  const handles: Database[] = [];

  async function admin(sql: string) {
    const c = new pg.Client({ connectionString: adminUrl });
    await c.connect();
    try {
      await c.query(sql);
    } finally {
      await c.end();
    }
  }
  const open = async () => {
    const d = await openDatabase({ databaseUrl: url.toString(), dataDir: 'memory://' });
    handles.push(d);
    return d;
  };

  beforeAll(async () => {
    await admin(`create database ${name}`);
    await migrate(await open());
  }, 60_000);
  afterAll(async () => {
    for (const d of handles) await d.close().catch(() => undefined);
    // Closed pools' sessions end asynchronously: a forced drop while one is still closing reaches it as an error.
    await until('the sessions to end', async () => {
      const c = new pg.Client({ connectionString: adminUrl });
      await c.connect();
      try {
        return Number((await c.query('select count(*) as n from pg_stat_activity where datname = $1', [name])).rows[0].n) === 0;
      } finally {
        await c.end();
      }
    }, 5000).catch(() => undefined);
    await admin(`drop database if exists ${name} with (force)`);
  });

  it('delivers an event whose transaction commits after a younger one was delivered', async () => {
    const r = await receiver();
    const database = handles[0];
    await endpoint(database.db, r.url, { areas: ['4301'] });
    const late = new pg.Client({ connectionString: url.toString() });
    await late.connect();
    const dispatcher = startDispatcher(database, cfg);
    try {
      await late.query('begin');
      await late.query('select pg_current_xact_id()'); // older transaction, still open
      const [young] = await database.db.insert(changeEvents).values(event('household.registered', '430100000001')).returning();
      await new Promise((res) => setTimeout(res, 100)); // five rounds; short, as it holds back every feed of the cluster
      expect(r.got).toEqual([]); // held back behind the open transaction, as the feed is
      const old = (await late.query(`insert into change_events (type, entity_type, entity_id, area_code, payload) values ('household.registered', 'Household', 'h', '430100000002', '{}') returning id`)).rows[0].id;
      await late.query('commit');
      await until('both events', () => r.got.length === 2);
      expect(r.got.map((g) => g.event.sequence)).toEqual([String(old), String(young.id)]); // feed order: older transaction first
    } finally {
      await dispatcher.stop();
      await late.end();
      await r.close();
    }
  });

  it('with two dispatchers on one database, delivers each of 60 events exactly once', async () => {
    const r = await receiver(() => 200, 15);
    const a = handles[0];
    const b = await open();
    await endpoint(a.db, r.url, { areas: ['4302'] });
    const dispatchers = [startDispatcher(a, cfg), startDispatcher(b, cfg)];
    try {
      const ids: number[] = [];
      for (let i = 0; i < 6; i++) {
        const rows = await (i % 2 ? a : b).db.insert(changeEvents).values(Array.from({ length: 10 }, () => event('household.registered', '430200000001'))).returning();
        ids.push(...rows.map((x) => x.id));
      }
      await until('60 deliveries', () => r.got.length >= 60);
      await new Promise((res) => setTimeout(res, 300));
      const seen = r.got.map((g) => Number(g.event.sequence));
      expect(seen.length).toBe(60);
      expect(new Set(seen)).toEqual(new Set(ids));
    } finally {
      await Promise.all(dispatchers.map((d) => d.stop()));
      await r.close();
    }
  });
});
