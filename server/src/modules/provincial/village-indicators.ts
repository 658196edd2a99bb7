/**
 * The poor-village indicators 一高一低一无 (reference "Poor village"; issue 3, item 2):
 * - 一高 poverty incidence (poor people ÷ population, from the village survey) above
 *   twice the provincial rate;
 * - 一低 per-capita net income below 60 % of the provincial average;
 * - 一无 no collective income.
 * The 2014 policy identifies a poor village by all three "in principle" (原则上), and
 * provinces adapted it: the rule is provincial data — ALL_THREE (the default) or
 * TWO_OF_THREE. Pure.
 */

export type VillageRule = 'ALL_THREE' | 'TWO_OF_THREE';

export interface Indicator {
  /** The village's figure. */
  value: number;
  /** What it is compared with. */
  threshold: number;
  met: boolean;
  /** The comparison in words, with the numbers. */
  explanation: string;
}

export interface Indicators {
  highIncidence: Indicator;
  lowIncome: Indicator;
  noCollectiveIncome: Indicator;
  /** How many of the three are met. */
  met: number;
  rule: VillageRule;
  qualifies: boolean;
}

const pct = (x: number) => `${(x * 100).toFixed(2)}%`;
const yuan = (x: number) => `${x.toLocaleString('en-US', { maximumFractionDigits: 2 })} yuan`;

export function computeIndicators(
  survey: { population: number; poorPopulation: number; perCapitaNetIncome: number; collectiveIncome: number },
  province: { povertyIncidence: number; averageNetIncome: number; villageRule: VillageRule },
): Indicators {
  const incidence = survey.population > 0 ? survey.poorPopulation / survey.population : 0;
  const twice = 2 * province.povertyIncidence;
  const highIncidence: Indicator = survey.population > 0
    ? { value: incidence, threshold: twice, met: incidence > twice, explanation: `poverty incidence ${survey.poorPopulation} ÷ ${survey.population} = ${pct(incidence)} is ${incidence > twice ? '' : 'not '}above twice the provincial ${pct(province.povertyIncidence)} (${pct(twice)})` }
    : { value: 0, threshold: twice, met: false, explanation: 'the survey records no population, so the incidence cannot be computed' };
  const sixty = Math.round(0.6 * province.averageNetIncome * 100) / 100;
  const low = survey.perCapitaNetIncome < sixty;
  const lowIncome: Indicator = { value: survey.perCapitaNetIncome, threshold: sixty, met: low, explanation: `per-capita net income ${yuan(survey.perCapitaNetIncome)} is ${low ? '' : 'not '}below 60% of the provincial average ${yuan(province.averageNetIncome)} (${yuan(sixty)})` };
  const none = survey.collectiveIncome <= 0;
  const noCollectiveIncome: Indicator = { value: survey.collectiveIncome, threshold: 0, met: none, explanation: none ? 'the village has no collective income' : `the village has a collective income of ${yuan(survey.collectiveIncome)}` };
  const met = [highIncidence, lowIncome, noCollectiveIncome].filter((i) => i.met).length;
  return { highIncidence, lowIncome, noCollectiveIncome, met, rule: province.villageRule, qualifies: met >= (province.villageRule === 'ALL_THREE' ? 3 : 2) };
}
