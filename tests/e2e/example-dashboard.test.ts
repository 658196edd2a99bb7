/**
 * examples/dashboard in a real browser: the example starts as a user would (`node
 * start.mjs` against the started server, with an analyst's token), headless Chromium
 * (Debian's, driven by playwright-core) opens it, and the numbers it rendered — the
 * county's figures and each township's row — equal the API's answer to the same query.
 * A screenshot is saved beside the server log (tmpdir) for a person to look at.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { tmpdir } from 'node:os';
import { resolve } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { chromium, type Browser } from 'playwright-core';
import { createClient } from '@jingzhun/sdk';
import { server, token } from '../support/context.js';

const ROOT = resolve(import.meta.dirname, '../..');
let dashboard: ChildProcess;
let url: string;
let browser: Browser;
let analystToken: string;

beforeAll(async () => {
  analystToken = await token({ role: 'analyst', area: '433124', sub: 'dashboard-test' });
  dashboard = spawn(process.execPath, ['start.mjs'], {
    cwd: resolve(ROOT, 'examples/dashboard'),
    env: { ...process.env, JINGZHUN_URL: server().url, JINGZHUN_TOKEN: analystToken, PORT: String(20000 + Math.floor(Math.random() * 20000)) },
    stdio: ['ignore', 'pipe', 'inherit'],
  });
  url = await new Promise<string>((ok, fail) => {
    dashboard.stdout!.on('data', (d: Buffer) => { const m = String(d).match(/dashboard at (\S+)/); if (m) ok(m[1]); });
    dashboard.on('exit', (code) => fail(new Error(`the dashboard exited with ${code}`)));
  });
  browser = await chromium.launch({ executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium', args: ['--no-sandbox'] });
}, 120_000);

afterAll(async () => {
  await browser?.close();
  dashboard?.kill();
});

describe('examples/dashboard', () => {
  it('renders the API’s figures for the county and each township', async () => {
    const page = await browser.newPage({ viewport: { width: 1280, height: 900 } });
    const errors: string[] = [];
    page.on('pageerror', (e) => errors.push(e.message));
    const api = createClient({ url: server().url, token: analystToken });
    // Other test files write to the demo county meanwhile: compare a render with the API's
    // answer of the same moment, reloading if a write fell between the two.
    for (let attempt = 1; ; attempt++) {
      await page.goto(`${url}?area=433124&year=2015`);
      await page.waitForSelector('body[data-ready]', { timeout: 60_000 });
      expect(await page.evaluate(() => document.body.dataset.ready)).toBe('true');
      const rendered = await page.$$eval('[data-area][data-measure]', (els) => els.map((e) => [e.getAttribute('data-area'), e.getAttribute('data-measure'), e.textContent]));
      const expected = await expectedFigures(api);
      if (attempt < 3 && JSON.stringify(rendered) !== JSON.stringify(expected)) continue;
      expect(rendered).toEqual(expected);
      break;
    }
    await page.screenshot({ path: resolve(tmpdir(), `jingzhun-dashboard-${server().database}.png`), fullPage: true });
    expect(errors).toEqual([]);
  }, 90_000);
});

async function expectedFigures(api: ReturnType<typeof createClient>) {
    const { statistics: s } = await api.dashboard({ input: { areaCode: '433124', year: 2015, groupBy: ['CHILD_AREA'] } });
    const shown = (c: { households?: number | null; suppressed: boolean }) => (c.suppressed ? '<5' : String(c.households ?? 0));
    const pct = (x: number | null | undefined) => (x == null ? '—' : `${(x * 100).toFixed(2)}%`);
    const incidence = new Map(s.incidence.cells.map((c) => [c.key.areaCode, c.incidence]));
    const expected: (string | null)[][] = [
      ['433124', 'registered', shown(s.register.total.registered)],
      ['433124', 'notOut', shown(s.register.total.notOut)],
      ['433124', 'exited', shown(s.register.total.exited)],
      ['433124', 'incidence', pct(s.incidence.total.incidence)],
      ...s.register.cells.flatMap((c) => [
        [c.key.areaCode, 'registered', shown(c.registered)],
        [c.key.areaCode, 'notOut', shown(c.notOut)],
        [c.key.areaCode, 'exited', shown(c.exited)],
        [c.key.areaCode, 'incidence', pct(incidence.get(c.key.areaCode))],
      ]),
    ];
    expect(s.register.cells.length).toBeGreaterThanOrEqual(10);
    return expected;
}
