/**
 * Per-request loaders for visits: by ID, and the latest `n` of households and of cadres
 * (one loader per `n` asked for in the request, so one statement per list size).
 */
import type DataLoader from 'dataloader';
import type { Caller } from '../../auth/caller.js';
import type { Db } from '../../db/client.js';
import { grouped, keyed } from '../../graphql/dataloader.js';
import { visitStore, type VisitRow } from './visit.store.js';

function perSize(make: (n: number) => DataLoader<string, VisitRow[]>) {
  const loaders = new Map<number, DataLoader<string, VisitRow[]>>();
  return (n: number) => loaders.get(n) ?? loaders.set(n, make(n)).get(n)!;
}

export const visitLoaders = (db: Db, caller: Caller) => ({
  byId: keyed((ids: readonly string[]) => visitStore.byIds(db, caller, ids), (r) => r.id),
  ofHousehold: perSize((n) => grouped((ids: readonly string[]) => visitStore.latestOfHouseholds(db, caller, ids, n), (r) => r.householdId)),
  ofCadre: perSize((n) => grouped((ids: readonly string[]) => visitStore.latestOfCadres(db, caller, ids, n), (r) => r.cadreId)),
});
