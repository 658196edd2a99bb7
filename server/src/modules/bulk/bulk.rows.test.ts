/** Worked examples of the row rules of an import: cells, header, rows → households, form rules at row and column. */
import { describe, expect, it } from 'vitest';
import { byKey, COLUMNS } from './bulk.columns.js';
import { readCell } from './bulk.cells.js';
import { readHeader } from './bulk.header.js';
import { parseRow } from './bulk.row.js';
import { Grouper } from './bulk.group.js';
import { checkForm } from './bulk.rules.js';
import { detectEncoding } from './bulk.read.js';

const col = (k: string) => byKey.get(k)!;

describe('cells', () => {
  it('reads codes as code, code with label, label, or without the dropped zero', () => {
    expect(readCell(col('mainCause'), '01')).toEqual({ value: '01' });
    expect(readCell(col('mainCause'), '01 因病')).toEqual({ value: '01' });
    expect(readCell(col('mainCause'), '因病')).toEqual({ value: '01' });
    expect(readCell(col('relation'), '1')).toEqual({ value: '01' });
    expect(readCell(col('sex'), '7').reason).toBe('"7" is not a code of 性别: enter one of 1 男, 2 女, 9 未说明');
  });
  it('reads lists, yes/no, numbers and dates', () => {
    expect(readCell(col('otherCauses'), '09;07')).toEqual({ value: ['09', '07'] });
    expect(readCell(col('health'), '02、04')).toEqual({ value: ['02', '04'] });
    expect(readCell(col('militaryFamily'), '是')).toEqual({ value: true });
    expect(readCell(col('militaryFamily'), '0')).toEqual({ value: false });
    expect(readCell(col('militaryFamily'), '也许').reason).toMatch(/enter 是 or 否/);
    expect(readCell(col('wage'), '1,200.50')).toEqual({ value: 1200.5 });
    expect(readCell(col('firstIdentifiedDate'), '2014年3月1日')).toEqual({ value: '2014-03-01' });
    expect(readCell(col('firstIdentifiedDate'), '2014-02-30').reason).toBe('"2014-02-30" is not a date of the calendar');
    expect(readCell(col('phone'), '')).toEqual({ value: null });
    expect(readCell(col('name'), ' ').reason).toBe('姓名 is empty: enter it');
  });
});

describe('header', () => {
  it('accepts the Chinese names, full-width brackets and English keys', () => {
    const zh = COLUMNS.map((c) => c.zh.replace('(', '（').replace(')', '）'));
    expect(readHeader(zh).problems).toEqual([]);
    expect(readHeader(COLUMNS.map((c) => c.key)).problems).toEqual([]);
  });
  it('names the unknown, the repeated and the missing column', () => {
    const h = COLUMNS.filter((c) => c.part !== 'year' && c.key !== 'sex').map((c) => c.zh);
    const { problems } = readHeader([...h, '备注', '姓名']);
    expect(problems.map((p) => p.column)).toEqual(['备注', '姓名', '性别']);
    expect(problems[2]!.reason).toBe('the column 性别 (sex) is missing: add it');
  });
  it('needs 户编号 or 户序号', () => {
    const { problems } = readHeader(COLUMNS.filter((c) => c.part !== 'key' && c.part !== 'year').map((c) => c.key));
    expect(problems[0]!.reason).toMatch(/add the column 户编号/);
  });
});

const HEADER = COLUMNS.filter((c) => c.part !== 'year').map((c) => c.key);
const { layout } = readHeader(HEADER);
/** A member row of household `ref` (national codes; ID numbers with valid check digits). */
function row(n: number, ref: string, m: { id: string; sex: string; relation: string; health?: string }, over: Record<string, string> = {}) {
  const v: Record<string, string> = {
    householdRef: ref, villageCode: '433124102200', identificationStandard: '1', attribute: '01', mainCause: '01', status: '0',
    militaryFamily: '否', oneChildFamily: '否', twoDaughterFamily: '否', name: '龙某', idNumber: m.id, sex: m.sex, relation: m.relation,
    ethnicity: '06', education: '2', schooling: '00', health: m.health ?? '01', labourSkill: '01', migrantWork: '0', migrantMonths: '0',
    speaksMandarin: '是', activeSoldier: '否', basicMedicalInsurance: '是', seriousIllnessInsurance: '是', basicPensionInsurance: '是',
    commercialMedicalInsurance: '否', accidentInsurance: '否', receivesDibao: '否', destituteSupported: '否', ...over,
  };
  return parseRow(layout!, { row: n, cells: HEADER.map((k) => v[k] ?? '') });
}
// 11010519491231002X: the GB 11643 example (female, born 1949-12-31); 110105194912310011 and 110105197001010014 computed likewise.
const WIFE = { id: '11010519491231002X', sex: '2', relation: '02', health: '02' };
const HEAD = { id: '110105194912310011', sex: '1', relation: '01' };

describe('rows → households → rules', () => {
  it('groups consecutive rows of one 户序号 and refuses a household whose rows are apart', () => {
    const g = new Grouper();
    expect(g.push(row(2, 'a', HEAD))).toBeUndefined();
    expect(g.push(row(3, 'a', WIFE))).toBeUndefined();
    const a = g.push(row(4, 'b', HEAD))!;
    expect(a.memberRows).toEqual([2, 3]);
    expect(a.form.members.map((m) => m.relation)).toEqual(['01', '02']);
    const b = g.push(row(5, 'a', WIFE))!;
    expect(b.key).toBe('ref:b');
    const again = g.end()!;
    expect(again.problems[0]).toMatchObject({ row: 5, rule: 'NOT_TOGETHER', column: '户序号' });
  });

  it('reports a household cell that differs on a later row, at that row', () => {
    const g = new Grouper();
    g.push(row(2, 'a', HEAD));
    g.push(row(3, 'a', WIFE, { mainCause: '02' }));
    const h = g.end()!;
    expect(h.problems[0]).toMatchObject({ row: 3, column: '主要致贫原因', rule: 'REPEATED', value: '02' });
  });

  it('puts the consistency rules at the member row and column (R1 two heads, R2 sex against the ID)', () => {
    const g = new Grouper();
    g.push(row(2, 'a', HEAD));
    g.push(row(3, 'a', { ...WIFE, relation: '01' }));
    const h = g.end()!;
    const problems = checkForm(h);
    expect(problems.find((p) => p.rule === 'R1')).toMatchObject({ row: 3, column: '与户主关系', severity: 'ERROR' });
    const g2 = new Grouper();
    g2.push(row(2, 'a', { ...HEAD, sex: '2' }));
    g2.push(row(3, 'a', WIFE));
    const r2 = checkForm(g2.end()!).find((p) => p.rule === 'R2')!;
    expect(r2).toMatchObject({ row: 2, column: '性别', value: '2' });
  });

  it('passes a consistent household (cause illness with a chronically ill member: R5)', () => {
    const g = new Grouper();
    g.push(row(2, 'a', HEAD));
    g.push(row(3, 'a', WIFE));
    expect(checkForm(g.end()!).filter((p) => p.severity === 'ERROR')).toEqual([]);
  });

  it('refuses cause illness without an ill member (R5) at the household row', () => {
    const g = new Grouper();
    g.push(row(2, 'a', HEAD));
    g.push(row(3, 'a', { ...WIFE, health: '01' }));
    const r5 = checkForm(g.end()!).find((p) => p.rule === 'R5')!;
    expect(r5).toMatchObject({ row: 2, column: '主要致贫原因', severity: 'ERROR' });
  });
});

describe('encoding', () => {
  it('tells UTF-8 from GBK by the first bytes', () => {
    expect(detectEncoding(Buffer.from('姓名,证件号码', 'utf8'))).toBe('UTF-8');
    expect(detectEncoding(Buffer.from([0xd0, 0xd5, 0xc3, 0xfb]))).toBe('GB18030'); // 姓名 in GBK
    expect(detectEncoding(Buffer.from([0xef, 0xbb, 0xbf, 0x41]))).toBe('UTF-8');
  });
});
