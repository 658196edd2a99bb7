/**
 * The county assessment 精准考核 (issue 14). Schemes are versioned data (scheme-rules.ts);
 * a run computes every county of a province or prefecture for a year (scoring.ts) from the
 * maintained aggregates (assessment.store.ts) and stores the result as a DRAFT, which a
 * recomputation replaces; publishing freezes it — a PUBLISHED run is never written again,
 * and at most one is published per scheme, area and year. Computing and publishing are for
 * officials above the county (and admins); a published run is read by every registry reader
 * whose area overlaps it (a county sees its province's ranking), a draft only by those who
 * may compute it. Every write is audited and on the change feed.
 */
import { randomUUID } from 'node:crypto';
import { requireRegistryReader } from '../../auth/require.js';
import type { Context } from '../../graphql/context.js';
import { badInput, conflict, forbidden, notFound } from '../../graphql/errors.js';
import { sqlState } from '../../graphql/format-error.js';
import { keyOf, toGlobalId } from '../../graphql/ids.js';
import { recordWrite } from '../audit/audit.service.js';
import { FIRST_YEAR } from '../household/household.validate.js';
import { INDICATORS } from './indicators.js';
import { schemeProblems, type Scheme } from './scheme-rules.js';
import { assess, type CountyResult } from './scoring.js';
import { assessmentStore, type RunRow, type SchemeRow } from './assessment.store.js';
import type { ComputeAssessmentInput, CreateAssessmentSchemeInput, PublishAssessmentInput } from './assessment.input.js';
import { notLoadedReason } from '../area/not-loaded.js';

interface RunResult { areaName: string | null; scheme: ReturnType<typeof toScheme>; counties: CountyResult[] }

export function toScheme(r: SchemeRow) {
  const s = { components: r.components, indicators: r.indicators, grades: r.grades } as Scheme;
  const w = new Map(s.components.map((c) => [c.component, c.weight]));
  return {
    id: toGlobalId('AssessmentScheme', r.id), areaCode: r.areaCode, name: r.name, version: r.version, components: s.components, grades: s.grades,
    indicators: s.indicators.map((d) => {
      const def = INDICATORS[d.indicator as keyof typeof INDICATORS];
      return { ...d, floor: d.floor ?? null, target: d.target ?? null, heading: def.heading, direction: def.direction, formula: def.formula, scoreWeight: ((w.get(d.component) ?? 0) * d.weight) / 100 };
    }),
    createdBy: r.createdBy, createdAt: r.createdAt,
  };
}

function toAssessment(r: RunRow) {
  const res = r.result as RunResult;
  return {
    id: toGlobalId('Assessment', r.id), status: r.status, areaCode: r.areaCode, areaName: res.areaName, year: r.year, scheme: { ...res.scheme, createdAt: new Date(res.scheme.createdAt) },
    counties: res.counties.map((c) => ({ ...c, nextYearTargets: c.targets })), computedBy: r.computedBy, computedAt: r.computedAt, publishedAt: r.publishedAt,
  };
}

/** Admins, or officials whose area holds `areaCode` and lies above the county. */
function mayCompute(ctx: Context, areaCode: string) {
  const c = ctx.caller;
  return c.role === 'admin' || (c.role === 'official' && c.areas.some((p) => areaCode.startsWith(p) && p.length < 6));
}

/** Stores a computed result as the draft of its scheme, area and year (replacing the draft, under its row lock). Audited. */
function writeDraft(ctx: Context, scheme: SchemeRow, input: ComputeAssessmentInput, result: RunResult) {
  return ctx.db.transaction(async (tx) => {
    const draft = await assessmentStore.draft(tx, scheme.id, input.areaCode, input.year);
    const row = draft
      ? await assessmentStore.replaceDraft(tx, draft.id, result, ctx.caller.id)
      : await assessmentStore.insertRun(tx, { id: randomUUID(), schemeId: scheme.id, areaCode: input.areaCode, year: input.year, status: 'DRAFT', result, computedBy: ctx.caller.id });
    const out = toAssessment(row);
    await recordWrite(tx, ctx, {
      operation: 'computeAssessment', event: 'assessment.computed', entityType: 'Assessment', entityId: out.id, areaCode: input.areaCode,
      before: draft ? { counties: (draft.result as RunResult).counties.map((c) => ({ countyCode: c.countyCode, score: c.score, rank: c.rank })) } : null,
      after: { status: 'DRAFT', counties: result.counties.map((c) => ({ countyCode: c.countyCode, score: c.score, rank: c.rank, grade: c.grade })) },
    });
    return out;
  });
}

export const assessmentService = {
  /** A new scheme version: admins (any, national ''), officials of a province (their province). Audited. */
  async createScheme(ctx: Context, input: CreateAssessmentSchemeInput) {
    const c = ctx.caller;
    const ok = c.role === 'admin' || (c.role === 'official' && input.areaCode !== '' && c.areas.some((p) => input.areaCode.startsWith(p) && p.length <= 2));
    if (!ok) throw forbidden('an assessment scheme is set by an admin (national) or an official of the province');
    if (!/^(\d{2})?$/.test(input.areaCode)) throw badInput([{ field: 'input.areaCode', reason: `"${input.areaCode}" is neither a 2-digit province code nor '' (national)` }]);
    const p = [...(input.name.trim() && input.name.length <= 100 ? [] : [{ field: 'input.name', reason: 'a name, 1 to 100 characters' }]), ...schemeProblems(input)];
    if (p.length) throw badInput(p);
    if (input.areaCode && !(await assessmentStore.area(ctx.db, input.areaCode))) throw badInput([{ field: 'input.areaCode', reason: `there is no province ${input.areaCode}` }]);
    return ctx.db.transaction(async (tx) => {
      const version = (await assessmentStore.maxVersion(tx, input.areaCode, input.name.trim())) + 1;
      const strip = <T extends object>(o: T) => ({ ...o }) as T;
      const row = await assessmentStore.insertScheme(tx, {
        id: randomUUID(), areaCode: input.areaCode, name: input.name.trim(), version, createdBy: c.id,
        components: input.components.map(strip), grades: input.grades.map(strip),
        indicators: input.indicators.map((d) => ({ indicator: d.indicator, component: d.component, weight: d.weight, source: d.source, normalisation: d.normalisation, floor: d.floor ?? null, target: d.target ?? null })),
      });
      const out = toScheme(row);
      await recordWrite(tx, ctx, { operation: 'createAssessmentScheme', event: 'assessmentScheme.created', entityType: 'AssessmentScheme', entityId: out.id, areaCode: input.areaCode, before: null, after: row });
      return out;
    });
  },

  async schemes(ctx: Context, areaCode?: string | null) {
    requireRegistryReader(ctx.caller);
    return (await assessmentStore.schemes(ctx.db, areaCode)).map(toScheme);
  },

  /** Computes the counties of a province or prefecture for a year into a draft (replacing an earlier draft). Audited. */
  async compute(ctx: Context, input: ComputeAssessmentInput) {
    const schemeKey = keyOf('AssessmentScheme', input.schemeId, 'input.schemeId');
    if (!/^\d{2}(\d{2})?$/.test(input.areaCode)) throw badInput([{ field: 'input.areaCode', reason: `"${input.areaCode}" is not a province (2 digits) or prefecture (4 digits): counties are assessed within one` }]);
    if (!mayCompute(ctx, input.areaCode)) throw forbidden('an assessment is computed by an official above the counties assessed (prefecture, province or nation) or an admin');
    const last = new Date().getFullYear();
    if (!Number.isInteger(input.year) || input.year < FIRST_YEAR || input.year > last) throw badInput([{ field: 'input.year', reason: `must be a year between ${FIRST_YEAR} and ${last}` }]);
    const scheme = await assessmentStore.scheme(ctx.db, schemeKey);
    if (!scheme) throw notFound('the assessment scheme');
    if (!input.areaCode.startsWith(scheme.areaCode)) throw badInput([{ field: 'input.schemeId', reason: `scheme "${scheme.name}" v${scheme.version} is province ${scheme.areaCode}'s: it does not assess ${input.areaCode}` }]);
    const area = await assessmentStore.area(ctx.db, input.areaCode);
    if (!area) throw badInput([{ field: 'input.areaCode', reason: notLoadedReason(input.areaCode) }]);
    // One snapshot for every input (a read-only repeatable-read transaction), so the counties are scored on one state of the registry.
    const inputs = await ctx.db.transaction((tx) => assessmentStore.inputs(tx, ctx.caller, input.areaCode, input.year), { isolationLevel: 'repeatable read', accessMode: 'read only' });
    if (!inputs.length) throw badInput([{ field: 'input.areaCode', reason: `${input.areaCode} has no counties to assess: import its areas first (jingzhun areas import)` }]);
    const result: RunResult = { areaName: area.name, scheme: toScheme(scheme), counties: assess(scheme as unknown as Scheme, inputs) };
    // A concurrent computation may insert the draft first (its unique key): then this one replaces it.
    for (let attempt = 1; ; attempt++) {
      try {
        return await writeDraft(ctx, scheme, input, result);
      } catch (e) {
        if (attempt >= 3 || sqlState(e).code !== '23505') throw e;
      }
    }
  },

  /** Freezes and publishes a draft: CONFLICT if it is already published or another run of its scheme, area and year is. Audited. */
  async publish(ctx: Context, input: PublishAssessmentInput) {
    const key = keyOf('Assessment', input.assessmentId, 'input.assessmentId');
    return ctx.db.transaction(async (tx) => {
      const run = await assessmentStore.lockRun(tx, ctx.caller, key);
      if (!run) throw notFound('the assessment');
      if (!mayCompute(ctx, run.areaCode)) throw forbidden('an assessment is published by an official above the counties assessed or an admin');
      if (run.status !== 'DRAFT') throw conflict('this assessment is already published: published results never change (compute a new draft to see today’s figures)');
      const other = await assessmentStore.published(tx, run.schemeId, run.areaCode, run.year);
      if (other) throw conflict(`another assessment of ${run.areaCode} for ${run.year} under this scheme is already published`, { publishedId: toGlobalId('Assessment', other.id) });
      const row = await assessmentStore.publish(tx, run.id, ctx.caller.id);
      const out = toAssessment(row);
      await recordWrite(tx, ctx, {
        operation: 'publishAssessment', event: 'assessment.published', entityType: 'Assessment', entityId: out.id, areaCode: run.areaCode,
        before: { status: 'DRAFT' }, after: { status: 'PUBLISHED', counties: out.counties.map((c) => ({ countyCode: c.countyCode, score: c.score, rank: c.rank, grade: c.grade, constrained: c.constrained })) },
      });
      return out;
    });
  },

  /** One run; null when unknown, outside the caller's area, or a draft the caller may not compute. */
  async byId(ctx: Context, id: string) {
    requireRegistryReader(ctx.caller);
    const run = await assessmentStore.run(ctx.db, ctx.caller, keyOf('Assessment', id, 'id'));
    return run && (run.status === 'PUBLISHED' || mayCompute(ctx, run.areaCode)) ? toAssessment(run) : null;
  },

  async list(ctx: Context, areaCode: string, year?: number | null) {
    requireRegistryReader(ctx.caller);
    if (!/^\d{0,4}$/.test(areaCode)) throw badInput([{ field: 'areaCode', reason: `"${areaCode}" is not '' or a province or prefecture code` }]);
    return (await assessmentStore.runs(ctx.db, ctx.caller, areaCode, year)).filter((r) => r.status === 'PUBLISHED' || mayCompute(ctx, r.areaCode)).map(toAssessment);
  },
};
