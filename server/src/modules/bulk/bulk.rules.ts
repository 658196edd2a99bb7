/**
 * The household form rules on one household of an import: the same checks as
 * `registerHousehold` (household.validate.ts `validateHousehold`: formats, sizes, and the
 * national consistency rules R1–R11 of consistency.ts), once per yearly record of the
 * household (once without a year when it has none). Contract: nothing is re-implemented
 * here — the problems those functions report are translated from input paths
 * ("members[2].idNumber", "income.wage") to the file's row and column.
 */
import { GraphQLError } from 'graphql';
import type { FieldProblem } from '../../graphql/errors.js';
import { validateHousehold } from '../household/household.validate.js';
import { byKey } from './bulk.columns.js';
import type { HouseholdGroup } from './bulk.group.js';
import type { RowProblem } from './bulk.report.js';
import { problem } from './bulk.row.js';

function locate(g: HouseholdGroup, yearRow: number | undefined, path: string): { row: number; key: string; value: unknown } {
  const field = path.replace(/^[hy]\./, '');
  const m = /^members\[(\d+)\](?:\.(\w+))?/.exec(field);
  if (m) {
    const i = Number(m[1]);
    const key = m[2] ?? 'name';
    return { row: g.memberRows[i] ?? g.firstRow, key, value: (g.form.members[i] as unknown as Record<string, unknown> | undefined)?.[key] };
  }
  if (field === 'members') return { row: g.firstRow, key: 'relation', value: g.form.members.length };
  const y = /^(?:income|conditions)\.(\w+)$/.exec(field);
  if (y || field === 'year' || field === 'rigidSpending') {
    const key = y ? y[1]! : field;
    const year = g.years.find((x) => x.row === yearRow)?.form as unknown as Record<string, Record<string, unknown>> | undefined;
    return { row: yearRow ?? g.firstRow, key, value: y ? (year?.income?.[key] ?? year?.conditions?.[key]) : year?.[key] };
  }
  return { row: g.firstRow, key: field, value: (g.form as unknown as Record<string, unknown>)[field] };
}

const show = (v: unknown) => (v == null ? '' : Array.isArray(v) ? v.join(';') : String(v));

function toProblem(g: HouseholdGroup, yearRow: number | undefined, p: FieldProblem, severity: RowProblem['severity']): RowProblem {
  const at = locate(g, yearRow, p.field);
  return problem(at.row, byKey.get(at.key), show(at.value), p.rule ?? 'FORMAT', p.reason, severity);
}

/** The form rules' errors and warnings of one household, at their rows and columns (each once). */
export function checkForm(g: HouseholdGroup): RowProblem[] {
  const out = new Map<string, RowProblem>();
  const years = g.years.length ? g.years : [undefined];
  for (const y of years) {
    const add = (p: RowProblem) => out.set(`${p.row}|${p.field}|${p.reason}`, p);
    try {
      const warnings = validateHousehold(g.form, y?.form ?? null, { inputPath: 'h', yearPath: 'y' });
      for (const w of warnings) add(toProblem(g, y?.row, { field: w.field, reason: w.message, rule: w.rule }, 'WARNING'));
    } catch (e) {
      const problems = e instanceof GraphQLError ? (e.extensions.problems as FieldProblem[] | undefined) : undefined;
      if (!problems) throw e;
      for (const p of problems) add(toProblem(g, y?.row, p, 'ERROR'));
    }
  }
  return [...out.values()];
}
