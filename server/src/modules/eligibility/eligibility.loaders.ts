/** Per-request loaders of eligibility rule sets: by ID, and the active one (asked once per request). */
import type { Db } from '../../db/client.js';
import { keyed } from '../../graphql/dataloader.js';
import { eligibilityStore, type RuleSetRow } from './eligibility.store.js';

export const eligibilityLoaders = (db: Db) => {
  let active: Promise<RuleSetRow | null> | undefined;
  return {
    byId: keyed((ids: readonly string[]) => eligibilityStore.byIds(db, ids), (r) => r.id),
    active: () => (active ??= eligibilityStore.active(db)),
  };
};
