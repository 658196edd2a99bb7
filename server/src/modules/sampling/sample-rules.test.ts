/**
 * Spot-check sampling on a hand-worked county of three villages:
 *   V1 (…001): 10 households, #1 and #2 planned to exit this year; #1–#6 with labour, #7–#10 without
 *   V2 (…002):  5 households, all with labour
 *   V3 (…003): 20 households, #1–#12 with labour, #13–#20 without
 * Plan: 1 whole village; 20 % of the other households of each other village, at most 3;
 * satisfaction: 2 villages × 10 households at 5:3:2.
 * By hand: satisfaction needs 5 with labour and 2 without: V2 has none without, so the two
 * villages are V1 and V3 — 5 + 2 named households each, 3 non-registered found on site.
 * Inspection, by the village drawn whole:
 *   V2 whole: 2 planned + 5 whole + V1 ⌈8 × 0.2⌉ = 2 + V3 min(3, ⌈20 × 0.2⌉ = 4) = 3 → 12
 *   V1 whole: 2 planned + 8 whole + V2 ⌈5 × 0.2⌉ = 1 + V3 3 → 14
 *   V3 whole: 2 planned + 20 whole + V1 2 + V2 1 → 25
 */
import { describe, expect, it } from 'vitest';
import { Rng } from '../../seed/rng.js';
import { choose, drawSample, planProblems, splitOf, type FrameHousehold, type SamplePlan } from './sample-rules.js';

const V = ['430001001001', '430001001002', '430001001003'];
const hh = (v: number, i: number, o: Partial<FrameHousehold> = {}): FrameHousehold => ({
  id: `${v}-${i}`, number: `${V[v]}${String(i).padStart(4, '0')}`, villageCode: V[v], plannedExit: false, hasLabour: true, ...o,
});
const frame: FrameHousehold[] = [
  ...Array.from({ length: 10 }, (_, k) => hh(0, k + 1, { plannedExit: k < 2, hasLabour: k < 6 })),
  ...Array.from({ length: 5 }, (_, k) => hh(1, k + 1)),
  ...Array.from({ length: 20 }, (_, k) => hh(2, k + 1, { hasLabour: k < 12 })),
];
const plan: SamplePlan = { wholeVillages: 1, otherPercent: 20, otherCapPerVillage: 3, satisfactionVillages: 2, satisfactionPerVillage: 10, ratio: { withLabour: 5, nonRegistered: 3, withoutLabour: 2 } };
const count = (items: { purpose: string }[]) => items.reduce<Record<string, number>>((m, x) => ({ ...m, [x.purpose]: (m[x.purpose] ?? 0) + 1 }), {});

describe('spot-check sample, hand-worked', () => {
  it('takes every planned exit, one whole village, the capped share of the others, and 5:3:2 satisfaction', () => {
    const expected: Record<string, number> = { [V[1]]: 12, [V[0]]: 14, [V[2]]: 25 };
    for (const seed of [1, 2, 3, 42, 2026]) {
      const s = drawSample(frame, plan, seed);
      expect(planProblems(plan, frame)).toEqual([]);
      expect(s.wholeVillageCodes).toHaveLength(1);
      const inspection = s.items.filter((x) => !x.purpose.startsWith('satisfaction'));
      expect(inspection).toHaveLength(expected[s.wholeVillageCodes[0]]);
      expect(inspection.filter((x) => x.purpose === 'planned_exit').map((x) => x.householdId)).toEqual(['0-1', '0-2']);
      expect(new Set(inspection.map((x) => x.householdId)).size).toBe(inspection.length);
      expect(s.satisfactionVillageCodes).toEqual([V[0], V[2]]);
      expect(s.split).toEqual({ withLabour: 5, nonRegistered: 3, withoutLabour: 2 });
      expect(count(s.items.filter((x) => x.purpose.startsWith('satisfaction')))).toEqual({ satisfaction_with_labour: 10, satisfaction_without_labour: 4 });
    }
  });

  it('gives the same list for the same seed, and pins seed 42', () => {
    const a = drawSample(frame, plan, 42);
    expect(drawSample(frame, plan, 42)).toEqual(a);
    expect(drawSample(frame, plan, 7).items).not.toEqual(drawSample(frame, plan, 8).items);
    // V3 drawn whole → 2 + 20 + V1 2 + V2 1 = 25, as worked by hand above.
    expect(a.items.filter((x) => !['whole_village', 'planned_exit'].includes(x.purpose)).map((x) => x.householdId)).toEqual([
      '0-3', '0-6', '1-2', // others: 2 of V1's 8, 1 of V2's 5
      '0-1', '0-2', '0-3', '0-4', '0-6', '0-7', '0-10', // satisfaction in V1: 5 with labour (#1–#6), 2 without (#7–#10)
      '2-4', '2-5', '2-6', '2-10', '2-11', '2-15', '2-19', // satisfaction in V3: 5 with labour (#1–#12), 2 without (#13–#20)
    ]);
    expect({ whole: a.wholeVillageCodes, counts: count(a.items) }).toMatchInlineSnapshot(`
      {
        "counts": {
          "other": 3,
          "planned_exit": 2,
          "satisfaction_with_labour": 10,
          "satisfaction_without_labour": 4,
          "whole_village": 20,
        },
        "whole": [
          "430001001003",
        ],
      }
    `);
  });

  it('draws uniformly without repeats and keeps the frame order', () => {
    const picked = choose(new Rng(5), ['a', 'b', 'c', 'd', 'e'], 3);
    expect(picked).toHaveLength(3);
    expect([...picked].sort()).toEqual(picked);
    expect(choose(new Rng(5), ['a', 'b'], 2)).toEqual(['a', 'b']);
  });
});

describe('a sample larger than its frame', () => {
  it('is refused with the numbers', () => {
    expect(planProblems({ ...plan, wholeVillages: 4 }, frame)).toEqual([
      { field: 'input.wholeVillages', reason: '4 whole villages asked, but the frame has 3 villages with registered households: the sample is larger than its frame' },
    ]);
    expect(planProblems({ ...plan, satisfactionVillages: 3 }, frame)).toEqual([
      { field: 'input.satisfactionVillages', reason: '3 satisfaction villages asked, but only 2 villages have 5 registered households with labour and 2 without: the sample is larger than its frame' },
    ]);
    expect(planProblems({ ...plan, otherPercent: 120 }, frame).map((p) => p.field)).toEqual(['input.otherPercent']);
    expect(planProblems({ ...plan, satisfactionPerVillage: 7 }, frame).map((p) => p.field)).toEqual(['input.satisfactionPerVillage']);
    expect(splitOf({ ...plan, satisfactionPerVillage: 20 })).toEqual({ withLabour: 10, nonRegistered: 6, withoutLabour: 4 });
  });
});
