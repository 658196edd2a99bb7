/**
 * The `changes` subscription over graphql-ws, through the SDK's `subscribeChanges()`:
 * a county official receives the events of writes in the county, once, in order, within
 * seconds; an official of another county subscribed at the same time receives none of
 * them; resuming from a received cursor gives only the later events; the same refusals
 * as the query (a donor, a bad filter); a socket without a valid token is closed
 * with 4401 and the reason, and so is one whose token expires; over HTTP a subscription is refused with a pointer to WebSocket.
 */
import { afterEach, beforeAll, describe, expect, it } from 'vitest';
import WebSocket from 'ws';
import {
  BadUserInputError, createClient, ForbiddenError, UnauthenticatedError, type Client, type FollowedEvent,
} from '@jingzhun/sdk';
import { clientAs, server, token } from '../support/context.js';
import { freshHousehold } from '../support/forms.js';
import { take } from '../support/take.js';

const COUNTY = '433124';
const OTHER = '433125';

let official: Client;
let otherOfficial: Client;
/** A village other test files leave alone. */
let village: string;
let otherVillage: string;
/** Stops every subscription a test started. */
let stop: AbortController;

afterEach(() => stop?.abort());

beforeAll(async () => {
  const admin = await clientAs({ role: 'admin' });
  official = await clientAs({ role: 'official', area: COUNTY, sub: 'official-subscriptions' });
  otherOfficial = await clientAs({ role: 'official', area: OTHER, sub: 'official-433125-subscriptions' });
  village = (await admin.villages({ filter: { areaCode: COUNTY }, first: 100 })).villages.nodes.at(-3)!.code;
  otherVillage = (await admin.villages({ filter: { areaCode: '433125115' }, first: 100 })).villages.nodes.at(-1)!.code; // eligibility.test.ts takes the first village there
  expect(village).toMatch(/^433124\d{6}$/);
  expect(otherVillage).toMatch(/^433125\d{6}$/);
});

/** Collects everything an iterator yields in the background, until it ends or fails. */
function collect(it: AsyncGenerator<FollowedEvent>) {
  const out: { events: FollowedEvent[]; error?: unknown } = { events: [] };
  void (async () => {
    for await (const e of it) out.events.push(e);
  })().catch((e) => (out.error = e));
  return out;
}

const register = async (client: Client, villageCode: string) =>
  (await client.registerHousehold({ input: freshHousehold(villageCode) })).registerHousehold.household.id;

const endOf = async (client: Client) => (await client.changeFeedEnd()).changeFeedEnd;

describe('changes subscription', () => {
  it('delivers a county’s writes to its official once, in order, within seconds, and none to another county’s official', async () => {
    stop = new AbortController();
    const mine = official.subscribeChanges({ after: await endOf(official), areaCode: village, signal: stop.signal });
    const theirs = collect(otherOfficial.subscribeChanges({ after: await endOf(otherOfficial), signal: stop.signal }));
    const got = take(mine, 3);
    const ids = [await register(official, village), await register(official, village), await register(official, village)];
    const events = await got;
    expect(events.map((e) => [e.type, e.entityId, e.areaCode])).toEqual(ids.map((id) => ['household.registered', id, village]));
    expect(new Set(events.map((e) => e.cursor)).size).toBe(3);
    // Nothing more for this village: exactly those three.
    const extra = await take(mine, 1, 1_500).catch(() => []);
    expect(extra).toEqual([]);
    // A write in the other county, after ours: once it has reached its official, ours would have come before it.
    const marker = await register(otherOfficial, otherVillage);
    const deadline = Date.now() + 20_000;
    while (!theirs.events.some((e) => e.entityId === marker) && Date.now() < deadline) await new Promise((r) => setTimeout(r, 100));
    expect(theirs.error).toBeUndefined();
    expect(theirs.events.map((e) => e.entityId)).toContain(marker);
    expect(theirs.events.filter((e) => ids.includes(e.entityId) || !e.areaCode.startsWith(OTHER))).toEqual([]);
  });

  it('resumes after a received cursor with only the later events', async () => {
    stop = new AbortController();
    const start = await endOf(official);
    const ids = [await register(official, village), await register(official, village), await register(official, village)];
    const first = await take(official.subscribeChanges({ after: start, areaCode: village, signal: stop.signal }), 3);
    expect(first.map((e) => e.entityId)).toEqual(ids);
    const resumed = official.subscribeChanges({ after: first[0].cursor, areaCode: village, signal: stop.signal });
    expect((await take(resumed, 2)).map((e) => e.id)).toEqual(first.slice(1).map((e) => e.id));
    expect(await take(resumed, 1, 1_500).catch(() => [])).toEqual([]);
  });

  it('refuses a donor and a malformed filter, like the query', async () => {
    const start = await endOf(official);
    const donor = await clientAs({ role: 'donor', sub: 'donor-subscriptions' });
    await expect(take(donor.subscribeChanges({ after: start }), 1)).rejects.toBeInstanceOf(ForbiddenError);
    const err = await take(official.subscribeChanges({ after: start, types: ['Household registered'] }), 1).catch((e) => e);
    expect(err).toBeInstanceOf(BadUserInputError);
    expect(err.field).toBe('filter.types[0]');
  });

  it('refuses a connection without a valid token', async () => {
    const start = await endOf(official);
    const anonymous = createClient({ url: server().url });
    const err = await take(anonymous.subscribeChanges({ after: start }), 1).catch((e) => e);
    expect(err).toBeInstanceOf(UnauthenticatedError);
    expect(err.message).toMatch(/no token/);
    // What any graphql-ws client sees: the socket closed with 4401 and the reason.
    const closeOf = (payload: object) =>
      new Promise<{ code: number; reason: string }>((done, fail) => {
        const ws = new WebSocket(server().url.replace(/^http/, 'ws'), 'graphql-transport-ws');
        ws.on('open', () => ws.send(JSON.stringify({ type: 'connection_init', payload })));
        ws.on('message', (m) => fail(new Error(`unexpected message ${String(m)}`)));
        ws.on('close', (code, reason) => done({ code, reason: reason.toString() }));
        ws.on('error', fail);
      });
    expect(await closeOf({})).toMatchObject({ code: 4401, reason: expect.stringMatching(/^UNAUTHENTICATED: no token/) });
    expect(await closeOf({ authorization: 'Bearer not.a.token' })).toMatchObject({ code: 4401, reason: expect.stringMatching(/^UNAUTHENTICATED/) });
  });

  it('bounds a connection: a message over 1 MB closes it (1009), and the 21st running subscription is RATE_LIMITED until one ends', async () => {
    const url = server().url.replace(/^http/, 'ws');
    const auth = { authorization: `Bearer ${await token({ role: 'official', area: COUNTY, sub: `official-bounds-${Date.now()}` })}` };
    /** A raw graphql-transport-ws connection: its messages in order, and its close. */
    const connect = async () => {
      const ws = new WebSocket(url, 'graphql-transport-ws');
      const got: { type: string; id?: string; payload?: unknown }[] = [];
      const closed = new Promise<number>((done) => ws.on('close', (code) => done(code)));
      ws.on('message', (m) => got.push(JSON.parse(String(m))));
      await new Promise((ok, fail) => ws.on('open', ok).on('error', fail));
      ws.send(JSON.stringify({ type: 'connection_init', payload: auth }));
      const until = async (ok: () => boolean) => {
        for (let i = 0; i < 200 && !ok(); i++) await new Promise((r) => setTimeout(r, 25));
        expect(ok()).toBe(true);
      };
      await until(() => got.some((m) => m.type === 'connection_ack'));
      return { ws, got, closed, until };
    };

    const big = await connect();
    big.ws.send(JSON.stringify({ id: 'x', type: 'subscribe', payload: { query: `{ viewer { role } } # ${'x'.repeat(1_100_000)}` } }));
    expect(await big.closed).toBe(1009);

    const c = await connect();
    const subscribe = (id: string) => c.ws.send(JSON.stringify({ id, type: 'subscribe', payload: { query: 'subscription { changes { cursor } }' } }));
    for (let i = 1; i <= 20; i++) subscribe(`s${i}`);
    await new Promise((r) => setTimeout(r, 500));
    subscribe('s21');
    await c.until(() => c.got.some((m) => m.id === 's21'));
    const refused = c.got.find((m) => m.id === 's21')!;
    expect(refused.type).toBe('error');
    expect(refused.payload).toEqual([expect.objectContaining({ message: expect.stringMatching(/already runs 20 subscriptions/), extensions: expect.objectContaining({ code: 'RATE_LIMITED' }) })]);
    expect(c.got.filter((m) => m.type === 'error' && m.id !== 's21')).toEqual([]);
    c.ws.send(JSON.stringify({ id: 's1', type: 'complete' }));
    await new Promise((r) => setTimeout(r, 300));
    subscribe('s22');
    await new Promise((r) => setTimeout(r, 500));
    expect(c.got.filter((m) => m.id === 's22' && m.type === 'error')).toEqual([]);
    c.ws.close();
  });

  it('closes the connection when its token expires', async () => {
    const start = await endOf(official);
    const brief = createClient({ url: server().url, token: await token({ role: 'official', area: COUNTY, sub: 'official-brief' }, { expires: '2s' }) });
    const started = Date.now();
    const err = await take(brief.subscribeChanges({ after: start }), 1, 10_000).catch((e) => e);
    expect(err).toBeInstanceOf(UnauthenticatedError);
    expect(err.message).toMatch(/expired/);
    expect(Date.now() - started).toBeLessThan(5_000);
  });

  it('is refused over HTTP with BAD_REQUEST, saying it runs over WebSocket', async () => {
    const response = await fetch(server().url, {
      method: 'POST',
      headers: { 'content-type': 'application/json', authorization: `Bearer ${await token({ role: 'admin' })}` },
      body: JSON.stringify({ query: 'subscription { changes { cursor } }' }),
    });
    expect(response.status).toBe(400);
    const body = await response.json();
    expect(body.errors[0]).toMatchObject({ extensions: { code: 'BAD_REQUEST' }, message: expect.stringMatching(/WebSocket/) });
  });
});
