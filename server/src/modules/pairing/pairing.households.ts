/** Households reached through pairings, loaded through the household loader (scoped and masked like any household read). */
import type { Context } from '../../graphql/context.js';
import { toHousehold } from '../household/household.mapper.js';
import { pairingService } from './pairing.service.js';

export const pairedHouseholds = {
  async one(ctx: Context, householdKey: string) {
    const row = await ctx.loaders.household.byId.load(householdKey);
    return row && toHousehold(row);
  },

  async ofCadre(ctx: Context, cadreKey: string) {
    const pairings = await pairingService.ofCadre(ctx, cadreKey);
    const rows = await ctx.loaders.household.byId.loadMany(pairings.map((p) => p.householdId));
    return rows.flatMap((r) => (r && !(r instanceof Error) ? [toHousehold(r)] : []));
  },
};
