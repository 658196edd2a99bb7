/** Retry delays: doubling from the base, capped. */
import { describe, expect, it } from 'vitest';
import { retryDelayMs } from './backoff.js';

describe('retryDelayMs', () => {
  it('doubles from the base after each failed attempt', () => {
    expect([1, 2, 3, 4, 5].map((n) => retryDelayMs(n, 1000, 3_600_000))).toEqual([1000, 2000, 4000, 8000, 16000]);
  });

  it('never waits more than the maximum, even for huge attempt counts', () => {
    expect(retryDelayMs(13, 1000, 3_600_000)).toBe(3_600_000); // 1000 × 2^12 = 4,096,000 > 1 h
    expect(retryDelayMs(12, 1000, 3_600_000)).toBe(2_048_000);
    expect(retryDelayMs(5000, 1000, 3_600_000)).toBe(3_600_000);
  });

  it('treats a count below 1 as the first failure', () => {
    expect(retryDelayMs(0, 50, 1000)).toBe(50);
  });
});
