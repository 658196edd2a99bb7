/**
 * Input checks of the household form beyond the national consistency rules:
 * formats of contact and bank data, year ranges, amounts. Each problem names the
 * input field and says what to enter instead. Consistency rules R1–R11 come from
 * ./consistency.ts; errors there refuse the write, warnings are returned with it.
 */
import type { FieldProblem } from '../../graphql/errors.js';
import { badInput } from '../../graphql/errors.js';
import { checkHousehold } from './consistency.js';
import type { HouseholdForm, YearForm } from './household.form.js';

const PHONE = /^\+?[0-9][0-9 -]{4,19}$/;
const ACCOUNT = /^[0-9]{8,30}$/;
export const FIRST_YEAR = 2013;

function formatProblems(f: Partial<HouseholdForm>): FieldProblem[] {
  const p: FieldProblem[] = [];
  if (f.phone && !PHONE.test(f.phone)) p.push({ field: 'phone', reason: 'enter digits only, e.g. 13800000000 or 0743-1234567' });
  if (f.bankAccount && !ACCOUNT.test(f.bankAccount)) p.push({ field: 'bankAccount', reason: 'enter the account number as 8–30 digits, without spaces' });
  if (f.bankAccount && !f.bankName) p.push({ field: 'bankName', reason: 'name the bank of the account' });
  const thisYear = new Date().getFullYear();
  for (const k of ['plannedExitYear', 'exitYear'] as const) {
    const y = f[k];
    if (y != null && (y < FIRST_YEAR || y > thisYear + 10)) p.push({ field: k, reason: `must be between ${FIRST_YEAR} and ${thisYear + 10}` });
  }
  f.members?.forEach((m, i) => {
    if (!m.name.trim()) p.push({ field: `members[${i}].name`, reason: 'enter the name as on the ID card' });
  });
  return p;
}

function yearProblems(y: YearForm): FieldProblem[] {
  const p: FieldProblem[] = [];
  const thisYear = new Date().getFullYear();
  if (y.year < FIRST_YEAR || y.year > thisYear) p.push({ field: 'year', reason: `must be between ${FIRST_YEAR} and ${thisYear}: the year the income was earned` });
  for (const [k, v] of Object.entries({ ...y.income, ...y.conditions })) {
    if (typeof v === 'number' && (v < 0 || !Number.isFinite(v))) p.push({ field: k in y.income ? `income.${k}` : `conditions.${k}`, reason: 'cannot be negative; enter 0 where there is none' });
  }
  const c = y.conditions;
  if (c.dilapidatedHouse && !c.dilapidatedGrade) p.push({ field: 'conditions.dilapidatedGrade', reason: 'a dilapidated house needs its grade, C or D' });
  if (!c.dilapidatedHouse && c.dilapidatedGrade) p.push({ field: 'conditions.dilapidatedGrade', reason: 'leave the grade empty unless the house is dilapidated' });
  if (c.irrigatedLandMu > c.arableLandMu) p.push({ field: 'conditions.irrigatedLandMu', reason: 'irrigated land cannot exceed arable land' });
  return p;
}

const prefixed = (prefix: string, ps: { field: string; reason?: string; message?: string; rule?: string }[]): FieldProblem[] =>
  ps.map((q) => ({ field: `${prefix}.${q.field}`, reason: q.reason ?? q.message ?? '', rule: q.rule }));

/**
 * Validates a whole household form (and a year, when given). Throws BAD_USER_INPUT
 * listing every problem; returns the consistency warnings otherwise.
 */
export function validateHousehold(form: HouseholdForm, year: YearForm | null, inputPath: string, yearPath = inputPath) {
  const problems = [...prefixed(inputPath, formatProblems(form)), ...(year ? prefixed(yearPath, yearProblems(year)) : [])];
  if (problems.length) throw badInput(problems);
  const { errors, warnings } = checkHousehold(form, year);
  if (errors.length) {
    throw badInput(errors.map((e) => ({ field: `${e.field.startsWith('income') ? yearPath : inputPath}.${e.field}`, reason: e.message, rule: e.rule })));
  }
  return warnings.map((w) => ({ ...w, field: `${w.field.startsWith('income') ? yearPath : inputPath}.${w.field}` }));
}
