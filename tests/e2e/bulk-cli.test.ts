/**
 * The bulk commands as a user runs them (issue 16): the built CLI spawned against the test
 * server, `jingzhun import FILE --area CODE [--commit] [--report FILE]` (progress on stderr,
 * the report on stdout, exit status 0 when written or valid, 2 when the file has errors, 1
 * when the file cannot be read) and `jingzhun export --area CODE --format csv|xlsx --out
 * FILE` (the same bytes as the SDK's export). Writes only in township 433124102.
 */
import { execFile } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import ExcelJS from 'exceljs';
import { exportRegister, type Client } from '@jingzhun/sdk';
import { clientAs, server, token } from '../support/context.js';
import { csvFile, fileHousehold, HEADER } from '../support/bulk.js';
import { ROOT } from '../setup/server.js';

const TOWNSHIP = '433124102';
const CLI = resolve(ROOT, 'server/dist/cli/index.js');
const dir = mkdtempSync(join(tmpdir(), 'jingzhun-bulk-cli-'));
let official: Client;
let auth: string[];
let village: string;
let quiet: string;

afterAll(() => rmSync(dir, { recursive: true, force: true }));

beforeAll(async () => {
  official = await clientAs({ role: 'official', area: '433124' });
  auth = ['--url', server().url, '--token', await token({ role: 'official', area: '433124' })];
  village = (await official.villages({ filter: { areaCode: TOWNSHIP }, first: 1 })).villages.nodes[0]!.code;
  // A village with households that no test writes in (bulk-import.test.ts writes in the township's first): its export is the same whenever it is read.
  const others = (await official.villages({ filter: { areaCode: '433124103' }, first: 100 })).villages.nodes.slice(1).reverse();
  for (const v of others) {
    if ((await official.households({ filter: { areaCode: v.code }, first: 1 })).households.totalCount > 0) { quiet = v.code; break; }
  }
});

/** Runs `jingzhun …` (the built CLI, no terminal) and gives its exit status and output. */
function jingzhun(...args: string[]): Promise<{ code: number; stdout: string; stderr: string }> {
  return new Promise((ok) => {
    execFile(process.execPath, [CLI, ...args], { cwd: ROOT, env: { ...process.env, JINGZHUN_TOKEN: '', JINGZHUN_URL: '' } }, (e, stdout, stderr) =>
      ok({ code: e ? Number((e as { code?: number }).code ?? 1) : 0, stdout, stderr }));
  });
}

const count = async () => (await official.households({ filter: { areaCode: TOWNSHIP }, first: 1 })).households.totalCount;
const file = (name: string, text: string) => {
  const path = join(dir, name);
  writeFileSync(path, text);
  return path;
};

describe('jingzhun import', () => {
  it('prints the report of a file with errors, saves the rows with an error column, writes nothing and exits 2', async () => {
    const bad = fileHousehold(village, 'cli-bad');
    bad.members[1]!.relation = '01'; // two heads: R1
    const path = file('bad.csv', csvFile([fileHousehold(village, 'cli-ok'), bad]));
    const before = await count();
    const r = await jingzhun('import', path, '--area', TOWNSHIP, '--commit', '--report', join(dir, 'bad-report.csv'), ...auth);
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/upload: \d+\/\d+/);
    expect(r.stdout).toMatch(/: INVALID\n/);
    expect(r.stdout).toMatch(/6 rows: 2 households/);
    expect(r.stdout).toMatch(/1 errors, 0 warnings/);
    expect(r.stdout).toMatch(/row 6 与户主关系 "01": .*\(R1\)/);
    expect(r.stderr).toMatch(/the file has errors: nothing was written/);
    const report = readFileSync(join(dir, 'bad-report.csv'), 'utf8').replace(/^\uFEFF/, '').split(/\r?\n/);
    expect(report[0]).toMatch(/^错误 \(errors\),householdNumber/);
    expect(report[5]).toMatch(/^"?与户主关系: .*\(R1\)/);
    expect(await count()).toBe(before);
  });

  it('commits a good file with --commit and exits 0; without --commit it only validates', async () => {
    const path = file('good.csv', csvFile([fileHousehold(village, 'cli-1'), fileHousehold(village, 'cli-2')]));
    const before = await count();
    const dry = await jingzhun('import', path, '--area', TOWNSHIP, ...auth);
    expect(dry.code).toBe(0);
    expect(dry.stdout).toMatch(/: VALID\n/);
    expect(dry.stdout).toMatch(/nothing written yet: run again with --commit/);
    expect(await count()).toBe(before);
    const r = await jingzhun('import', path, '--area', TOWNSHIP, '--commit', ...auth);
    expect(r.code).toBe(0);
    expect(r.stdout).toMatch(/this file was uploaded before: the same job/);
    const result = /committed in [\d.]+ s: (\{.*\})\n/.exec(r.stdout);
    expect(JSON.parse(result![1]!)).toEqual({ registered: 2, corrected: 0, members: 6, years: 2, warnings: 0 });
    expect(await count()).toBe(before + 2);
  });

  it('says why a file cannot be read and exits 1', async () => {
    const path = file('headers.csv', csvFile([fileHousehold(village, 'cli-h')], HEADER.map((h) => (h === 'name' ? '名字' : h))));
    const r = await jingzhun('import', path, '--area', TOWNSHIP, ...auth);
    expect(r.code).toBe(1);
    expect(r.stderr).toMatch(/jingzhun: BAD_USER_INPUT: .*\n.*"名字" is not a column of the national form/);
    const noToken = await jingzhun('import', path, '--area', TOWNSHIP, '--url', server().url);
    expect(noToken).toMatchObject({ code: 1 });
    expect(noToken.stderr).toMatch(/no token: pass --token or set JINGZHUN_TOKEN/);
  });
});

describe('jingzhun export', () => {
  it('writes CSV with the bytes the SDK gets, and XLSX with the same rows', async () => {
    const csvPath = join(dir, 'out.csv');
    const r = await jingzhun('export', '--area', quiet, '--format', 'csv', '--out', csvPath, ...auth);
    expect(r.code).toBe(0);
    expect(r.stdout).toMatch(new RegExp(`wrote ${csvPath} \\(\\d+ bytes\\)`));
    const bytes = readFileSync(csvPath);
    expect(Buffer.compare(bytes, Buffer.from(await exportRegister({ url: server().url, token: auth[3]! }, { areaCode: quiet, format: 'csv' })))).toBe(0);
    const rows = bytes.toString('utf8').replace(/^\uFEFF/, '').trim().split(/\r?\n/);
    expect(rows.length).toBeGreaterThan(2);
    expect(rows[0]!.startsWith('户编号,户序号,版本号,村代码')).toBe(true);

    const xlsxPath = join(dir, 'out.xlsx');
    expect((await jingzhun('export', '--area', quiet, '--format', 'xlsx', '--out', xlsxPath, ...auth)).code).toBe(0);
    const book = new ExcelJS.Workbook();
    await book.xlsx.readFile(xlsxPath);
    const sheet = book.worksheets[0]!;
    expect(sheet.rowCount).toBe(rows.length);
    expect((sheet.getRow(1).values as unknown[]).slice(1).join(',')).toBe(rows[0]);
    expect(String(sheet.getRow(2).getCell(1).value)).toBe(rows[1]!.split(',')[0]);
  });

  it('refuses an area outside the token\'s and exits 1', async () => {
    const r = await jingzhun('export', '--area', '433125', '--format', 'csv', '--out', join(dir, 'no.csv'), ...auth);
    expect(r.code).toBe(1);
    expect(r.stderr).toMatch(/jingzhun: NOT_FOUND/);
  });
});
