/** Per-request loaders of funds: an allocation's spendings, a household's totals (scoped; one statement per batch). */
import type { Caller } from '../../auth/caller.js';
import type { Db } from '../../db/client.js';
import { grouped } from '../../graphql/dataloader.js';
import { fundsStore } from './funds.store.js';

export const fundsLoaders = (db: Db, caller: Caller) => ({
  spendingsOf: grouped((ids: readonly string[]) => fundsStore.spendingsOf(db, caller, ids), (r) => r.allocationId),
  householdTotals: grouped((ids: readonly string[]) => fundsStore.householdTotals(db, caller, ids), (r) => r.householdId!),
});
