/**
 * Input checks of the household form beyond the national consistency rules:
 * formats of contact and bank data, dates and years, amounts within what the
 * registry stores, sizes. Each problem names the input field and says what to
 * enter instead. Consistency rules R1–R11 come from ./consistency.ts; errors there
 * refuse the write, warnings are returned with it.
 */
import { PovertyStatus } from '../../codes/index.js';
import type { FieldProblem } from '../../graphql/errors.js';
import { badInput } from '../../graphql/errors.js';
import { checkHousehold } from './consistency.js';
import type { HouseholdForm, YearForm } from './household.form.js';

const PHONE = /^\+?[0-9][0-9 -]{4,19}$/;
const ACCOUNT = /^[0-9]{8,30}$/;
/** The first year of the registry's data (incomes of 2013 were used for the 2014 registration). */
export const FIRST_YEAR = 2013;
export const MAX_MEMBERS = 30;
/** Upper bounds of what the columns store (numeric(12,2), (10,2), (8,2)). */
const MAX = { yuan: 1e9, mu: 1e7, small: 1e5 };
const OUT = new Set<string>([PovertyStatus.values.EXITED_WITH_POLICY, PovertyStatus.values.EXITED_POLICY_ENDED]);

const today = () => new Date().toISOString().slice(0, 10);

function formatProblems(f: Partial<HouseholdForm>): FieldProblem[] {
  const p: FieldProblem[] = [];
  const thisYear = new Date().getFullYear();
  if (f.phone && !PHONE.test(f.phone)) p.push({ field: 'phone', reason: 'enter digits only, e.g. 13800000000 or 0743-1234567' });
  if (f.bankAccount && !ACCOUNT.test(f.bankAccount)) p.push({ field: 'bankAccount', reason: 'enter the account number as 8–30 digits, without spaces' });
  if (f.bankAccount && !f.bankName) p.push({ field: 'bankName', reason: 'name the bank of the account' });
  if (f.bankName && f.bankName.length > 100) p.push({ field: 'bankName', reason: 'is longer than 100 characters' });
  for (const k of ['plannedExitYear', 'exitYear'] as const) {
    const y = f[k];
    if (y != null && (y < FIRST_YEAR || y > thisYear + 10)) p.push({ field: k, reason: `must be between ${FIRST_YEAR} and ${thisYear + 10}` });
  }
  const first = f.firstIdentifiedDate;
  if (first && (first < `${FIRST_YEAR}-01-01` || first > today())) p.push({ field: 'firstIdentifiedDate', reason: `must be between ${FIRST_YEAR}-01-01 and today` });
  if (first && f.exitYear != null && f.exitYear < Number(first.slice(0, 4))) p.push({ field: 'exitYear', reason: 'cannot be before the year the household was first identified' });
  if (f.status && OUT.has(f.status) && f.exitYear == null) p.push({ field: 'exitYear', reason: 'an exited household needs its exit year 脱贫年度' });
  if (f.status === PovertyStatus.values.NOT_OUT && f.exitYear != null) p.push({ field: 'exitYear', reason: 'a household not yet out of poverty has no exit year: leave it empty or correct the status' });
  if (f.members && f.members.length > MAX_MEMBERS) p.push({ field: 'members', reason: `a household of more than ${MAX_MEMBERS} members is not plausible: check the list` });
  f.members?.forEach((m, i) => {
    if (!m.name.trim() || m.name.length > 50) p.push({ field: `members[${i}].name`, reason: 'enter the name as on the ID card (1–50 characters)' });
  });
  return p;
}

function yearProblems(y: YearForm): FieldProblem[] {
  const p: FieldProblem[] = [];
  const thisYear = new Date().getFullYear();
  if (y.year < FIRST_YEAR || y.year > thisYear) p.push({ field: 'year', reason: `must be between ${FIRST_YEAR} and ${thisYear}: the year the income was earned` });
  const bound = (k: string) => (k in y.income ? MAX.yuan : k.endsWith('Mu') ? MAX.mu : MAX.small);
  for (const [k, v] of Object.entries({ ...y.income, ...y.conditions })) {
    if (typeof v !== 'number') continue;
    const field = k in y.income ? `income.${k}` : `conditions.${k}`;
    if (v < 0 || !Number.isFinite(v)) p.push({ field, reason: 'cannot be negative; enter 0 where there is none' });
    else if (v >= bound(k)) p.push({ field, reason: `is ${v}, more than the registry can hold (${bound(k)}): check the amount and its unit` });
  }
  const rigid = y.rigidSpending;
  if (rigid != null && (rigid < 0 || !Number.isFinite(rigid))) p.push({ field: 'rigidSpending', reason: 'cannot be negative; enter 0 where there is none' });
  else if (rigid != null && rigid >= MAX.yuan) p.push({ field: 'rigidSpending', reason: `is ${rigid}, more than the registry can hold (${MAX.yuan}): check the amount and its unit` });
  const c = y.conditions;
  if (c.dilapidatedHouse && !c.dilapidatedGrade) p.push({ field: 'conditions.dilapidatedGrade', reason: 'a dilapidated house needs its grade, C or D' });
  if (!c.dilapidatedHouse && c.dilapidatedGrade) p.push({ field: 'conditions.dilapidatedGrade', reason: 'leave the grade empty unless the house is dilapidated' });
  if (c.irrigatedLandMu > c.arableLandMu) p.push({ field: 'conditions.irrigatedLandMu', reason: 'irrigated land cannot exceed arable land' });
  return p;
}

const under = (path: string, field: string) => `${path}.${field}`;

/**
 * Validates a household form (and a year, when given). Throws BAD_USER_INPUT
 * listing every problem; returns the consistency warnings otherwise. `format:
 * false` skips the form's format checks (for a stored form re-checked with a year);
 * `fieldOf` names the input field of a rule's field where it is not the form's (a year's
 * migrant work, household-year.service.ts).
 */
export function validateHousehold(form: HouseholdForm, year: YearForm | null, o: { inputPath: string; yearPath?: string; format?: boolean; fieldOf?: (field: string) => string | undefined }) {
  const yearPath = o.yearPath ?? o.inputPath;
  const pathOf = (field: string) => o.fieldOf?.(field) ?? under(field.startsWith('income') ? yearPath : o.inputPath, field);
  const problems = [
    ...(o.format === false ? [] : formatProblems(form)).map((q) => ({ ...q, field: under(o.inputPath, q.field) })),
    ...(year ? yearProblems(year) : []).map((q) => ({ ...q, field: under(yearPath, q.field) })),
  ];
  if (problems.length) throw badInput(problems);
  const { errors, warnings } = checkHousehold(form, year);
  if (errors.length) throw badInput(errors.map((e) => ({ field: pathOf(e.field), reason: e.message, rule: e.rule })));
  return warnings.map((w) => ({ ...w, field: pathOf(w.field) }));
}
