/**
 * A correction of the household form (correctHousehold): which fields change,
 * what an explicit null means, and whether anything changed at all.
 * - a field left out stays as it is;
 * - null clears an optional field (phone, bank, planned exit year, first identified
 *   date) and is refused for a field the form requires;
 * - `members`, when given, is the whole new list.
 */
import type { FieldProblem } from '../../graphql/errors.js';
import type { HouseholdForm, MemberForm } from './household.form.js';
import type { CorrectHouseholdInput } from './household.input.js';

const CLEARABLE = new Set(['plannedExitYear', 'firstIdentifiedDate', 'phone', 'bankName', 'bankAccount']);

export function applyCorrection(before: HouseholdForm, input: CorrectHouseholdInput): { form: HouseholdForm; problems: FieldProblem[] } {
  const problems: FieldProblem[] = [];
  const form = { ...before } as Record<string, unknown>;
  for (const [k, v] of Object.entries(input)) {
    if (v === undefined) continue;
    if (v === null && !CLEARABLE.has(k)) {
      problems.push({ field: `input.${k}`, reason: 'is required on the form and cannot be cleared: leave it out to keep it, or give the new value' });
    } else form[k] = v;
  }
  return { form: form as unknown as HouseholdForm, problems };
}

const HOUSEHOLD_KEYS = ['identificationStandard', 'attribute', 'mainCause', 'otherCauses', 'militaryFamily', 'oneChildFamily',
  'twoDaughterFamily', 'plannedExitYear', 'firstIdentifiedDate', 'phone', 'bankName', 'bankAccount'] as const;

/** Whether a correction changes anything (then it is written, versioned and audited). */
export function changes(before: HouseholdForm, after: HouseholdForm): boolean {
  const same = (a: unknown, b: unknown) => JSON.stringify(a ?? null) === JSON.stringify(b ?? null);
  const member = (m: MemberForm) => JSON.stringify(Object.entries(m).filter(([, v]) => v != null).sort(([a], [b]) => a.localeCompare(b)));
  return HOUSEHOLD_KEYS.some((k) => !same(before[k], after[k])) || !same(before.members.map(member), after.members.map(member));
}
