/** Per-request loaders for households (scoped, masked) and their yearly records; results in input order. */
import DataLoader from 'dataloader';
import type { Caller } from '../../auth/caller.js';
import type { Db } from '../../db/client.js';
import { householdStore, type HouseholdRow, type YearRow } from './household.store.js';

function byKey<K, R>(keys: readonly K[], rows: R[], keyOf: (r: R) => K): (R | null)[] {
  const map = new Map(rows.map((r) => [keyOf(r), r]));
  return keys.map((k) => map.get(k) ?? null);
}

export function householdLoaders(db: Db, caller: Caller) {
  return {
    byId: new DataLoader<string, HouseholdRow | null>(async (ids) => byKey(ids, await householdStore.byIds(db, caller, ids), (r) => r.id)),
    byNumber: new DataLoader<string, HouseholdRow | null>(async (ns) => byKey(ns, await householdStore.byNumbers(db, caller, ns), (r) => r.number)),
    years: new DataLoader<string, YearRow[]>(async (ids) => {
      const rows = await householdStore.yearsOf(db, ids);
      const map = new Map<string, YearRow[]>(ids.map((id) => [id, []]));
      for (const r of rows) map.get(r.householdId)?.push(r);
      return ids.map((id) => map.get(id)!);
    }),
  };
}
