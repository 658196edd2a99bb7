/**
 * Matching a published need to a participant's stated interests (issue 11 item 3–4), one
 * rule for the recommendations, the `matchingNeeds` subscription and donor webhooks:
 * - category: the need's category is one the participant funds;
 * - area: the need's village lies in one of its areas (code prefixes);
 * - amount: the yuan still open lie within its range (needs of items have no yuan, so
 *   a range neither admits nor excludes them).
 * A need *matches* when every criterion the participant stated holds; one that stated none
 * matches every need. Each criterion that holds gives a reason in words.
 */
import { NeedCategory } from '../../codes/donation.codes.js';
import type { DonorRow } from './donation.store.js';
import type { PublishedModel } from './donation.model.js';

export interface InterestReasons {
  category?: string;
  area?: string;
  amount?: string;
}

type Interests = Pick<DonorRow, 'interestCategories' | 'interestAreas' | 'interestMinAmount' | 'interestMaxAmount'>;
type Need = Pick<PublishedModel, 'category' | 'villageCode' | 'openAmount'>;

const hasRange = (d: Interests) => d.interestMinAmount !== null || d.interestMaxAmount !== null;

/** The criteria of `d` that `n` meets, each with its reason. */
export function interestReasons(d: Interests, n: Need): InterestReasons {
  const r: InterestReasons = {};
  if (d.interestCategories.includes(n.category)) r.category = `in a category you fund (${NeedCategory.label(n.category)})`;
  const area = d.interestAreas.find((a) => n.villageCode.startsWith(a));
  if (area !== undefined) r.area = `in an area you help (${area})`;
  if (n.openAmount !== null && hasRange(d) && n.openAmount >= (d.interestMinAmount ?? 0) && n.openAmount <= (d.interestMaxAmount ?? Infinity)) {
    r.amount = `${n.openAmount} yuan open, within your range`;
  }
  return r;
}

/** The reasons `n` matches `d`'s interests, or null when a stated criterion fails. */
export function matchOf(d: Interests, n: Need): string[] | null {
  const r = interestReasons(d, n);
  if (d.interestCategories.length && !r.category) return null;
  if (d.interestAreas.length && !r.area) return null;
  if (hasRange(d) && n.openAmount !== null && !r.amount) return null;
  const reasons = [r.category, r.area, r.amount].filter((x): x is string => !!x);
  return reasons.length ? reasons : ['you stated no interests: every published need matches'];
}
