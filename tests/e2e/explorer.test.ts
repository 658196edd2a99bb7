/**
 * The start page and the explorer in a real browser (issue 15, item 13), on a development
 * server of this file's own — started as `pnpm start` starts one, with the generated
 * development secret (no JWT_SECRET) — so the explorer comes with the development token.
 * Headless Chromium (Debian's, through playwright-core) opens `/`, follows its link to the
 * explorer, runs the pre-filled query and sees its data, while every request that would
 * leave 127.0.0.1 is refused and recorded: there must be none. Production is checked in
 * production-mode.test.ts. Reads only.
 */
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { chromium, type Browser } from 'playwright-core';
import { createClient } from '@jingzhun/sdk';
import { startServer, type StartedServer } from '../setup/server.js';
import { server as shared } from '../support/context.js';
import { ownDatabase, type OwnDatabase } from '../support/own-server.js';

const ROOT = resolve(import.meta.dirname, '../..');
let db: OwnDatabase;
let srv: StartedServer;
let base: string;
let browser: Browser;
let dataDir: string;

beforeAll(async () => {
  db = await ownDatabase(shared().database);
  // A developer's server: the secret generated into the data folder, as `pnpm start` has it.
  delete db.env.JWT_SECRET;
  dataDir = mkdtempSync(join(tmpdir(), 'jingzhun-explorer-'));
  if (!db.env.DATA_DIR) db.env.DATA_DIR = dataDir;
  srv = await startServer(db.env);
  base = new URL(srv.url).origin;
  browser = await chromium.launch({ executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium', args: ['--no-sandbox'] });
}, 180_000);

afterAll(async () => {
  await browser?.close();
  await srv?.stop();
  await db?.drop();
  rmSync(dataDir, { recursive: true, force: true });
});

describe('a browser at the server', () => {
  it('sees a start page at / that says what the service is and links the explorer, the SDK docs and the health check', async () => {
    const res = await fetch(`${base}/`, { headers: { accept: 'text/html' } });
    expect(res.headers.get('content-type')).toMatch(/^text\/html/);
    const html = await res.text();
    expect(html).toMatch(/poverty alleviation/);
    for (const href of ['/graphql', '/sdk/README.md', '/healthz']) {
      expect(html).toContain(`href="${href}"`);
      expect((await fetch(`${base}${href}`, { headers: { accept: 'text/html' } })).status, href).toBe(200);
    }
    expect(await (await fetch(`${base}/sdk/README.md`)).text()).toContain('import { createClient, paginate } from \'@jingzhun/sdk\'');
  });

  it('opens the explorer offline, with the development token and example operations, runs the query and shows its data', async () => {
    const page = await browser.newPage({ viewport: { width: 1400, height: 900 } });
    const outside: string[] = [];
    const errors: string[] = [];
    page.on('pageerror', (e) => errors.push(e.message));
    await page.route('**/*', (route) => {
      const u = new URL(route.request().url());
      if (u.protocol === 'data:' || u.protocol === 'blob:' || u.hostname === '127.0.0.1') return route.continue();
      outside.push(u.href);
      return route.abort('internetdisconnected');
    });
    await page.goto(`${base}/`);
    await Promise.all([page.waitForURL(`${base}/graphql`), page.click('a[href="/graphql"]')]);
    await page.waitForSelector('.graphiql-execute-button', { timeout: 60_000 });

    const settings = JSON.parse(await page.$eval('#explorer-settings', (e) => e.textContent!));
    const token = (JSON.parse(settings.headers).authorization as string).replace(/^Bearer /, '');
    expect((await createClient({ url: srv.url, token }).viewer()).viewer).toMatchObject({ role: 'official', areaCodes: ['433124'] });
    expect(await page.locator('.graphiql-editor-tool').innerText()).toContain('Bearer');
    expect(await page.locator('.graphiql-query-editor').innerText()).toContain('households(filter: $filter');

    await page.click('.graphiql-execute-button');
    const result = page.locator('.result-window');
    await expect.poll(() => result.innerText(), { timeout: 30_000 }).toMatch(/"totalCount": \d+/);
    await page.screenshot({ path: resolve(tmpdir(), `jingzhun-explorer-${shared().database}.png`) });
    const shown = Number((await result.innerText()).match(/"totalCount": (\d+)/)![1]);
    const { households } = await createClient({ url: srv.url, token }).households({ filter: { areaCode: '433124', perCapitaIncomeMax: 2000 }, first: 1 });
    expect(shown).toBe(households.totalCount);
    expect(await result.innerText()).toMatch(/"number": "433124\d{10}"/);

    expect(outside).toEqual([]);
    expect(errors).toEqual([]);
  }, 120_000);

  it('answers API clients at /graphql as before: a GET query, and JSON for a GET without one', async () => {
    const html = await (await fetch(`${base}/graphql`, { headers: { accept: 'text/html' } })).text();
    const { headers } = JSON.parse(html.match(/<script id="explorer-settings" type="application\/json">(.*?)<\/script>/)![1]);
    const get = await fetch(`${base}/graphql?query=${encodeURIComponent('{ __typename }')}`, { headers: { accept: 'application/json', ...JSON.parse(headers) } });
    expect((await get.json()).data).toEqual({ __typename: 'Query' });
    const bare = await fetch(`${base}/graphql`, { headers: { accept: 'application/json' } });
    expect(bare.headers.get('content-type')).toMatch(/json/);
  });

  it('is shown in the README’s quick start', () => {
    const readme = readFileSync(resolve(ROOT, 'README.md'), 'utf8');
    const quickStart = readme.slice(readme.indexOf('## Quick start'), readme.indexOf('\n## ', readme.indexOf('## Quick start') + 5));
    expect(quickStart).toContain('http://127.0.0.1:4000/graphql');
    expect(quickStart).toMatch(/explorer/i);
  });
});
