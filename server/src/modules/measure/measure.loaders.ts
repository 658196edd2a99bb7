/** Per-request loaders of plans, measures, cadres and current pairings (scoped; one statement per batch). */
import type { Caller } from '../../auth/caller.js';
import type { Db } from '../../db/client.js';
import { grouped, keyed } from '../../graphql/dataloader.js';
import { measureStore } from './measure.store.js';

export const measureLoaders = (db: Db, caller: Caller) => ({
  byId: keyed((ids: readonly string[]) => measureStore.byIds(db, caller, ids), (r) => r.id),
  ofHousehold: grouped((ids: readonly string[]) => measureStore.ofHouseholds(db, caller, ids), (r) => r.householdId!),
  ofPlan: grouped((ids: readonly string[]) => measureStore.ofPlans(db, caller, ids), (r) => r.planId),
  planById: keyed((ids: readonly string[]) => measureStore.plansByIds(db, caller, ids), (r) => r.id),
  plansOfHousehold: grouped((ids: readonly string[]) => measureStore.plansOfHouseholds(db, caller, ids), (r) => r.householdId!),
  plansOfVillage: grouped((codes: readonly string[]) => measureStore.plansOfVillages(db, caller, codes), (r) => r.villageCode),
  cadreById: keyed((ids: readonly string[]) => measureStore.cadresByIds(db, caller, ids), (r) => r.id),
  currentPairing: keyed((ids: readonly string[]) => measureStore.currentPairings(db, caller, ids), (r) => r.householdId),
});
