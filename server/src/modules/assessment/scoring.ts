/**
 * Scoring of the county assessment 精准考核 (issue 14), pure and deterministic: the same
 * scheme and inputs always give the same numbers.
 * - raw value: the indicator's formula (indicators.ts), rounded to 6 decimals; none when
 *   its data is missing (then it scores 0 and is left out of the min–max range);
 * - normalised score 0–100 (2 decimals): MIN_MAX — higher-better (x − min) ÷ (max − min),
 *   lower-better (max − x) ÷ (max − min), 100 when all counties are equal; TARGET —
 *   (x − floor) ÷ (target − floor), clamped to 0–1;
 * - weight of an indicator = component weight × its weight in the component ÷ 100 (percent);
 *   score = Σ normalised × weight ÷ 100, 2 decimals;
 * - grade: the first grade (best first) whose floor the score reaches; rank 1 for the highest
 *   score, equal scores share a rank (1, 1, 3), ties listed by county code;
 * - the explanation names the indicator that gave the most points and the one that lost the most;
 * - counties of the scheme's lowest grade are flagged for constraint 约束, with next year's
 *   targets: for each indicator with a value worse than the median of the counties, the median.
 */
import { AssessmentGrade, AssessmentIndicator } from '../../codes/assessment.codes.js';
import { INDICATORS, type CountyInputs } from './indicators.js';
import type { Scheme } from './scheme-rules.js';

const round = (x: number, d: number) => Math.round(x * 10 ** d) / 10 ** d;
const clamp01 = (x: number) => Math.min(1, Math.max(0, x));

export interface IndicatorResult {
  indicator: string;
  heading: string;
  component: string;
  source: string;
  direction: string;
  normalisation: string;
  formula: string;
  raw: number | null;
  normalised: number;
  /** Percent of the whole score. */
  weight: number;
  contribution: number;
  note: string;
}
export interface Target { indicator: string; current: number; target: number; reason: string }
export interface CountyResult {
  countyCode: string;
  countyName: string;
  score: number;
  rank: number;
  grade: string;
  constrained: boolean;
  indicators: IndicatorResult[];
  targets: Target[];
  explanation: string;
}

export function median(xs: readonly number[]): number {
  const s = [...xs].sort((a, b) => a - b);
  const m = s.length >> 1;
  return s.length % 2 ? s[m] : (s[m - 1] + s[m]) / 2;
}

export function normalise(x: number, o: { normalisation: string; direction: string; min: number; max: number; floor?: number | null; target?: number | null }): number {
  if (o.normalisation === 'target') return round(100 * clamp01((x - o.floor!) / (o.target! - o.floor!)), 2);
  if (o.max === o.min) return 100;
  return round(100 * (o.direction === 'higher' ? (x - o.min) / (o.max - o.min) : (o.max - x) / (o.max - o.min)), 2);
}

export function gradeOf(score: number, grades: Scheme['grades']): string {
  return (grades.find((g) => score >= g.minScore) ?? grades.at(-1)!).grade;
}

const pct = (x: number) => `${round(x * 100, 2)}%`;

export function assess(scheme: Scheme, counties: readonly CountyInputs[]): CountyResult[] {
  const compWeight = new Map(scheme.components.map((c) => [c.component, c.weight]));
  const raws = counties.map((c) => scheme.indicators.map((d) => {
    const r = INDICATORS[d.indicator as keyof typeof INDICATORS].raw(c);
    return { ...r, value: r.value == null ? null : round(r.value, 6) };
  }));
  const ranges = scheme.indicators.map((_, j) => {
    const vs = raws.map((r) => r[j].value).filter((v): v is number => v != null);
    return { min: Math.min(...vs), max: Math.max(...vs), values: vs };
  });
  const results = counties.map((c, i) => {
    const indicators = scheme.indicators.map((d, j): IndicatorResult => {
      const def = INDICATORS[d.indicator as keyof typeof INDICATORS];
      const raw = raws[i][j].value;
      const normalised = raw == null ? 0 : normalise(raw, { ...d, direction: def.direction, ...ranges[j] });
      const weight = round((compWeight.get(d.component)! * d.weight) / 100, 6);
      return {
        indicator: d.indicator, heading: def.heading, component: d.component, source: d.source!, direction: def.direction, normalisation: d.normalisation,
        formula: def.formula, raw, normalised, weight, contribution: round((normalised * weight) / 100, 4), note: raws[i][j].note,
      };
    });
    const score = round(indicators.reduce((a, x) => a + (x.normalised * x.weight) / 100, 0), 2);
    return { c, indicators, score };
  });
  const lowest = scheme.grades.at(-1)!.grade;
  const out = results.map(({ c, indicators, score }): CountyResult => {
    const rank = 1 + results.filter((r) => r.score > score).length;
    const grade = gradeOf(score, scheme.grades);
    const constrained = grade === lowest;
    const targets: Target[] = [];
    if (constrained) {
      indicators.forEach((x, j) => {
        if (x.raw == null) return;
        const med = round(median(ranges[j].values), 6);
        const worse = x.direction === 'higher' ? x.raw < med : x.raw > med;
        if (worse) targets.push({ indicator: x.indicator, current: x.raw, target: med, reason: `${AssessmentIndicator.label(x.indicator)} ${pct(x.raw)} is worse than the median county (${pct(med)}): reach it next year` });
      });
    }
    return { countyCode: c.countyCode, countyName: c.countyName, score, rank, grade, constrained, indicators, targets, explanation: explain(c, score, rank, counties.length, grade, constrained, indicators) };
  });
  return out.sort((a, b) => a.rank - b.rank || a.countyCode.localeCompare(b.countyCode));
}

function explain(c: CountyInputs, score: number, rank: number, of: number, grade: string, constrained: boolean, xs: IndicatorResult[]): string {
  const scored = xs.filter((x) => x.raw != null);
  const lost = (x: IndicatorResult) => round(((100 - x.normalised) * x.weight) / 100, 2);
  const best = [...scored].sort((a, b) => b.contribution - a.contribution || a.indicator.localeCompare(b.indicator))[0];
  const worst = [...scored].sort((a, b) => lost(b) - lost(a) || a.indicator.localeCompare(b.indicator))[0];
  const say = (x: IndicatorResult) => `${AssessmentIndicator.label(x.indicator)} ${pct(x.raw!)} (${x.normalised} of 100, weight ${x.weight}%`;
  const parts = [`${c.countyCode} ${c.countyName}: ${score} points, rank ${rank} of ${of}, grade ${AssessmentGrade.label(grade)}.`];
  if (best) parts.push(`Strongest: ${say(best)}, ${round(best.contribution, 2)} points).`, `Weakest: ${say(worst)}, ${lost(worst)} points lost).`);
  const missing = xs.filter((x) => x.raw == null);
  if (missing.length) parts.push(`Scored 0 for want of data: ${missing.map((x) => AssessmentIndicator.label(x.indicator)).join(', ')}.`);
  if (constrained) parts.push('In the lowest grade: flagged for constraint 约束, with targets for next year.');
  return parts.join(' ');
}
