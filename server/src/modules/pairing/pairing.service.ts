/**
 * Pairing 结对帮扶 (issue 4, item 3): officials and admins name the responsible person
 * 帮扶责任人 of a registered household (pairing.rules.ts says which), and reassign it
 * with a reason; the earlier pairing ends the day the next begins, so the household's
 * history is complete. Each write locks the household (scoped: outside the caller's
 * area it is NOT_FOUND), checks the cadre is in reach, and is audited and announced in
 * the same transaction.
 */
import { randomUUID } from 'node:crypto';
import { canReadPeople } from '../../auth/caller.js';
import { requirePeopleManager } from '../../auth/require.js';
import type { Tx } from '../../db/client.js';
import type { Context } from '../../graphql/context.js';
import { ApiError, badInput, conflict, notFound } from '../../graphql/errors.js';
import { keyOf, toGlobalId } from '../../graphql/ids.js';
import { recordWrite } from '../audit/audit.service.js';
import { cadreStore } from '../cadre/cadre.store.js';
import { householdStore } from '../household/household.store.js';
import { dateProblem, reassignmentProblems, unpairableReason } from './pairing.rules.js';
import { pairingStore, type PairingRow } from './pairing.store.js';

export const toPairing = (r: PairingRow) => ({
  __typename: 'Pairing' as const,
  ...r,
  id: toGlobalId('Pairing', r.id),
  current: r.endedOn === null,
});
export type PairingModel = ReturnType<typeof toPairing>;

export interface PairArgs { householdId: string; cadreId: string; startedOn: string; reason?: string | null }

/** The household (locked, scoped) and the cadre (in reach) of a pairing write. */
async function parties(tx: Tx, ctx: Context, a: PairArgs) {
  const householdKey = keyOf('Household', a.householdId, 'householdId');
  const cadreKey = keyOf('Cadre', a.cadreId, 'cadreId');
  const household = await householdStore.lockForUpdate(tx, ctx.caller, householdKey);
  if (!household) throw notFound(`household ${a.householdId}`);
  const [cadre] = await cadreStore.cadresByIds(tx, ctx.caller, [cadreKey]);
  if (!cadre) throw badInput([{ field: 'cadreId', reason: 'no such cadre in your area: register the cadre first (registerCadre) or check the ID' }]);
  return { household, cadre };
}

export const pairingService = {
  async pair(ctx: Context, a: PairArgs) {
    requirePeopleManager(ctx.caller, 'pair households with responsible persons');
    const dp = dateProblem('startedOn', a.startedOn);
    const reason = a.reason?.trim() || null;
    if (dp) throw badInput([dp]);
    if (reason && reason.length > 500) throw badInput([{ field: 'reason', reason: 'is longer than 500 characters' }]);
    return ctx.db.transaction(async (tx) => {
      const { household, cadre } = await parties(tx, ctx, a);
      const why = unpairableReason(household);
      if (why) throw badInput([{ field: 'householdId', reason: why }]);
      if (await pairingStore.currentOf(tx, household.id)) {
        throw conflict(`household ${household.number} already has a responsible person: use reassignPairing to change it, with a reason`);
      }
      const [row] = await pairingStore.insert(tx, {
        id: randomUUID(), householdId: household.id, villageCode: household.villageCode, cadreId: cadre.id, startedOn: a.startedOn, reason, createdBy: ctx.caller.id,
      });
      const pairing = toPairing(row);
      await recordWrite(tx, ctx, {
        operation: 'pairHousehold', event: 'pairing.started', entityType: 'Pairing', entityId: pairing.id,
        areaCode: household.villageCode, before: null, after: { ...row, household: toGlobalId('Household', household.id), cadre: toGlobalId('Cadre', cadre.id) },
      });
      return pairing;
    });
  },

  async reassign(ctx: Context, a: PairArgs & { reason: string }) {
    requirePeopleManager(ctx.caller, 'reassign responsible persons');
    return ctx.db.transaction(async (tx) => {
      const { household, cadre } = await parties(tx, ctx, a);
      const current = await pairingStore.currentOf(tx, household.id);
      if (!current) throw new ApiError('INVALID_TRANSITION', `household ${household.number} has no responsible person to reassign: use pairHousehold`);
      const problems = reassignmentProblems(current, { cadreId: cadre.id, startedOn: a.startedOn, reason: a.reason });
      if (problems.length) throw badInput(problems);
      const why = unpairableReason(household);
      if (why) throw badInput([{ field: 'householdId', reason: why }]);
      const [ended] = await pairingStore.end(tx, current.id, a.startedOn);
      const [row] = await pairingStore.insert(tx, {
        id: randomUUID(), householdId: household.id, villageCode: household.villageCode, cadreId: cadre.id, startedOn: a.startedOn, reason: a.reason.trim(), createdBy: ctx.caller.id,
      });
      const pairing = toPairing(row);
      await recordWrite(tx, ctx, {
        operation: 'reassignPairing', event: 'pairing.reassigned', entityType: 'Pairing', entityId: pairing.id,
        areaCode: household.villageCode, before: current, after: { ended, started: row, household: toGlobalId('Household', household.id) },
      });
      return pairing;
    });
  },

  /** A household's pairings, oldest first; empty for roles that may not read people. */
  async history(ctx: Context, householdKey: string) {
    if (!canReadPeople(ctx.caller)) return [];
    return (await ctx.loaders.pairing.history.load(householdKey)).map(toPairing);
  },

  /** A household's current pairing, or null. */
  async current(ctx: Context, householdKey: string) {
    if (!canReadPeople(ctx.caller)) return null;
    const row = await ctx.loaders.pairing.current.load(householdKey);
    return row && toPairing(row);
  },

  /** The current pairings of a cadre the caller reached, inside the caller's scope. */
  ofCadre: async (ctx: Context, cadreKey: string) => (await ctx.loaders.pairing.ofCadre.load(cadreKey)).map(toPairing),

  async node(ctx: Context, key: string) {
    if (!canReadPeople(ctx.caller)) return null;
    const row = await ctx.loaders.pairing.byId.load(key);
    return row && toPairing(row);
  },
};
