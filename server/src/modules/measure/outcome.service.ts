/**
 * What becomes known after a 雨露计划 or 易地扶贫搬迁 measure is recorded: the trainee's
 * completion and employment afterwards, and the day the household moved. Rules of
 * ./details.ts; each write locks the measure, is audited and announced in one transaction.
 */
import { requireRegistryWriter } from '../../auth/require.js';
import type { Context } from '../../graphql/context.js';
import { badInput } from '../../graphql/errors.js';
import { keyOf } from '../../graphql/ids.js';
import { rainDewProblems, type RainDew, type Relocation } from './details.js';
import type { StoredDetails } from './measure.mapper.js';
import { measureStore } from './measure.store.js';
import { lockMeasure, writeMeasure } from './measure.service.js';
import { orThrow, today } from './measure.validate.js';

async function change(ctx: Context, measureId: string, operation: string, event: string, apply: (d: StoredDetails, kind: string) => StoredDetails) {
  requireRegistryWriter(ctx.caller);
  const key = keyOf('Measure', measureId, 'measureId');
  return ctx.db.transaction(async (tx) => {
    const before = await lockMeasure(tx, ctx, measureId, key);
    if (before.status === 'cancelled') throw badInput([{ field: 'measureId', reason: 'this measure was cancelled: nothing more is recorded on it' }]);
    const row = await measureStore.update(tx, key, { details: apply((before.details ?? {}) as StoredDetails, before.kind) });
    return writeMeasure(tx, ctx, operation, event, before, row);
  });
}

export const outcomeService = {
  rainDew: (ctx: Context, measureId: string, o: { completedOn: string; employedAfter?: boolean | null; employer?: string | null }) =>
    change(ctx, measureId, 'recordRainDewOutcome', 'measure.rainDewOutcome', (d, kind) => {
      if (kind !== 'rain_dew' || !d.rainDew) throw badInput([{ field: 'measureId', reason: 'this measure is not a 雨露计划 measure (kind RAIN_DEW)' }]);
      const rainDew: RainDew = { ...d.rainDew, completedOn: o.completedOn, employedAfter: o.employedAfter ?? null, employer: o.employer?.trim() || null };
      // The trainee was checked when the measure was recorded; only the outcome is checked here.
      orThrow(rainDewProblems(rainDew, new Set([rainDew.memberId]), today(), 'input'));
      return { ...d, rainDew };
    }),

  relocation: (ctx: Context, measureId: string, movedOn: string) =>
    change(ctx, measureId, 'recordRelocationMove', 'measure.relocated', (d, kind) => {
      if (kind !== 'relocation' || !d.relocation) throw badInput([{ field: 'measureId', reason: 'this measure is not a relocation measure (kind RELOCATION)' }]);
      if (movedOn > today()) throw badInput([{ field: 'movedOn', reason: `${movedOn} is in the future: record the move once the household has moved in` }]);
      const relocation: Relocation = { ...d.relocation, movedOn };
      return { ...d, relocation };
    }),
};
