/**
 * Finding needs (issue 11 item 3–4): the published needs any token may search (by area,
 * category, open amount, deadline and urgency), recommendations for the calling donor
 * ranked from its interests and past giving with the reasons, and the feed of newly
 * published needs that match its interests (match.ts), pushed by the `matchingNeeds`
 * subscription. That feed is the change feed's `need.published` events, national and
 * gap-free, each turned into the need's published view — nothing else of the event.
 */
import type { Context } from '../../graphql/context.js';
import { decodeCursor, pageSize, toPage } from '../../graphql/connection.js';
import { badInput } from '../../graphql/errors.js';
import { checkAreaCode } from '../area/area.service.js';
import { feedCursor, feedPosition } from '../change/change.service.js';
import { changeStore } from '../change/change.store.js';
import { feedStream, type FeedPage } from '../change/change.subscription.js';
import { pollingOnly } from '../change/change.listener.js';
import { NeedCategory } from '../../codes/donation.codes.js';
import { donationStore, type PublishedFilter } from './donation.store.js';
import { toPublished, type PublishedModel } from './donation.model.js';
import { requireDonor, requireReader } from './donor.service.js';
import { interestReasons, matchOf } from './match.js';
import { keyOfD } from './ids.js';
import type { PublishedNeedFilterInput } from './donation.input.js';

/** Published needs read per page of the matching feed. */
const FEED_PAGE = 100;
/** Open needs ranked for a recommendation. */
const CANDIDATES = 500;

export interface NeedMatchEdge {
  cursor: string;
  node: { need: PublishedModel; reasons: string[] };
}

export const matchService = {
  async publishedNeeds(ctx: Context, f: PublishedNeedFilterInput, first?: number, after?: string) {
    requireReader(ctx);
    const size = pageSize(first);
    if (f.areaCode) checkAreaCode(f.areaCode, 'filter.areaCode', { prefix: true });
    if (f.dueWithinDays != null && (f.dueWithinDays < 0 || f.dueWithinDays > 3650)) throw badInput([{ field: 'filter.dueWithinDays', reason: 'must be 0–3650 days' }]);
    const cursor = decodeCursor(after, /^\d{4}-\d{2}-\d{2}\|[0-9a-f-]{36}$/);
    const pos = cursor ? { deadline: cursor.split('|')[0], id: cursor.split('|')[1] } : undefined;
    const filter: PublishedFilter = f;
    const rows = await donationStore.publishedPage(ctx.db, filter, pos, size + 1);
    return toPage(rows, size, (r) => `${r.deadline}|${r.id}`, toPublished, () => donationStore.publishedCount(ctx.db, filter), cursor);
  },

  publishedNeed(ctx: Context, id: string) {
    return this.byReference(ctx, keyOfD('PublishedNeed', id, 'id'));
  },

  async byReference(ctx: Context, reference: string) {
    requireReader(ctx);
    const row = await donationStore.publishedByReference(ctx.db, reference);
    return row ? toPublished(row) : null;
  },

  /** Published needs ranked for the calling donor: +3 its category, +3 its area, +2 its amount range, up to +2 for past giving in the category, +1 in the county, +1 due within 14 days. */
  async recommended(ctx: Context, first?: number) {
    const d = await requireDonor(ctx, 'ask for recommendations');
    const size = pageSize(first);
    const [candidates, giving] = await Promise.all([donationStore.candidates(ctx.db, CANDIDATES), donationStore.givingOf(ctx.db, d.id)]);
    const byCategory = new Map<string, number>();
    const counties = new Set<string>();
    for (const g of giving) {
      byCategory.set(g.category, (byCategory.get(g.category) ?? 0) + g.n);
      counties.add(g.county);
    }
    const ranked = candidates.map((r) => {
      const need = toPublished(r);
      const why = interestReasons(d, need);
      const reasons = [why.category, why.area, why.amount].filter((x): x is string => !!x);
      let score = (why.category ? 3 : 0) + (why.area ? 3 : 0) + (why.amount ? 2 : 0);
      const gave = byCategory.get(r.category);
      if (gave) { score += Math.min(2, gave); reasons.push(`you pledged to ${gave} earlier need${gave > 1 ? 's' : ''} in this category (${NeedCategory.label(r.category)})`); }
      if (counties.has(r.villageCode.slice(0, 6))) { score += 1; reasons.push(`you gave in ${r.countyName ?? r.villageCode.slice(0, 6)} before`); }
      if (score > 0 && need.daysLeft <= 14) { score += 1; reasons.push(`due in ${need.daysLeft} day${need.daysLeft === 1 ? '' : 's'}`); }
      return { need, score, reasons };
    });
    return ranked.filter((x) => x.score > 0).sort((a, b) => b.score - a.score || a.need.deadline.localeCompare(b.need.deadline)).slice(0, size);
  },

  /**
   * One page of the matching feed after `after`: the needs published since, still published,
   * that match the donor's interests as they stand now (read afresh, not from a loader: a
   * subscription's context lives for hours). `endCursor` passes every event read.
   */
  async matchPage(ctx: Context, subject: string, after: string): Promise<FeedPage<NeedMatchEdge>> {
    const pos = feedPosition(after)!;
    const events = await donationStore.publishedEvents(ctx.db, pos, FEED_PAGE + 1);
    const read = events.slice(0, FEED_PAGE);
    const [donor, rows] = await Promise.all([
      donationStore.donorBySubject(ctx.db, subject),
      read.length ? donationStore.publishedByReferences(ctx.db, read.map((e) => e.reference)) : [],
    ]);
    const byReference = new Map(rows.map((r) => [r.reference, toPublished(r)]));
    const edges = read.flatMap((e) => {
      const need = byReference.get(e.reference);
      const reasons = need && donor ? matchOf(donor, need) : null;
      return need && reasons ? [{ cursor: feedCursor(e), node: { need, reasons } }] : [];
    });
    const last = read.at(-1);
    return { edges, pageInfo: { hasNextPage: events.length > FEED_PAGE, endCursor: last ? feedCursor(last) : after } };
  },

  /** The `matchingNeeds` subscription's stream: from `after`, or from now. */
  async matchingStream(ctx: Context, after: string | undefined) {
    const d = await requireDonor(ctx, 'follow the needs that match its interests');
    if (after !== undefined) feedPosition(after);
    const start = after ?? feedCursor(await changeStore.end(ctx.db));
    return feedStream(ctx, start, (from) => this.matchPage(ctx, d.subject, from), ctx.changes ?? pollingOnly);
  },
};
