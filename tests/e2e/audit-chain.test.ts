/**
 * An audit trail nobody can rewrite (issue 13), on a database of this file's own: writes made
 * through the API are chained per county; `jingzhun audit verify` finds the trail intact; the
 * database refuses UPDATE, DELETE and TRUNCATE of audit rows to the application's own
 * connection; and a row changed or removed behind the triggers' back (by the database owner,
 * triggers disabled) is named by `audit verify`, which exits with status 1. Webhook secrets are
 * stored sealed (AES-256-GCM), and `jingzhun keys rotate` re-seals them under a new key.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import pg from 'pg';
import { PGlite } from '@electric-sql/pglite';
import { createClient } from '@jingzhun/sdk';
import { cli, startServer, type StartedServer } from '../setup/server.js';
import { server as shared } from '../support/context.js';
import { freshHousehold } from '../support/forms.js';
import { ownDatabase, tokenFor, type OwnDatabase } from '../support/own-server.js';

const kind = shared().database;
let db: OwnDatabase;
let srv: StartedServer | undefined;
const SECRET = 'a-webhook-secret-0123456789';

/** Runs SQL on the server's database as its owner (the server stopped, for PGlite's single process): each statement's rows or error. */
async function sqlAsOwner(statements: string[]): Promise<{ rows?: Record<string, unknown>[]; error?: string }[]> {
  const out: { rows?: Record<string, unknown>[]; error?: string }[] = [];
  const run = async (query: (s: string) => Promise<{ rows: unknown[] }>) => {
    for (const s of statements) out.push(await query(s).then((r) => ({ rows: r.rows as Record<string, unknown>[] }), (e: Error) => ({ error: e.message })));
  };
  if (kind === 'pg') {
    const c = new pg.Client({ connectionString: db.env.DATABASE_URL });
    await c.connect();
    await run((s) => c.query(s)).finally(() => c.end());
  } else {
    const c = await PGlite.create(db.env.DATA_DIR);
    await run((s) => c.query(s)).finally(() => c.close());
  }
  return out;
}

const verify = () => cli(db.env, 'audit', 'verify').then((r) => ({ code: 0, out: r.stdout, err: r.stderr }), (e: { code: number; stdout: string; stderr: string }) => ({ code: e.code, out: e.stdout, err: e.stderr }));

beforeAll(async () => {
  db = await ownDatabase(kind);
  srv = await startServer(db.env);
  const official = createClient({ url: srv.url, token: await tokenFor(db.env, { role: 'official', area: '433124', sub: 'official-audit' }) });
  const { villages } = await official.villages({ filter: { areaCode: '433124' }, first: 2 });
  // Two writers at once in one county: the chain must still come out in one line.
  await Promise.all([0, 1, 2, 3, 4, 5].map((i) => official.registerHousehold({ input: freshHousehold(villages.nodes[i % 2].code) })));
  await official.registerWebhook({ input: { url: 'http://127.0.0.1:9/hook', secret: SECRET, areaCode: '433124' } });
  await srv.stop();
  srv = undefined;
});
afterAll(async () => {
  await srv?.stop();
  await db?.drop();
});

describe('the audit trail', () => {
  it('is intact after writes, six of them concurrent', async () => {
    const r = await verify();
    expect(r.code).toBe(0);
    expect(r.out).toMatch(/audit trail intact: \d+ rows in \d+ chains/);
    expect(r.out).toMatch(/^433124\t\d+ rows\tlast id \d+\thead [0-9a-f]{64}$/m);
  });

  it('refuses UPDATE, DELETE and TRUNCATE of audit rows', async () => {
    const results = await sqlAsOwner([
      "update audit_log set actor = 'someone-else' where id = (select max(id) from audit_log)",
      'delete from audit_log where id = (select min(id) from audit_log)',
      'truncate audit_log',
    ]);
    for (const r of results) expect(r.error).toMatch(/append-only/);
    expect((await verify()).code).toBe(0);
  });

  it('names a row changed behind the triggers\' back, and is intact again once it is put back', async () => {
    const [, picked] = await sqlAsOwner(['alter table audit_log disable trigger audit_log_no_change', "select id, actor from audit_log where chain = '433124' order by id offset 2 limit 1"]);
    const { id, actor } = picked.rows![0] as { id: string; actor: string };
    await sqlAsOwner([`update audit_log set actor = 'forged' where id = ${id}`]);
    const r = await verify();
    expect(r.code).toBe(1);
    expect(r.err).toContain(`BROKEN: audit row ${id} of chain 433124 was changed after it was written`);
    await sqlAsOwner([`update audit_log set actor = '${actor}' where id = ${id}`]);
    expect((await verify()).code).toBe(0);
  });

  it('names the row after one removed from the middle of a chain', async () => {
    const [picked] = await sqlAsOwner(["select id from audit_log where chain = '433124' order by id offset 1 limit 2"]);
    const [gone, next] = picked.rows!.map((r) => String(r.id));
    await sqlAsOwner([`delete from audit_log where id = ${gone}`, 'alter table audit_log enable trigger audit_log_no_change']);
    const r = await verify();
    expect(r.code).toBe(1);
    expect(r.err).toContain(`BROKEN: audit row ${next} of chain 433124 does not follow the row before it`);
  });
});

describe('secrets at rest', () => {
  it('stores a webhook secret sealed, and re-seals it under a new key with keys rotate', async () => {
    const [before] = await sqlAsOwner(['select secret from webhook_endpoints']);
    const sealed = String(before.rows![0].secret);
    expect(sealed).toMatch(/^enc1:test:/);
    expect(sealed).not.toContain('0123456789');
    const rotated = { ...db.env, DATA_KEYS: `next:${Buffer.alloc(32, 7).toString('base64')},${db.env.DATA_KEYS}` };
    const r = await cli(rotated, 'keys', 'rotate');
    expect(r.stdout).toContain('1 of 1 stored secrets re-sealed');
    const [after] = await sqlAsOwner(['select secret from webhook_endpoints']);
    expect(String(after.rows![0].secret)).toMatch(/^enc1:next:/);
    expect((await cli(rotated, 'keys', 'rotate')).stdout).toContain('0 of 1 stored secrets re-sealed');
  });
});
