/**
 * Checks of a new measure or plan that need the registry: the target (a registered
 * household of the caller's area, or a village of it), the responsible cadre (working
 * in an area that contains the target's village), the limits in force there, and the
 * typed part of the kind. All reads happen before the write transaction (through the
 * request's loaders, never inside a transaction: see BRIEF "PGlite").
 */
import { inScope } from '../../auth/caller.js';
import { MeasureKind } from '../../codes/index.js';
import type { Context } from '../../graphql/context.js';
import { badInput, type FieldProblem } from '../../graphql/errors.js';
import { keyOf } from '../../graphql/ids.js';
import { detailPresenceProblems, rainDewProblems, relocationProblems } from './details.js';
import { limitsAt, type AssistanceLimits } from './limits.js';
import { rainDewEligibilityProblems, type Trainee } from './rain-dew.js';
import { loanTermProblems } from './micro-credit.js';
import type { StoredDetails } from './measure.mapper.js';
import type { RecordMeasureInput } from './measure.input.js';
import { measureStore } from './measure.store.js';
import { notLoadedReason } from '../area/not-loaded.js';

export interface Target {
  householdKey: string | null;
  villageCode: string;
  memberCount: number;
  /** The household's members by key (loaded for a 雨露计划 measure only). */
  members: ReadonlyMap<string, Trainee>;
}

export const today = () => new Date().toISOString().slice(0, 10);
export const orThrow = (p: FieldProblem[]) => {
  if (p.length) throw badInput(p);
};

/** Kinds whose typed part or nature concerns one household. */
const HOUSEHOLD_ONLY = new Set<string>([MeasureKind.values.RAIN_DEW, MeasureKind.values.MICRO_CREDIT, MeasureKind.values.RELOCATION, MeasureKind.values.HOUSE_RENOVATION, MeasureKind.values.SOCIAL_SECURITY]);

/** The household or village a plan or measure is for: exactly one, inside the caller's area. */
export async function resolveTarget(ctx: Context, input: { householdId?: string | null; villageCode?: string | null }, withMembers = false): Promise<Target> {
  if ((input.householdId == null) === (input.villageCode == null)) {
    throw badInput([{ field: 'input.householdId', reason: 'give exactly one target: householdId for a household, or villageCode for a whole village' }]);
  }
  if (input.householdId != null) {
    const key = keyOf('Household', input.householdId, 'input.householdId');
    const h = await ctx.loaders.household.byId.load(key);
    if (!h) throw badInput([{ field: 'input.householdId', reason: 'no such household in your area: check the ID and your token’s area' }]);
    if (h.stage !== 'REGISTERED') throw badInput([{ field: 'input.householdId', reason: `household ${h.number} is not registered (stage ${h.stage}): plans and measures are for registered households 建档立卡户` }]);
    const members = withMembers ? await ctx.loaders.member.ofHousehold.load(key) : [];
    return { householdKey: key, villageCode: h.villageCode, memberCount: h.memberCount, members: new Map(members.map((m) => [m.id, m])) };
  }
  const code = input.villageCode!;
  if (!/^\d{12}$/.test(code)) throw badInput([{ field: 'input.villageCode', reason: `"${code}" is not a village: give its 12-digit statistical code` }]);
  if (!(await ctx.loaders.area.byCode.load(code))) throw badInput([{ field: 'input.villageCode', reason: notLoadedReason(code, 'village') }]);
  if (!inScope(ctx.caller, code)) throw badInput([{ field: 'input.villageCode', reason: 'the village is outside your area' }]);
  return { householdKey: null, villageCode: code, memberCount: 0, members: new Map() };
}

export async function limitsFor(ctx: Context, villageCode: string): Promise<AssistanceLimits> {
  return limitsAt(await measureStore.limitsAt(ctx.db, villageCode), villageCode);
}

export function yearProblems(year: number, field: string): FieldProblem[] {
  const max = new Date().getFullYear() + 5;
  return Number.isInteger(year) && year >= 2013 && year <= max ? [] : [{ field, reason: `a plan year between 2013 and ${max}` }];
}

/** Everything about a new measure that can be wrong, and its typed part as stored. */
export async function checkMeasure(ctx: Context, input: RecordMeasureInput, target: Target): Promise<{ details: StoredDetails | null; cadreKey: string | null }> {
  const p: FieldProblem[] = [...yearProblems(input.year, 'input.year')];
  if (!input.title.trim() || input.title.length > 200) p.push({ field: 'input.title', reason: 'say what is done in 1–200 characters' });
  if (input.causes.length < 1 || input.causes.length > 3 || new Set(input.causes).size !== input.causes.length) p.push({ field: 'input.causes', reason: 'name 1 to 3 distinct causes the measure addresses' });
  if (!(input.plannedAmount >= 0 && input.plannedAmount <= 9_999_999_999.99)) p.push({ field: 'input.plannedAmount', reason: 'between 0 and 9,999,999,999.99 yuan' });
  if (input.endDate < input.startDate) p.push({ field: 'input.endDate', reason: `the end date ${input.endDate} is before the start date ${input.startDate}` });
  if (target.householdKey === null && HOUSEHOLD_ONLY.has(input.kind)) p.push({ field: 'input.kind', reason: 'this kind of measure helps one household: give householdId instead of villageCode' });
  p.push(...detailPresenceProblems(input.kind, input as unknown as Record<string, unknown>, 'input'));

  let cadreKey: string | null = null;
  if (input.responsibleCadreId != null) {
    cadreKey = keyOf('Cadre', input.responsibleCadreId, 'input.responsibleCadreId');
    if (!(await measureStore.cadreForVillage(ctx.db, cadreKey, target.villageCode))) {
      p.push({ field: 'input.responsibleCadreId', reason: `no cadre with this ID works in an area that contains village ${target.villageCode}` });
    }
  }
  const details = p.length ? null : await typedPart(ctx, input, target, p);
  orThrow(p);
  return { details, cadreKey };
}

async function typedPart(ctx: Context, input: RecordMeasureInput, target: Target, p: FieldProblem[]): Promise<StoredDetails | null> {
  const now = today();
  if (input.rainDew) {
    const r = input.rainDew;
    const memberKey = keyOf('Member', r.memberId, 'input.rainDew.memberId');
    const rainDew = { support: r.support, memberId: memberKey, course: r.course.trim(), institution: r.institution.trim(), enrolledOn: r.enrolledOn, expectedEndOn: r.expectedEndOn, completedOn: r.completedOn ?? null, employedAfter: r.employedAfter ?? null, employer: r.employer?.trim() || null };
    p.push(...rainDewProblems(rainDew, new Set(target.members.keys()), now, 'input.rainDew'));
    const trainee = target.members.get(memberKey);
    if (trainee) p.push(...rainDewEligibilityProblems(rainDew, trainee, await limitsFor(ctx, target.villageCode), now, 'input.rainDew'));
    return { rainDew };
  }
  if (input.microCredit) {
    const m = input.microCredit;
    const terms = { bank: m.bank.trim(), principal: m.principal, termMonths: m.termMonths, annualRate: m.annualRate, interestSubsidyRate: m.interestSubsidyRate, guarantee: m.guarantee ?? false, collateral: m.collateral ?? false, disbursedOn: m.disbursedOn };
    p.push(...loanTermProblems(terms, await limitsFor(ctx, target.villageCode), 'input.microCredit'));
    if (m.disbursedOn > now) p.push({ field: 'input.microCredit.disbursedOn', reason: 'record the loan once it is disbursed: the date is in the future' });
    return { microCredit: { ...terms, status: 'current', repayments: [], compensation: null } };
  }
  if (input.relocation) {
    const r = input.relocation;
    const relocation = { fromPlace: r.fromPlace.trim(), toSite: r.toSite.trim(), toAreaCode: r.toAreaCode, peopleMoved: r.peopleMoved, housingAreaM2: r.housingAreaM2, subsidy: r.subsidy, movedOn: r.movedOn ?? null };
    p.push(...relocationProblems(relocation, target.memberCount, await limitsFor(ctx, target.villageCode), 'input.relocation'));
    return { relocation };
  }
  if (input.houseRenovation) return { houseRenovation: { grade: input.houseRenovation.grade } };
  return null;
}
