/** Per-request loader of provincial figures by "province|year". */
import type { Db } from '../../db/client.js';
import { keyed } from '../../graphql/dataloader.js';
import { provincialStore } from './provincial.store.js';

export const provincialLoaders = (db: Db) => ({
  figures: keyed((keys: readonly string[]) => provincialStore.byKeys(db, keys), (r) => `${r.provinceCode}|${r.year}`),
});
