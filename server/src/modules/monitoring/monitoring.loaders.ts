/** Per-request loaders of monitoring cases (by ID and by household) and their help, all scoped. */
import type { Caller } from '../../auth/caller.js';
import type { Db } from '../../db/client.js';
import { grouped, keyed } from '../../graphql/dataloader.js';
import { monitoringStore } from './monitoring.store.js';

export const monitoringLoaders = (db: Db, caller: Caller) => ({
  byId: keyed((ids: readonly number[]) => monitoringStore.byIds(db, caller, ids), (r) => r.id),
  ofHousehold: grouped((ids: readonly string[]) => monitoringStore.ofHouseholds(db, caller, ids), (r) => r.householdId),
  help: grouped((ids: readonly number[]) => monitoringStore.helpOf(db, caller, ids), (r) => r.caseId),
});
