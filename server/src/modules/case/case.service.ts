/**
 * Cases (issue 3, items 1, 2, 8, 9): one function per step of the procedures in
 * procedures.ts, the objections 异议 of a posting, and the reads — a case with its
 * steps, postings and documents, the cases waiting for the caller, the postings open now.
 * Every step goes through takeStep (case.step.ts): one transaction, INVALID_TRANSITION
 * for a step the procedure, the window, an objection or the caller's level does not allow.
 */
import { randomUUID } from 'node:crypto';
import { requireRegistryReader, requireRegistryWriter } from '../../auth/require.js';
import { canSeePersonalData } from '../../auth/caller.js';
import { redact } from '../audit/redact.js';
import type { Context } from '../../graphql/context.js';
import { decodeCursor, pageSize, toPage } from '../../graphql/connection.js';
import { badInput, notFound } from '../../graphql/errors.js';
import { keyOf } from '../../graphql/ids.js';
import { recordBatchWrite, recordWrite } from '../audit/audit.service.js';
import { checkAreaCode } from '../area/area.service.js';
import { appraisalRefusal, dateRefusal, objectionDateRefusal, postingRefusal, todayIso } from './case.rules.js';
import { householdStore } from '../household/household.store.js';
import { toHousehold } from '../household/household.mapper.js';
import { historyService } from '../history/history.service.js';
import { caseStore, type CaseRow, type Waiting } from './case.store.js';
import { toCase, toDocument, toObjection, toPosting, toStep, type CaseModel } from './case.mapper.js';
import { checkStep, lockCase, moveCase, takeStep, invalidTransition, type StepInput } from './case.step.js';
import { exitCheck, villageExitOverride } from './case.exit.js';
import { dataBlock } from './case.blocks.js';
import { exitCheckService } from '../exit/exit-check.service.js';
import { approveEffects } from './case.approve.js';
import { endPairingOf } from './case.effects.js';
import { isClosed, levelRefusal, levelsOf, postingStates, PROCEDURES, REJECTED, stepsFrom, type CaseKind, type Level } from './procedures.js';

const caseKey = (id: string) => keyOf('Case', id, 'caseId');

interface Decided extends StepInput { decision?: string | null; reason?: string | null }

export const caseService = {
  async byId(ctx: Context, id: string) {
    requireRegistryReader(ctx.caller);
    const row = await ctx.loaders.case.byId.load(keyOf('Case', id));
    return row && toCase(row);
  },

  appraise: (ctx: Context, id: string, i: Decided & { votesFor: number; votesAgainst: number; notes?: string | null }) =>
    takeStep(ctx, caseKey(id), 'appraise', i, async () => {
      const bad = appraisalRefusal({ votesFor: i.votesFor, votesAgainst: i.votesAgainst, approve: i.decision === 'APPROVE' });
      if (bad) throw badInput([bad]);
      return { data: { votesFor: i.votesFor, votesAgainst: i.votesAgainst, ...(i.notes ? { notes: i.notes } : {}) } };
    }),

  post: (ctx: Context, id: string, i: StepInput & { place?: string | null }) =>
    takeStep(ctx, caseKey(id), 'post', i, async () => ({ place: i.place?.trim() || null })),

  review: (ctx: Context, id: string, i: Decided) => takeStep(ctx, caseKey(id), 'review', i),

  approve: (ctx: Context, id: string, i: Decided) =>
    takeStep(ctx, caseKey(id), 'approve', i, (tx, c) => (i.decision === 'APPROVE' ? approveEffects(tx, ctx, c, i.reason) : Promise.resolve({}))),

  /** The exit check: a household's computed in the step's transaction; a village's (exit-check.service) read just before it. */
  async verify(ctx: Context, id: string, i: StepInput & { overrideReason?: string | null }) {
    requireRegistryWriter(ctx.caller);
    const found = await ctx.loaders.case.byId.load(caseKey(id));
    const village = found?.kind === 'VILLAGE_EXIT' ? await exitCheckService.village(ctx, found.villageCode, found.year) : null;
    return takeStep(ctx, caseKey(id), 'verify', i, async (tx, c, date) => ({
      data: c.kind === 'VILLAGE_EXIT' ? villageExitOverride(village!, ctx.caller.id, i.overrideReason) : await exitCheck(tx, ctx, c, date, i.overrideReason),
    }));
  },

  consent: (ctx: Context, id: string, i: StepInput & { consentedBy: string }) => {
    if (!i.consentedBy.trim() || i.consentedBy.length > 100) throw badInput([{ field: 'input.consentedBy', reason: 'give the name of the household member who agreed (1 to 100 characters)' }]);
    return takeStep(ctx, caseKey(id), 'consent', i, async () => ({ data: { consentedBy: i.consentedBy.trim() } }));
  },

  announce: (ctx: Context, id: string, i: StepInput) => takeStep(ctx, caseKey(id), 'announce', i),

  /** An objection received during a posting, recorded by the cadre or official who received it. */
  async raiseObjection(ctx: Context, id: string, i: { raisedOn: string; summary: string }) {
    requireRegistryWriter(ctx.caller);
    if (!i.summary.trim() || i.summary.length > 2000) throw badInput([{ field: 'input.summary', reason: 'say what the objection is (1 to 2,000 characters)' }]);
    return ctx.db.transaction(async (tx) => {
      const c = await lockCase(tx, ctx, caseKey(id));
      if (!postingStates(c.kind as CaseKind).includes(c.state)) throw invalidTransition(`objections are raised while a case is posted; this case is ${c.state}`);
      const refusal = levelRefusal(ctx.caller, 'VILLAGE', c.villageCode);
      if (refusal) throw invalidTransition(refusal);
      const posting = (await caseStore.latestPosting(tx, c.id))!;
      const bad = objectionDateRefusal(posting, i.raisedOn) ?? (i.raisedOn > todayIso() ? `${i.raisedOn} is in the future` : null);
      if (bad) throw badInput([{ field: 'input.raisedOn', reason: bad }]);
      const [o] = await caseStore.insertObjection(tx, { id: randomUUID(), postingId: posting.id, caseId: c.id, villageCode: c.villageCode, raisedOn: i.raisedOn, summary: i.summary.trim(), receivedBy: ctx.caller.id });
      await caseStore.update(tx, c.id, {});
      await recordWrite(tx, ctx, { operation: 'raiseObjection', event: 'case.objectionRaised', entityType: 'Case', entityId: toCase(c).id, areaCode: c.villageCode, before: null, after: o });
      return { case: toCase((await caseStore.lockForUpdate(tx, ctx.caller, c.id))!), objection: toObjection(o) };
    });
  },

  /**
   * Resolving an objection: dismissed with a reason, or upheld — the case returns to its
   * first step or is rejected. Taken at the level of the step the posting precedes.
   */
  async resolveObjection(ctx: Context, id: string, i: StepInput & { resolution: string; consequence?: string | null; reason: string }) {
    requireRegistryWriter(ctx.caller);
    if (!i.reason.trim() || i.reason.length > 2000) throw badInput([{ field: 'input.reason', reason: 'say why the objection is upheld or dismissed (1 to 2,000 characters)' }]);
    if (i.resolution === 'UPHELD' && !i.consequence) throw badInput([{ field: 'input.consequence', reason: 'an upheld objection returns the case (RETURN) or rejects it (REJECT): say which' }]);
    return ctx.db.transaction(async (tx) => {
      const o = await caseStore.lockObjection(tx, ctx.caller, keyOf('Objection', id, 'objectionId'));
      if (!o) throw notFound(`objection ${id}`);
      if (o.resolution) throw invalidTransition(`this objection was already resolved (${o.resolution} on ${o.resolvedOn})`);
      const c = await lockCase(tx, ctx, o.caseId, i.expectedVersion);
      if (isClosed(c.kind as CaseKind, c.state)) throw invalidTransition(`the case is closed (${c.state})`);
      const next = stepsFrom(c.kind as CaseKind, c.state)[0];
      const date = await checkStep(tx, ctx, c, (next?.level ?? 'TOWNSHIP') as Level, i, false);
      const [resolved] = await caseStore.resolveObjection(tx, o.id, {
        resolution: i.resolution, consequence: i.resolution === 'UPHELD' ? i.consequence! : null, resolutionReason: i.reason.trim(), resolvedBy: ctx.caller.id, resolvedOn: date,
      });
      let after: CaseModel = toCase(c);
      if (i.resolution === 'UPHELD') {
        const to = i.consequence === 'REJECT' ? REJECTED : PROCEDURES[c.kind as CaseKind].returnTo;
        after = await moveCase(tx, ctx, c, 'objectionUpheld', to, date, { objection: o.summary, reason: i.reason.trim(), consequence: i.consequence }, i.documents ?? []);
      } else {
        await caseStore.update(tx, c.id, {});
        await recordWrite(tx, ctx, { operation: 'resolveObjection', event: 'case.objectionDismissed', entityType: 'Case', entityId: after.id, areaCode: c.villageCode, before: o, after: resolved });
      }
      return { case: after, objection: toObjection(resolved) };
    });
  },

  /** Status 1 → 4 (policy ended 不再享受政策) once the policy end date set at exit has come; by the county. The pairing ends that day. */
  async endExitPolicy(ctx: Context, householdId: string, i: { date?: string | null; reason: string }) {
    requireRegistryWriter(ctx.caller);
    if (!i.reason.trim() || i.reason.length > 2000) throw badInput([{ field: 'reason', reason: 'say on what decision the policies end (1 to 2,000 characters)' }]);
    return ctx.db.transaction(async (tx) => {
      const h = await householdStore.lockForUpdate(tx, ctx.caller, keyOf('Household', householdId, 'householdId'));
      if (!h) throw notFound(`household ${householdId}`);
      const refusal = levelRefusal(ctx.caller, 'COUNTY', h.villageCode);
      if (refusal) throw invalidTransition(refusal);
      if (h.status !== '1') throw invalidTransition(`only an exited household still receiving policy (status 1) can have its policies ended; household ${h.number} has status ${h.status}`);
      const date = i.date ?? todayIso();
      const bad = dateRefusal(date, todayIso(), null);
      if (bad) throw badInput([{ field: 'date', reason: bad }]);
      if (h.exitPolicyEndsOn && date < h.exitPolicyEndsOn) throw invalidTransition(`policies continue after exit until ${h.exitPolicyEndsOn} (EXIT_POLICY_YEARS): record their end on or after that day`);
      const [row] = await householdStore.update(tx, h.id, { status: '4' });
      await endPairingOf(tx, h.id, date);
      await historyService.record(tx, ctx, { subjectType: 'HOUSEHOLD', householdId: h.id, villageCode: h.villageCode, fromStatus: '1', toStatus: '4', fromStage: h.stage, toStage: h.stage, reason: `policies ended: ${i.reason.trim()}`, effectiveDate: date });
      const household = toHousehold(row);
      // The change event comes from the status event (history.service.ts); this is the audit record.
      await recordBatchWrite(tx, ctx, { operation: 'endExitPolicy', entityType: 'Household', entityId: household.id, areaCode: h.villageCode, before: { status: '1' }, after: { status: '4', date } }, []);
      return household;
    });
  },

  /** The steps; the name of the member who consented to an exit only for roles that may see personal data. */
  steps: async (ctx: Context, c: CaseModel) => {
    const steps = (await ctx.loaders.case.steps.load(c.key)).map(toStep);
    return canSeePersonalData(ctx.caller) ? steps : steps.map((s) => ({ ...s, data: redact(s.data) }));
  },
  postings: async (ctx: Context, c: CaseModel) => (await ctx.loaders.case.postings.load(c.key)).map(toPosting),
  documents: async (ctx: Context, c: CaseModel) => (await ctx.loaders.case.documents.load(c.key)).map(toDocument),
  objections: async (ctx: Context, postingKey: string) => (await ctx.loaders.case.objections.load(postingKey)).map(toObjection),
  ofHousehold: async (ctx: Context, householdKey: string) => (await ctx.loaders.case.ofHousehold.load(householdKey)).map(toCase),

  /** The steps the procedure allows next, each with why the caller may not take it now (level, open window, objections, missing records or lines). */
  async nextSteps(ctx: Context, c: CaseModel) {
    const kind = c.kind as CaseKind;
    if (isClosed(kind, c.state)) return [];
    const afterPosting = !!PROCEDURES[kind].steps.find((s) => s.to === c.state)?.posting;
    const postings = afterPosting ? await ctx.loaders.case.postings.load(c.key) : [];
    const latest = postings.at(-1);
    const unresolved = latest ? (await ctx.loaders.case.objections.load(latest.id)).filter((o) => !o.resolution).length : 0;
    return Promise.all(stepsFrom(kind, c.state).map(async (s) => ({
      action: s.action, level: s.level, to: s.to,
      blockedBecause: levelRefusal(ctx.caller, s.level, c.villageCode) ?? (latest ? postingRefusal(latest, todayIso(), unresolved) : null) ?? (await dataBlock(ctx, c, s)),
    })));
  },

  /** Open cases whose next step the caller's role and level can take now, in their area. */
  async waitingForMe(ctx: Context, first?: number | null, after?: string | null) {
    requireRegistryReader(ctx.caller);
    const size = pageSize(first);
    const cursor = decodeCursor(after, /^[0-9a-f-]{36}$/);
    const w: Waiting[] = levelsOf(ctx.caller).map(({ level, prefixes }) => ({
      prefixes,
      states: Object.entries(PROCEDURES).flatMap(([kind, p]) => p.steps.filter((s) => s.level === level).map((s) => ({
        kind, state: s.from, afterPosting: !!p.steps.find((x) => x.to === s.from)?.posting,
      }))),
    }));
    const today = todayIso();
    const rows = await caseStore.waiting(ctx.db, ctx.caller, w, today, cursor, size + 1);
    return toPage(rows, size, (r: CaseRow) => r.id, toCase, () => caseStore.waitingCount(ctx.db, ctx.caller, w, today), cursor);
  },

  /** Postings up today in the villages of an area (a township, say). */
  async openPostings(ctx: Context, areaCode: string, first?: number | null, after?: string | null) {
    requireRegistryReader(ctx.caller);
    checkAreaCode(areaCode, 'areaCode', { prefix: true });
    const size = pageSize(first);
    const cursor = decodeCursor(after, /^[0-9a-f-]{36}$/);
    const rows = await caseStore.openPostings(ctx.db, ctx.caller, areaCode, todayIso(), cursor, size + 1);
    return toPage(rows, size, (r) => r.id, toPosting, () => caseStore.openPostingsCount(ctx.db, ctx.caller, areaCode, todayIso()), cursor);
  },
};
