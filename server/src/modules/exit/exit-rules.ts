/**
 * Exit tests (退出, reference: "Exit"):
 * - household: per-capita net income steadily above the line 稳定超过 (above each year's
 *   line in the EXIT_INCOME_YEARS years ending with the exit year; standard/line-rules.ts),
 *   and 两不愁三保障 — no worry
 *   about food and clothing; compulsory education, basic medical care and safe
 *   housing guaranteed;
 * - village: poverty incidence below 2 % (3 % in the western region; per province);
 * - county, 三率一度: comprehensive poverty incidence < 2 % (3 % west), wrong-exit rate
 *   < 2 %, missed rate < 2 %, public approval > 90 %. Each test says which part fails.
 * Thresholds are parameters with the reference's values as defaults.
 *
 * Partial data (issue 15, item 10): the comprehensive incidence counts the registered
 * poor of the surveyed villages over those villages' rural population only; while some
 * villages of the county have no survey of the year it states how many and how many poor
 * people live in them, and gives no verdict on that test (passes null). A numerator above
 * the surveys' population gives no rate at all (never above 100 %). The county's verdict
 * is FAILS when any judged test fails, INCOMPLETE when none fails but one cannot be judged.
 */

import { steadilyAbove, type YearIncome } from '../standard/line-rules.js';

/** The 两不愁三保障 indicators of a household, as checked at exit. */
export interface Guarantees {
  foodAndClothing: boolean;
  compulsoryEducation: boolean;
  basicMedicalCare: boolean;
  safeHousing: boolean;
}

export interface Failure {
  test: string;
  /** The year a yearly test (income) fails in. */
  year?: number;
  /** The figure found and the threshold, in words a reviewer can check. */
  reason: string;
}

export interface Verdict {
  passes: boolean;
  failures: Failure[];
}

const verdict = (failures: Failure[]): Verdict => ({ passes: failures.length === 0, failures });
const pct = (x: number) => `${(x * 100).toFixed(2)}%`;

/** A household's exit: income steadily above the line in every year given (each failing year named), and the four guarantees. */
export function householdExit(years: YearIncome[], g: Guarantees): Verdict {
  const f: Failure[] = steadilyAbove(years);
  const labels: Record<keyof Guarantees, string> = {
    foodAndClothing: '不愁吃不愁穿 food and clothing',
    compulsoryEducation: '义务教育有保障 compulsory education',
    basicMedicalCare: '基本医疗有保障 basic medical care',
    safeHousing: '住房安全有保障 safe housing',
  };
  for (const k of Object.keys(labels) as (keyof Guarantees)[]) if (!g[k]) f.push({ test: k, reason: `${labels[k]} is not guaranteed` });
  return verdict(f);
}

/** Poverty incidence 贫困发生率 = remaining registered poor ÷ rural population. */
export function incidence(poorPeople: number, ruralPopulation: number): number {
  if (!(ruralPopulation > 0)) throw new RangeError('the rural population must be positive');
  return poorPeople / ruralPopulation;
}

export function villageExit(poorPeople: number, ruralPopulation: number, o: { western: boolean; threshold?: number }): Verdict {
  const limit = o.threshold ?? (o.western ? 0.03 : 0.02);
  const rate = incidence(poorPeople, ruralPopulation);
  return verdict(rate < limit ? [] : [{ test: 'incidence', reason: `poverty incidence ${pct(rate)} is not below ${pct(limit)}` }]);
}

/** What a county exit check counts: the register and the recorded spot checks. */
export interface CountyFigures {
  remainingPoor: number;
  /** Poor people missed by the register, found by the spot checks 漏评. */
  missedPoorFound: number;
  /**
   * Missed poor people in the whole county (the spot check's finding carried to the
   * county), for the comprehensive incidence; the sample's missedPoorFound when absent.
   */
  missedPoor?: number;
  /** Exited people found not to meet the exit standard 错退. */
  wronglyExited: number;
  ruralPopulation: number;
  sampledExited: number;
  sampledNonRegistered: number;
  surveyedHouseholds: number;
  approvingHouseholds: number;
}

export interface CountyRates {
  comprehensiveIncidence: number;
  wrongExitRate: number;
  missedRate: number;
  approval: number;
}

/** 三率一度 from the figures (reference formulas). */
export function countyRates(c: CountyFigures): CountyRates {
  const ratio = (a: number, b: number, what: string) => {
    if (!(b > 0)) throw new RangeError(`${what} must be positive`);
    return a / b;
  };
  return {
    comprehensiveIncidence: ratio(c.remainingPoor + (c.missedPoor ?? c.missedPoorFound) + c.wronglyExited, c.ruralPopulation, 'the rural population'),
    wrongExitRate: ratio(c.wronglyExited, c.sampledExited, 'the sampled exited people'),
    missedRate: ratio(c.missedPoorFound, c.sampledNonRegistered, 'the sampled non-registered people'),
    approval: ratio(c.approvingHouseholds, c.surveyedHouseholds, 'the surveyed households'),
  };
}

/** How much of the county the year's surveys cover. */
export interface Coverage {
  villages: number;
  villagesSurveyed: number;
  /** Registered poor people of the whole county. */
  remainingPoor: number;
  /** Of them, in villages with a survey of the year. */
  poorInSurveyedVillages: number;
}

export type CountyVerdict = 'PASSES' | 'FAILS' | 'INCOMPLETE';

export interface RateTest {
  test: 'comprehensiveIncidence' | 'wrongExitRate' | 'missedRate' | 'approval';
  /** Null when the data give no rate (the register counts more poor than the surveys count people). */
  rate: number | null;
  threshold: number;
  mustBe: 'below' | 'above';
  /** Null: not judged, the data are incomplete. */
  passes: boolean | null;
}

export interface CountyCheck {
  tests: RateTest[];
  failures: Failure[];
  /** What keeps a test from being judged, in words. */
  incomplete: string[];
  verdict: CountyVerdict;
}

/**
 * 三率一度 on possibly partial surveys: the incidence over the surveyed villages, judged only
 * when every village has a survey and the rate is a rate.
 */
export function countyCheck(c: Omit<CountyFigures, 'remainingPoor'>, cov: Coverage, o: { incidenceLimit: number; wrongExitLimit: number; missedLimit: number; approvalFloor: number }): CountyCheck {
  const r = countyRates({ ...c, remainingPoor: cov.poorInSurveyedVillages });
  const incomplete: string[] = [];
  const missing = cov.villages - cov.villagesSurveyed;
  if (missing > 0) {
    incomplete.push(`${missing} of ${cov.villages} villages have no survey of the year (${pct(cov.villagesSurveyed / cov.villages)} surveyed); ` +
      `${cov.remainingPoor - cov.poorInSurveyedVillages} of the ${cov.remainingPoor} registered poor people live in them: record their surveys (recordVillageSurvey) before the incidence can be judged`);
  }
  const rate = r.comprehensiveIncidence <= 1 ? r.comprehensiveIncidence : null;
  if (rate === null) incomplete.push(`the surveys count ${c.ruralPopulation} rural people, fewer than the ${cov.poorInSurveyedVillages + (c.missedPoor ?? c.missedPoorFound) + c.wronglyExited} poor people counted in those villages: correct the surveys`);
  const tests: RateTest[] = [
    { test: 'comprehensiveIncidence', rate, threshold: o.incidenceLimit, mustBe: 'below', passes: incomplete.length ? null : rate! < o.incidenceLimit },
    { test: 'wrongExitRate', rate: r.wrongExitRate, threshold: o.wrongExitLimit, mustBe: 'below', passes: r.wrongExitRate < o.wrongExitLimit },
    { test: 'missedRate', rate: r.missedRate, threshold: o.missedLimit, mustBe: 'below', passes: r.missedRate < o.missedLimit },
    { test: 'approval', rate: r.approval, threshold: o.approvalFloor, mustBe: 'above', passes: r.approval > o.approvalFloor },
  ];
  const names: Record<RateTest['test'], string> = { comprehensiveIncidence: '综合贫困发生率', wrongExitRate: '错退率', missedRate: '漏评率', approval: '群众认可度' };
  const failures = tests.filter((t) => t.passes === false).map((t) => ({ test: t.test, reason: `${names[t.test]} ${pct(t.rate!)} is not ${t.mustBe} ${pct(t.threshold)}` }));
  const verdict: CountyVerdict = failures.length ? 'FAILS' : incomplete.length ? 'INCOMPLETE' : 'PASSES';
  return { tests, failures, incomplete, verdict };
}

export function countyExit(c: CountyFigures, o: { western: boolean; incidenceLimit?: number; wrongExitLimit?: number; missedLimit?: number; approvalFloor?: number }): Verdict & { rates: CountyRates } {
  const r = countyRates(c);
  const incidenceLimit = o.incidenceLimit ?? (o.western ? 0.03 : 0.02);
  const f: Failure[] = [];
  if (!(r.comprehensiveIncidence < incidenceLimit)) f.push({ test: 'comprehensiveIncidence', reason: `综合贫困发生率 ${pct(r.comprehensiveIncidence)} is not below ${pct(incidenceLimit)}` });
  if (!(r.wrongExitRate < (o.wrongExitLimit ?? 0.02))) f.push({ test: 'wrongExitRate', reason: `错退率 ${pct(r.wrongExitRate)} is not below ${pct(o.wrongExitLimit ?? 0.02)}` });
  if (!(r.missedRate < (o.missedLimit ?? 0.02))) f.push({ test: 'missedRate', reason: `漏评率 ${pct(r.missedRate)} is not below ${pct(o.missedLimit ?? 0.02)}` });
  if (!(r.approval > (o.approvalFloor ?? 0.9))) f.push({ test: 'approval', reason: `群众认可度 ${pct(r.approval)} is not above ${pct(o.approvalFloor ?? 0.9)}` });
  return { ...verdict(f), rates: r };
}
