/** Per-request loader of a household's stored warnings (scoped). */
import type { Caller } from '../../auth/caller.js';
import type { Db } from '../../db/client.js';
import { grouped } from '../../graphql/dataloader.js';
import { qualityStore } from './quality.store.js';

export const qualityLoaders = (db: Db, caller: Caller) => ({
  ofHousehold: grouped((ids: readonly string[]) => qualityStore.ofHouseholds(db, caller, ids), (r) => r.householdId),
});
