/**
 * Ledgers and transparency (issue 11 item 5): per county and category, needs published,
 * the share matched (fully pledged), and yuan pledged, delivered and confirmed. Officials
 * and admins of the county read its ledger; anyone, without a token, reads the public
 * summary, where a cell of fewer than 5 needs is null and flagged `suppressed` (the total
 * too, when it is that small). The reference's figure to compare the share with: > 70% (2018).
 */
import { inScope } from '../../auth/caller.js';
import type { Context } from '../../graphql/context.js';
import { badInput, forbidden, notFound } from '../../graphql/errors.js';
import { donationStore } from './donation.store.js';

/** Cells with fewer needs than this are suppressed in the public summary. */
export const PUBLIC_MIN_NEEDS = 5;

interface Totals { needs: number; matched: number; pledged: number; delivered: number; confirmed: number }
const ZERO: Totals = { needs: 0, matched: 0, pledged: 0, delivered: 0, confirmed: 0 };
const add = (a: Totals, c: Totals): Totals => ({ needs: a.needs + c.needs, matched: a.matched + c.matched, pledged: a.pledged + c.pledged, delivered: a.delivered + c.delivered, confirmed: a.confirmed + c.confirmed });

function checkCounty(ctx: Context, countyCode: string, publicView: boolean) {
  if (!publicView && !(ctx.caller.role === 'admin' || ctx.caller.role === 'official')) {
    throw forbidden(`the ${ctx.caller.role} role cannot read a county ledger: admins and officials can; anyone can read publicDonationSummary`);
  }
  if (!/^\d{6}$/.test(countyCode)) throw badInput([{ field: 'countyCode', reason: `"${countyCode}" is not a 6-digit county code, e.g. 433124 for 花垣县` }]);
  if (!publicView && !inScope(ctx.caller, countyCode)) throw notFound('the county');
}

export const ledgerService = {
  async countyLedger(ctx: Context, countyCode: string, publicView: boolean) {
    checkCounty(ctx, countyCode, publicView);
    const [cells, countyName] = await Promise.all([donationStore.countyLedger(ctx.db, countyCode), donationStore.areaName(ctx.db, countyCode)]);
    if (publicView && countyName === null) throw notFound('the county');
    const cell = (category: string | null, c: Totals) =>
      publicView && c.needs < PUBLIC_MIN_NEEDS
        ? { category, suppressed: true, needs: null, matchedShare: null, pledged: null, delivered: null, confirmed: null }
        : { category, suppressed: false, needs: c.needs, matchedShare: c.needs ? Math.round((c.matched / c.needs) * 1000) / 1000 : 0, pledged: c.pledged, delivered: c.delivered, confirmed: c.confirmed };
    return { countyCode, countyName, categories: cells.map((c) => cell(c.category, c)), total: cell(null, cells.reduce(add, ZERO)) };
  },
};
