/** Does it work (issue 4, item 8): results of a year's measures by cause and kind in an area inside the caller's. Statistics only, no personal data. */
import { requireRegistryReader } from '../../auth/require.js';
import type { Context } from '../../graphql/context.js';
import { checkAreaCode } from '../area/area.service.js';
import { orThrow, yearProblems } from '../measure/measure.validate.js';
import { assistanceEffectStore } from './assistance-effect.store.js';

export const assistanceEffectService = {
  async of(ctx: Context, areaCode: string, year: number) {
    requireRegistryReader(ctx.caller);
    checkAreaCode(areaCode, 'areaCode');
    orThrow(yearProblems(year, 'year'));
    const rows = await assistanceEffectStore.rows(ctx.db, ctx.caller, areaCode, year);
    return {
      areaCode,
      year,
      rows: rows.map((r) => ({ cause: r.cause, kind: r.kind, householdsAssisted: r.households, exits: r.exits, householdsWithIncome: r.withIncome, perCapitaBefore: r.before, perCapitaAfter: r.after, perCapitaChange: r.change })),
    };
  },
};
