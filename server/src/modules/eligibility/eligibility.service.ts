/**
 * Eligibility rule sets (issue 3, item 5): admins create versions (DRAFT) and activate
 * one (the previous active one retires), each write audited with its change event;
 * every registry reader may read them and judge a household they can see by one
 * (Household.eligibility, the active rule set when none is named). Definitions are
 * validated on write (eligibility.definition.ts) and never edited afterwards.
 */
import { randomUUID } from 'node:crypto';
import { requireRegistryReader } from '../../auth/require.js';
import type { Context } from '../../graphql/context.js';
import { ApiError, badInput, forbidden, notFound, type FieldProblem } from '../../graphql/errors.js';
import { keyOf, toGlobalId } from '../../graphql/ids.js';
import { recordBatchWrite, recordWrite } from '../audit/audit.service.js';
import type { HouseholdModel } from '../household/household.mapper.js';
import { lineKey } from '../standard/standard.service.js';
import { definitionSchema, parseDefinition, type Definition } from './eligibility.definition.js';
import { householdFacts } from './eligibility.facts.js';
import { changeOf, evaluate, onRegister } from './eligibility.rules.js';
import { eligibilityStore, type RuleSetRow } from './eligibility.store.js';
import type { CreateRuleSetInput } from './eligibility.type.js';

export const toRuleSet = (r: RuleSetRow) => ({ __typename: 'EligibilityRuleSet' as const, ...r, id: toGlobalId('EligibilityRuleSet', r.id), key: r.id });

const parsed = new WeakMap<RuleSetRow, Definition>();
/** The stored definition, typed (validated when it was written; parsed once per loaded row). */
export function definitionOf(r: RuleSetRow): Definition {
  let d = parsed.get(r);
  if (!d) parsed.set(r, (d = definitionSchema.parse(r.definition)));
  return d;
}

const requireAdmin = (ctx: Context, what: string) => {
  if (ctx.caller.role !== 'admin') throw forbidden(`only an admin ${what}: officials and analysts may preview a rule set over their area`);
};

/** The rule set named by a global ID (NOT_FOUND if none), or the active one when no ID is given. */
export async function ruleSetFor(ctx: Context, id: string | null | undefined, field = 'ruleSet'): Promise<RuleSetRow | null> {
  if (id == null) return ctx.loaders.eligibility.active();
  const row = await ctx.loaders.eligibility.byId.load(keyOf('EligibilityRuleSet', id, field));
  if (!row) throw notFound('the eligibility rule set');
  return row;
}

function inputProblems(i: CreateRuleSetInput): FieldProblem[] {
  const p: FieldProblem[] = [];
  const name = i.name.trim();
  if (!/^[\p{L}\p{N}][\p{L}\p{N} ._-]{0,79}$/u.test(name)) p.push({ field: 'input.name', reason: 'give 1–80 letters, digits, spaces, dots, dashes or underscores, e.g. hunan-2016' });
  if (i.description != null && i.description.length > 1000) p.push({ field: 'input.description', reason: 'at most 1,000 characters' });
  return p;
}

export const eligibilityService = {
  async list(ctx: Context, f: { status?: string; name?: string }) {
    requireRegistryReader(ctx.caller);
    return (await eligibilityStore.list(ctx.db, f)).map(toRuleSet);
  },

  async byId(ctx: Context, id: string) {
    requireRegistryReader(ctx.caller);
    const row = await ctx.loaders.eligibility.byId.load(keyOf('EligibilityRuleSet', id));
    return row && toRuleSet(row);
  },

  async create(ctx: Context, input: CreateRuleSetInput) {
    requireAdmin(ctx, 'creates eligibility rule sets');
    const parsed = parseDefinition(input.definition, 'input.definition');
    const problems = [...inputProblems(input), ...(parsed.ok ? [] : parsed.problems)];
    if (problems.length || !parsed.ok) throw badInput(problems);
    const name = input.name.trim();
    return ctx.db.transaction(async (tx) => {
      const version = await eligibilityStore.nextVersion(tx, name);
      const row = await eligibilityStore.insert(tx, {
        id: randomUUID(), name, version, status: 'DRAFT', description: input.description ?? null, definition: parsed.definition, createdBy: ctx.caller.id,
      });
      const rs = toRuleSet(row);
      await recordWrite(tx, ctx, { operation: 'createRuleSet', event: 'ruleSet.created', entityType: 'EligibilityRuleSet', entityId: rs.id, areaCode: '', before: null, after: row });
      return rs;
    });
  },

  /** Puts a draft or retired rule set in force; the one in force before retires. */
  async activate(ctx: Context, id: string) {
    requireAdmin(ctx, 'activates an eligibility rule set');
    const key = keyOf('EligibilityRuleSet', id);
    return ctx.db.transaction(async (tx) => {
      const locked = await eligibilityStore.lockForActivation(tx, key);
      const target = locked.find((r) => r.id === key);
      if (!target) throw notFound('the eligibility rule set');
      if (target.status === 'ACTIVE') throw new ApiError('INVALID_TRANSITION', `${target.name} v${target.version} is already active: create a new version to change it`);
      const previous = locked.find((r) => r.status === 'ACTIVE') ?? null;
      const now = new Date();
      const retired = previous && (await eligibilityStore.setStatus(tx, previous.id, { status: 'RETIRED', retiredAt: now }));
      const activated = await eligibilityStore.setStatus(tx, key, { status: 'ACTIVE', activatedBy: ctx.caller.id, activatedAt: now });
      const rs = toRuleSet(activated);
      const changes = [{ event: 'ruleSet.activated', entityType: 'EligibilityRuleSet', entityId: rs.id, areaCode: '', after: activated }];
      if (retired) changes.push({ event: 'ruleSet.retired', entityType: 'EligibilityRuleSet', entityId: toGlobalId('EligibilityRuleSet', retired.id), areaCode: '', after: retired });
      await recordBatchWrite(tx, ctx, {
        operation: 'activateRuleSet', entityType: 'EligibilityRuleSet', entityId: rs.id, areaCode: '',
        before: { activating: target, retiring: previous }, after: { activated, retired },
      }, changes);
      return rs;
    });
  },

  /** A household judged by a rule set for a year (its latest recorded if omitted); null without that record or the line the income test needs. */
  async decide(ctx: Context, h: HouseholdModel, ruleSetId?: string | null, year?: number | null) {
    const rs = await ruleSetFor(ctx, ruleSetId);
    if (!rs) return null;
    const def = definitionOf(rs);
    const years = await ctx.loaders.household.years.load(h.key);
    const record = year == null ? years.at(-1) : years.find((y) => y.year === year);
    if (!record) return null;
    const line = def.incomeTest ? await ctx.loaders.standard.line.load(lineKey(h, record.year)) : null;
    if (def.incomeTest && !line) return null;
    const members = await ctx.loaders.member.ofHousehold.load(h.key);
    const d = evaluate(def, householdFacts({ household: h, year: record, members }), { line: line?.yuan ?? null, villageCode: h.villageCode });
    return { ...d, ruleSet: toRuleSet(rs), year: record.year, perCapitaNetIncome: record.perCapitaNetIncome, line, change: changeOf(d.eligible, onRegister(h)) };
  },
};
