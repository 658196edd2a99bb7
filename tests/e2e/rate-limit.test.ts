/**
 * Published limits (issue 13 item 4): every answer carries its cost and the limit in
 * `extensions.cost`; with RATE_LIMIT_PER_MINUTE a token gets that many requests a minute,
 * each answer saying how many remain, then 429 RATE_LIMITED with `retry-after` — and
 * another token is not affected. On PostgreSQL, two server processes on one database share
 * the count.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createClient, RateLimitedError } from '@jingzhun/sdk';
import { startServer, type StartedServer } from '../setup/server.js';
import { clientAs, server as shared, token } from '../support/context.js';
import { ownDatabase, tokenFor, type OwnDatabase } from '../support/own-server.js';

const kind = shared().database;
const LIMIT = 6;
let db: OwnDatabase;
const servers: StartedServer[] = [];

/** Waits until at least 15 s remain in the current minute, so one test's requests fall in one window. */
async function earlyInMinute() {
  const left = 60_000 - (Date.now() % 60_000);
  if (left < 15_000) await new Promise((r) => setTimeout(r, left + 100));
}

const ask = (url: string, bearer: string) =>
  fetch(url, { method: 'POST', headers: { 'content-type': 'application/json', authorization: `Bearer ${bearer}` }, body: JSON.stringify({ query: '{ area(code: "433124") { code } }' }) });

beforeAll(async () => {
  db = await ownDatabase(kind, { RATE_LIMIT_PER_MINUTE: String(LIMIT) });
  servers.push(await startServer(db.env));
});
afterAll(async () => {
  for (const s of servers) await s.stop();
  await db?.drop();
});

describe('the cost of a query', () => {
  it('comes with every answer, with the limit', async () => {
    const res = await fetch(shared().url, {
      method: 'POST',
      headers: { 'content-type': 'application/json', authorization: `Bearer ${await token({ role: 'official', area: '433124' })}` },
      body: JSON.stringify({ query: '{ villages(filter: { areaCode: "433124" }, first: 20) { totalCount nodes { code name } } }' }),
    });
    const body = await res.json();
    // villages: (1 + totalCount 10 + nodes (1 + code 1 + name 1)) × 20
    expect(body.extensions.cost).toEqual({ estimated: (1 + 10 + 3) * 20, limit: 50_000 });
    const client = await clientAs({ role: 'official', area: '433124' });
    expect((await client.area({ code: '433124' })).area?.code).toBe('433124');
  });
});

describe('per-token rate limit', () => {
  it(`admits ${LIMIT} requests a minute, counting down, then answers 429 RATE_LIMITED with retry-after; another token is unaffected`, async () => {
    await earlyInMinute();
    const mine = await tokenFor(db.env, { role: 'official', area: '433124', sub: 'rl-one' });
    const remaining: string[] = [];
    for (let i = 0; i < LIMIT; i++) {
      const res = await ask(servers[0].url, mine);
      expect(res.status).toBe(200);
      expect(res.headers.get('x-ratelimit-limit')).toBe(String(LIMIT));
      remaining.push(res.headers.get('x-ratelimit-remaining')!);
    }
    expect(remaining).toEqual(['5', '4', '3', '2', '1', '0']);
    const refused = await ask(servers[0].url, mine);
    expect(refused.status).toBe(429);
    const wait = Number(refused.headers.get('retry-after'));
    expect(wait).toBeGreaterThan(0);
    expect(wait).toBeLessThanOrEqual(60);
    expect((await refused.json()).errors[0].extensions).toEqual({ code: 'RATE_LIMITED', retryAfterSeconds: wait });
    const sdk = createClient({ url: servers[0].url, token: mine });
    await expect(sdk.area({ code: '433124' })).rejects.toBeInstanceOf(RateLimitedError);
    const other = await ask(servers[0].url, await tokenFor(db.env, { role: 'official', area: '433124', sub: 'rl-two' }));
    expect(other.status).toBe(200);
  });
});

// Two processes on one embedded PGlite database cannot be: the sharing is a PostgreSQL matter.
if (kind === 'pg') {
  describe('shared by two server processes (PostgreSQL)', () => {
    it('counts what the other process admitted once it has shared its counts (about a second)', async () => {
      servers.push(await startServer({ ...db.env, SEED_DEMO: 'false' }));
      await earlyInMinute();
      const mine = await tokenFor(db.env, { role: 'official', area: '433124', sub: 'rl-shared' });
      for (let i = 0; i < 4; i++) expect((await ask(servers[0].url, mine)).status).toBe(200);
      await new Promise((r) => setTimeout(r, 2500)); // A shares its 4
      const first = await ask(servers[1].url, mine); // B counts 1 and, at its next flush, learns 5
      expect(first.status).toBe(200);
      await new Promise((r) => setTimeout(r, 2500));
      const second = await ask(servers[1].url, mine);
      expect(second.headers.get('x-ratelimit-remaining')).toBe('0');
      expect((await ask(servers[1].url, mine)).status).toBe(429);
    });
  });
}
