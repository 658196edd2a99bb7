/**
 * An empty demo (issue 15, item 12): with DEMO_HOUSEHOLDS=0 the server starts (it used to exit
 * with "no registered households to sample" from the funds demo), with the demo county's
 * villages and no households. On a database of this file's own.
 */
import { afterAll, expect, it } from 'vitest';
import { createClient } from '@jingzhun/sdk';
import { startServer, type StartedServer } from '../setup/server.js';
import { server as shared } from '../support/context.js';
import { ownDatabase, tokenFor, type OwnDatabase } from '../support/own-server.js';

let db: OwnDatabase;
let srv: StartedServer | undefined;

afterAll(async () => {
  await srv?.stop();
  await db?.drop();
});

it('starts with DEMO_HOUSEHOLDS=0: the demo county’s villages, no households', async () => {
  db = await ownDatabase(shared().database, { DEMO_HOUSEHOLDS: '0' });
  srv = await startServer(db.env);
  const client = createClient({ url: srv.url, token: await tokenFor(db.env, { role: 'official', area: '433124', sub: 'empty-demo' }) });
  expect((await client.households({ first: 1 })).households.totalCount).toBe(0);
  expect((await client.villages({ filter: { areaCode: '433124' }, first: 1 })).villages.totalCount).toBeGreaterThan(200);
});
