/** Per-request loaders for members: by household and by ID, scoped and masked; results in input order. */
import DataLoader from 'dataloader';
import type { Caller } from '../../auth/caller.js';
import type { Db } from '../../db/client.js';
import { memberStore, type MemberRow } from './member.store.js';

export function memberLoaders(db: Db, caller: Caller) {
  return {
    ofHousehold: new DataLoader<string, MemberRow[]>(async (ids) => {
      const rows = await memberStore.ofHouseholds(db, caller, ids);
      const map = new Map<string, MemberRow[]>(ids.map((id) => [id, []]));
      for (const r of rows) map.get(r.householdId)?.push(r);
      return ids.map((id) => map.get(id)!);
    }),
    byId: new DataLoader<string, MemberRow | null>(async (ids) => {
      const rows = await memberStore.byIds(db, caller, ids);
      const map = new Map(rows.map((r) => [r.id, r]));
      return ids.map((id) => map.get(id) ?? null);
    }),
  };
}
