/**
 * The household handbook 扶贫手册 (issue 4, item 6): the six parts assembled from the
 * request's loaders — one statement per part however many handbooks a request reads.
 * Null when the household does not exist or is outside the caller's area.
 */
import { requireRegistryReader } from '../../auth/require.js';
import type { Context } from '../../graphql/context.js';
import { keyOf } from '../../graphql/ids.js';
import { toHousehold } from '../household/household.mapper.js';
import { measureService } from '../measure/measure.service.js';
import { planService } from '../measure/plan.service.js';
import { results } from './results.js';

export const handbookService = {
  async of(ctx: Context, householdId: string) {
    requireRegistryReader(ctx.caller);
    const key = keyOf('Household', householdId, 'householdId');
    const row = await ctx.loaders.household.byId.load(key);
    if (!row) return null;
    const [responsiblePerson, plans, measures, years] = await Promise.all([
      measureService.responsiblePerson(ctx, key),
      planService.ofHousehold(ctx, key),
      measureService.ofHousehold(ctx, key),
      ctx.loaders.household.years.load(key),
    ]);
    return {
      basics: toHousehold(row),
      causes: { main: row.mainCause, others: row.otherCauses },
      responsiblePerson,
      plans,
      measures,
      results: results(years, measures),
    };
  },
};
