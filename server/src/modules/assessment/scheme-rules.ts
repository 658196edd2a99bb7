/**
 * Assessment schemes 考核办法 as data (issue 14): components with weights (e.g. daily
 * inspection 40 %, annual check 30 %, third party 30 %), indicators each in one component
 * with a weight inside it, a source and a normalisation, and grades from the best down.
 * Rules: component weights add up to 100 %; the indicators of each component add up to
 * 100 %; every indicator names a source it can read; a target normalisation has a target
 * better than its floor; grade floors fall strictly and the last is 0.
 */
import type { FieldProblem } from '../../graphql/errors.js';
import { AssessmentGrade, AssessmentIndicator, IndicatorSource } from '../../codes/assessment.codes.js';
import { INDICATORS } from './indicators.js';

export interface SchemeComponent { component: string; weight: number }
export interface SchemeIndicator {
  indicator: string;
  component: string;
  /** Percent of its component. */
  weight: number;
  source?: string | null;
  normalisation: string;
  floor?: number | null;
  target?: number | null;
}
export interface SchemeGrade { grade: string; minScore: number }
export interface Scheme { components: SchemeComponent[]; indicators: SchemeIndicator[]; grades: SchemeGrade[] }

const close = (a: number, b: number) => Math.abs(a - b) < 1e-9;
const pct = (x: number) => `${Math.round(x * 1e6) / 1e6}%`;

export function schemeProblems(s: Scheme, at = 'input'): FieldProblem[] {
  const p: FieldProblem[] = [];
  if (!s.components.length) p.push({ field: `${at}.components`, reason: 'list at least one component with its weight' });
  const comps = new Set<string>();
  s.components.forEach((c, i) => {
    if (comps.has(c.component)) p.push({ field: `${at}.components[${i}].component`, reason: `${c.component} is listed twice` });
    comps.add(c.component);
    if (!(c.weight > 0 && c.weight <= 100)) p.push({ field: `${at}.components[${i}].weight`, reason: 'a weight in percent, more than 0 and at most 100' });
  });
  const total = s.components.reduce((a, c) => a + c.weight, 0);
  if (s.components.length && !close(total, 100)) p.push({ field: `${at}.components`, reason: `the component weights add up to ${pct(total)}, not 100%: make them add up to 100%` });

  if (!s.indicators.length) p.push({ field: `${at}.indicators`, reason: 'list at least one indicator' });
  const seen = new Set<string>();
  const perComponent = new Map<string, number>();
  s.indicators.forEach((d, i) => {
    const f = `${at}.indicators[${i}]`;
    const def = INDICATORS[d.indicator as keyof typeof INDICATORS];
    if (!def) { p.push({ field: `${f}.indicator`, reason: `unknown indicator ${d.indicator}` }); return; }
    const label = AssessmentIndicator.label(d.indicator);
    if (seen.has(d.indicator)) p.push({ field: `${f}.indicator`, reason: `${label} is listed twice` });
    seen.add(d.indicator);
    if (!comps.has(d.component)) p.push({ field: `${f}.component`, reason: `${d.component} is not one of the scheme's components: add it to components or move the indicator` });
    if (!(d.weight > 0 && d.weight <= 100)) p.push({ field: `${f}.weight`, reason: 'a weight in percent of its component, more than 0 and at most 100' });
    perComponent.set(d.component, (perComponent.get(d.component) ?? 0) + d.weight);
    if (d.source == null) p.push({ field: `${f}.source`, reason: `${label} has no source: name where its figures come from (${def.sources.map((x) => IndicatorSource.label(x)).join(' or ')})` });
    else if (!def.sources.includes(d.source as never)) p.push({ field: `${f}.source`, reason: `${label} cannot be read from ${IndicatorSource.label(d.source)}: its source is ${def.sources.map((x) => IndicatorSource.label(x)).join(' or ')}` });
    if (d.normalisation === 'target') {
      if (d.floor == null || d.target == null) p.push({ field: `${f}.target`, reason: 'a target normalisation needs both floor (scores 0) and target (scores 100)' });
      else if (def.direction === 'higher' ? !(d.target > d.floor) : !(d.target < d.floor)) {
        p.push({ field: `${f}.target`, reason: `${label} is better ${def.direction}: the target (${d.target}) must be ${def.direction} than the floor (${d.floor})` });
      }
    }
  });
  for (const c of comps) {
    const sum = perComponent.get(c);
    if (sum === undefined) p.push({ field: `${at}.indicators`, reason: `component ${c} has no indicator: give it one or drop it` });
    else if (!close(sum, 100)) p.push({ field: `${at}.indicators`, reason: `the indicators of ${c} add up to ${pct(sum)} of it, not 100%` });
  }

  if (s.grades.length < 2) p.push({ field: `${at}.grades`, reason: 'list at least two grades, best first' });
  const gs = new Set<string>();
  s.grades.forEach((g, i) => {
    if (!AssessmentGrade.codes.has(g.grade)) p.push({ field: `${at}.grades[${i}].grade`, reason: `unknown grade ${g.grade}` });
    if (gs.has(g.grade)) p.push({ field: `${at}.grades[${i}].grade`, reason: `${g.grade} is listed twice` });
    gs.add(g.grade);
    if (!(g.minScore >= 0 && g.minScore <= 100)) p.push({ field: `${at}.grades[${i}].minScore`, reason: 'a score from 0 to 100' });
    if (i > 0 && !(g.minScore < s.grades[i - 1].minScore)) p.push({ field: `${at}.grades[${i}].minScore`, reason: `grades go from the best down: ${g.minScore} must be below ${s.grades[i - 1].minScore}` });
  });
  if (s.grades.length && s.grades.at(-1)!.minScore !== 0) p.push({ field: `${at}.grades[${s.grades.length - 1}].minScore`, reason: 'the lowest grade starts at 0, so every score has a grade' });
  return p;
}

/** The example scheme (Henan-style weighting: daily inspection 40 %, annual check 30 %, third party 30 %). */
export const EXAMPLE_SCHEME: Scheme = {
  components: [
    { component: 'daily_inspection', weight: 40 },
    { component: 'annual_check', weight: 30 },
    { component: 'third_party', weight: 30 },
  ],
  indicators: [
    { indicator: 'pairing_coverage', component: 'daily_inspection', weight: 25, source: 'stat_pairings', normalisation: 'target', floor: 0.8, target: 1 },
    { indicator: 'work_team_coverage', component: 'daily_inspection', weight: 20, source: 'work_teams', normalisation: 'target', floor: 0.5, target: 1 },
    { indicator: 'measures_completed', component: 'daily_inspection', weight: 15, source: 'stat_measures', normalisation: 'min_max' },
    { indicator: 'disbursement_rate', component: 'daily_inspection', weight: 25, source: 'fund_allocations', normalisation: 'target', floor: 0.5, target: 0.9 },
    { indicator: 'fund_findings_share', component: 'daily_inspection', weight: 15, source: 'fund_findings', normalisation: 'target', floor: 0.05, target: 0 },
    { indicator: 'poor_population_fall', component: 'annual_check', weight: 40, source: 'stat_transitions', normalisation: 'min_max' },
    { indicator: 'income_growth', component: 'annual_check', weight: 30, source: 'stat_income', normalisation: 'min_max' },
    { indicator: 'exit_rate', component: 'annual_check', weight: 30, source: 'stat_transitions', normalisation: 'min_max' },
    { indicator: 'wrong_inclusion_rate', component: 'third_party', weight: 30, source: 'spot_check', normalisation: 'target', floor: 0.05, target: 0 },
    { indicator: 'missed_rate', component: 'third_party', weight: 30, source: 'spot_check', normalisation: 'target', floor: 0.05, target: 0 },
    { indicator: 'satisfaction', component: 'third_party', weight: 40, source: 'spot_check', normalisation: 'target', floor: 0.8, target: 1 },
  ],
  grades: [
    { grade: 'good', minScore: 90 },
    { grade: 'fairly_good', minScore: 80 },
    { grade: 'average', minScore: 60 },
    { grade: 'poor', minScore: 0 },
  ],
};
