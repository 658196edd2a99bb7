/**
 * Assistance coverage (issue 4, item 7): pages and counts of registered households
 * without a responsible person, households whose main cause no measure addresses,
 * poor villages without a current work team, and overdue measures, in an area inside the caller's (rules in
 * ./assistance-coverage.rules.ts). Readers of the registry only.
 */
import { requireRegistryReader } from '../../auth/require.js';
import { CODE_LENGTH } from '../../codes/index.js';
import { decodeCursor, pageSize, toPage } from '../../graphql/connection.js';
import type { Context } from '../../graphql/context.js';
import { checkAreaCode } from '../area/area.service.js';
import { toHousehold } from '../household/household.mapper.js';
import { toMeasure } from '../measure/measure.mapper.js';
import { toVillage } from '../village/village.service.js';
import { assistanceCoverageStore as store, type Gap } from './assistance-coverage.store.js';

export interface CoverageRoot {
  areaCode: string;
}
interface PageArgs {
  first?: number;
  after?: string;
}

const childLength = (code: string) => Object.values(CODE_LENGTH).find((n) => n > code.length) ?? code.length;

export const assistanceCoverageService = {
  root(ctx: Context, areaCode: string): CoverageRoot {
    requireRegistryReader(ctx.caller);
    checkAreaCode(areaCode, 'areaCode');
    return { areaCode };
  },

  async households(ctx: Context, r: CoverageRoot, gap: Gap, o: PageArgs) {
    const size = pageSize(o.first);
    const after = decodeCursor(o.after, /^\d{16}$/);
    const rows = await store.households(ctx.db, ctx.caller, gap, r.areaCode, after, size + 1);
    return toPage(rows, size, (h) => h.number, toHousehold, () => store.householdCount(ctx.db, ctx.caller, gap, r.areaCode), after);
  },

  async villages(ctx: Context, r: CoverageRoot, o: PageArgs) {
    const size = pageSize(o.first);
    const after = decodeCursor(o.after, /^\d{12}$/);
    const rows = await store.villages(ctx.db, ctx.caller, r.areaCode, after, size + 1);
    return toPage(rows, size, (v) => v.code, toVillage, () => store.villageCount(ctx.db, ctx.caller, r.areaCode), after);
  },

  async overdueMeasures(ctx: Context, r: CoverageRoot, o: PageArgs) {
    const size = pageSize(o.first);
    const key = decodeCursor(o.after, /^\d{4}-\d{2}-\d{2}\|[0-9a-f-]{36}$/);
    const after = key ? { endDate: key.slice(0, 10), id: key.slice(11) } : undefined;
    const rows = await store.overdueMeasures(ctx.db, ctx.caller, r.areaCode, after, size + 1);
    return toPage(rows, size, (m) => `${m.endDate}|${m.id}`, toMeasure, () => store.overdueCount(ctx.db, ctx.caller, r.areaCode), key);
  },

  async counts(ctx: Context, r: CoverageRoot) {
    const c = await store.counts(ctx.db, ctx.caller, r.areaCode);
    return { unpairedHouseholds: c.unpaired, unassistedHouseholds: c.unassisted, villagesWithoutWorkTeam: c.villages, overdueMeasures: c.overdue };
  },

  async byArea(ctx: Context, r: CoverageRoot) {
    const { unpairedRows, unassistedRows, overdueRows, villageRows } = await store.byArea(ctx.db, ctx.caller, r.areaCode, childLength(r.areaCode));
    type Counts = { areaCode: string; unpairedHouseholds: number; unassistedHouseholds: number; villagesWithoutWorkTeam: number; overdueMeasures: number };
    const out = new Map<string, Counts>();
    const at = (code: string) => out.get(code) ?? out.set(code, { areaCode: code, unpairedHouseholds: 0, unassistedHouseholds: 0, villagesWithoutWorkTeam: 0, overdueMeasures: 0 }).get(code)!;
    for (const x of unpairedRows) at(x.code).unpairedHouseholds = x.n;
    for (const x of unassistedRows) at(x.code).unassistedHouseholds = x.n;
    for (const x of overdueRows) at(x.code).overdueMeasures = x.n;
    for (const x of villageRows) at(x.code).villagesWithoutWorkTeam = x.n;
    return [...out.values()].sort((a, b) => a.areaCode.localeCompare(b.areaCode));
  },
};
