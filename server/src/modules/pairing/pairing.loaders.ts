/** Per-request loaders for pairings: by ID, a household's history and current pairing, a cadre's current pairings. */
import type { Caller } from '../../auth/caller.js';
import type { Db } from '../../db/client.js';
import { grouped, keyed } from '../../graphql/dataloader.js';
import { pairingStore } from './pairing.store.js';

export const pairingLoaders = (db: Db, caller: Caller) => ({
  byId: keyed((ids: readonly string[]) => pairingStore.byIds(db, caller, ids), (r) => r.id),
  history: grouped((ids: readonly string[]) => pairingStore.historyOf(db, caller, ids), (r) => r.householdId),
  current: keyed((ids: readonly string[]) => pairingStore.currentOfHouseholds(db, caller, ids), (r) => r.householdId),
  ofCadre: grouped((ids: readonly string[]) => pairingStore.currentOfCadres(db, caller, ids), (r) => r.cadreId),
});
