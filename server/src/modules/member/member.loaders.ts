/** Per-request loaders for members: by household (all columns, or a narrow set) and by ID, scoped and masked. */
import type { Caller } from '../../auth/caller.js';
import type { Db } from '../../db/client.js';
import { grouped, keyed } from '../../graphql/dataloader.js';
import { memberStore } from './member.store.js';

export const memberLoaders = (db: Db, caller: Caller) => {
  const ofHousehold = (fields?: readonly string[]) =>
    grouped((ids: readonly string[]) => memberStore.ofHouseholds(db, caller, ids, fields), (r) => r.householdId);
  const full = ofHousehold();
  const narrow = new Map<string, typeof full>();
  return {
    ofHousehold: full,
    /** Members of a household with only these columns (sorted names from MEMBER_FIELDS): one loader, so one statement, per column set. */
    ofHouseholdWith(fields: readonly string[] | undefined) {
      if (!fields) return full;
      const key = fields.join(',');
      let loader = narrow.get(key);
      if (!loader) narrow.set(key, (loader = ofHousehold(fields)));
      return loader;
    },
    byId: keyed((ids: readonly string[]) => memberStore.byIds(db, caller, ids), (r) => r.id),
  };
};
