/**
 * The eligibility evaluator (issue 3, item 5): a rule set's definition applied to one
 * household's facts for one year. Pure; the same function serves Household.eligibility
 * and previewRuleSet, so a preview finds exactly what applying the rule set would.
 *
 * Rules (see eligibility.definition.ts):
 *   - income test: poor when perCapitaNetIncome ≤ round2(multipleOfLine × line);
 *   - guarantee: fails when `fact op value` holds (eq, ne, lt, le, gt, ge, in);
 *   - proxy means: score = Σ weight × min(value, cap) (yes = 1, no = 0), the weight of the
 *     longest area-prefix override of the household's village, else the indicator's own;
 *     group = the first whose `below` exceeds the score, else the last; poor when the group
 *     is one of eligibleGroups;
 *   - decision: combine ANY → eligible when some configured part finds poverty
 *     (the guarantee part when any indicator fails); ALL → when every configured part does.
 *
 * `incomeChangeToFlip`: the signed change of per-capita income, in yuan to the cent, of
 * smallest size that reverses the decision with every other fact held fixed; null when no
 * change of income can. The decision is a step function of income whose steps lie at the
 * income-test threshold and where the score crosses a cut-off (income can enter the score);
 * those points are found analytically and the cent on either side of each is checked.
 */
import type { Condition, Definition, ProxyMeans } from './eligibility.definition.js';
import { FACTS, type FactName, type Facts, type FactValue } from './eligibility.facts.js';

export type RuleKind = 'INCOME_TEST' | 'GUARANTEE' | 'PROXY_MEANS_INDICATOR' | 'PROXY_MEANS_GROUP';

export interface RuleOutcome {
  code: string;
  kind: RuleKind;
  label: string;
  /** The values the rule read, by name. */
  inputs: { name: string; value: FactValue | FactValue[] | null }[];
  /** The condition tested, readable: "perCapitaNetIncome ≤ 2855". */
  condition: string;
  /** Whether the rule finds poverty; null for score indicators (they add points). */
  met: boolean | null;
  /** Points added to the score (score indicators), else null. */
  points: number | null;
  /** Whether the rule's finding points the same way as the decision (score indicators: as their group does). */
  supportsDecision: boolean;
}

export interface Decision {
  eligible: boolean;
  /** The threshold of the income test (yuan), null without one. */
  threshold: number | null;
  score: number | null;
  group: string | null;
  rules: RuleOutcome[];
  incomeChangeToFlip: number | null;
}

/** What a rule needs besides the facts: the line of the household's standard for the year, and its village. */
export interface Setting {
  line: number | null;
  villageCode: string;
}

const round2 = (n: number) => Math.round(n * 100) / 100;
const num = (v: FactValue) => (typeof v === 'boolean' ? (v ? 1 : 0) : Number(v));

export function holds(c: Condition, v: FactValue): boolean {
  const x = c.value;
  switch (c.op) {
    case 'eq': return v === x;
    case 'ne': return v !== x;
    case 'lt': return (v as number) < (x as number);
    case 'le': return (v as number) <= (x as number);
    case 'gt': return (v as number) > (x as number);
    case 'ge': return (v as number) >= (x as number);
    case 'in': return (x as (string | number)[]).includes(v as string | number);
  }
}

const OPS = { eq: '=', ne: '≠', lt: '<', le: '≤', gt: '>', ge: '≥', in: 'in' } as const;
const show = (c: Condition) => `${OPS[c.op]} ${Array.isArray(c.value) ? `[${c.value.join(', ')}]` : String(c.value)}`;

/** The income-test threshold, or null when the rule set has no income test. Throws without a line. */
export function thresholdOf(def: Definition, s: Setting): number | null {
  if (!def.incomeTest) return null;
  if (s.line == null) throw new RangeError('the income test needs the poverty line of the year');
  return round2(def.incomeTest.multipleOfLine * s.line);
}

/** The weight of each score indicator for a village: the longest matching area override, else its own. */
export function weightsFor(pm: ProxyMeans, villageCode: string): Map<string, { weight: number; from: string | null }> {
  const overrides = pm.areaWeights.filter((a) => villageCode.startsWith(a.areaPrefix)).sort((a, b) => b.areaPrefix.length - a.areaPrefix.length);
  return new Map(pm.indicators.map((i) => {
    const o = overrides.find((a) => a.weights[i.code] !== undefined);
    return [i.code, o ? { weight: o.weights[i.code], from: o.areaPrefix } : { weight: i.weight, from: null }];
  }));
}

function scoreOf(pm: ProxyMeans, weights: ReturnType<typeof weightsFor>, f: Facts): number {
  return round6(pm.indicators.reduce((s, i) => s + weights.get(i.code)!.weight * capped(num(f[i.fact]), i.cap), 0));
}
const capped = (v: number, cap?: number) => (cap === undefined ? v : Math.min(v, cap));
const round6 = (n: number) => Math.round(n * 1e6) / 1e6;

const groupOf = (pm: ProxyMeans, score: number) => (pm.groups.find((g) => g.below !== undefined && score < g.below) ?? pm.groups.at(-1)!).name;

/** The decision alone (no explanation), for a given set of facts. */
export function isEligible(def: Definition, f: Facts, s: Setting): boolean {
  const parts: boolean[] = [];
  const t = thresholdOf(def, s);
  if (t !== null) parts.push(f.perCapitaNetIncome as number <= t);
  if (def.guarantees.length) parts.push(def.guarantees.some((g) => holds(g.failsWhen, f[g.fact])));
  if (def.proxyMeans) {
    const pm = def.proxyMeans;
    parts.push(pm.eligibleGroups.includes(groupOf(pm, scoreOf(pm, weightsFor(pm, s.villageCode), f))));
  }
  return def.combine === 'ALL' ? parts.every(Boolean) : parts.some(Boolean);
}

/** The points where the decision may change, as changes of per-capita income (yuan, unrounded). */
function breakpoints(def: Definition, f: Facts, s: Setting): number[] {
  const pc = f.perCapitaNetIncome as number;
  const out: number[] = [];
  const t = thresholdOf(def, s);
  if (t !== null) out.push(t - pc);
  const pm = def.proxyMeans;
  if (!pm) return out;
  const weights = weightsFor(pm, s.villageCode);
  const incomeTerms = pm.indicators.filter((i) => i.fact === 'perCapitaNetIncome' && weights.get(i.code)!.weight !== 0);
  if (!incomeTerms.length) return out;
  // The score is piecewise linear in the change d: each capped income term stops growing at d = cap − pc.
  const knots = [...new Set(incomeTerms.filter((i) => i.cap !== undefined).map((i) => i.cap! - pc))].sort((a, b) => a - b);
  const edges = [-Infinity, ...knots, Infinity];
  const scoreAt = (d: number) => scoreOf(pm, weights, { ...f, perCapitaNetIncome: pc + d });
  for (let k = 0; k + 1 < edges.length; k++) {
    const [lo, hi] = [edges[k], edges[k + 1]];
    const slope = incomeTerms.filter((i) => i.cap === undefined || hi <= i.cap - pc).reduce((m, i) => m + weights.get(i.code)!.weight, 0);
    if (slope === 0) continue;
    const ref = Number.isFinite(lo) ? lo : Number.isFinite(hi) ? hi - 1 : 0;
    const base = scoreAt(ref);
    for (const g of pm.groups) {
      if (g.below === undefined) continue;
      const d = ref + (g.below - base) / slope;
      if (d >= lo && d <= hi) out.push(d);
    }
  }
  return out;
}

/** The smallest signed change of per-capita income (yuan, cents) that reverses the decision, or null. */
export function incomeChangeToFlip(def: Definition, f: Facts, s: Setting): number | null {
  const pc = f.perCapitaNetIncome as number;
  const now = isEligible(def, f, s);
  let best: number | null = null;
  for (const b of breakpoints(def, f, s)) {
    const c = Math.round(b * 100);
    for (const cents of [c - 1, c, c + 1]) {
      if (cents === 0 || (best !== null && Math.abs(cents) >= Math.abs(Math.round(best * 100)))) continue;
      const d = cents / 100;
      if (isEligible(def, { ...f, perCapitaNetIncome: round2(pc + d) }, s) !== now) best = d;
    }
  }
  return best;
}

/** The decision with every rule's inputs, result and contribution. */
export function evaluate(def: Definition, f: Facts, s: Setting): Decision {
  const eligible = isEligible(def, f, s);
  const rules: RuleOutcome[] = [];
  const threshold = thresholdOf(def, s);
  if (def.incomeTest && threshold !== null) {
    const met = (f.perCapitaNetIncome as number) <= threshold;
    rules.push({
      code: 'INCOME', kind: 'INCOME_TEST', label: '收入 per-capita net income not above the line',
      inputs: [{ name: 'perCapitaNetIncome', value: f.perCapitaNetIncome }, { name: 'line', value: s.line }, { name: 'multipleOfLine', value: def.incomeTest.multipleOfLine }],
      condition: `perCapitaNetIncome ≤ ${threshold}`, met, points: null, supportsDecision: met === eligible,
    });
  }
  for (const g of def.guarantees) {
    const met = holds(g.failsWhen, f[g.fact]);
    rules.push({
      code: g.code, kind: 'GUARANTEE', label: g.label, inputs: [{ name: g.fact, value: f[g.fact] }],
      condition: `${g.fact} ${show(g.failsWhen)}`, met, points: null, supportsDecision: met === eligible,
    });
  }
  let score: number | null = null;
  let group: string | null = null;
  if (def.proxyMeans) {
    const pm = def.proxyMeans;
    const weights = weightsFor(pm, s.villageCode);
    score = scoreOf(pm, weights, f);
    group = groupOf(pm, score);
    const met = pm.eligibleGroups.includes(group);
    for (const i of pm.indicators) {
      const w = weights.get(i.code)!;
      const v = num(f[i.fact]);
      rules.push({
        code: i.code, kind: 'PROXY_MEANS_INDICATOR', label: i.label ?? FACTS[i.fact as FactName][1],
        inputs: [{ name: i.fact, value: f[i.fact] }, { name: 'weight', value: w.weight }, { name: 'weightFromArea', value: w.from }, { name: 'cap', value: i.cap ?? null }],
        condition: `${w.weight} × ${i.cap === undefined ? i.fact : `min(${i.fact}, ${i.cap})`}`,
        met: null, points: round6(w.weight * capped(v, i.cap)), supportsDecision: met === eligible,
      });
    }
    rules.push({
      code: 'GROUP', kind: 'PROXY_MEANS_GROUP', label: `score group ${group}`,
      inputs: [{ name: 'score', value: score }, { name: 'group', value: group }, { name: 'eligibleGroups', value: pm.eligibleGroups }],
      condition: `group in [${pm.eligibleGroups.join(', ')}] (cut-offs ${pm.groups.map((g) => g.below === undefined ? g.name : `${g.name} < ${g.below}`).join(', ')})`,
      met, points: null, supportsDecision: met === eligible,
    });
  }
  return { eligible, threshold, score, group, rules, incomeChangeToFlip: incomeChangeToFlip(def, f, s) };
}

/**
 * Today's register of the poor: households REGISTERED (建档立卡) whose poverty status is
 * 0 未脱贫 not yet out or 3 返贫 relapsed. Against it a decision ENTERS (eligible, not on
 * it), LEAVES (on it, not eligible), STAYS_IN or STAYS_OUT.
 */
export const onRegister = (h: { stage: string; status: string }) => h.stage === 'REGISTERED' && (h.status === '0' || h.status === '3');

export type Change = 'ENTERS' | 'LEAVES' | 'STAYS_IN' | 'STAYS_OUT';
export function changeOf(eligible: boolean, registered: boolean): Change {
  if (eligible) return registered ? 'STAYS_IN' : 'ENTERS';
  return registered ? 'LEAVES' : 'STAYS_OUT';
}
