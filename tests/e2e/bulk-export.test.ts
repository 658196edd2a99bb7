/**
 * Bulk export (issue 16): the register of an area as CSV or XLSX in the import's layout,
 * personal data masked for roles without the right to see it; the round trip — export →
 * import into an empty registry (a server of this file's own, tests/support/own-server.ts)
 * → export — gives the same households, members and years (and the XLSX household sheet +
 * member sheet layout of it reads back as the same register); and a commit killed with
 * SIGKILL leaves nothing half-written: after a restart the job is either committed whole
 * or not at all, and committing it again finishes it. Reads townships 433124102 and
 * 433124103 of the shared server; writes only in its own server's database.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import ExcelJS from 'exceljs';
import { commitImport, createClient, exportRegister, getImport, importFile, type Client } from '@jingzhun/sdk';
import { clientAs, server, token } from '../support/context.js';
import { ownDatabase, tokenFor, type OwnDatabase } from '../support/own-server.js';
import { cli, startServer, type StartedServer } from '../setup/server.js';

const TOWNSHIP = '433124103';
const KILL_TOWNSHIP = '433124102';
const kind = server().database;
const cleanup: (() => Promise<void>)[] = [];
let official: Client;
let officialOpts: { url: string; token: string };

afterAll(async () => {
  for (const fn of cleanup.reverse()) await fn().catch(() => undefined);
});

beforeAll(async () => {
  official = await clientAs({ role: 'official', area: '433124' });
  officialOpts = { url: server().url, token: await token({ role: 'official', area: '433124' }) };
});

/** CSV text → rows of cells (the export quotes only where it must; fields hold no newlines). */
function parseCsv(text: string): string[][] {
  const rows: string[][] = [];
  for (const line of text.replace(/^\uFEFF/, '').split(/\r?\n/)) {
    if (!line) continue;
    const cells: string[] = [];
    let cur = '';
    let quoted = false;
    for (let i = 0; i < line.length; i++) {
      const ch = line[i]!;
      if (quoted) {
        if (ch === '"' && line[i + 1] === '"') { cur += '"'; i++; } else if (ch === '"') quoted = false; else cur += ch;
      } else if (ch === '"') quoted = true;
      else if (ch === ',') { cells.push(cur); cur = ''; } else cur += ch;
    }
    cells.push(cur);
    rows.push(cells);
  }
  return rows;
}

const text = (b: Uint8Array) => new TextDecoder().decode(b);

describe('bulk export', () => {
  it('writes the register of a township in the form layout, one row per member', async () => {
    const rows = parseCsv(text(await exportRegister(officialOpts, { areaCode: TOWNSHIP, format: 'csv' })));
    expect(rows[0]!.slice(0, 4)).toEqual(['户编号', '户序号', '版本号', '村代码']);
    expect(rows[0]).toContain('证件号码');
    const numbers = new Set(rows.slice(1).map((r) => r[0]));
    expect(numbers.size).toBeGreaterThan(10);
    for (const n of numbers) expect(n).toMatch(new RegExp(`^${TOWNSHIP}\\d{7}$`));
    const id = rows[0]!.indexOf('证件号码');
    expect(rows.slice(1).filter((r) => r[id]).every((r) => /^\d{17}[\dX](\d\d)?$/.test(r[id]!))).toBe(true);
  });

  it('masks names, ID numbers, phones and bank accounts for an analyst', async () => {
    const analyst = { url: server().url, token: await token({ role: 'analyst', area: '433124' }) };
    const rows = parseCsv(text(await exportRegister(analyst, { areaCode: TOWNSHIP, format: 'csv' })));
    const col = (h: string) => rows[0]!.indexOf(h);
    const members = rows.slice(1).filter((r) => r[col('性别')]);
    expect(members.length).toBeGreaterThan(10);
    for (const h of ['姓名', '证件号码', '联系电话', '银行账号']) expect(new Set(members.map((r) => r[col(h)]))).toEqual(new Set(['[redacted]']));
  });

  it('writes the same rows as XLSX', async () => {
    const csvRows = parseCsv(text(await exportRegister(officialOpts, { areaCode: TOWNSHIP, format: 'csv' })));
    const book = new ExcelJS.Workbook();
    await book.xlsx.load(Buffer.from(await exportRegister(officialOpts, { areaCode: TOWNSHIP, format: 'xlsx' })) as never);
    const sheet = book.worksheets[0]!;
    expect(sheet.rowCount).toBe(csvRows.length);
    expect((sheet.getRow(1).values as unknown[]).slice(1)).toEqual(csvRows[0]);
    expect(String(sheet.getRow(2).getCell(1).value)).toBe(csvRows[1]![0]);
  });

  it('refuses a bad request with the field', async () => {
    const e = await exportRegister(officialOpts, { areaCode: TOWNSHIP, format: 'pdf' as never }).catch((x) => x);
    expect(e).toMatchObject({ code: 'BAD_USER_INPUT', field: 'format' });
    const sheetsCsv = await exportRegister(officialOpts, { areaCode: TOWNSHIP, format: 'csv', layout: 'sheets' }).catch((x) => x);
    expect(sheetsCsv).toMatchObject({ code: 'BAD_USER_INPUT', field: 'layout' });
    expect(sheetsCsv.reason).toMatch(/a household sheet and a member sheet need XLSX/);
    const outside = await exportRegister(officialOpts, { areaCode: '433125', format: 'csv' }).catch((x) => x);
    expect(outside).toMatchObject({ code: 'NOT_FOUND' });
  });
});

describe('bulk round trip and failure, on a registry of its own', () => {
  let db: OwnDatabase;
  let own: StartedServer;
  let ownOpts: { url: string; token: string };

  const start = async () => {
    own = await startServer(db.env);
    const s = own;
    cleanup.push(async () => { if (s.child.exitCode === null && s.child.signalCode === null) await s.stop(); });
    ownOpts = { url: own.url, token: await tokenFor(db.env, { role: 'official', area: '433124', sub: 'bulk-own' }) };
  };
  const ownClient = () => createClient({ url: own.url, token: ownOpts.token });
  const registered = async (areaCode: string) => (await ownClient().households({ filter: { areaCode, stage: ['REGISTERED'] }, first: 1 })).households.totalCount;

  beforeAll(async () => {
    // An empty registry: the demo county's areas only (no demo households, cases or funds).
    db = await ownDatabase(kind, { SEED_DEMO: 'false' });
    cleanup.push(db.drop);
    await cli(db.env, 'areas', 'import', '--demo');
    await start();
  }, 180_000);

  it('export → import into an empty registry → export gives the same households, members and years', async () => {
    const first = await exportRegister(officialOpts, { areaCode: TOWNSHIP, format: 'csv' });
    expect(await registered(TOWNSHIP)).toBe(0);
    const job = await importFile(ownOpts, first, { areaCode: TOWNSHIP, fileName: 'round-trip.csv' });
    expect(job.report.errors, JSON.stringify(job.report.problems.filter((p) => p.severity === 'ERROR').slice(0, 3))).toBe(0);
    const done = await commitImport(ownOpts, job.id);
    const a = parseCsv(text(first));
    const b = parseCsv(text(await exportRegister(ownOpts, { areaCode: TOWNSHIP, format: 'csv' })));
    const version = a[0]!.indexOf('版本号');
    const strip = (rows: string[][]) => rows.map((r) => r.filter((_, i) => i !== version));
    expect(strip(b)).toEqual(strip(a));
    const households = new Set(a.slice(1).map((r) => r[0])).size;
    expect(done.result).toMatchObject({ registered: households, members: a.slice(1).filter((r) => r[a[0]!.indexOf('证件号码')]).length });
    expect(await registered(TOWNSHIP)).toBe(households);
    const sdkYears = await ownClient().households({ filter: { areaCode: TOWNSHIP }, first: 5 });
    expect(sdkYears.households.nodes.every((n) => n.year !== null)).toBe(true);

    // The same register as a household sheet + member sheet reads back as the register exactly: every household unchanged.
    const sheets = await exportRegister(ownOpts, { areaCode: TOWNSHIP, format: 'xlsx', layout: 'sheets' });
    const book = new ExcelJS.Workbook();
    await book.xlsx.load(Buffer.from(sheets) as never);
    expect(book.worksheets.map((w) => w.name)).toEqual(['户 households', '成员 members']);
    const header = (i: number) => (book.worksheets[i]!.getRow(1).values as unknown[]).slice(1);
    expect(header(0)).toContain('村代码');
    expect(header(0)).not.toContain('姓名');
    expect(header(1).slice(0, 2)).toEqual(['户编号', '姓名']);
    const members = a.slice(1).filter((r) => r[a[0]!.indexOf('证件号码')]).length;
    expect(book.worksheets[1]!.rowCount).toBe(1 + members);
    const back = await importFile(ownOpts, sheets, { areaCode: TOWNSHIP, fileName: 'sheets.xlsx' });
    expect(back.report, JSON.stringify(back.report.problems.filter((p) => p.severity === 'ERROR').slice(0, 3))).toMatchObject({ format: 'xlsx', errors: 0, households, unchanged: households, members });
  });

  it('a commit killed with SIGKILL leaves all or nothing; committing again finishes it', async () => {
    const file = await exportRegister(officialOpts, { areaCode: KILL_TOWNSHIP, format: 'csv' });
    const households = new Set(parseCsv(text(file)).slice(1).map((r) => r[0])).size;
    const job = await importFile(ownOpts, file, { areaCode: KILL_TOWNSHIP });
    expect(job.status).toBe('VALID');
    const commit = commitImport(ownOpts, job.id).catch((e) => e);
    await new Promise((r) => setTimeout(r, 150));
    own.child.kill('SIGKILL');
    await commit;
    await new Promise((r) => own.child.exitCode !== null || own.child.signalCode !== null ? r(null) : own.child.once('exit', r));
    await start();
    const after = await getImport(ownOpts, job.id);
    const n = await registered(KILL_TOWNSHIP);
    // Whole or nothing, whatever moment the kill hit.
    expect(after.status === 'COMMITTED' ? n === households : after.status === 'VALID' && n === 0).toBe(true);
    const again = await commitImport(ownOpts, job.id);
    expect(again.status).toBe('COMMITTED');
    expect(await registered(KILL_TOWNSHIP)).toBe(households);
  });
});
