/**
 * Taking one step of a case (issue 3, item 1): the one path every step goes through.
 * In one transaction: lock the case in the caller's area (else NOT_FOUND), check that
 * the procedure allows the step in the case's state and that the caller's level may
 * take it (else INVALID_TRANSITION with the reason), that its date runs forward, that a
 * posting before it has closed with every objection resolved; then record the step and
 * its documents, open the posting it starts, apply what its end does to the register
 * (case.effects.ts), and append the audit record and change event. A refused step
 * changes nothing.
 */
import { randomUUID } from 'node:crypto';
import { requireRegistryWriter } from '../../auth/require.js';
import { procedureConfig } from '../../config.js';
import type { Tx } from '../../db/client.js';
import type { Context } from '../../graphql/context.js';
import { ApiError, badInput, conflict, notFound } from '../../graphql/errors.js';
import { recordWrite } from '../audit/audit.service.js';
import { addDays, dateRefusal, postingRefusal, todayIso } from './case.rules.js';
import { caseStore, type CaseRow } from './case.store.js';
import { toCase } from './case.mapper.js';
import { applyEnd } from './case.effects.js';
import { isClosed, levelRefusal, PROCEDURES, REJECTED, stepsFrom, type Action, type CaseKind, type Level, type Transition } from './procedures.js';

export const invalidTransition = (reason: string, extensions: Record<string, unknown> = {}) => new ApiError('INVALID_TRANSITION', reason, { reason, ...extensions });

export interface DocumentInput {
  title: string;
  reference: string;
}

/** What every step input may carry. */
export interface StepInput {
  date?: string | null;
  expectedVersion?: number | null;
  documents?: DocumentInput[] | null;
}

export interface StepOutcome {
  /** Recorded with the step. */
  data?: Record<string, unknown>;
  /** For a deciding step: false ends the case as REJECTED. */
  approve?: boolean;
  /** For a posting step: where it is put up. */
  place?: string | null;
}

function documentProblems(docs: DocumentInput[]) {
  if (docs.length > 20) return [{ field: 'input.documents', reason: 'at most 20 documents with one step' }];
  return docs.flatMap((d, i) => [
    ...(d.title.trim() && d.title.length <= 200 ? [] : [{ field: `input.documents[${i}].title`, reason: 'give the document a title of at most 200 characters' }]),
    ...(d.reference.trim() && d.reference.length <= 500 ? [] : [{ field: `input.documents[${i}].reference`, reason: 'give where the document is kept (a URL or an archive number), at most 500 characters' }]),
  ]);
}

/** Free-text fields of step inputs, with their limits. */
const TEXT_LIMITS: Record<string, number> = { reason: 2000, notes: 2000, place: 200, overrideReason: 2000, consentedBy: 100 };

/** Checks that do not need the case's rows: text lengths and the documents. */
export function checkInput(input: StepInput) {
  const p = documentProblems(input.documents ?? []);
  for (const [k, max] of Object.entries(TEXT_LIMITS)) {
    const v = (input as Record<string, unknown>)[k];
    if (typeof v === 'string' && v.length > max) p.push({ field: `input.${k}`, reason: `at most ${max.toLocaleString('en')} characters` });
  }
  if (p.length) throw badInput(p);
}

/** The state a case is in and the transition an action takes from it, or the reason there is none. */
function transitionFor(c: CaseRow, action: Action): Transition {
  const kind = c.kind as CaseKind;
  if (isClosed(kind, c.state)) throw invalidTransition(`this case is closed (${c.state}${c.closedOn ? ` on ${c.closedOn}` : ''}): open a new case instead`);
  const t = stepsFrom(kind, c.state).find((s) => s.action === action);
  if (!t) {
    const next = stepsFrom(kind, c.state).map((s) => s.action).join(' or ') || 'none';
    throw invalidTransition(`a ${kind} case in state ${c.state} cannot take the step "${action}"; its next step is ${next}`, { state: c.state });
  }
  return t;
}

/** Checks the level, the date and a preceding posting; returns the step's effective date. */
export async function checkStep(tx: Tx, ctx: Context, c: CaseRow, level: Level, input: StepInput, afterPosting: boolean): Promise<string> {
  const refusal = levelRefusal(ctx.caller, level, c.villageCode);
  if (refusal) throw invalidTransition(refusal);
  const last = await caseStore.lastStep(tx, c.id);
  const date = input.date ?? todayIso();
  const bad = dateRefusal(date, todayIso(), last?.effectiveDate ?? null);
  if (bad) throw badInput([{ field: 'input.date', reason: bad }]);
  if (afterPosting) {
    const posting = await caseStore.latestPosting(tx, c.id);
    const blocked = posting && postingRefusal(posting, date, await caseStore.unresolvedCount(tx, c.id));
    if (blocked) throw invalidTransition(blocked, { closesOn: posting.closesOn });
  }
  return date;
}

/** Locks an open case for a step, checking the version the caller read. */
export async function lockCase(tx: Tx, ctx: Context, key: string, expectedVersion?: number | null): Promise<CaseRow> {
  const c = await caseStore.lockForUpdate(tx, ctx.caller, key);
  if (!c) throw notFound(`case ${key}`);
  if (expectedVersion != null && expectedVersion !== c.version) {
    throw conflict(`the case moved on since you read it (version ${c.version}, you had ${expectedVersion}): reload it and check its state`);
  }
  return c;
}

/** Moves a case to a state, recording the step, its documents, its effects, audit and change event. */
export async function moveCase(tx: Tx, ctx: Context, c: CaseRow, action: string, to: string, date: string, data: Record<string, unknown>, documents: DocumentInput[] = []) {
  const stepId = randomUUID();
  await caseStore.insertStep(tx, { id: stepId, caseId: c.id, villageCode: c.villageCode, action, fromState: c.state, toState: to, effectiveDate: date, data, actor: ctx.caller.id, role: ctx.caller.role });
  await caseStore.insertDocuments(tx, documents.map((d) => ({ id: randomUUID(), caseId: c.id, stepId, villageCode: c.villageCode, title: d.title.trim(), reference: d.reference.trim(), addedBy: ctx.caller.id })));
  const kind = c.kind as CaseKind;
  const ended = to === REJECTED || to === PROCEDURES[kind].end;
  const [after] = await caseStore.update(tx, c.id, { state: to, ...(ended ? { outcome: to === REJECTED ? 'REJECTED' : 'APPROVED', closedOn: date } : {}) });
  if (ended) await applyEnd(tx, ctx, after, date, data);
  const model = toCase(after);
  await recordWrite(tx, ctx, {
    operation: `case.${action}`, event: 'case.stepTaken', entityType: 'Case', entityId: model.id, areaCode: c.villageCode,
    before: { state: c.state, version: c.version }, after: { kind: c.kind, state: to, action, date, data },
  });
  return model;
}

/**
 * Takes a step: `decide` runs the step's own checks and returns what to record. A
 * deciding step that rejects needs a reason and ends the case.
 */
export async function takeStep(
  ctx: Context,
  id: string,
  action: Action,
  input: StepInput & { decision?: string | null; reason?: string | null },
  decide: (tx: Tx, c: CaseRow, date: string, t: Transition) => Promise<StepOutcome> = async () => ({}),
) {
  requireRegistryWriter(ctx.caller);
  checkInput(input);
  return ctx.db.transaction(async (tx) => {
    const c = await lockCase(tx, ctx, id, input.expectedVersion);
    const t = transitionFor(c, action);
    const afterPosting = !!PROCEDURES[c.kind as CaseKind].steps.find((s) => s.to === c.state)?.posting;
    const date = await checkStep(tx, ctx, c, t.level, input, afterPosting);
    if (t.decides && !input.decision) throw badInput([{ field: 'input.decision', reason: 'give the decision: APPROVE or REJECT' }]);
    const reject = t.decides && input.decision === 'REJECT';
    if (reject && !input.reason?.trim()) throw badInput([{ field: 'input.reason', reason: 'a rejection needs a reason the household or village can read' }]);
    const out = await decide(tx, c, date, t);
    const data = { ...out.data, ...(t.decides ? { decision: input.decision } : {}), ...(input.reason?.trim() ? { reason: input.reason.trim() } : {}) };
    if (t.posting) {
      const closesOn = addDays(date, procedureConfig().postingDays);
      await caseStore.insertPosting(tx, { id: randomUUID(), caseId: c.id, villageCode: c.villageCode, round: t.posting, place: out.place ?? null, startsOn: date, closesOn });
      Object.assign(data, { posting: t.posting, closesOn });
    }
    return { case: await moveCase(tx, ctx, c, action, reject || out.approve === false ? REJECTED : t.to, date, data, input.documents ?? []) };
  });
}
