/** Per-request loaders for project links: a household's, a village's and a project's. */
import type { Caller } from '../../auth/caller.js';
import type { Db } from '../../db/client.js';
import { grouped, keyed } from '../../graphql/dataloader.js';
import { benefitStore } from './benefit.store.js';

export const benefitLoaders = (db: Db, caller: Caller) => ({
  byId: keyed((ids: readonly string[]) => benefitStore.byIds(db, caller, ids), (r) => r.id),
  ofHousehold: grouped((ids: readonly string[]) => benefitStore.activeOfHouseholds(db, caller, ids), (r) => r.householdId!),
  ofVillage: grouped((codes: readonly string[]) => benefitStore.activeOfVillages(db, caller, codes), (r) => r.villageCode),
  activeCount: keyed((ids: readonly string[]) => benefitStore.activeCounts(db, caller, ids), (r) => r.projectId),
});
