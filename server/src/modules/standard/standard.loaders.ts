/** Per-request loader of poverty lines by "area|year". */
import type { Db } from '../../db/client.js';
import { keyed } from '../../graphql/dataloader.js';
import { standardStore } from './standard.store.js';

export const standardLoaders = (db: Db) => ({
  line: keyed((keys: readonly string[]) => standardStore.byKeys(db, keys), (r) => `${r.areaCode}|${r.year}`),
});
