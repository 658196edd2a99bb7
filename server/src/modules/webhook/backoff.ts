/**
 * Retry delays of failed deliveries: exponential, capped. After the n-th failed
 * attempt (n ≥ 1) the next one is due `min(base × 2^(n-1), max)` later — with the
 * defaults 1 s, 2 s, 4 s … and at most 1 h.
 */
export function retryDelayMs(failedAttempts: number, baseMs: number, maxMs: number): number {
  const n = Math.max(1, Math.floor(failedAttempts));
  // 2^(n-1) overflows to Infinity for a large n; Math.min caps it.
  return Math.min(baseMs * 2 ** (n - 1), maxMs);
}
