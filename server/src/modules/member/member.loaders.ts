/** Per-request loaders for members: by household and by ID, scoped and masked. */
import type { Caller } from '../../auth/caller.js';
import type { Db } from '../../db/client.js';
import { grouped, keyed } from '../../graphql/dataloader.js';
import { memberStore } from './member.store.js';

export const memberLoaders = (db: Db, caller: Caller) => ({
  ofHousehold: grouped((ids: readonly string[]) => memberStore.ofHouseholds(db, caller, ids), (r) => r.householdId),
  byId: keyed((ids: readonly string[]) => memberStore.byIds(db, caller, ids), (r) => r.id),
});
