/**
 * Assistance measures 帮扶措施 (issue 4, item 5): recording a measure for a registered
 * household or a village of the caller's area, moving it along its lifecycle
 * (modules/measure/lifecycle.ts: INVALID_TRANSITION with the reason otherwise), and the
 * reads. Each write checks role and area, validates, and appends the audit record and
 * change event in one transaction.
 */
import { randomUUID } from 'node:crypto';
import { requireRegistryReader, requireRegistryWriter } from '../../auth/require.js';
import type { Context } from '../../graphql/context.js';
import { ApiError, badInput, conflict, notFound } from '../../graphql/errors.js';
import { keyOf } from '../../graphql/ids.js';
import { recordWrite } from '../audit/audit.service.js';
import { transitionDateProblem, transitionProblem, type MeasureState } from './lifecycle.js';
import type { MeasureMoveInput, RecordMeasureInput } from './measure.input.js';
import { toMeasure, toResponsible } from './measure.mapper.js';
import { measureStore, type MeasureRow } from './measure.store.js';
import { checkMeasure, orThrow, resolveTarget, today } from './measure.validate.js';

const EVENT: Record<MeasureState, string> = { planned: 'measure.recorded', in_progress: 'measure.started', completed: 'measure.completed', cancelled: 'measure.cancelled' };
const OPERATION: Record<MeasureState, string> = { planned: 'recordMeasure', in_progress: 'startMeasure', completed: 'completeMeasure', cancelled: 'cancelMeasure' };

/** Locks a measure the caller may change, checking the version they read. */
export async function lockMeasure(tx: Parameters<typeof measureStore.lock>[0], ctx: Context, id: string, key: string, expectedVersion?: number | null): Promise<MeasureRow> {
  const before = await measureStore.lock(tx, ctx.caller, key);
  if (!before) throw notFound(`measure ${id}`);
  if (expectedVersion != null && expectedVersion !== before.version) {
    throw conflict(`the measure changed since you read it (version ${before.version}, you had ${expectedVersion}): reload it and try again`);
  }
  return before;
}

export async function writeMeasure(tx: Parameters<typeof measureStore.lock>[0], ctx: Context, operation: string, event: string, before: MeasureRow | null, after: MeasureRow) {
  const measure = toMeasure(after);
  await recordWrite(tx, ctx, { operation, event, entityType: 'Measure', entityId: measure.id, areaCode: after.villageCode, before, after });
  return measure;
}

export const measureService = {
  async record(ctx: Context, input: RecordMeasureInput) {
    requireRegistryWriter(ctx.caller);
    const target = await resolveTarget(ctx, input, input.kind === 'rain_dew');
    const { details, cadreKey } = await checkMeasure(ctx, input, target);
    return ctx.db.transaction(async (tx) => {
      const row = await measureStore.insert(tx, {
        id: randomUUID(), householdId: target.householdKey, villageCode: target.villageCode, year: input.year, kind: input.kind, title: input.title.trim(),
        causes: input.causes, responsibleCadreId: cadreKey, plannedAmount: input.plannedAmount, fundingSource: input.fundingSource,
        startDate: input.startDate, endDate: input.endDate, status: 'planned', details, createdBy: ctx.caller.id,
      });
      return writeMeasure(tx, ctx, 'recordMeasure', 'measure.recorded', null, row);
    });
  },

  /** startMeasure, completeMeasure, cancelMeasure: one lifecycle move. */
  async move(ctx: Context, id: string, to: MeasureState, input: MeasureMoveInput) {
    requireRegistryWriter(ctx.caller);
    const key = keyOf('Measure', id);
    if (to === 'completed' && !(input.actualAmount != null && input.actualAmount >= 0 && input.actualAmount <= 9_999_999_999.99)) {
      throw badInput([{ field: 'input.actualAmount', reason: 'completing a measure states the amount actually spent (0 or more yuan)' }]);
    }
    const reason = input.reason?.trim() ?? '';
    if (to === 'cancelled' && (!reason || reason.length > 500)) throw badInput([{ field: 'input.reason', reason: 'say why the measure is cancelled (1–500 characters)' }]);
    return ctx.db.transaction(async (tx) => {
      const before = await lockMeasure(tx, ctx, id, key, input.expectedVersion);
      const from = before.status as MeasureState;
      const problem = transitionProblem(from, to);
      if (problem) throw new ApiError('INVALID_TRANSITION', `${problem}`, { from: from.toUpperCase(), to: to.toUpperCase(), reason: problem });
      const dateProblem = transitionDateProblem(input.on, before.startedOn, today());
      orThrow(dateProblem ? [{ field: 'input.on', reason: dateProblem }] : []);
      const set =
        to === 'in_progress' ? { status: to, startedOn: input.on }
        : to === 'completed' ? { status: to, completedOn: input.on, actualAmount: input.actualAmount! }
        : { status: to, cancelledOn: input.on, cancelReason: reason };
      const row = await measureStore.update(tx, key, set);
      return writeMeasure(tx, ctx, OPERATION[to], EVENT[to], before, row);
    });
  },

  async byId(ctx: Context, id: string) {
    requireRegistryReader(ctx.caller);
    const row = await ctx.loaders.measure.byId.load(keyOf('Measure', id));
    return row && toMeasure(row);
  },

  ofHousehold: async (ctx: Context, householdKey: string) => (await ctx.loaders.measure.ofHousehold.load(householdKey)).map(toMeasure),
  ofPlan: async (ctx: Context, planKey: string) => (await ctx.loaders.measure.ofPlan.load(planKey)).map((r) => toMeasure(r.measure)),

  async cadre(ctx: Context, cadreKey: string | null) {
    if (!cadreKey) return null;
    const c = await ctx.loaders.measure.cadreById.load(cadreKey);
    return c && toResponsible(c);
  },

  /** The household's responsible person 帮扶责任人: its current pairing's cadre, or null. */
  async responsiblePerson(ctx: Context, householdKey: string) {
    const p = await ctx.loaders.measure.currentPairing.load(householdKey);
    return p && toResponsible(p.cadre, p.since);
  },
};
