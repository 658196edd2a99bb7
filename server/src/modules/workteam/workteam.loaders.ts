/** Per-request loaders for work teams: by ID, a village's current team and history, a team's members, a cadre's current teams. */
import type { Caller } from '../../auth/caller.js';
import type { Db } from '../../db/client.js';
import { grouped, keyed } from '../../graphql/dataloader.js';
import { workTeamStore } from './workteam.store.js';

export const workTeamLoaders = (db: Db, caller: Caller) => ({
  byId: keyed((ids: readonly string[]) => workTeamStore.byIds(db, caller, ids), (r) => r.id),
  current: keyed((codes: readonly string[]) => workTeamStore.currentOfVillages(db, caller, codes), (r) => r.villageCode),
  history: grouped((codes: readonly string[]) => workTeamStore.historyOfVillages(db, caller, codes), (r) => r.villageCode),
  members: grouped((ids: readonly string[]) => workTeamStore.membersOf(db, caller, ids), (r) => r.teamId),
  ofCadre: grouped((ids: readonly string[]) => workTeamStore.currentOfCadres(db, caller, ids), (r) => r.cadreId),
});
