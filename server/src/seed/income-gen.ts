/**
 * A synthetic year record (年度数据) of a poor household: previous-year income and
 * production and living conditions, plausible for a poor county of the Wuling mountains.
 *
 * Contract: pure. Amounts are whole yuan, never negative. Wage income is > 0 exactly when
 * some member worked months away (R9); 低保 and 特困供养 income never come together (R8):
 * attribute 04 gets 低保金, 06 特困供养金, 01 neither. Per-capita net income aims at a
 * target drawn around 78% of the year's poverty line for households not yet out (so most
 * lie between ~1,300 and ~3,300 yuan in 2015, below the 2,855 line), above the line for
 * exited ones; it is always > 0 and far below 30,000.
 */
import { DilapidatedGrade, Fuel, HouseholdAttribute, RoadType } from '../codes/index.js';
import type { ConditionsForm, IncomeForm, YearForm } from '../modules/household/household.form.js';
import type { MemberDraft } from './member-gen.js';
import type { Rng } from './rng.js';

/** National poverty line by year, yuan per person (reference "Poverty line"; 2017-2019 unverified). */
export const POVERTY_LINE: Record<number, number> = {
  2011: 2536, 2012: 2625, 2013: 2736, 2014: 2800, 2015: 2855, 2016: 2952, 2017: 2952, 2018: 2995, 2019: 3218, 2020: 4000,
};
export const povertyLine = (year: number): number => POVERTY_LINE[year] ?? (year < 2011 ? 2300 : 4000);

/** Monthly wage brought home, yuan, by migrant-work place code. */
const MONTHLY: Record<string, [number, number]> = { '1': [250, 500], '2': [300, 600], '3': [350, 700], '4': [400, 800], '5': [250, 600] };

export function generateConditions(rng: Rng, size: number): ConditionsForm {
  const arable = rng.real(0.4, 1.2, 1) * size + 0.3;
  const difficulty = rng.chance(0.2);
  const dilapidated = rng.chance(0.3);
  return {
    arableLandMu: Math.round(arable * 10) / 10,
    irrigatedLandMu: Math.round(arable * rng.real(0.2, 0.8) * 10) / 10,
    forestLandMu: rng.chance(0.8) ? rng.real(1, 20, 1) : 0,
    grainToForestMu: rng.chance(0.3) ? rng.real(0.3, 3, 1) : 0,
    orchardMu: rng.chance(0.25) ? rng.real(0.2, 3, 1) : 0,
    pastureMu: rng.chance(0.03) ? rng.real(0.5, 5, 1) : 0,
    waterSurfaceMu: rng.chance(0.05) ? rng.real(0.1, 1, 1) : 0,
    productionPower: rng.chance(0.85),
    householdPower: rng.chance(0.99),
    radioTv: rng.chance(0.9),
    drinkingWaterDifficulty: difficulty,
    drinkingWaterSafe: !difficulty && rng.chance(0.8),
    distanceToRoadKm: rng.chance(0.4) ? 0 : rng.real(0.1, 3),
    roadType: rng.weighted([[RoadType.values.EARTH, 35], [RoadType.values.GRAVEL, 25], [RoadType.values.CEMENT, 38], [RoadType.values.ASPHALT, 2]] as const),
    housingAreaM2: Math.round(rng.real(30, 55) + size * rng.real(8, 20)),
    dilapidatedHouse: dilapidated,
    dilapidatedGrade: dilapidated ? (rng.chance(0.6) ? DilapidatedGrade.values.C : DilapidatedGrade.values.D) : null,
    sanitaryToilet: rng.chance(0.25),
    mainFuel: rng.weighted([[Fuel.values.FIREWOOD, 75], [Fuel.values.COAL, 10], [Fuel.values.CLEAN, 12], [Fuel.values.OTHER, 3]] as const),
    inCooperative: rng.chance(0.1),
    ledByEnterprise: rng.chance(0.08),
    ledByEntrepreneur: rng.chance(0.05),
  };
}

export interface IncomeContext {
  year: number;
  attribute: string;
  /** Status 1 or 4: out of poverty, income above the line. */
  exited: boolean;
  familyPlanningAward: boolean;
  members: MemberDraft[];
  conditions: ConditionsForm;
}

export function generateIncome(rng: Rng, ctx: IncomeContext): IncomeForm {
  const line = povertyLine(ctx.year);
  const n = ctx.members.length;
  const { DIBAO, DESTITUTE } = HouseholdAttribute.values;
  const destitute = ctx.attribute === DESTITUTE;
  const perCapita = ctx.exited
    ? rng.real(line * 1.03, line * 1.6, 0)
    : destitute
      ? rng.normal(line * 0.9, line * 0.12, line * 0.6, line * 1.2)
      : rng.normal(line * 0.78, line * 0.16, line * 0.45, line * 1.15);
  const c = ctx.conditions;
  const elders = ctx.members.filter((m) => m.age >= 60);
  const income: IncomeForm = {
    wage: 0,
    production: 0,
    propertyDividend: rng.chance(0.04) ? rng.int(100, 600) : 0,
    propertyOther: rng.chance(0.05) ? rng.int(50, 800) : 0,
    transferFamilyPlanning: ctx.familyPlanningAward ? 960 * elders.filter((m) => m.form.relation <= '02').length : 0,
    transferDibao: ctx.attribute === DIBAO ? 10 * ctx.members.filter((m) => m.form.receivesDibao).length * rng.int(70, 140) : 0,
    transferDestitute: 0,
    transferPension: elders.filter((m) => m.form.basicPensionInsurance).length * 12 * rng.int(60, 85),
    transferEcological: Math.round(c.forestLandMu * rng.real(8, 15) + c.grainToForestMu * 125),
    transferOther: Math.round(c.arableLandMu * rng.real(70, 110)),
    productionCost: 0,
  };
  const fixed = income.propertyDividend + income.propertyOther + income.transferFamilyPlanning + income.transferDibao
    + income.transferPension + income.transferEcological + income.transferOther;
  let rest = Math.round(perCapita * n) - fixed;
  const months = ctx.members.map((m) => m.form.migrantMonths).reduce((a, b) => a + b, 0);
  if (months > 0) {
    const floor = ctx.members.reduce((s, m) => s + m.form.migrantMonths * rng.int(...(MONTHLY[m.form.migrantWork] ?? [250, 500])), 0) / 3;
    income.wage = 10 * Math.round(Math.max(floor, rest * rng.real(0.45, 0.8)) / 10);
    rest -= income.wage;
  }
  // 特困供养金 tops the destitute household up towards its target, at least 800 yuan a person.
  const productionNet = destitute ? rng.int(0, 300) : Math.max(rest, rng.int(100, 500));
  if (destitute) income.transferDestitute = 10 * Math.round(Math.max(n * 800, rest - productionNet) / 10);
  const costShare = rng.real(0.25, 0.45);
  income.production = Math.round(productionNet / (1 - costShare));
  income.productionCost = income.production - productionNet;
  return income;
}

export function generateYear(rng: Rng, ctx: Omit<IncomeContext, 'conditions'>): YearForm {
  const conditions = generateConditions(rng, ctx.members.length);
  return { year: ctx.year, income: generateIncome(rng, { ...ctx, conditions }), conditions };
}
