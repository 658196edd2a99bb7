/**
 * Villages: lookups and pages inside the caller's area, and the yearly survey
 * (one row per year, never overwritten: a second survey of a year is a CONFLICT).
 */
import { canReadRegistry, canWriteRegistry } from '../../auth/caller.js';
import { decodeCursor, pageSize, toPage } from '../../graphql/connection.js';
import type { Context } from '../../graphql/context.js';
import { badInput, conflict, forbidden, notFound } from '../../graphql/errors.js';
import { toGlobalId } from '../../graphql/ids.js';
import { checkAreaCode } from '../area/area.service.js';
import { recordWrite } from '../audit/audit.service.js';
import { villageStore, type SurveyRow, type VillageFilter, type VillageRow } from './village.store.js';
import type { VillageSurvey } from './village-survey.type.js';

export const toVillage = (r: VillageRow) => ({ __typename: 'Village' as const, id: toGlobalId('Village', r.code), ...r });

function assertReader(ctx: Context) {
  if (!canReadRegistry(ctx.caller)) throw forbidden(`the ${ctx.caller.role} role cannot read registry records`);
}

export const villageService = {
  async byCode(ctx: Context, code: string, field = 'code') {
    assertReader(ctx);
    checkAreaCode(code, field);
    if (code.length !== 12) throw badInput([{ field, reason: `a village code has 12 digits; "${code}" has ${code.length}` }]);
    const row = await ctx.loaders.village.byCode.load(code);
    return row && toVillage(row);
  },

  async page(ctx: Context, f: VillageFilter & { first?: number | null; after?: string | null }) {
    assertReader(ctx);
    if (f.areaCode) checkAreaCode(f.areaCode, 'filter.areaCode', { prefix: true });
    const size = pageSize(f.first);
    const rows = await villageStore.page(ctx.db, ctx.caller, f, decodeCursor(f.after), size + 1);
    return toPage(rows, size, (r) => r.code, toVillage, () => villageStore.count(ctx.db, ctx.caller, f));
  },

  surveys: (ctx: Context, code: string) => ctx.loaders.village.surveys.load(code),

  async survey(ctx: Context, code: string, year: number) {
    return (await ctx.loaders.village.surveys.load(code)).find((s) => s.year === year) ?? null;
  },

  async recordSurvey(ctx: Context, code: string, input: VillageSurvey): Promise<SurveyRow> {
    if (!canWriteRegistry(ctx.caller)) throw forbidden(`the ${ctx.caller.role} role cannot record village surveys`);
    const village = await this.byCode(ctx, code, 'villageCode');
    if (!village) throw notFound(`village ${code}`);
    const negative = Object.entries(input).filter(([, v]) => typeof v === 'number' && v < 0);
    if (negative.length) throw badInput(negative.map(([k]) => ({ field: `input.${k}`, reason: 'cannot be negative' })));
    const thisYear = new Date().getFullYear();
    if (input.year < 2013 || input.year > thisYear) throw badInput([{ field: 'input.year', reason: `must be between 2013 and ${thisYear}` }]);
    if (input.poorPopulation > input.population) {
      throw badInput([{ field: 'input.poorPopulation', reason: `is ${input.poorPopulation}, more than the population ${input.population}` }]);
    }
    return ctx.db.transaction(async (tx) => {
      const [row] = await villageStore.insertSurvey(tx, { ...input, villageCode: code });
      if (!row) throw conflict(`village ${code} already has a survey for ${input.year}; surveys are never overwritten`);
      await recordWrite(tx, ctx, {
        operation: 'recordVillageSurvey',
        event: 'village.surveyRecorded',
        entityType: 'Village',
        entityId: village.id,
        areaCode: code,
        before: null,
        after: row,
      });
      return row;
    });
  },
};
