/**
 * Coverage gaps per sector and area (issue "Sector programmes", item 4): pages of
 * households and villages, and counts by child area. A ministry looks at its own
 * sector only; officials and analysts at any sector of their area.
 */
import { requireRegistryReader } from '../../auth/require.js';
import { CODE_LENGTH } from '../../codes/index.js';
import { decodeCursor, pageSize, toPage } from '../../graphql/connection.js';
import type { Context } from '../../graphql/context.js';
import { forbidden } from '../../graphql/errors.js';
import { checkAreaCode } from '../area/area.service.js';
import { toHousehold } from '../household/household.mapper.js';
import { toVillage } from '../village/village.service.js';
import { coverageStore } from './coverage.store.js';
import { NEEDS } from './coverage.rules.js';

export interface GapsRoot {
  sector: string;
  areaCode: string;
}

/** The code length of an area's children (a village has none below it). */
const childLength = (code: string) => Object.values(CODE_LENGTH).find((n) => n > code.length) ?? code.length;

export const coverageService = {
  gaps(ctx: Context, sector: string, areaCode: string) {
    requireRegistryReader(ctx.caller);
    if (ctx.caller.role === 'ministry' && ctx.caller.sector !== sector) throw forbidden(`your token is for the ${ctx.caller.sector} sector: ask for its gaps`);
    checkAreaCode(areaCode, 'areaCode');
    return { sector, areaCode, householdNeed: NEEDS[sector]?.household?.text ?? null, villageNeed: NEEDS[sector]?.village?.text ?? null };
  },

  async households(ctx: Context, g: GapsRoot, o: { first?: number; after?: string }) {
    const size = pageSize(o.first);
    const after = decodeCursor(o.after, /^\d{16}$/);
    const rows = await coverageStore.households(ctx.db, ctx.caller, g.sector, g.areaCode, after, size + 1);
    return toPage(rows, size, (r) => r.number, toHousehold, () => coverageStore.householdCount(ctx.db, ctx.caller, g.sector, g.areaCode), after);
  },

  async villages(ctx: Context, g: GapsRoot, o: { first?: number; after?: string }) {
    const size = pageSize(o.first);
    const after = decodeCursor(o.after, /^\d{12}$/);
    const rows = await coverageStore.villages(ctx.db, ctx.caller, g.sector, g.areaCode, after, size + 1);
    return toPage(rows, size, (r) => r.code, toVillage, () => coverageStore.villageCount(ctx.db, ctx.caller, g.sector, g.areaCode), after);
  },

  async byArea(ctx: Context, g: GapsRoot) {
    const { households, villages } = await coverageStore.byArea(ctx.db, ctx.caller, g.sector, g.areaCode, childLength(g.areaCode));
    const counts = new Map<string, { areaCode: string; households: number; villages: number }>();
    const at = (code: string) => counts.get(code) ?? counts.set(code, { areaCode: code, households: 0, villages: 0 }).get(code)!;
    for (const h of households) at(h.code).households = h.n;
    for (const v of villages) at(v.code).villages = v.n;
    return [...counts.values()].sort((a, b) => a.areaCode.localeCompare(b.areaCode));
  },
};
