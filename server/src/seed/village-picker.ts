/**
 * Which village each synthetic household goes to, and its household number (户编号).
 *
 * Contract: pure apart from its own counters. Villages are drawn with fixed random weights:
 * poor villages 2.5×, urban communities (社区, 居委会) 0.3×, each varied by ±40%. Numbers are
 * the village code + a 4-digit sequence continuing after the highest number already in
 * use in that village; a village whose sequence reaches 9999 is no longer drawn, and when
 * every village is full `pick` throws.
 */
import type { Rng } from './rng.js';

export interface VillageArea {
  code: string;
  name: string;
}

export const isCommunity = (v: VillageArea): boolean => /社区|居委会/.test(v.name);

export class VillagePicker {
  private readonly weights: number[];
  private cumulative: number[] = [];
  private total = 0;

  /** `lastSeq`: highest sequence in use per village code (absent = none). */
  constructor(
    private readonly rng: Rng,
    private readonly villages: readonly VillageArea[],
    poor: ReadonlySet<string>,
    private readonly lastSeq: Map<string, number>,
  ) {
    this.weights = villages.map((v) => (poor.has(v.code) ? 2.5 : isCommunity(v) ? 0.3 : 1) * rng.real(0.6, 1.4));
    this.rebuild();
  }

  private rebuild(): void {
    let sum = 0;
    this.cumulative = this.weights.map((w) => (sum += w));
    this.total = sum;
  }

  /** A village code and the next household number in it. */
  pick(): { villageCode: string; number: string } {
    for (;;) {
      if (this.total <= 0) throw new Error('every village of the county already has 9999 households: no household number is left');
      const r = this.rng.next() * this.total;
      let lo = 0;
      let hi = this.cumulative.length - 1;
      while (lo < hi) {
        const mid = (lo + hi) >> 1;
        if (this.cumulative[mid]! > r) hi = mid;
        else lo = mid + 1;
      }
      const code = this.villages[lo]!.code;
      const seq = (this.lastSeq.get(code) ?? 0) + 1;
      if (seq > 9999) {
        this.weights[lo] = 0;
        this.rebuild();
        continue;
      }
      this.lastSeq.set(code, seq);
      return { villageCode: code, number: code + String(seq).padStart(4, '0') };
    }
  }
}

/** About a fifth of the villages (not communities) to mark as poor villages, chosen by the Rng. */
export function choosePoorVillages(rng: Rng, villages: readonly VillageArea[], share = 0.2): string[] {
  const target = Math.round(villages.length * share);
  const keyed = villages.filter((v) => !isCommunity(v)).map((v) => [rng.next(), v.code] as const);
  return keyed.sort((a, b) => a[0] - b[0]).slice(0, target).map(([, c]) => c).sort();
}
