/**
 * The DCI authorisation API and examples/dci-client (issue 17). On a server and database of
 * this file's own (tests/support/own-server.ts: a client is registered with the CLI, as an
 * operator would, before the server starts): the token endpoint issues a bearer token for a
 * registered client and refuses wrong credentials; the example obtains one and lists the demo
 * county's small households through DCI — pseudonymous, since the client is an analyst's — and
 * finds exactly as many as an admin's search. With RATE_LIMIT_PER_MINUTE, a token over its
 * limit gets the DCI acknowledgement err.request.too_many_requests.
 */
import { execFile } from 'node:child_process';
import { resolve } from 'node:path';
import { promisify } from 'node:util';
import { createPublicKey, generateKeyPairSync } from 'node:crypto';
import { envelope, searchMessage, signDci, verifyDci } from '../support/dci.js';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { cli, startServer, type StartedServer } from '../setup/server.js';
import { server } from '../support/context.js';
import { ownDatabase, tokenFor, type OwnDatabase } from '../support/own-server.js';

const ROOT = resolve(import.meta.dirname, '../..');
let db: OwnDatabase;
let s: StartedServer;
let secret: string;
let dci: string;
let signingSecret: string;
const signer = generateKeyPairSync('ed25519');
/** Requests a token may make a minute here: more than the other tests of this file make with one. */
const RATE_LIMIT = 200;

beforeAll(async () => {
  db = await ownDatabase(server().database);
  const { stdout } = await cli(db.env, 'dci', 'register-client', 'example-spmis', '--role', 'analyst', '--area', '433124', '--name', 'Example SPMIS');
  secret = JSON.parse(stdout.trim().split('\n').at(-1)!).client_secret;
  const x = (signer.publicKey.export({ format: 'jwk' }) as { x: string }).x;
  const signed = await cli(db.env, 'dci', 'register-client', 'signing-spmis', '--role', 'official', '--area', '433124', '--public-key', x);
  signingSecret = JSON.parse(signed.stdout.trim().split('\n').at(-1)!).client_secret;
  s = await startServer({ ...db.env, RATE_LIMIT_PER_MINUTE: String(RATE_LIMIT) });
  dci = s.url.replace(/\/graphql$/, '/dci');
}, 180_000);
afterAll(async () => {
  await s?.stop();
  await db?.drop();
});

const tokenRequest = (form: Record<string, string>) => fetch(`${dci}/oauth2/client/token`, {
  method: 'POST', headers: { 'content-type': 'application/x-www-form-urlencoded' }, body: new URLSearchParams(form),
}).then(async (r) => ({ status: r.status, type: r.headers.get('content-type'), body: await r.json() as Record<string, string> }));

describe('the token endpoint', () => {
  it('issues a bearer token for a registered client', async () => {
    const t = await tokenRequest({ grant_type: 'client_credentials', client_id: 'example-spmis', client_secret: secret });
    expect(t.status).toBe(200);
    expect(t.type).toMatch(/^application\/json/);
    expect(t.body).toMatchObject({ token_type: 'bearer', expires_in: '3600' });
    expect(t.body.access_token.split('.')).toHaveLength(3);
  });

  it('refuses a wrong secret, an unknown client and another grant type', async () => {
    expect(await tokenRequest({ grant_type: 'client_credentials', client_id: 'example-spmis', client_secret: 'nope' })).toMatchObject({ status: 401, body: { error: 'invalid_client' } });
    expect(await tokenRequest({ grant_type: 'client_credentials', client_id: 'nobody', client_secret: secret })).toMatchObject({ status: 401, body: { error: 'invalid_client' } });
    expect(await tokenRequest({ grant_type: 'password', client_id: 'example-spmis', client_secret: secret })).toMatchObject({ status: 400, body: { error: 'unsupported_grant_type' } });
  });
});

describe('examples/dci-client', () => {
  it('obtains a token and lists the demo county\'s households of at most 3 members, pseudonymous', async () => {
    const env = { ...process.env, DCI_URL: dci, DCI_CLIENT_ID: 'example-spmis', DCI_CLIENT_SECRET: secret, AREA: '433124', MAX_SIZE: '3' };
    const { stdout } = await promisify(execFile)(resolve(ROOT, 'node_modules/.bin/tsx'), ['index.ts'], { cwd: resolve(ROOT, 'examples/dci-client'), env });
    expect(stdout).toMatch(/^token: valid for 3600 s$/m);
    const total = Number(/^households in 433124 with at most 3 members: (\d+)$/m.exec(stdout)![1]);
    expect(total).toBeGreaterThan(0);
    const groups = [...stdout.matchAll(/^group (433124\d{10}) size (\d+) members (\d+) \(pseudonymous\)$/gm)];
    expect(groups.length).toBe(total);
    expect(groups.every((g) => Number(g[2]) <= 3 && g[2] === g[3])).toBe(true);
    expect(stdout).toMatch(new RegExp(`^listed ${total}$`, 'm'));

    // An admin's GraphQL token on the same endpoint counts the same households.
    const admin = await tokenFor(db.env, { role: 'admin', sub: 'dci-example-admin' });
    const now = new Date().toISOString();
    const res = await fetch(`${dci}/registry/sync/search`, {
      method: 'POST', headers: { 'content-type': 'application/json', authorization: `Bearer ${admin}` },
      body: JSON.stringify({
        header: { message_id: 'm1', message_ts: now, action: 'search', sender_id: 'test', total_count: 1 },
        message: { transaction_id: 't1', search_request: [{ reference_id: 'r', timestamp: now, search_criteria: { query_type: 'expression', query: { value: { expression: { query: { location: '433124', group_size: { $lte: 3 } } } } } } }] },
      }),
    });
    expect((await res.json() as any).message.search_response[0].pagination.total_count).toBe(total);
  }, 60_000);
});

describe('signatures', () => {
  const search = async (body: unknown, bearer: string) => {
    const r = await fetch(`${dci}/registry/sync/search`, { method: 'POST', headers: { 'content-type': 'application/json', authorization: `Bearer ${bearer}` }, body: JSON.stringify(body) });
    return { status: r.status, json: await r.json() as any };
  };
  const criteria = { query_type: 'predicate', query: [{ expression1: { attribute_name: 'location', operator: 'eq', attribute_value: '433124' } }], pagination: { page_size: 1 } };

  it('a client with a registered key must sign: none → err.signature.missing, a wrong one → err.signature.invalid, its own → answered', async () => {
    const t = await tokenRequest({ grant_type: 'client_credentials', client_id: 'signing-spmis', client_secret: signingSecret });
    const bearer = t.body.access_token;
    const e = envelope('search', searchMessage(criteria));
    expect(await search(e, bearer)).toMatchObject({ status: 401, json: { message: { ack_status: 'ERR', error: { code: 'err.signature.missing' } } } });
    const other = generateKeyPairSync('ed25519').privateKey;
    expect(await search({ ...e, signature: signDci(other, e.header, e.message) }, bearer)).toMatchObject({ status: 401, json: { message: { error: { code: 'err.signature.invalid' } } } });
    const tampered = { signature: signDci(signer.privateKey, e.header, e.message), header: e.header, message: { ...e.message, transaction_id: 'changed' } };
    expect((await search(tampered, bearer)).json.message.error.code).toBe('err.signature.invalid');
    const ok = await search({ signature: signDci(signer.privateKey, e.header, e.message), ...e }, bearer);
    expect(ok.status).toBe(200);
    expect(ok.json.message.search_response[0].status).toBe('succ');
  });

  it('the registry signs its answers with the key it publishes at /.well-known/jwks.json', async () => {
    const keys = await (await fetch(s.url.replace(/\/graphql$/, '/.well-known/jwks.json'))).json() as { keys: { kty: string; crv: string; x: string; kid: string }[] };
    expect(keys.keys[0]).toMatchObject({ kty: 'OKP', crv: 'Ed25519', kid: 'jingzhun-dci-1' });
    const publicKey = createPublicKey({ key: keys.keys[0] as never, format: 'jwk' });
    const admin = await tokenFor(db.env, { role: 'admin', sub: 'dci-signature-admin' });
    const a = await search(envelope('search', searchMessage(criteria)), admin);
    expect(a.json.signature).toMatch(/^Signature: namespace="spdci", kidId="jingzhun.registry\|jingzhun-dci-1\|ed25519"/);
    expect(verifyDci(publicKey, a.json.signature, a.json.header, a.json.message)).toBe(true);
    expect(verifyDci(publicKey, a.json.signature, a.json.header, { ...a.json.message, transaction_id: 'x' })).toBe(false);
  });
});

describe('rate limit', () => {
  it('a token over its requests a minute gets 429 ERR err.request.too_many_requests with retry-after', async () => {
    const bearer = await tokenFor(db.env, { role: 'analyst', area: '433124', sub: `dci-rate-${Date.now()}` });
    // Twice the limit and one: at least one minute's window is over it, wherever the minute turns.
    const answers = await Promise.all(Array.from({ length: 2 * RATE_LIMIT + 1 }, () =>
      fetch(`${dci}/registry/sync/search`, { method: 'GET', headers: { authorization: `Bearer ${bearer}` } })
        .then(async (r) => ({ status: r.status, retryAfter: r.headers.get('retry-after'), type: r.headers.get('content-type'), json: await r.json() as any }))));
    const refused = answers.filter((a) => a.status === 429);
    expect(refused.length).toBeGreaterThan(0);
    expect(refused[0]).toMatchObject({ type: expect.stringMatching(/^application\/json/), json: { message: { ack_status: 'ERR', error: { code: 'err.request.too_many_requests' } } } });
    expect(Number(refused[0]!.retryAfter)).toBeGreaterThan(0);
    expect(answers.filter((a) => a.status === 405).length).toBeGreaterThanOrEqual(RATE_LIMIT);
  }, 60_000);
});
