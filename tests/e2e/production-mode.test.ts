/**
 * Production mode (issue 13), on a server of this file's own started with NODE_ENV=production:
 * introspection and field suggestions are off, and so is the explorer that needs them (the
 * start page says so, and no development token is handed out: issue 15, item 13); a token valid for years, or without `iat`, is
 * refused; a webhook to an internal address is refused at registration, in every form the
 * address can be written (IPv4-mapped IPv6, decimal, octal, a name that resolves to loopback).
 * On PostgreSQL, a lost database answers 503 SERVICE_UNAVAILABLE with `retry-after` (on /dci:
 * ERR err.service.unavailable), and the server recovers by itself when the database is back.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { SignJWT } from 'jose';
import { BadUserInputError, createClient, ServiceUnavailableError, UnauthenticatedError } from '@jingzhun/sdk';
import { startServer, type StartedServer } from '../setup/server.js';
import { server as shared } from '../support/context.js';
import { ownDatabase, tokenFor, type OwnDatabase } from '../support/own-server.js';
import { adminQuery } from '../support/pg-admin.js';
import { envelope, searchMessage } from '../support/dci.js';

const kind = shared().database;
let db: OwnDatabase;
let srv: StartedServer;
let official: string;

beforeAll(async () => {
  db = await ownDatabase(kind, { NODE_ENV: 'production', SEED_DEMO: 'true' });
  delete db.env.WEBHOOK_ALLOW_PRIVATE;
  delete db.env.INTROSPECTION;
  srv = await startServer(db.env);
  official = await tokenFor(db.env, { role: 'official', area: '433124', sub: 'official-prod' });
});
afterAll(async () => {
  await srv?.stop();
  await db?.drop();
});

const post = (query: string, token = official) =>
  fetch(srv.url, { method: 'POST', headers: { 'content-type': 'application/json', authorization: `Bearer ${token}` }, body: JSON.stringify({ query }) });

describe('the schema is not mapped for strangers', () => {
  it('refuses introspection', async () => {
    const body = await (await post('{ __schema { types { name } } }')).json();
    expect(body.errors[0].message).toMatch(/introspection/i);
    expect(body.data).toBeUndefined();
  });

  it('does not suggest field names in a validation error', async () => {
    const body = await (await post('{ househol(id: "x") { id } }')).json();
    expect(body.errors[0].extensions.code).toBe('GRAPHQL_VALIDATION_FAILED');
    expect(body.errors[0].message).toContain('househol');
    expect(body.errors[0].message).not.toMatch(/did you mean/i);
  });
});

describe('the explorer follows INTROSPECTION', () => {
  it('is not served, and neither the start page nor /graphql hands out a token', async () => {
    const page = await fetch(srv.url, { headers: { accept: 'text/html' } });
    expect(page.status).toBe(404);
    const text = await page.text();
    expect(text).toContain('INTROSPECTION=true');
    expect(text).not.toMatch(/Bearer|explorer-settings/);
    expect((await fetch(new URL('/explorer/graphiql.min.js', srv.url))).status).toBe(404);
    const start = await (await fetch(new URL('/', srv.url))).text();
    expect(start).toMatch(/explorer is off/);
    expect(start).not.toContain('href="/graphql"');
    // It says how to send a token (`Authorization: Bearer <token>`), but hands out none: no JWT on the page.
    expect(start).not.toMatch(/eyJ[\w-]+\.[\w-]+\.[\w-]+|jingzhun token/);
  });
});

describe('token lifetime', () => {
  const sign = (exp: number, iat?: number) => {
    const t = new SignJWT({ role: 'official', area: '433124', sub: 'o' }).setProtectedHeader({ alg: 'HS256' }).setIssuer('jingzhun').setAudience('jingzhun-api').setExpirationTime(exp);
    return (iat === undefined ? t : t.setIssuedAt(iat)).sign(new TextEncoder().encode(db.env.JWT_SECRET));
  };
  const now = () => Math.floor(Date.now() / 1000);

  it('refuses a token valid until the year 5138 and one without iat, and says why', async () => {
    for (const [token, why] of [[await sign(99_999_999_999, now()), /at most 24 h/], [await sign(now() + 600), /no issue time/]] as const) {
      const client = createClient({ url: srv.url, token });
      const e = await client.area({ code: '433124' }).catch((x) => x);
      expect(e).toBeInstanceOf(UnauthenticatedError);
      expect(e.message).toMatch(why);
    }
  });
});

describe('SSRF: webhooks to internal addresses are refused at registration', () => {
  const internal = ['http://[::ffff:7f00:1]:9/hook', 'http://[::ffff:127.0.0.1]:9/', 'http://2130706433:9/', 'http://0177.0.0.1:9/', 'http://10.1.2.3/', 'http://localhost:9/', 'http://[::1]:9/', 'http://169.254.169.254/latest/meta-data'];
  it.each(internal)('%s', async (url) => {
    const client = createClient({ url: srv.url, token: official });
    const e = await client.registerWebhook({ input: { url, secret: 'a-secret-of-sixteen-or-more', areaCode: '433124' } }).catch((x) => x);
    expect(e).toBeInstanceOf(BadUserInputError);
    expect(e.field).toBe('input.url');
    expect(e.reason).toMatch(/internal address/);
    expect((await client.webhooks({ first: 10 })).webhooks.nodes).toHaveLength(0);
  });
});

// PGlite is embedded in the server's process: it cannot be lost apart from it.
if (kind === 'pg') describe('a lost database (PostgreSQL)', () => {
  it('answers 503 SERVICE_UNAVAILABLE with retry-after while the database is gone, and recovers by itself', async () => {
    const name = new URL(db.env.DATABASE_URL).pathname.slice(1);
    const client = createClient({ url: srv.url, token: official });
    expect((await client.area({ code: '433124' })).area?.code).toBe('433124');
    await adminQuery(`alter database ${name} allow_connections false`);
    await adminQuery(`select pg_terminate_backend(pid) from pg_stat_activity where datname = '${name}'`);
    try {
      const res = await post('{ households(filter: { areaCode: "433124" }, first: 1) { totalCount } }');
      const text = await res.clone().text();
      expect(res.status, text).toBe(503);
      expect(res.headers.get('retry-after')).toBe('2');
      const body = await res.json();
      expect(body.errors[0].extensions).toMatchObject({ code: 'SERVICE_UNAVAILABLE', retryable: true });
      expect(JSON.stringify(body)).not.toMatch(/terminat|pg_|SQL|at .*\.js/);
      await expect(client.area({ code: '433124' })).rejects.toBeInstanceOf(ServiceUnavailableError);
      // The DCI API too, with its own acknowledgement and the spec's code (http/dci.ts).
      const dci = await fetch(srv.url.replace(/\/graphql$/, '/dci/registry/sync/search'), {
        method: 'POST', headers: { 'content-type': 'application/json', authorization: `Bearer ${official}` },
        body: JSON.stringify(envelope('search', searchMessage({ query_type: 'idtype-value', query: { type: 'HOUSEHOLD_NUMBER', value: '4331241050010001' } }))),
      });
      expect(dci.status).toBe(503);
      expect(dci.headers.get('content-type')).toMatch(/^application\/json/);
      expect(dci.headers.get('retry-after')).toBe('2');
      expect((await dci.json() as any).message).toMatchObject({ ack_status: 'ERR', error: { code: 'err.service.unavailable' } });
    } finally {
      await adminQuery(`alter database ${name} allow_connections true`);
    }
    // The pool reconnects on the next request.
    let ok = false;
    for (let i = 0; i < 20 && !ok; i++) {
      ok = await client.area({ code: '433124' }).then(() => true, () => false);
      if (!ok) await new Promise((r) => setTimeout(r, 250));
    }
    expect(ok).toBe(true);
  });
});
