/**
 * Spot-check sampling 抽检核查 (issue 14; reference "Assessment", sampling examples), pure:
 * from the registered households of a county (its frame, in household-number order) and a
 * plan, the list the inspectors visit —
 * 1. every household planned to exit in the year 计划脱贫户;
 * 2. k whole villages 整村: all their other registered households;
 * 3. in every other village, p % of its remaining registered households, rounded up and at
 *    most `otherCapPerVillage`;
 * 4. the satisfaction survey 满意度: `satisfactionVillages` villages, `satisfactionPerVillage`
 *    households each, split registered-with-labour : non-registered : registered-without-labour
 *    by the ratio (5:3:2); the non-registered ones are found on site, so the list names the
 *    registered ones and says how many non-registered to add.
 * Draws use the seeded generator of seed/rng.ts (sfc32) in a fixed order — whole villages,
 * then each village's others in code order, then satisfaction villages and their households —
 * so the same seed and the same register give the same list. A sample larger than its frame
 * is refused with the numbers.
 */
import type { FieldProblem } from '../../graphql/errors.js';
import { Rng } from '../../seed/rng.js';

export interface FrameHousehold { id: string; number: string; villageCode: string; plannedExit: boolean; hasLabour: boolean }
export interface SamplePlan {
  wholeVillages: number;
  otherPercent: number;
  otherCapPerVillage: number;
  satisfactionVillages: number;
  satisfactionPerVillage: number;
  ratio: { withLabour: number; nonRegistered: number; withoutLabour: number };
}
export interface Drawn { householdId: string; number: string; villageCode: string; purpose: string }
export interface Sample {
  items: Drawn[];
  wholeVillageCodes: string[];
  satisfactionVillageCodes: string[];
  split: { withLabour: number; nonRegistered: number; withoutLabour: number };
}

/** k of the items, chosen uniformly (partial Fisher–Yates), returned in their original order. */
export function choose<T>(rng: Rng, items: readonly T[], k: number): T[] {
  const idx = items.map((_, i) => i);
  for (let i = 0; i < k; i++) {
    const j = i + Math.floor(rng.next() * (idx.length - i));
    [idx[i], idx[j]] = [idx[j], idx[i]];
  }
  return idx.slice(0, k).sort((a, b) => a - b).map((i) => items[i]);
}

/** The 5:3:2 split of a village's satisfaction households; null when it does not split into whole households. */
export function splitOf(plan: SamplePlan) {
  const { withLabour: a, nonRegistered: b, withoutLabour: c } = plan.ratio;
  const sum = a + b + c;
  if (!(sum > 0)) return null;
  const part = (x: number) => (plan.satisfactionPerVillage * x) / sum;
  const s = { withLabour: part(a), nonRegistered: part(b), withoutLabour: part(c) };
  return Object.values(s).every(Number.isInteger) ? s : null;
}

const byVillage = (frame: readonly FrameHousehold[]) => {
  const m = new Map<string, FrameHousehold[]>();
  for (const h of frame) (m.get(h.villageCode) ?? m.set(h.villageCode, []).get(h.villageCode)!).push(h);
  return new Map([...m].sort(([a], [b]) => a.localeCompare(b)));
};

export function planProblems(plan: SamplePlan, frame: readonly FrameHousehold[], at = 'input'): FieldProblem[] {
  const p: FieldProblem[] = [];
  const whole = (k: keyof SamplePlan, max = 100_000) => {
    const v = plan[k] as number;
    if (!Number.isInteger(v) || v < 0 || v > max) p.push({ field: `${at}.${k}`, reason: `a whole number from 0 to ${max}` });
  };
  whole('wholeVillages'); whole('otherCapPerVillage'); whole('satisfactionVillages'); whole('satisfactionPerVillage', 1000);
  if (!(plan.otherPercent >= 0 && plan.otherPercent <= 100)) p.push({ field: `${at}.otherPercent`, reason: `${plan.otherPercent}% of a village's other households: a share from 0 to 100%` });
  for (const [k, v] of Object.entries(plan.ratio)) if (!Number.isInteger(v) || v < 0) p.push({ field: `${at}.ratio.${k}`, reason: 'a whole number, 0 or more' });
  if (p.length) return p;
  const villages = byVillage(frame);
  if (plan.wholeVillages > villages.size) {
    p.push({ field: `${at}.wholeVillages`, reason: `${plan.wholeVillages} whole villages asked, but the frame has ${villages.size} villages with registered households: the sample is larger than its frame` });
  }
  const split = splitOf(plan);
  if (plan.satisfactionVillages > 0) {
    if (!split) {
      p.push({ field: `${at}.satisfactionPerVillage`, reason: `${plan.satisfactionPerVillage} households do not split ${plan.ratio.withLabour}:${plan.ratio.nonRegistered}:${plan.ratio.withoutLabour} into whole households: choose a multiple of ${plan.ratio.withLabour + plan.ratio.nonRegistered + plan.ratio.withoutLabour}` });
    } else {
      const eligible = [...villages.values()].filter((hs) => hs.filter((h) => h.hasLabour).length >= split.withLabour && hs.filter((h) => !h.hasLabour).length >= split.withoutLabour).length;
      if (plan.satisfactionVillages > eligible) {
        p.push({ field: `${at}.satisfactionVillages`, reason: `${plan.satisfactionVillages} satisfaction villages asked, but only ${eligible} villages have ${split.withLabour} registered households with labour and ${split.withoutLabour} without: the sample is larger than its frame` });
      }
    }
  }
  return p;
}

/** Draws the sample; call planProblems first (it assumes a plan that fits the frame). */
export function drawSample(frame: readonly FrameHousehold[], plan: SamplePlan, seed: number): Sample {
  const rng = new Rng(seed);
  const villages = byVillage(frame);
  const items: Drawn[] = [];
  const add = (h: FrameHousehold, purpose: string) => items.push({ householdId: h.id, number: h.number, villageCode: h.villageCode, purpose });
  for (const h of frame) if (h.plannedExit) add(h, 'planned_exit');
  const wholeVillageCodes = choose(rng, [...villages.keys()], plan.wholeVillages);
  const whole = new Set(wholeVillageCodes);
  for (const code of wholeVillageCodes) for (const h of villages.get(code)!) if (!h.plannedExit) add(h, 'whole_village');
  for (const [code, hs] of villages) {
    if (whole.has(code)) continue;
    const rest = hs.filter((h) => !h.plannedExit);
    const n = Math.min(plan.otherCapPerVillage, Math.ceil((rest.length * plan.otherPercent) / 100 - 1e-9));
    for (const h of choose(rng, rest, n)) add(h, 'other');
  }
  const split = splitOf(plan) ?? { withLabour: 0, nonRegistered: 0, withoutLabour: 0 };
  const eligible = [...villages].filter(([, hs]) => hs.filter((h) => h.hasLabour).length >= split.withLabour && hs.filter((h) => !h.hasLabour).length >= split.withoutLabour);
  const satisfaction = choose(rng, eligible, plan.satisfactionVillages);
  for (const [, hs] of satisfaction) {
    for (const h of choose(rng, hs.filter((x) => x.hasLabour), split.withLabour)) add(h, 'satisfaction_with_labour');
    for (const h of choose(rng, hs.filter((x) => !x.hasLabour), split.withoutLabour)) add(h, 'satisfaction_without_labour');
  }
  return { items, wholeVillageCodes, satisfactionVillageCodes: satisfaction.map(([c]) => c), split };
}
