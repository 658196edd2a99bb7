/**
 * The DCI authorisation API and examples/dci-client (issue 17). On a server and database of
 * this file's own (tests/support/own-server.ts: a client is registered with the CLI, as an
 * operator would, before the server starts): the token endpoint issues a bearer token for a
 * registered client and refuses wrong credentials; the example obtains one and lists the demo
 * county's small households through DCI — pseudonymous, since the client is an analyst's — and
 * finds exactly as many as an admin's search.
 */
import { execFile } from 'node:child_process';
import { resolve } from 'node:path';
import { promisify } from 'node:util';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { cli, startServer, type StartedServer } from '../setup/server.js';
import { server } from '../support/context.js';
import { ownDatabase, tokenFor, type OwnDatabase } from '../support/own-server.js';

const ROOT = resolve(import.meta.dirname, '../..');
let db: OwnDatabase;
let s: StartedServer;
let secret: string;
let dci: string;

beforeAll(async () => {
  db = await ownDatabase(server().database);
  const { stdout } = await cli(db.env, 'dci', 'register-client', 'example-spmis', '--role', 'analyst', '--area', '433124', '--name', 'Example SPMIS');
  secret = JSON.parse(stdout.trim().split('\n').at(-1)!).client_secret;
  s = await startServer(db.env);
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
