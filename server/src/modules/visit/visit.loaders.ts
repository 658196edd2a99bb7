/**
 * Per-request loaders for visits: by ID, one page (`n` after a cursor) of the visits of
 * households and of cadres (one loader per page asked for in the request, so one statement
 * per page shape), and their counts.
 */
import type DataLoader from 'dataloader';
import type { Caller } from '../../auth/caller.js';
import type { Db } from '../../db/client.js';
import { grouped, keyed } from '../../graphql/dataloader.js';
import { visitStore, type VisitAfter, type VisitRow } from './visit.store.js';

function perPage(make: (n: number, after?: VisitAfter) => DataLoader<string, VisitRow[]>) {
  const loaders = new Map<string, DataLoader<string, VisitRow[]>>();
  return (n: number, after?: VisitAfter) => {
    const key = `${n}|${after ? `${after.visitedOn}|${after.createdAt}|${after.id}` : ''}`;
    return loaders.get(key) ?? loaders.set(key, make(n, after)).get(key)!;
  };
}

const counted = (fetch: (ids: readonly string[]) => Promise<{ key: string; n: number }[]>) =>
  keyed(fetch, (r) => r.key);

export const visitLoaders = (db: Db, caller: Caller) => ({
  byId: keyed((ids: readonly string[]) => visitStore.byIds(db, caller, ids), (r) => r.id),
  ofHousehold: perPage((n, after) => grouped((ids: readonly string[]) => visitStore.latestOfHouseholds(db, caller, ids, n, after), (r) => r.householdId)),
  ofCadre: perPage((n, after) => grouped((ids: readonly string[]) => visitStore.latestOfCadres(db, caller, ids, n, after), (r) => r.cadreId)),
  countOfHousehold: counted((ids) => visitStore.countOfHouseholds(db, caller, ids)),
  countOfCadre: counted((ids) => visitStore.countOfCadres(db, caller, ids)),
});
