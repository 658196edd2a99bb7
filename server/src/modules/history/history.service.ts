/**
 * The register's history (issue 3, item 11): every change of a household's status
 * 脱贫状态 or register stage, and of a village's poverty status, is an event with the
 * status before and after, the reason, the date it took effect, the actor and the case
 * it came from. `household(id, asOf)` and the area counts as of a date read them back.
 */
import { randomUUID } from 'node:crypto';
import { requireRegistryReader } from '../../auth/require.js';
import type { Tx } from '../../db/client.js';
import type { Context } from '../../graphql/context.js';
import { badInput } from '../../graphql/errors.js';
import { toGlobalId } from '../../graphql/ids.js';
import { checkAreaCode } from '../area/area.service.js';
import { recordChanges } from '../audit/audit.service.js';
import type { HouseholdModel } from '../household/household.mapper.js';
import { historyStore, type StatusEventRow } from './history.store.js';

export interface StatusChange {
  subjectType: 'HOUSEHOLD' | 'VILLAGE';
  householdId?: string | null;
  villageCode: string;
  fromStatus: string | null;
  toStatus: string;
  fromStage?: string | null;
  toStage?: string | null;
  reason: string;
  effectiveDate: string;
  caseId?: string | null;
}

export const toStatusEvent = (r: StatusEventRow) => ({
  ...r,
  id: toGlobalId('StatusEvent', r.id),
  caseId: r.caseId && toGlobalId('Case', r.caseId),
});
export type StatusEventModel = ReturnType<typeof toStatusEvent>;

const isoDate = /^\d{4}-\d{2}-\d{2}$/;

function checkDate(on: string, field: string) {
  if (!isoDate.test(on) || Number.isNaN(Date.parse(on))) throw badInput([{ field, reason: 'give a date as YYYY-MM-DD' }]);
}

export const historyService = {
  /**
   * Appends one event inside the caller's transaction. A change (not a first entry, whose
   * own write announces it) also goes out on the change feed as household.statusChanged or
   * village.statusChanged, so systems that follow the feed see exits, relapses and removals.
   */
  async record(tx: Tx, ctx: Context, c: StatusChange) {
    if (c.fromStatus !== null || c.fromStage) {
      const household = c.subjectType === 'HOUSEHOLD';
      await recordChanges(tx, household ? 'statusChange' : 'villageStatusChange', [{
        event: household ? 'household.statusChanged' : 'village.statusChanged',
        entityType: household ? 'Household' : 'Village',
        entityId: household ? toGlobalId('Household', c.householdId!) : toGlobalId('Village', c.villageCode),
        areaCode: c.villageCode,
        after: { fromStatus: c.fromStatus, toStatus: c.toStatus, fromStage: c.fromStage ?? null, toStage: c.toStage ?? null, reason: c.reason, effectiveDate: c.effectiveDate, caseId: c.caseId && toGlobalId('Case', c.caseId) },
      }]);
    }
    await historyStore.insert(tx, {
      id: randomUUID(), subjectType: c.subjectType, householdId: c.householdId ?? null, villageCode: c.villageCode,
      fromStatus: c.fromStatus, toStatus: c.toStatus, fromStage: c.fromStage ?? null, toStage: c.toStage ?? null,
      reason: c.reason, effectiveDate: c.effectiveDate, caseId: c.caseId ?? null, actor: ctx.caller.id,
    });
  },

  householdHistory: async (ctx: Context, householdKey: string) => (await ctx.loaders.history.ofHousehold.load(householdKey)).map(toStatusEvent),

  villageHistory: async (ctx: Context, code: string) => (await ctx.loaders.history.ofVillage.load(code)).map(toStatusEvent),

  /**
   * The household as it stood on a date: status, stage and exit year from the latest
   * event effective by then; null if it had not entered the register yet. The form's
   * other fields are today's (their corrections are in the audit trail).
   */
  async asOf(ctx: Context, h: HouseholdModel, on: string) {
    checkDate(on, 'asOf');
    const [e] = await historyStore.asOf(ctx.db, ctx.caller, [h.key], on);
    if (!e) return null;
    const exited = e.toStatus === '1' || e.toStatus === '4';
    return { ...h, status: e.toStatus, stage: e.toStage ?? h.stage, exitYear: exited ? h.exitYear : null, asOf: on };
  },

  /** Households and people by status and stage on a date, under an area. */
  async countsAsOf(ctx: Context, areaCode: string, on: string) {
    requireRegistryReader(ctx.caller);
    checkAreaCode(areaCode, 'areaCode', { prefix: true });
    checkDate(on, 'asOf');
    return { areaCode, asOf: on, counts: await historyStore.countsAsOf(ctx.db, ctx.caller, areaCode, on) };
  },
};
