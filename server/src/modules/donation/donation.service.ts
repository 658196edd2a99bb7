/**
 * Social participation 社会扶贫 (issue 11), one entry for the resolvers and `node(id)`:
 * participants (donor.service), needs through their procedure (need.service), finding
 * and matching needs (match.service), pledges and delivery (pledge.service), ledgers
 * (ledger.service). Each write is one transaction with its audit record and a change
 * event that carries no personal data.
 */
import type { Context } from '../../graphql/context.js';
import { donorService } from './donor.service.js';
import { ledgerService } from './ledger.service.js';
import { matchService } from './match.service.js';
import { needService } from './need.service.js';
import { pledgeService } from './pledge.service.js';
import { validKey } from './ids.js';

export const donationService = {
  /** `node(id)` of this module's types: null where the caller may not see it, as for one that does not exist. */
  node(ctx: Context, type: string, key: string) {
    if (ctx.caller.anonymous || !validKey(type, key)) return null;
    switch (type) {
      case 'PublishedNeed': return matchService.byReference(ctx, key);
      case 'Need': return needService.byKey(ctx, key);
      case 'Pledge': return pledgeService.byKey(ctx, key);
      case 'Donor': return donorService.byKey(ctx, key);
      default: return null;
    }
  },
};
export { donorService, ledgerService, matchService, needService, pledgeService };
