/**
 * Bulk import (issue 16) through the REST paths and the SDK, in township 433124102 and
 * 433124103 only: a file's every row is checked against the form rules and the register
 * and reported by row and column; bad files (headers, empty, another county's villages,
 * people twice in the file or already registered, a stale version) write nothing; a good
 * file commits all its households at once, visible through the SDK; the same file again is
 * the same job; a GBK file of an older tool is read.
 */
import { beforeAll, describe, expect, it } from 'vitest';
import iconv from 'iconv-lite';
import ExcelJS from 'exceljs';
import { commitImport, getImport, importFile, importReport, BadUserInputError, ForbiddenError, NotFoundError, type Client } from '@jingzhun/sdk';
import { clientAs, server, token } from '../support/context.js';
import { freshHousehold } from '../support/forms.js';
import { syncSearch } from '../support/dci.js';
import { base, csvFile, fileHousehold, HEADER, post, rowsOf, csv } from '../support/bulk.js';

const TOWNSHIP = '433124102';
const OTHER_TOWNSHIP = '433124103';
let official: Client;
let opts: { url: string; token: string };
let villages: string[];
let otherVillage: string;

const count = async (areaCode: string) => (await official.households({ filter: { areaCode }, first: 1 })).households.totalCount;

beforeAll(async () => {
  official = await clientAs({ role: 'official', area: '433124' });
  opts = { url: server().url, token: await token({ role: 'official', area: '433124' }) };
  villages = (await official.villages({ filter: { areaCode: TOWNSHIP }, first: 3 })).villages.nodes.map((v) => v.code);
  otherVillage = (await official.villages({ filter: { areaCode: OTHER_TOWNSHIP }, first: 1 })).villages.nodes[0]!.code;
});

/** The household of a member, by reading the village's pages. */
async function findByMember(village: string, idNumber: string): Promise<string> {
  let after: string | null | undefined;
  for (;;) {
    const page = (await official.households({ filter: { areaCode: village }, first: 100, after })).households;
    const hit = page.nodes.find((n) => n.members.some((m) => m.idNumber === idNumber));
    if (hit) return hit.id;
    if (!page.pageInfo.hasNextPage) throw new Error(`no household of ${idNumber} in ${village}`);
    after = page.pageInfo.endCursor;
  }
}

const upload = (text: string | Uint8Array, areaCode = TOWNSHIP) => importFile(opts, text as BodyInit, { areaCode, fileName: 'test.csv' });

describe('bulk import: bad files write nothing', () => {
  it('refuses unknown and missing headers by name, with the column', async () => {
    const before = await count(TOWNSHIP);
    const header = HEADER.map((h) => (h === 'name' ? '名字' : h)).filter((h) => h !== 'relation');
    const e = await upload(csvFile([fileHousehold(villages[0]!, 'a')], header)).catch((x) => x);
    expect(e).toBeInstanceOf(BadUserInputError);
    const reasons = e.problems.map((p: { reason: string }) => p.reason).join('\n');
    expect(reasons).toMatch(/"名字" is not a column of the national form/);
    expect(reasons).toMatch(/the column 与户主关系 \(relation\) is missing/);
    expect(await count(TOWNSHIP)).toBe(before);
  });

  it('refuses an empty file and a file with a header only', async () => {
    const empty = await upload('').catch((x) => x);
    expect(empty).toBeInstanceOf(BadUserInputError);
    expect(empty.reason).toMatch(/the file is empty/);
    const headerOnly = await upload(csv([HEADER])).catch((x) => x);
    expect(headerOnly.reason).toMatch(/no data rows/);
  });

  it('reports villages of another county by row, and refuses to commit', async () => {
    const before = await count(TOWNSHIP);
    const job = await upload(csvFile([fileHousehold(villages[0]!, 'ok'), fileHousehold('433125100201', 'far')]));
    expect(job.status).toBe('INVALID');
    const area = job.report.problems.filter((p) => p.rule === 'AREA');
    expect(area).toHaveLength(1);
    expect(area[0]).toMatchObject({ row: 5, column: '村代码', value: '433125100201', severity: 'ERROR' });
    expect(area[0]!.reason).toMatch(/not in 433124102, the area this import is for/);
    const e = await commitImport(opts, job.id).catch((x) => x);
    expect(e).toBeInstanceOf(BadUserInputError);
    expect(e.reason).toMatch(/the file has 1 error/);
    expect(await count(TOWNSHIP)).toBe(before);
  });

  it('finds the same person twice in the file, and a person already registered in the register', async () => {
    const a = fileHousehold(villages[0]!, 'a');
    const b = fileHousehold(villages[0]!, 'b');
    b.members[2]!.idNumber = a.members[2]!.idNumber;
    const c = fileHousehold(villages[1] ?? villages[0]!, 'c');
    const input = freshHousehold(otherVillage);
    await official.registerHousehold({ input });
    c.members[0]!.idNumber = input.members[0]!.idNumber;
    c.members[0]!.birthYear = Number(input.members[0]!.idNumber.slice(6, 10));
    const before = await count(TOWNSHIP);
    const job = await upload(csvFile([a, b, c]));
    expect(job.status).toBe('INVALID');
    const dup = job.report.problems.find((p) => p.rule === 'DUPLICATE_IN_FILE')!;
    expect(dup).toMatchObject({ row: 7, column: '证件号码', value: a.members[2]!.idNumber });
    expect(dup.reason).toMatch(/this person is on row 4 too/);
    const reg = job.report.problems.find((p) => p.rule === 'REGISTERED')!;
    expect(reg).toMatchObject({ row: 8, column: '证件号码' });
    expect(reg.reason).toMatch(/already registered in household 433124103/);
    expect(await count(TOWNSHIP)).toBe(before);
  });

  it('reports a row rule by row and column, and gives the file back with an error column', async () => {
    const h = fileHousehold(villages[0]!, 'r3');
    h.members[1]!.relation = '01'; // two heads: R1
    const bad = fileHousehold(villages[0]!, 'code');
    bad.members[0]!.sex = '7' as never; // not a code
    const job = await upload(csvFile([h, bad]));
    const r1 = job.report.problems.find((p) => p.rule === 'R1')!;
    expect(r1).toMatchObject({ row: 3, column: '与户主关系', severity: 'ERROR' });
    const code = job.report.problems.find((p) => p.rule === 'CODE')!;
    expect(code).toMatchObject({ row: 5, column: '性别', value: '7' });
    expect(code.reason).toMatch(/"7" is not a code of 性别: enter one of 1 男, 2 女, 9 未说明/);
    const report = new TextDecoder().decode(await importReport(opts, job.id, 'csv')).replace(/^\uFEFF/, '').split(/\r?\n/);
    expect(report[0]).toMatch(/^错误 \(errors\),householdNumber,householdRef/);
    expect(report[2]).toMatch(/^"?与户主关系: .*\(R1\)/);
    expect(report[4]).toMatch(/^"性别: ""7"" is not a code/);
  });

  it('refuses a correction made on a stale version, per row', async () => {
    const { registerHousehold: r } = await official.registerHousehold({ input: freshHousehold(villages[0]!) });
    const number = r.household.number;
    await official.correctHousehold({ id: r.household.id, input: { phone: '13900000001' }, expectedVersion: 1 });
    const h = fileHousehold(villages[0]!, '', { number, version: 1, phone: '13900000002' });
    const job = await upload(csvFile([h]));
    const v = job.report.problems.find((p) => p.rule === 'VERSION')!;
    expect(v).toMatchObject({ row: 2, column: '版本号', value: '1' });
    expect(v.reason).toMatch(new RegExp(`household ${number} changed since this file was exported \\(version 2 in the register, 1 in the file\\)`));
    expect((await official.household({ id: r.household.id })).household!.phone).toBe('13900000001');
  });

  it('is for writers inside their area only', async () => {
    const analyst = { url: server().url, token: await token({ role: 'analyst', area: '433124' }) };
    expect(await importFile(analyst, 'x', { areaCode: TOWNSHIP }).catch((x) => x)).toBeInstanceOf(ForbiddenError);
    const elsewhere = { url: server().url, token: await token({ role: 'official', area: '433125' }) };
    expect(await importFile(elsewhere, 'x', { areaCode: TOWNSHIP }).catch((x) => x)).toBeInstanceOf(NotFoundError);
    const job = await upload(csvFile([fileHousehold(villages[0]!, 'scope')]));
    expect(await getImport(elsewhere, job.id).catch((x) => x)).toBeInstanceOf(NotFoundError);
    const raw = await post(base(server().url), opts.token, `/imports?areaCode=43`, 'x');
    expect(raw.status).toBe(400);
    expect(raw.body.errors[0].extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'areaCode' });
  });
});

describe('bulk import: a good file', () => {
  it('commits all households at once, visible through the SDK; the same file again is the same job', async () => {
    const households = [fileHousehold(villages[0]!, 'g1'), fileHousehold(villages[0]!, 'g2'), fileHousehold(villages[1] ?? villages[0]!, 'g3', { year: undefined })];
    const file = csvFile(households);
    const before = await count(TOWNSHIP);
    const job = await upload(file);
    expect(job.status).toBe('VALID');
    expect(job.report).toMatchObject({ rows: 9, households: 3, members: 9, years: 2, errors: 0, encoding: 'UTF-8', format: 'csv' });
    expect(await count(TOWNSHIP)).toBe(before);
    const done = await commitImport(opts, job.id);
    expect(done.status).toBe('COMMITTED');
    expect(done.result).toMatchObject({ registered: 3, corrected: 0, members: 9, years: 2 });
    expect(await count(TOWNSHIP)).toBe(before + 3);

    const got = (await official.household({ id: await findByMember(villages[0]!, households[0]!.members[0]!.idNumber) })).household!;
    expect(got.members.map((m) => m.name)).toEqual(['龙导入', '石导入', '龙小导']);
    expect(got.number.startsWith(villages[0]!)).toBe(true);
    // The keyed hash of each ID number is set by the commit (the DCI search by ID number finds the household at once).
    const dci = await syncSearch(opts.token, { query_type: 'idtype-value', query: { type: 'ID_NUMBER', value: households[2]!.members[1]!.idNumber } });
    expect(dci.data.reg_records.map((g: { group_identifier: { identifier_value: string }[] }) => g.group_identifier[0]!.identifier_value)).toEqual([
      (await official.household({ id: await findByMember(villages[1] ?? villages[0]!, households[2]!.members[1]!.idNumber) })).household!.number,
    ]);

    const again = await upload(file);
    expect(again).toMatchObject({ id: job.id, reused: true, status: 'COMMITTED' });
    const twice = await commitImport(opts, job.id);
    expect(twice.result).toEqual(done.result);
    expect(await count(TOWNSHIP)).toBe(before + 3);
  });

  it('corrects a household by number with the version it was read at', async () => {
    const { registerHousehold: r } = await official.registerHousehold({ input: freshHousehold(villages[0]!) });
    const h = fileHousehold(villages[0]!, '', { number: r.household.number, version: 1, phone: '13900000009', year: undefined });
    const job = await upload(csvFile([h]));
    expect(job.report).toMatchObject({ errors: 0, corrections: 1 });
    const done = await commitImport(opts, job.id);
    expect(done.result).toMatchObject({ corrected: 1, registered: 0 });
    const after = (await official.household({ id: r.household.id })).household!;
    expect(after.phone).toBe('13900000009');
    expect(after.version).toBe(2);
    expect(after.members.map((m) => m.name)).toEqual(['龙导入', '石导入', '龙小导']);
  });

  it('checks again at commit: a person registered since the upload makes the commit write nothing', async () => {
    const h = fileHousehold(OTHER_TOWNSHIP_VILLAGE(), 'late');
    const job = await upload(csvFile([h, fileHousehold(OTHER_TOWNSHIP_VILLAGE(), 'late2')]), OTHER_TOWNSHIP);
    expect(job.status).toBe('VALID');
    const input = freshHousehold(otherVillage);
    input.members[0] = { ...input.members[0]!, idNumber: h.members[0]!.idNumber, name: '龙导入' };
    await official.registerHousehold({ input: { ...input, members: [input.members[0]!, ...input.members.slice(1)] } }).catch(() => undefined);
    const before = await count(OTHER_TOWNSHIP);
    const e = await commitImport(opts, job.id).catch((x) => x);
    expect(e).toBeInstanceOf(BadUserInputError);
    expect(e.reason).toMatch(/the register changed since the upload/);
    expect(await count(OTHER_TOWNSHIP)).toBe(before);
    expect((await getImport(opts, job.id)).status).toBe('INVALID');
  });

  it('never interleaves two commits of one county: each is whole, or refused with CONFLICT and writes nothing', async () => {
    const a = await upload(csvFile([fileHousehold(villages[0]!, 'p1'), fileHousehold(villages[0]!, 'p2')]));
    const b = await upload(csvFile([fileHousehold(otherVillage, 'q1'), fileHousehold(otherVillage, 'q2')]), OTHER_TOWNSHIP);
    const before = [await count(TOWNSHIP), await count(OTHER_TOWNSHIP)];
    const results = await Promise.allSettled([commitImport(opts, a.id), commitImport(opts, b.id)]);
    const after = [await count(TOWNSHIP), await count(OTHER_TOWNSHIP)];
    results.forEach((r, i) => {
      if (r.status === 'fulfilled') {
        expect(r.value.result).toMatchObject({ registered: 2 });
        expect(after[i]! - before[i]!).toBeGreaterThanOrEqual(2);
      } else {
        expect(r.reason).toMatchObject({ code: 'CONFLICT' });
        expect(r.reason.message).toMatch(/another import of county 433124 is being committed/);
      }
    });
    for (const [i, job] of [a, b].entries()) {
      const now = await getImport(opts, job.id);
      expect(now.status).toBe(results[i]!.status === 'fulfilled' ? 'COMMITTED' : 'VALID');
    }
  });

  it('reads a GBK file of an older tool, with Chinese headers', async () => {
    const zh = ['户编号', '户序号', '版本号', '村代码', '识别标准', '贫困户属性', '主要致贫原因', '其他致贫原因', '脱贫状态', '是否军烈属', '是否独生子女户', '是否双女户',
      '计划脱贫年度', '首次识别日期', '脱贫年度', '联系电话', '开户银行', '银行账号', '姓名', '证件号码', '性别', '与户主关系', '民族', '政治面貌', '文化程度', '在校生状况',
      '健康状况', '劳动技能', '务工状况', '务工时间（月）', '是否会讲普通话', '是否现役军人', '是否参加基本医疗保险', '是否参加大病保险', '是否参加基本养老保险',
      '是否参加商业补充医疗保险', '是否参加意外伤害保险', '是否享受低保', '是否特困供养'];
    const rows = rowsOf(fileHousehold(villages[0]!, 'gbk', { year: undefined })).map((r) => r.slice(0, zh.length));
    const bytes = iconv.encode(csv([zh, ...rows]), 'gbk');
    expect(() => new TextDecoder('utf-8', { fatal: true }).decode(bytes)).toThrow();
    const job = await upload(new Uint8Array(bytes));
    expect(job.report).toMatchObject({ encoding: 'GB18030', errors: 0, households: 1, members: 3 });
  });
});

/** A workbook of a household sheet (the non-member columns, a row per household) and a member sheet (户序号 and the member columns). */
async function twoSheets(households: ReturnType<typeof fileHousehold>[], memberKey = (h: ReturnType<typeof fileHousehold>) => h.ref!): Promise<Uint8Array> {
  const member = new Set(['name', 'idNumber', 'sex', 'relation', 'ethnicity', 'politicalStatus', 'education', 'schooling', 'health', 'labourSkill', 'migrantWork', 'migrantMonths',
    'speaksMandarin', 'activeSoldier', 'basicMedicalInsurance', 'seriousIllnessInsurance', 'basicPensionInsurance', 'commercialMedicalInsurance', 'accidentInsurance', 'receivesDibao', 'destituteSupported']);
  const book = new ExcelJS.Workbook();
  const hs = book.addWorksheet('户');
  const ms = book.addWorksheet('成员');
  const hCols = HEADER.flatMap((h, i) => (member.has(h) ? [] : [i]));
  const mCols = HEADER.flatMap((h, i) => (member.has(h) ? [i] : []));
  hs.addRow(hCols.map((i) => HEADER[i]));
  ms.addRow(['householdRef', ...mCols.map((i) => HEADER[i])]);
  for (const h of households) {
    const rows = rowsOf(h);
    hs.addRow(hCols.map((i) => rows[0]![i]));
    for (const r of rows) ms.addRow([memberKey(h), ...mCols.map((i) => r[i])]);
  }
  return new Uint8Array(await book.xlsx.writeBuffer());
}

describe('bulk import: household sheet + member sheet', () => {
  it('reads an XLSX of a household sheet and a member sheet as the same households, and commits them', async () => {
    const households = [fileHousehold(villages[0]!, 's1'), fileHousehold(villages[0]!, 's2', { year: undefined })];
    const before = await count(TOWNSHIP);
    const job = await upload(await twoSheets(households));
    expect(job.report, JSON.stringify(job.report.problems.slice(0, 3))).toMatchObject({ format: 'xlsx', rows: 6, households: 2, members: 6, years: 1, errors: 0 });
    expect((await commitImport(opts, job.id)).result).toMatchObject({ registered: 2, members: 6, years: 1 });
    expect(await count(TOWNSHIP)).toBe(before + 2);
    const got = (await official.household({ id: await findByMember(villages[0]!, households[1]!.members[2]!.idNumber) })).household!;
    expect(got.members.map((m) => [m.name, m.idNumber])).toEqual(households[1]!.members.map((m) => [m.name, m.idNumber]));
    expect(got.phone).toBe('13800000000');
  });

  it('reports members whose household is not on the household sheet, and writes nothing', async () => {
    const households = [fileHousehold(villages[0]!, 's3'), fileHousehold(villages[0]!, 's4')];
    const before = await count(TOWNSHIP);
    const job = await upload(await twoSheets(households, (h) => (h.ref === 's4' ? 's5' : h.ref!)));
    expect(job.status).toBe('INVALID');
    const sheets = job.report.problems.filter((p) => p.rule === 'SHEETS');
    expect(sheets).toHaveLength(1);
    expect(sheets[0]!.reason).toMatch(/household "s5" of the member sheet is not on the household sheet/);
    // The household s4 has no member rows: refused by the form's rules.
    expect(job.report.errors).toBeGreaterThan(1);
    expect(await count(TOWNSHIP)).toBe(before);
  });
});

function OTHER_TOWNSHIP_VILLAGE() {
  return otherVillage;
}
