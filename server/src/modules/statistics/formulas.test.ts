import { describe, expect, it } from 'vitest';
import { ageBand, incidence, incomeBands, meanIncome, medianIncome } from './formulas.js';

describe('poverty incidence 贫困发生率', () => {
  it('is poor people over the rural population', () => {
    // 6,172 poor people in a rural population of 241,000: 2.561 %.
    expect(incidence(6172, 241000)).toBe(0.02561);
  });
  it('is null without a population', () => {
    expect(incidence(10, 0)).toBeNull();
  });
});

describe('age bands', () => {
  it('counts age at the end of the year', () => {
    expect(ageBand(2020, 2014)).toBe('UNDER_7');
    expect(ageBand(2020, 2013)).toBe('AGE_7_15');
    expect(ageBand(2020, 2005)).toBe('AGE_7_15');
    expect(ageBand(2020, 2004)).toBe('AGE_16_59');
    expect(ageBand(2020, 1961)).toBe('AGE_16_59');
    expect(ageBand(2020, 1960)).toBe('AGE_60_PLUS');
  });
});

describe('income bands and median', () => {
  // Ten households: 4 in [2,800, 2,900), 2 in [2,900, 3,000), 4 in [3,500, 3,600).
  const buckets = [
    { bucket: 2800, households: 4, people: 12, incomeSum: 4 * 2850 },
    { bucket: 2900, households: 2, people: 5, incomeSum: 2 * 2950 },
    { bucket: 3500, households: 4, people: 10, incomeSum: 4 * 3550 },
  ];
  it('puts each bucket in its band', () => {
    expect(incomeBands(buckets, [2900, 3000])).toEqual([
      { from: null, to: 2900, households: 4, people: 12 },
      { from: 2900, to: 3000, households: 2, people: 5 },
      { from: 3000, to: null, households: 4, people: 10 },
    ]);
  });
  it('interpolates the median inside its bucket', () => {
    // The middle is the 5th household: 1 of the 2 in [2,900, 3,000) → 2,900 + 100 × 1/2.
    expect(medianIncome(buckets)).toBe(2950);
  });
  it('takes the mean from the kept sums', () => {
    expect(meanIncome(buckets)).toBe((4 * 2850 + 2 * 2950 + 4 * 3550) / 10);
  });
  it('has no median without households', () => {
    expect(medianIncome([])).toBeNull();
  });
});
