/**
 * Data quality (issue "Precise identification", item 6): the consistency warnings of
 * a household's latest write are stored with it (errors never are: they refuse the
 * write), and `dataQualityReport(areaCode)` lists them with counts by rule.
 */
import { requireRegistryReader } from '../../auth/require.js';
import type { Tx } from '../../db/client.js';
import { decodeCursor, pageSize, toPage } from '../../graphql/connection.js';
import type { Context } from '../../graphql/context.js';
import { checkAreaCode } from '../area/area.service.js';
import { toHousehold } from '../household/household.mapper.js';
import { qualityStore } from './quality.store.js';

export const qualityService = {
  /** Called by the household service inside each write's transaction. */
  store: (tx: Tx, householdKey: string, villageCode: string, warnings: { rule: string; field: string; message: string }[]) =>
    qualityStore.replace(tx, householdKey, villageCode, warnings),

  async report(ctx: Context, areaCode: string) {
    requireRegistryReader(ctx.caller);
    checkAreaCode(areaCode, 'areaCode', { prefix: true });
    return { areaCode, byRule: await qualityStore.byRule(ctx.db, ctx.caller, areaCode) };
  },

  async households(ctx: Context, areaCode: string, o: { first?: number; after?: string }) {
    const size = pageSize(o.first);
    const after = decodeCursor(o.after, /^\d{16}$/);
    const rows = await qualityStore.households(ctx.db, ctx.caller, areaCode, after, size + 1);
    return toPage(rows, size, (r) => r.number, toHousehold, () => qualityStore.householdCount(ctx.db, ctx.caller, areaCode), after);
  },

  warningsOf: (ctx: Context, householdKey: string) => ctx.loaders.quality.ofHousehold.load(householdKey),
};
