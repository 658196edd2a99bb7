/** Per-request loaders for areas: by code, and children by parent code. */
import type { Db } from '../../db/client.js';
import { grouped, keyed } from '../../graphql/dataloader.js';
import { areaStore } from './area.store.js';

export const areaLoaders = (db: Db) => ({
  byCode: keyed((codes: readonly string[]) => areaStore.byCodes(db, codes), (r) => r.code),
  children: grouped((parents: readonly string[]) => areaStore.childrenOf(db, parents), (r) => r.parentCode!),
});
