/** Per-request loaders for villages (scoped to the caller) and their surveys; results in input order. */
import DataLoader from 'dataloader';
import type { Caller } from '../../auth/caller.js';
import type { Db } from '../../db/client.js';
import { villageStore, type SurveyRow, type VillageRow } from './village.store.js';

export function villageLoaders(db: Db, caller: Caller) {
  return {
    byCode: new DataLoader<string, VillageRow | null>(async (codes) => {
      const rows = await villageStore.byCodes(db, caller, codes);
      const map = new Map(rows.map((r) => [r.code, r]));
      return codes.map((c) => map.get(c) ?? null);
    }),
    surveys: new DataLoader<string, SurveyRow[]>(async (codes) => {
      const rows = await villageStore.surveysOf(db, codes);
      const map = new Map<string, SurveyRow[]>(codes.map((c) => [c, []]));
      for (const r of rows) map.get(r.villageCode)?.push(r);
      return codes.map((c) => map.get(c)!);
    }),
  };
}
