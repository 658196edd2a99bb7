/**
 * The first hour of a new user (issue 15, items 13–18 and 20): what `jingzhun token` prints
 * works for every role, the explorer and the landing page, the CLI's start, and the messages
 * a newcomer meets. Writes only in 岩科乡 433124108 (a cadre and its unit).
 */
import { execFile, spawn } from 'node:child_process';
import { readdirSync, readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { promisify } from 'node:util';
import { describe, expect, it } from 'vitest';
import { BadUserInputError, createClient } from '@jingzhun/sdk';
import { clientAs, server } from '../support/context.js';
import { subject } from '../support/people.js';
import { freshHousehold } from '../support/forms.js';
import { base } from '../support/measures.js';

const ROOT = resolve(import.meta.dirname, '../..');
const TOWNSHIP = '433124108';

/** `jingzhun token …` as a user runs it, with the test server's secret. */
async function cliToken(...args: string[]): Promise<string> {
  const env = { ...process.env, JWT_SECRET: server().secret, NODE_ENV: 'test' } as Record<string, string>;
  const { stdout } = await promisify(execFile)(process.execPath, [resolve(ROOT, 'server/dist/cli/index.js'), 'token', ...args], { env, cwd: ROOT });
  return stdout.trim();
}

const viewerWith = async (token: string) => (await createClient({ url: server().url, token }).viewer()).viewer;

describe('jingzhun token (item 17)', () => {
  it.each([
    ['admin', []],
    ['official', []],
    ['cadre', []],
    ['ministry', ['--sector', 'water']],
    ['analyst', []],
    ['donor', ['--org', '友成基金会']],
  ])('mints a token the server accepts for the role %s', async (role, extra) => {
    const viewer = await viewerWith(await cliToken('--role', role, ...extra));
    expect(viewer.role).toBe(role);
  });

  it('mints a working token for a registered cadre by subject alone (no county area added)', async () => {
    const official = await clientAs({ role: 'official', area: TOWNSHIP, sub: 'first-hour-township' });
    const { registerUnit: unit } = await official.registerUnit({ input: { name: '花垣县扶贫办', kind: 'GOVERNMENT', areaCode: TOWNSHIP } });
    const sub = subject('first-hour-cadre');
    await official.registerCadre({ input: { name: '石队员', unitId: unit.id, areaCode: TOWNSHIP, subject: sub } });
    const viewer = await viewerWith(await cliToken('--role', 'cadre', '--sub', sub));
    expect(viewer).toMatchObject({ id: sub, role: 'cadre' });
  });

  it('refuses to print a token the server would refuse, with the reason', async () => {
    await expect(cliToken('--role', 'ministry')).rejects.toThrow(/needs its sector/);
    await expect(cliToken('--role', 'cadre', '--area', '433124')).rejects.toThrow(/12-digit village codes/);
  });
});

describe('an area code that is valid but not loaded (item 18)', () => {
  /** 凤凰县 433123 of 湘西州: a real county the test server never imported. */
  const NOT_LOADED_COUNTY = '433123';
  /** A village code of the right shape inside 岩科乡, absent from the division list. */
  const NOT_LOADED_VILLAGE = `${TOWNSHIP}999`;
  const notLoaded = (prefix: string) => expect.stringMatching(new RegExp(`is loaded in this registry.*areas import --prefix ${prefix}`));

  it('says the area is not loaded and how to import it, where a programme names it', async () => {
    const admin = await clientAs({ role: 'admin' });
    const e = await admin.createProgramme({ input: { name: '凤凰县饮水安全', sector: 'WATER', year: 2016, budget: 1000, areaCode: NOT_LOADED_COUNTY } }).catch((x) => x);
    expect(e).toBeInstanceOf(BadUserInputError);
    expect(e).toMatchObject({ field: 'input.areaCode', reason: notLoaded(NOT_LOADED_COUNTY) });
  });

  it('says so for a village in the caller\'s area (registration, village measure), and keeps "not in your area" outside it', async () => {
    const official = await clientAs({ role: 'official', area: TOWNSHIP, sub: 'first-hour-township' });
    const reg = await official.registerHousehold({ input: freshHousehold(NOT_LOADED_VILLAGE) }).catch((x) => x);
    expect(reg).toMatchObject({ code: 'BAD_USER_INPUT', field: 'input.villageCode', reason: notLoaded('433124') });
    const measure = await official.recordMeasure({ input: { ...base('', {}), householdId: undefined, villageCode: NOT_LOADED_VILLAGE } }).catch((x) => x);
    expect(measure).toMatchObject({ code: 'BAD_USER_INPUT', field: 'input.villageCode', reason: notLoaded('433124') });
    const outside = await official.registerHousehold({ input: freshHousehold(`${NOT_LOADED_COUNTY}100001`) }).catch((x) => x);
    expect(outside).toMatchObject({ code: 'BAD_USER_INPUT', field: 'input.villageCode', reason: expect.stringMatching(/in your area/) });
  });
});

/** The processes descended from `root` (read from /proc), with their command lines. */
function descendants(root: number): string[] {
  const parent = new Map<number, number>();
  for (const d of readdirSync('/proc')) {
    if (!/^\d+$/.test(d)) continue;
    try {
      const stat = readFileSync(`/proc/${d}/stat`, 'utf8');
      parent.set(Number(d), Number(stat.slice(stat.lastIndexOf(')') + 2).split(' ')[1]));
    } catch { /* the process ended meanwhile */ }
  }
  const found: string[] = [];
  for (const [pid] of parent) {
    for (let p = parent.get(pid); p; p = parent.get(p)) {
      if (p === root) {
        try { found.push(readFileSync(`/proc/${pid}/cmdline`, 'utf8').replaceAll('\0', ' ')); } catch { /* ended */ }
        break;
      }
    }
  }
  return found;
}

/** Runs `pnpm -s jingzhun token --role admin` as a user does, noting every TypeScript compiler it starts. */
async function pnpmToken(): Promise<{ token: string; compilers: string[] }> {
  const env = { ...process.env, JWT_SECRET: server().secret, NODE_ENV: 'test' };
  const child = spawn('pnpm', ['-s', 'jingzhun', 'token', '--role', 'admin'], { cwd: ROOT, env, stdio: ['ignore', 'pipe', 'pipe'] });
  const compilers = new Set<string>();
  const watch = setInterval(() => { for (const c of descendants(child.pid!)) if (/typescript\/bin\/tsc|(^|\/)tsc /.test(c)) compilers.add(c); }, 25);
  let out = '';
  child.stdout.on('data', (d: Buffer) => (out += d.toString()));
  const code = await new Promise<number | null>((ok) => child.once('exit', ok));
  clearInterval(watch);
  expect(code).toBe(0);
  return { token: out.trim(), compilers: [...compilers] };
}

describe('pnpm jingzhun (item 14)', () => {
  it('starts without building when the build is current: a second invocation runs no TypeScript compiler', async () => {
    await pnpmToken(); // the first may build (the build of the test run leaves no launcher stamp)
    const second = await pnpmToken();
    expect(second.compilers).toEqual([]);
    expect((await viewerWith(second.token)).role).toBe('admin');
  });
});
