/** Per-request loaders of rounds, their progress and summaries, and households' stored standings (all scoped). */
import type { Caller } from '../../auth/caller.js';
import type { Db } from '../../db/client.js';
import DataLoader from 'dataloader';
import { grouped, keyed } from '../../graphql/dataloader.js';
import { roundStore } from './round.store.js';

/** Progress key: "id|areaCode|year". */
export const progressKey = (r: { id: string; areaCode: string; year: number }) => `${r.id}|${r.areaCode}|${r.year}`;

export const roundLoaders = (db: Db, caller: Caller) => ({
  byId: keyed((ids: readonly string[]) => roundStore.byIds(db, caller, ids), (r) => r.id),
  progress: keyed(async (keys: readonly string[]) => {
    const rounds = keys.map((key) => { const [id, areaCode, year] = key.split('|'); return { key, id, areaCode, year: Number(year) }; });
    const rows = new Map((await roundStore.progress(db, caller, rounds)).map((r) => [r.round_id, r]));
    return rounds.map((r) => ({ key: r.key, due: rows.get(r.id)?.due ?? 0, updated: rows.get(r.id)?.updated ?? 0 }));
  }, (r) => r.key),
  summary: grouped((ids: readonly string[]) => roundStore.summaries(db, caller, ids), (r) => r.roundId),
  /** Pending-household pages, key "id|areaCode|year|after|limit": all the rounds of a request in one statement. */
  pendingPage: new DataLoader<string, { id: string; number: string }[]>(async (keys) => {
    const reqs = keys.map((k) => { const [, areaCode, year, after, limit] = k.split('|'); return { areaCode, year: Number(year), after: after || undefined, limit: Number(limit) }; });
    const pages: { id: string; number: string }[][] = keys.map(() => []);
    for (const r of await roundStore.pendingPages(db, caller, reqs)) pages[r.req].push(r);
    return pages;
  }),
  standingsOf: grouped((ids: readonly string[]) => roundStore.standingsOf(db, caller, ids), (r) => r.householdId),
});
