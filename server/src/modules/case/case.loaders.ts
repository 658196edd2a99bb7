/** Per-request loaders of cases and their parts (scoped, results in key order). */
import type { Caller } from '../../auth/caller.js';
import type { Db } from '../../db/client.js';
import { grouped, keyed } from '../../graphql/dataloader.js';
import { caseStore } from './case.store.js';

export const caseLoaders = (db: Db, caller: Caller) => ({
  byId: keyed((ids: readonly string[]) => caseStore.byIds(db, caller, ids), (r) => r.id),
  ofHousehold: grouped((ids: readonly string[]) => caseStore.byHouseholds(db, caller, ids), (r) => r.householdId!),
  steps: grouped((ids: readonly string[]) => caseStore.stepsOf(db, caller, ids), (r) => r.caseId),
  postings: grouped((ids: readonly string[]) => caseStore.postingsOf(db, caller, ids), (r) => r.caseId),
  documents: grouped((ids: readonly string[]) => caseStore.documentsOf(db, caller, ids), (r) => r.caseId),
  objections: grouped((ids: readonly string[]) => caseStore.objectionsOf(db, caller, ids), (r) => r.postingId),
});
