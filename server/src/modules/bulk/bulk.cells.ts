/**
 * Reading one cell of an import into the form's value (bulk.columns.ts kinds). Contract:
 * pure; `readCell(column, text)` gives `{ value }` or `{ reason }` a person can act on.
 * Codes are accepted as the national code ("01"), the code with its label ("01 因病") or
 * the label alone ("因病"); a code of one digit where the list has two is padded ("1" →
 * "01", as spreadsheets drop the zero). Lists (其他致贫原因, 健康状况) are separated by
 * ; , 、 or spaces. Yes/no: 是/否, 1/0, Y/N, true/false. Empty optional cells are null.
 */
import type { CodeList } from '../../codes/index.js';
import type { Column } from './bulk.columns.js';

export type CellResult = { value: unknown; reason?: undefined } | { reason: string; value?: undefined };

const codeIndexes = new WeakMap<object, Map<string, string>>();

function codeIndex(list: CodeList<never>): Map<string, string> {
  let m = codeIndexes.get(list);
  if (!m) {
    m = new Map();
    for (const c of list.codes) {
      const label = list.label(c);
      m.set(c, c);
      m.set(label.replace(/\s+/g, ''), c);
      m.set(label.slice(c.length).trim(), c);
    }
    codeIndexes.set(list, m);
  }
  return m;
}

function codeOf(list: CodeList<never>, text: string): string | undefined {
  const m = codeIndex(list);
  const t = text.replace(/\s+/g, '');
  const width = [...list.codes][0]?.length ?? 1;
  return m.get(t) ?? (/^\d+$/.test(t) && t.length < width ? m.get(t.padStart(width, '0')) : undefined);
}

const choices = (list: CodeList<never>) => {
  const all = [...list.codes].map((c) => list.label(c));
  return all.length > 12 ? `${all.slice(0, 8).join(', ')}, … (${all.length} codes)` : all.join(', ');
};

const YES = new Set(['是', '1', 'y', 'yes', 'true', '√']);
const NO = new Set(['否', '0', 'n', 'no', 'false', '×']);

export function readCell(c: Column, raw: string): CellResult {
  const text = raw.trim();
  if (!text) {
    if (c.kind.t === 'code' && c.kind.many) return c.required && c.key !== 'health' ? { reason: `enter ${c.zh}` } : { value: [] };
    return c.required && c.kind.t !== 'bool' ? { reason: `${c.zh} is empty: enter it` } : c.kind.t === 'bool' && c.required ? { reason: `${c.zh} is empty: enter 是 or 否` } : { value: null };
  }
  switch (c.kind.t) {
    case 'text':
      return { value: c.key === 'idNumber' ? text.toUpperCase() : text };
    case 'bool': {
      const t = text.toLowerCase();
      return YES.has(t) ? { value: true } : NO.has(t) ? { value: false } : { reason: `"${text}" is not yes or no: enter 是 or 否` };
    }
    case 'int': {
      const n = Number(text);
      return Number.isInteger(n) ? { value: n } : { reason: `"${text}" is not a whole number` };
    }
    case 'num': {
      const n = Number(text.replace(/,/g, ''));
      return Number.isFinite(n) ? { value: n } : { reason: `"${text}" is not a number: enter digits, e.g. 1200.50` };
    }
    case 'date': {
      const m = /^(\d{4})[-/.年](\d{1,2})[-/.月](\d{1,2})日?$/.exec(text);
      if (!m) return { reason: `"${text}" is not a date: enter it as 2016-03-01` };
      const iso = `${m[1]}-${m[2]!.padStart(2, '0')}-${m[3]!.padStart(2, '0')}`;
      const d = new Date(`${iso}T00:00:00Z`);
      return Number.isNaN(d.getTime()) || d.toISOString().slice(0, 10) !== iso ? { reason: `"${text}" is not a date of the calendar` } : { value: iso };
    }
    case 'code': {
      const list = c.kind.list;
      if (!c.kind.many) {
        const v = codeOf(list, text);
        return v ? { value: v } : { reason: `"${text}" is not a code of ${c.zh}: enter one of ${choices(list)}` };
      }
      const parts = text.split(/[;,，、；\s]+/).filter(Boolean);
      const values: string[] = [];
      for (const p of parts) {
        const v = codeOf(list, p);
        if (!v) return { reason: `"${p}" is not a code of ${c.zh}: enter codes of ${choices(list)}, separated by ;` };
        values.push(v);
      }
      return { value: values };
    }
  }
}
