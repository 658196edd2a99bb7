/**
 * Villages: lookups and pages inside the caller's area, and the yearly survey
 * (one row per year, never overwritten: a second survey of a year is a CONFLICT).
 */
import { requireRegistryReader, requireRegistryWriter } from '../../auth/require.js';
import { decodeCursor, pageSize, toPage } from '../../graphql/connection.js';
import type { Context } from '../../graphql/context.js';
import { badInput, conflict, notFound, type FieldProblem } from '../../graphql/errors.js';
import { FIRST_YEAR } from '../household/household.validate.js';
import { toGlobalId } from '../../graphql/ids.js';
import { asInstanceOf } from '../../graphql/instance.js';
import { Village } from './village.type.js';
import { checkAreaCode } from '../area/area.service.js';
import { recordWrite } from '../audit/audit.service.js';
import { villageStore, type SurveyRow, type VillageFilter, type VillageRow } from './village.store.js';
import type { VillageSurvey } from './village-survey.type.js';

/** Plausibility of a survey: amounts within what is stored, parts within their wholes. */
function surveyProblems(s: VillageSurvey): FieldProblem[] {
  const p: FieldProblem[] = [];
  const thisYear = new Date().getFullYear();
  if (s.year < FIRST_YEAR || s.year > thisYear) p.push({ field: 'input.year', reason: `must be between ${FIRST_YEAR} and ${thisYear}` });
  for (const [k, v] of Object.entries(s)) {
    if (typeof v !== 'number' || k === 'year') continue;
    if (v < 0 || !Number.isFinite(v)) p.push({ field: `input.${k}`, reason: 'cannot be negative; enter 0 where there is none' });
    else if (v >= 1e9) p.push({ field: `input.${k}`, reason: `is ${v}, more than the registry can hold: check the figure and its unit` });
  }
  const within = (part: keyof VillageSurvey, whole: keyof VillageSurvey) => {
    if ((s[part] as number) > (s[whole] as number)) p.push({ field: `input.${part}`, reason: `is ${s[part]}, more than ${whole} (${s[whole]})` });
  };
  within('poorPopulation', 'population');
  within('poorHouseholds', 'households');
  within('dibaoHouseholds', 'households');
  within('destituteHouseholds', 'households');
  within('householdsWithoutSafeWater', 'households');
  within('householdsWithoutPower', 'households');
  within('labourForce', 'population');
  within('migrantWorkers', 'labourForce');
  return p;
}

export const toVillage = (r: VillageRow) => asInstanceOf(Village, { __typename: 'Village' as const, id: toGlobalId('Village', r.code), ...r });


export const villageService = {
  /** What `byCode` checks before it reads: the role and a 12-digit code (throws with the field and reason). */
  checkCode(ctx: Context, code: string, field = 'code') {
    requireRegistryReader(ctx.caller);
    checkAreaCode(code, field);
    if (code.length !== 12) throw badInput([{ field, reason: `a village code has 12 digits; "${code}" has ${code.length}` }]);
  },

  async byCode(ctx: Context, code: string, field = 'code') {
    villageService.checkCode(ctx, code, field);
    const row = await ctx.loaders.village.byCode.load(code);
    return row && toVillage(row);
  },

  /**
   * The village of a stored row (a household's, a case's): its code was checked when the row was
   * written and the row was read within the caller's role, so only the scoped load remains —
   * not the argument checks of `byCode`, once per row of a page.
   */
  async ofRow(ctx: Context, villageCode: string) {
    const row = await ctx.loaders.village.byCode.load(villageCode);
    return row && toVillage(row);
  },

  async page(ctx: Context, f: VillageFilter & { first?: number | null; after?: string | null }) {
    requireRegistryReader(ctx.caller);
    if (f.areaCode) checkAreaCode(f.areaCode, 'filter.areaCode', { prefix: true });
    const size = pageSize(f.first);
    const after = decodeCursor(f.after, /^\d{12}$/);
    const rows = await villageStore.page(ctx.db, ctx.caller, f, after, size + 1);
    return toPage(rows, size, (r) => r.code, toVillage, () => villageStore.count(ctx.db, ctx.caller, f), after);
  },

  surveys: (ctx: Context, code: string) => ctx.loaders.village.surveys.load(code),

  async survey(ctx: Context, code: string, year: number) {
    return (await ctx.loaders.village.surveys.load(code)).find((s) => s.year === year) ?? null;
  },

  async recordSurvey(ctx: Context, code: string, input: VillageSurvey): Promise<SurveyRow> {
    requireRegistryWriter(ctx.caller);
    const village = await this.byCode(ctx, code, 'villageCode');
    if (!village) throw notFound(`village ${code}`);
    const problems = surveyProblems(input);
    if (problems.length) throw badInput(problems);
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
