/**
 * Webhook delivery survives its server process: on a database of its own (PGlite
 * folder, or PostgreSQL database on the `pg` project) this file starts its own
 * server processes. While the receiver is down, server A is stopped (SIGTERM) with
 * deliveries pending and events just written; server B takes over, writes more, and
 * is killed (SIGKILL) mid-work; server C finds the receiver up again. Every event
 * arrives, accepted exactly once, by event id — nothing lost, nothing duplicated.
 * On PostgreSQL (only: PGlite is one process's embedded database), two server
 * processes on one database share the work and deliver each of 30 events exactly once.
 */
import { randomBytes } from 'node:crypto';
import { afterAll, describe, expect, it } from 'vitest';
import { createClient, verifyWebhook, type Client } from '@jingzhun/sdk';
import { startServer, type StartedServer } from '../setup/server.js';
import { server } from '../support/context.js';
import { freshHousehold } from '../support/forms.js';
import { ownDatabase, tokenFor, type OwnDatabase } from '../support/own-server.js';
import { startReceiver, waitFor, type Receiver } from '../support/receiver.js';

const COUNTY = '433124';
const kind = server().database;
const cleanup: (() => Promise<void>)[] = [];

afterAll(async () => {
  for (const fn of cleanup.reverse()) await fn().catch(() => undefined);
});

async function own(env: Record<string, string>): Promise<OwnDatabase> {
  const db = await ownDatabase(kind, env);
  cleanup.push(db.drop);
  return db;
}

async function start(env: Record<string, string>): Promise<{ server: StartedServer; client: Client }> {
  const s = await startServer(env);
  const exited = () => s.child.exitCode !== null || s.child.signalCode !== null;
  cleanup.push(async () => {
    if (!exited()) await s.stop();
  });
  const sub = 'official-restart';
  return { server: s, client: createClient({ url: s.url, token: await tokenFor(env, { role: 'official', area: COUNTY, sub }) }) };
}

async function receiver(status: number): Promise<Receiver> {
  const r = await startReceiver(status);
  cleanup.push(r.close);
  return r;
}

async function registerIn(client: Client, village: string) {
  return (await client.registerHousehold({ input: freshHousehold(village) })).registerHousehold.household.id;
}

/** The accepted (2xx) POSTs, by the household registered. */
const accepted = (r: Receiver) => r.got.filter((g) => g.answered < 300);

/** Every household accepted exactly once, with distinct event ids, each signed. */
function expectExactlyOnce(r: Receiver, households: string[], secret: string) {
  const ok = accepted(r);
  expect(ok.map((g) => g.event.entityId).sort()).toEqual([...households].sort());
  expect(new Set(ok.map((g) => g.event.id)).size).toBe(households.length);
  for (const g of ok) expect(verifyWebhook(secret, g.headers, g.body).type).toBe('household.registered');
}

describe('webhooks across restarts', () => {
  it('lose and duplicate no event when the server is stopped, restarted and killed while the receiver is down', async () => {
    const db = await own({
      WEBHOOK_POLL_MS: '50', WEBHOOK_RETRY_BASE_MS: '100', WEBHOOK_RETRY_MAX_MS: '300',
      WEBHOOK_FAILURE_LIMIT: '100000', WEBHOOK_MAX_ATTEMPTS: '100000', WEBHOOK_TIMEOUT_MS: '1000',
    });
    const r = await receiver(503);
    const secret = randomBytes(24).toString('hex');

    // A: register, write 3 households, see them attempted; write 2 more and stop at once.
    const a = await start(db.env);
    const village = (await a.client.villages({ filter: { areaCode: COUNTY }, first: 1 })).villages.nodes[0].code;
    const { registerWebhook: ep } = await a.client.registerWebhook({ input: { url: r.url, secret, eventTypes: ['household.registered'], areaCode: COUNTY } });
    const households: string[] = [];
    for (let i = 0; i < 3; i++) households.push(await registerIn(a.client, village));
    await waitFor('A to attempt the first 3', () => households.every((h) => r.got.some((g) => g.event.entityId === h)));
    households.push(await registerIn(a.client, village), await registerIn(a.client, village));
    await a.server.stop();

    // B: the same database; writes 2 more, attempts everything, and is killed.
    const b = await start(db.env);
    households.push(await registerIn(b.client, village), await registerIn(b.client, village));
    const triedByB = r.got.length;
    await waitFor('B to attempt all 7', () => households.every((h) => r.got.slice(triedByB).some((g) => g.event.entityId === h)));
    const killed = new Promise((ok) => b.server.child.once('exit', ok));
    b.server.child.kill('SIGKILL');
    await killed;
    expect(accepted(r)).toEqual([]);

    // C: the receiver is back; one more write. Claims of the killed B expire and are retried.
    r.status = 200;
    const c = await start(db.env);
    households.push(await registerIn(c.client, village));
    await waitFor('all 8 accepted', () => households.every((h) => accepted(r).some((g) => g.event.entityId === h)), 45_000);
    await new Promise((ok) => setTimeout(ok, 1000)); // a duplicate would come now
    expectExactlyOnce(r, households, secret);

    const { webhookDeliveries } = await c.client.webhookDeliveries({ endpointId: ep.id, first: 100 });
    expect(webhookDeliveries.totalCount).toBe(8);
    expect(webhookDeliveries.nodes.every((d) => d.status === 'DELIVERED' && d.lastStatusCode === 200)).toBe(true);
    // The same events as the change feed, by id.
    const { changes } = await c.client.changes({ filter: { areaCode: COUNTY, types: ['household.registered'] }, first: 100 });
    const feed = changes.edges.map((e) => e.node).filter((n) => households.includes(n.entityId));
    expect(accepted(r).map((g) => g.event.id).sort()).toEqual(feed.map((n) => n.id).sort());
    await c.server.stop();
  }, 150_000);

  if (kind === 'pg') {
    it('with two server processes on one PostgreSQL database, delivers each of 30 events exactly once', async () => {
      const db = await own({ WEBHOOK_POLL_MS: '20', WEBHOOK_CONCURRENCY: '4' });
      const r = await receiver(200);
      const secret = randomBytes(24).toString('hex');
      const a = await start(db.env);
      const b = await start(db.env);
      const village = (await a.client.villages({ filter: { areaCode: COUNTY }, first: 1 })).villages.nodes[0].code;
      await a.client.registerWebhook({ input: { url: r.url, secret, eventTypes: ['household.registered'] } });
      const households: string[] = [];
      for (let i = 0; i < 6; i++) {
        households.push(...(await Promise.all(Array.from({ length: 5 }, (_, j) => registerIn(j % 2 ? a.client : b.client, village)))));
      }
      await waitFor('30 deliveries', () => accepted(r).length >= 30, 45_000);
      await new Promise((ok) => setTimeout(ok, 1000));
      expectExactlyOnce(r, households, secret);
      expect(r.got.length).toBe(30);
      await Promise.all([a.server.stop(), b.server.stop()]);
    }, 150_000);
  }
});
