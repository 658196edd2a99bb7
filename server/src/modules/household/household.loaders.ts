/** Per-request loaders for households (scoped, masked) and their yearly records. */
import type { Caller } from '../../auth/caller.js';
import type { Db } from '../../db/client.js';
import { grouped, keyed } from '../../graphql/dataloader.js';
import { householdStore } from './household.store.js';
import { yearRevisionStore } from './year-revision.store.js';

export const householdLoaders = (db: Db, caller: Caller) => ({
  byId: keyed((ids: readonly string[]) => householdStore.byIds(db, caller, ids), (r) => r.id),
  byNumber: keyed((numbers: readonly string[]) => householdStore.byNumbers(db, caller, numbers), (r) => r.number),
  latestYear: keyed((ids: readonly string[]) => householdStore.latestYearsOf(db, caller, ids), (r) => r.householdId),
  years: grouped((ids: readonly string[]) => householdStore.yearsOf(db, caller, ids), (r) => r.householdId),
  yearRevisions: grouped((ids: readonly string[]) => yearRevisionStore.revisionsOf(db, caller, ids), (r) => r.householdId),
});
