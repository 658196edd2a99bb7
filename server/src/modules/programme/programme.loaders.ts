/** Per-request loaders for programmes and projects (scoped to area and, for a ministry, sector). */
import type { Caller } from '../../auth/caller.js';
import type { Db } from '../../db/client.js';
import { keyed } from '../../graphql/dataloader.js';
import { programmeStore } from './programme.store.js';

export const programmeLoaders = (db: Db, caller: Caller) => ({
  byId: keyed((ids: readonly string[]) => programmeStore.programmesByIds(db, caller, ids), (r) => r.id),
  projectById: keyed((ids: readonly string[]) => programmeStore.projectsByIds(db, caller, ids), (r) => r.id),
});
