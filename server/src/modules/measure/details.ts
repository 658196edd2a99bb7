/**
 * The typed part of a measure (stored in measures.details), by kind: 雨露计划 (a member's
 * training or schooling), 扶贫小额信贷 (the loan), 易地扶贫搬迁 (the move), and 危房改造
 * (the grade of the house). A kind with a typed part needs it, and no other kind may
 * carry one. Pure checks; the household facts they need (members, member count) are
 * passed in.
 */
import type { FieldProblem } from '../../graphql/errors.js';
import type { AssistanceLimits } from './limits.js';
import type { LoanTerms, Repayment } from './micro-credit.js';

export interface RainDew {
  support: string;
  /** The member trained or at school (members.id). */
  memberId: string;
  course: string;
  institution: string;
  enrolledOn: string;
  expectedEndOn: string;
  completedOn: string | null;
  employedAfter: boolean | null;
  employer: string | null;
}

export interface Relocation {
  fromPlace: string;
  toSite: string;
  toAreaCode: string;
  peopleMoved: number;
  housingAreaM2: number;
  subsidy: number;
  movedOn: string | null;
}

export interface Loan extends LoanTerms {
  status: string;
  repayments: Repayment[];
  compensation: { drawnOn: string; amount: number } | null;
}

export interface HouseRenovation {
  grade: string;
}

export type Details =
  | { kind: 'rain_dew'; rainDew: RainDew }
  | { kind: 'micro_credit'; microCredit: Loan }
  | { kind: 'relocation'; relocation: Relocation }
  | { kind: 'house_renovation'; houseRenovation: HouseRenovation };

/** Which typed part each kind takes (kinds not listed take none). */
export const DETAIL_OF_KIND = { rain_dew: 'rainDew', micro_credit: 'microCredit', relocation: 'relocation', house_renovation: 'houseRenovation' } as const;
const KIND_NAME: Record<string, string> = { rain_dew: 'RAIN_DEW (雨露计划)', micro_credit: 'MICRO_CREDIT (扶贫小额信贷)', relocation: 'RELOCATION (易地扶贫搬迁)', house_renovation: 'HOUSE_RENOVATION (危房改造)' };

/** The typed part given must be the kind's own: present for kinds that take one, absent otherwise. */
export function detailPresenceProblems(kind: string, given: Record<string, unknown>, field: string): FieldProblem[] {
  const own = (DETAIL_OF_KIND as Record<string, string>)[kind];
  const p: FieldProblem[] = [];
  for (const [k, part] of Object.entries(DETAIL_OF_KIND)) {
    if (given[part] == null) continue;
    if (part !== own) p.push({ field: `${field}.${part}`, reason: `only a ${KIND_NAME[k]} measure carries ${part}; leave it out for this kind` });
  }
  if (own && given[own] == null) p.push({ field: `${field}.${own}`, reason: `a ${KIND_NAME[kind]} measure needs its ${own} part` });
  return p;
}

const text = (v: string, field: string, what: string): FieldProblem[] => (v.trim() && v.length <= 200 ? [] : [{ field, reason: `name the ${what} (1–200 characters)` }]);

/** 雨露计划: a member of this household; the course or school and institution; dates in order; employment only after completion. */
export function rainDewProblems(r: RainDew, memberIds: ReadonlySet<string>, today: string, field: string): FieldProblem[] {
  const p: FieldProblem[] = [
    ...text(r.course, `${field}.course`, 'course, or school and major'),
    ...text(r.institution, `${field}.institution`, 'training institution or school'),
  ];
  if (!memberIds.has(r.memberId)) p.push({ field: `${field}.memberId`, reason: 'the trainee or student must be a member of this household' });
  if (r.expectedEndOn < r.enrolledOn) p.push({ field: `${field}.expectedEndOn`, reason: `the expected end ${r.expectedEndOn} is before enrolment ${r.enrolledOn}` });
  if (r.completedOn && (r.completedOn < r.enrolledOn || r.completedOn > today)) p.push({ field: `${field}.completedOn`, reason: `give the completion date, between enrolment (${r.enrolledOn}) and today` });
  if (r.employedAfter != null && !r.completedOn) p.push({ field: `${field}.employedAfter`, reason: 'employment afterwards is recorded once the course or schooling is completed: give completedOn' });
  if (r.employer && !r.employedAfter) p.push({ field: `${field}.employer`, reason: 'an employer is given only when employedAfter is true' });
  return p;
}

/** 易地扶贫搬迁: from a place to a named site in a known area; 1 to all members moved; housing within the area's m² per person; subsidy ≥ 0. */
export function relocationProblems(r: Relocation, memberCount: number, limits: AssistanceLimits, field: string): FieldProblem[] {
  const p: FieldProblem[] = [
    ...text(r.fromPlace, `${field}.fromPlace`, 'place moved from'),
    ...text(r.toSite, `${field}.toSite`, 'resettlement site 安置点'),
  ];
  if (!/^\d{6}(\d{3}(\d{3})?)?$/.test(r.toAreaCode)) p.push({ field: `${field}.toAreaCode`, reason: 'the statistical code (county, township or village) of the resettlement site, e.g. 433124100' });
  if (!Number.isInteger(r.peopleMoved) || r.peopleMoved < 1 || r.peopleMoved > memberCount) p.push({ field: `${field}.peopleMoved`, reason: `between 1 and the household's ${memberCount} members` });
  else if (!(r.housingAreaM2 > 0) || r.housingAreaM2 > limits.relocationMaxM2PerPerson * r.peopleMoved) {
    p.push({ field: `${field}.housingAreaM2`, reason: `relocation housing is at most ${limits.relocationMaxM2PerPerson} m² per person moved here: at most ${limits.relocationMaxM2PerPerson * r.peopleMoved} m² for ${r.peopleMoved}` });
  }
  if (!(r.subsidy >= 0 && r.subsidy < 1e7)) p.push({ field: `${field}.subsidy`, reason: 'the subsidy is between 0 and 10,000,000 yuan' });
  return p;
}
