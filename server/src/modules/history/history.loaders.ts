/** Per-request loaders of status events by household and by village (scoped). */
import type { Caller } from '../../auth/caller.js';
import type { Db } from '../../db/client.js';
import { grouped } from '../../graphql/dataloader.js';
import { historyStore } from './history.store.js';

export const historyLoaders = (db: Db, caller: Caller) => ({
  ofHousehold: grouped((ids: readonly string[]) => historyStore.ofHouseholds(db, caller, ids), (r) => r.householdId!),
  ofVillage: grouped((codes: readonly string[]) => historyStore.ofVillages(db, caller, codes), (r) => r.villageCode),
});
