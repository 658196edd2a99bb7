/** Per-request loaders for units and cadres: scoped by ID, and the related ones named by rows already reached. */
import type { Caller } from '../../auth/caller.js';
import type { Db } from '../../db/client.js';
import { keyed } from '../../graphql/dataloader.js';
import { cadreStore } from './cadre.store.js';

export const cadreLoaders = (db: Db, caller: Caller) => ({
  unitById: keyed((ids: readonly string[]) => cadreStore.unitsByIds(db, caller, ids), (r) => r.id),
  relatedUnit: keyed((ids: readonly string[]) => cadreStore.relatedUnits(db, ids), (r) => r.id),
  cadreById: keyed((ids: readonly string[]) => cadreStore.cadresByIds(db, caller, ids), (r) => r.id),
  relatedCadre: keyed((ids: readonly string[]) => cadreStore.relatedCadres(db, ids), (r) => r.id),
});
