/**
 * Provincial figures (issue 3, item 2): per province and year, the poverty incidence and
 * average rural per-capita net income that poor villages are identified against
 * (一高一低一无, ./village-indicators.ts), the region, and the exit thresholds of villages
 * and counties. Set by admins; readable by every authenticated caller.
 */
import type { Tx } from '../../db/client.js';
import type { Context } from '../../graphql/context.js';
import { badInput, forbidden, type FieldProblem } from '../../graphql/errors.js';
import { recordWrite } from '../audit/audit.service.js';
import { FIRST_YEAR } from '../household/household.validate.js';
import { computeIndicators, type VillageRule } from './village-indicators.js';
import { provincialStore, type FiguresRow } from './provincial.store.js';
import type { SetProvincialFiguresInput } from './provincial.type.js';

/** The reference's default exit threshold: 2 %, 3 % in the western region. */
export const defaultExitIncidence = (region: string) => (region === 'WEST' ? 0.03 : 0.02);

function problems(i: SetProvincialFiguresInput): FieldProblem[] {
  const p: FieldProblem[] = [];
  const last = new Date().getFullYear();
  if (!/^\d{2}$/.test(i.provinceCode)) p.push({ field: 'input.provinceCode', reason: 'give a 2-digit province code, e.g. 43 for 湖南' });
  if (i.year < FIRST_YEAR - 3 || i.year > last) p.push({ field: 'input.year', reason: `must be between ${FIRST_YEAR - 3} and ${last}` });
  if (!(i.povertyIncidence >= 0 && i.povertyIncidence <= 1)) p.push({ field: 'input.povertyIncidence', reason: 'a fraction from 0 to 1 (0.05 = 5%)' });
  if (!(i.averageNetIncome > 0 && i.averageNetIncome < 1_000_000)) p.push({ field: 'input.averageNetIncome', reason: 'yuan per person per year, more than 0 and less than 1,000,000' });
  for (const k of ['villageExitIncidence', 'countyExitIncidence'] as const) {
    const v = i[k];
    if (v != null && !(v > 0 && v < 1)) p.push({ field: `input.${k}`, reason: 'a fraction between 0 and 1 (0.02 = 2%)' });
  }
  return p;
}

/** A village's 一高一低一无 for a year from its survey and its province's figures; null without either. */
export async function villageIndicators(db: Tx, villageCode: string, year: number) {
  const survey = await provincialStore.survey(db, villageCode, year);
  const figures = survey && (await provincialStore.get(db, villageCode.slice(0, 2), year));
  return survey && figures ? { year, figures, ...computeIndicators(survey, { ...figures, villageRule: figures.villageRule as VillageRule }) } : null;
}

export const provincialService = {
  list: (ctx: Context, f: { year?: number; provinceCode?: string }) => provincialStore.list(ctx.db, f),

  async set(ctx: Context, input: SetProvincialFiguresInput): Promise<FiguresRow> {
    if (ctx.caller.role !== 'admin') throw forbidden('only an admin sets provincial figures');
    const p = problems(input);
    if (p.length) throw badInput(p);
    return ctx.db.transaction(async (tx) => {
      if (!(await provincialStore.isProvince(tx, input.provinceCode))) throw badInput([{ field: 'input.provinceCode', reason: `there is no province ${input.provinceCode}` }]);
      const before = (await provincialStore.get(tx, input.provinceCode, input.year)) ?? null;
      const [row] = await provincialStore.upsert(tx, {
        ...input,
        villageExitIncidence: input.villageExitIncidence ?? defaultExitIncidence(input.region),
        countyExitIncidence: input.countyExitIncidence ?? defaultExitIncidence(input.region),
        villageRule: input.villageRule ?? 'ALL_THREE',
        setBy: ctx.caller.id,
      });
      await recordWrite(tx, ctx, {
        operation: 'setProvincialFigures', event: 'provincialFigures.set', entityType: 'ProvincialFigures', entityId: `${input.provinceCode}:${input.year}`,
        areaCode: input.provinceCode, before, after: row,
      });
      return row;
    });
  },

  /** Village.povertyIndicators: the village's survey and the province's figures through the request's loaders. */
  async forVillage(ctx: Context, villageCode: string, year: number) {
    const survey = (await ctx.loaders.village.surveys.load(villageCode)).find((s) => s.year === year);
    if (!survey) return null;
    const figures: FiguresRow | null = await ctx.loaders.provincial.figures.load(`${villageCode.slice(0, 2)}|${year}`);
    if (!figures) return null;
    return { year, figures, ...computeIndicators(survey, { ...figures, villageRule: figures.villageRule as VillageRule }) };
  },
};
