/**
 * The formulas of statistics (issue 10), each pinned by a worked example in
 * formulas.test.ts:
 * - poverty incidence 贫困发生率 = poor people ÷ rural population;
 * - age bands of members for a year (age = year − birth year);
 * - income bands and the median from the 100-yuan buckets the aggregates keep
 *   (linear inside the bucket that holds the middle household).
 */
export const BUCKET_WIDTH = 100;
export const FIRST_STATISTICS_YEAR = 2014;

/** Age bands: preschool, compulsory schooling (7–15), working age (16–59), elderly. */
export const AGE_BANDS = [
  { name: 'UNDER_7', from: 0, to: 6 },
  { name: 'AGE_7_15', from: 7, to: 15 },
  { name: 'AGE_16_59', from: 16, to: 59 },
  { name: 'AGE_60_PLUS', from: 60, to: Infinity },
] as const;

export function ageBand(year: number, birthYear: number): string {
  const age = Math.max(0, year - birthYear);
  return AGE_BANDS.find((b) => age >= b.from && age <= b.to)!.name;
}

/** Rate as a fraction rounded to 6 places; null when there is no denominator. */
export function incidence(poorPeople: number, population: number): number | null {
  if (!(population > 0)) return null;
  return Math.round((poorPeople / population) * 1e6) / 1e6;
}

export interface Bucket {
  /** Lower bound, yuan (a multiple of 100). */
  bucket: number;
  households: number;
  people: number;
  incomeSum: number;
}

export interface IncomeBandCount {
  /** Inclusive lower bound, yuan; null for the open lowest band. */
  from: number | null;
  /** Exclusive upper bound, yuan; null for the open highest band. */
  to: number | null;
  households: number;
  people: number;
}

/** Counts per band between the edges (each a multiple of 100): (-∞, e0), [e0, e1), …, [en, ∞). */
export function incomeBands(buckets: readonly Bucket[], edges: readonly number[]): IncomeBandCount[] {
  const bounds = [null, ...edges, null];
  const bands = bounds.slice(0, -1).map((from, i) => ({ from, to: bounds[i + 1], households: 0, people: 0 }));
  for (const b of buckets) {
    const band = bands.find((x) => (x.from === null || b.bucket >= x.from) && (x.to === null || b.bucket < x.to))!;
    band.households += b.households;
    band.people += b.people;
  }
  return bands;
}

/**
 * The median household's per-capita income: the bucket holding the middle household,
 * interpolated linearly inside it (exact to within the bucket's 100 yuan).
 */
export function medianIncome(buckets: readonly Bucket[]): number | null {
  const sorted = buckets.filter((b) => b.households > 0).sort((a, b) => a.bucket - b.bucket);
  const n = sorted.reduce((s, b) => s + b.households, 0);
  if (n === 0) return null;
  const middle = n / 2;
  let before = 0;
  for (const b of sorted) {
    if (before + b.households >= middle) {
      const value = b.bucket + (BUCKET_WIDTH * (middle - before)) / b.households;
      return Math.round(value * 100) / 100;
    }
    before += b.households;
  }
  return null;
}

/** The mean per-capita income over households, from the kept sums. */
export function meanIncome(buckets: readonly Bucket[]): number | null {
  const n = buckets.reduce((s, b) => s + b.households, 0);
  return n > 0 ? Math.round((buckets.reduce((s, b) => s + b.incomeSum, 0) / n) * 100) / 100 : null;
}
