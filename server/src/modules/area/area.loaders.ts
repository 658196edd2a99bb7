/** Per-request loaders for areas: by code, and children by parent code; results in input order. */
import DataLoader from 'dataloader';
import type { Db } from '../../db/client.js';
import { areaStore, type AreaRow } from './area.store.js';

export function areaLoaders(db: Db) {
  return {
    byCode: new DataLoader<string, AreaRow | null>(async (codes) => {
      const rows = await areaStore.byCodes(db, codes);
      const map = new Map(rows.map((r) => [r.code, r]));
      return codes.map((c) => map.get(c) ?? null);
    }),
    children: new DataLoader<string, AreaRow[]>(async (parents) => {
      const rows = await areaStore.childrenOf(db, parents);
      const map = new Map<string, AreaRow[]>(parents.map((p) => [p, []]));
      for (const r of rows) map.get(r.parentCode!)?.push(r);
      return parents.map((p) => map.get(p)!);
    }),
  };
}
