/**
 * SQL for pairings 结对帮扶. Every read is scoped like the household it is about
 * (auth/scope.ts householdScoped: the village in the caller's area, or a cadre's own
 * paired household). Writes run after the household row is locked by the service.
 */
import { and, asc, eq, inArray, isNull } from 'drizzle-orm';
import type { Caller } from '../../auth/caller.js';
import { householdScoped } from '../../auth/scope.js';
import type { Tx } from '../../db/client.js';
import { pairings } from '../../db/schema/index.js';
import { named } from '../../db/stats.js';

export type PairingRow = typeof pairings.$inferSelect;

const visible = (caller: Caller) => householdScoped(pairings.villageCode, pairings.householdId, caller);

export const pairingStore = {
  /** The current pairing of a household (the caller has locked and so reached the household). */
  currentOf: (db: Tx, householdId: string) =>
    named('pairing.current', async () => (await db.select().from(pairings).where(and(eq(pairings.householdId, householdId), isNull(pairings.endedOn))))[0]),

  insert: (db: Tx, row: typeof pairings.$inferInsert) => named('pairing.insert', () => db.insert(pairings).values(row).returning()),

  end: (db: Tx, id: string, endedOn: string) =>
    named('pairing.end', () => db.update(pairings).set({ endedOn }).where(eq(pairings.id, id)).returning()),

  byIds: (db: Tx, caller: Caller, ids: readonly string[]) =>
    named('pairing.byIds', () => db.select().from(pairings).where(and(visible(caller), inArray(pairings.id, [...ids])))),

  /** Pairing history of households, oldest first. */
  historyOf: (db: Tx, caller: Caller, householdIds: readonly string[]) =>
    named('pairing.history', () =>
      db.select().from(pairings).where(and(visible(caller), inArray(pairings.householdId, [...householdIds])))
        .orderBy(asc(pairings.householdId), asc(pairings.startedOn), asc(pairings.createdAt)),
    ),

  /** Current pairings of households (one at most each). */
  currentOfHouseholds: (db: Tx, caller: Caller, householdIds: readonly string[]) =>
    named('pairing.currentOfHouseholds', () =>
      db.select().from(pairings).where(and(visible(caller), isNull(pairings.endedOn), inArray(pairings.householdId, [...householdIds])))),

  /** Current pairings of cadres, in the caller's scope: the households each serves now. */
  currentOfCadres: (db: Tx, caller: Caller, cadreIds: readonly string[]) =>
    named('pairing.currentOfCadres', () =>
      db.select().from(pairings).where(and(visible(caller), isNull(pairings.endedOn), inArray(pairings.cadreId, [...cadreIds])))
        .orderBy(asc(pairings.cadreId), asc(pairings.startedOn)),
    ),
};
