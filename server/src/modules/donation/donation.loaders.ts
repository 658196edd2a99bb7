/**
 * Per-request loaders of social participation: needs in the caller's scope by ID, the
 * related rows reached from rows already read (a pledge's need and donor), pledges per
 * need, and — for the county review — what already funds each household (sector project
 * links, measures, pledges to its earlier needs), one batch for every need of the request.
 */
import DataLoader from 'dataloader';
import type { Caller } from '../../auth/caller.js';
import type { Db } from '../../db/client.js';
import { grouped, keyed } from '../../graphql/dataloader.js';
import { donationStore, type DonorRow } from './donation.store.js';

export const donationLoaders = (db: Db, caller: Caller) => ({
  self: keyed((subjects: readonly string[]) => Promise.all(subjects.map((s) => donationStore.donorBySubject(db, s))).then((r) => r.filter((x): x is DonorRow => !!x)), (r) => r.subject),
  donor: keyed((ids: readonly string[]) => donationStore.donorsByIds(db, ids), (r) => r.id),
  need: keyed((ids: readonly string[]) => donationStore.needsByIds(db, caller, ids), (r) => r.id),
  relatedNeed: keyed((ids: readonly string[]) => donationStore.relatedNeeds(db, ids), (r) => r.id),
  pledgesOfNeed: grouped((ids: readonly string[]) => donationStore.pledgesOfNeeds(db, ids), (r) => r.needId),
  fundingOf: new DataLoader<string, Funding>(async (householdIds) => {
    const [links, measures, pledged] = await Promise.all([
      donationStore.projectLinksOf(db, householdIds),
      donationStore.measuresOf(db, householdIds),
      donationStore.pledgedNeedsOf(db, householdIds),
    ]);
    return householdIds.map((h) => ({
      links: links.filter((l) => l.householdId === h),
      measures: measures.filter((m) => m.householdId === h),
      pledged: pledged.filter((p) => p.householdId === h),
    }));
  }),
});

type Store = typeof donationStore;
/** What already funds one household. */
export interface Funding {
  links: Awaited<ReturnType<Store['projectLinksOf']>>;
  measures: Awaited<ReturnType<Store['measuresOf']>>;
  pledged: Awaited<ReturnType<Store['pledgedNeedsOf']>>;
}
