/** Per-request loaders for villages (scoped to the caller) and their surveys. */
import type { Caller } from '../../auth/caller.js';
import type { Db } from '../../db/client.js';
import { grouped, keyed } from '../../graphql/dataloader.js';
import { villageStore } from './village.store.js';

export const villageLoaders = (db: Db, caller: Caller) => ({
  byCode: keyed((codes: readonly string[]) => villageStore.byCodes(db, caller, codes), (r) => r.code),
  surveys: grouped((codes: readonly string[]) => villageStore.surveysOf(db, caller, codes), (r) => r.villageCode),
});
