/**
 * Who the Rain-Dew Plan 雨露计划 can support (issue 15, item 3): the member's age when the
 * course or schooling begins must lie within the bounds of the support kind, and a member
 * whose vocational schooling is under way today must be coded in school at that level
 * (中职 for SECONDARY_VOCATIONAL, 高职 for HIGHER_VOCATIONAL). The bounds are data
 * (assistance_limits, per area, limits.ts); the national defaults are UNVERIFIED: the
 * reference names the plan (vocational training and schooling grants for poor youth) but
 * gives no ages. Defaults chosen: training 16–59 (working age, as consistency rule R11),
 * secondary vocational 14–22, higher vocational 16–30.
 */
import { RainDewSupport, Schooling } from '../../codes/index.js';
import type { FieldProblem } from '../../graphql/errors.js';
import { ageOn } from '../member/id-number.js';
import type { RainDew } from './details.js';
import { RAIN_DEW_AGES, type AssistanceLimits } from './limits.js';

/** The facts of the trainee or student the rule reads (birth date null when the caller may not see it). */
export interface Trainee {
  birthDate: string | null;
  schooling: string;
}

const S = Schooling.values;
/** The schooling codes a member at school under each support kind is coded with (training: none needed). */
const SCHOOLING_OF: Record<string, readonly string[]> = {
  [RainDewSupport.values.SECONDARY_VOCATIONAL]: [S.VOCATIONAL_SECONDARY_1, S.VOCATIONAL_SECONDARY_2, S.VOCATIONAL_SECONDARY_3],
  [RainDewSupport.values.HIGHER_VOCATIONAL]: [S.VOCATIONAL_COLLEGE_1, S.VOCATIONAL_COLLEGE_2, S.VOCATIONAL_COLLEGE_3],
};

/** The age bounds of a support kind in the limits in force. */
export function rainDewAges(l: AssistanceLimits, support: string): [number, number] {
  if (support === RainDewSupport.values.SECONDARY_VOCATIONAL) return [l.rainDewSecondaryMinAge, l.rainDewSecondaryMaxAge];
  if (support === RainDewSupport.values.HIGHER_VOCATIONAL) return [l.rainDewHigherMinAge, l.rainDewHigherMaxAge];
  return [l.rainDewTrainingMinAge, l.rainDewTrainingMaxAge];
}

export function rainDewEligibilityProblems(r: RainDew, m: Trainee, limits: AssistanceLimits, today: string, field: string): FieldProblem[] {
  const p: FieldProblem[] = [];
  const kind = RainDewSupport.label(r.support);
  const [min, max] = rainDewAges(limits, r.support);
  const age = m.birthDate ? ageOn(m.birthDate, r.enrolledOn) : null;
  if (age !== null && (age < min || age > max)) {
    p.push({ field: `${field}.memberId`, reason: `the member is ${age} at enrolment (${r.enrolledOn}); ${kind} supports members aged ${min} to ${max}${limits.areaCode ? ` (limits of ${limits.areaCode})` : ''}: choose the member who takes part, or another kind of measure` });
  }
  const levels = SCHOOLING_OF[r.support];
  const underWay = r.enrolledOn <= today && !r.completedOn && r.expectedEndOn >= today;
  if (levels && underWay && !levels.includes(m.schooling)) {
    p.push({ field: `${field}.support`, reason: `${kind} is for a member at school at that level, but the member is coded ${Schooling.label(m.schooling)}: correct the member's schooling on the household form first (correctHousehold), or choose the support the member gets` });
  }
  return p;
}

type Ages = Record<keyof typeof RAIN_DEW_AGES, number>;

/** The age bounds a setAssistanceLimits input gives, the national default for each one left out. */
export const rainDewAgesGiven = (input: Partial<Record<keyof Ages, number | null>>): Ages =>
  Object.fromEntries(Object.entries(RAIN_DEW_AGES).map(([k, v]) => [k, input[k as keyof Ages] ?? v])) as Ages;

/** Age bounds are whole years from 6 to 80, each kind's minimum not above its maximum. */
export function rainDewAgeProblems(a: Ages): FieldProblem[] {
  const p = (Object.keys(a) as (keyof Ages)[]).filter((k) => !(Number.isInteger(a[k]) && a[k] >= 6 && a[k] <= 80)).map((k) => ({ field: `input.${k}`, reason: 'a whole number of years from 6 to 80' }));
  for (const kind of ['Training', 'Secondary', 'Higher'] as const) {
    const min = a[`rainDew${kind}MinAge`], max = a[`rainDew${kind}MaxAge`];
    if (min > max) p.push({ field: `input.rainDew${kind}MaxAge`, reason: `not below rainDew${kind}MinAge (${min})` });
  }
  return p;
}
