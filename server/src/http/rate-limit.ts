/**
 * Per-token rate limit (issue 13 item 4): at most `limit` requests per caller per minute
 * (a fixed window), the caller being its token — or its address when it sends none. Shared
 * by every API process through PostgreSQL without a statement per request: each process
 * counts locally and, about once a second (`flush`), adds its counts to `rate_windows` and
 * reads back the totals, so a caller spreading requests over N processes gets at most about
 * one second's worth of requests per process beyond the limit. Every answer carries
 * `x-ratelimit-limit`, `x-ratelimit-remaining` and `x-ratelimit-reset` (seconds to the next
 * window); beyond the limit it is 429 RATE_LIMITED with `retry-after`.
 */
import { createHash } from 'node:crypto';

export const WINDOW_MS = 60_000;

export interface RateVerdict { allowed: boolean; limit: number; remaining: number; resetS: number }
export interface WindowCount { key: string; windowStart: number; count: number }
/** Adds the counts to the shared store and returns the totals of those windows. */
export type RateSync = (deltas: WindowCount[]) => Promise<WindowCount[]>;

interface Entry { windowStart: number; known: number; pending: number }

export class RateLimiter {
  private readonly entries = new Map<string, Entry>();

  constructor(readonly limit: number, private readonly sync: RateSync, private readonly now: () => number = Date.now) {}

  /** Counts one request of `key` unless its window is full. */
  take(key: string): RateVerdict {
    const t = this.now();
    const windowStart = t - (t % WINDOW_MS);
    let e = this.entries.get(key);
    if (!e || e.windowStart !== windowStart) this.entries.set(key, (e = { windowStart, known: 0, pending: 0 }));
    const used = e.known + e.pending;
    const resetS = Math.ceil((windowStart + WINDOW_MS - t) / 1000);
    if (used >= this.limit) return { allowed: false, limit: this.limit, remaining: 0, resetS };
    e.pending++;
    return { allowed: true, limit: this.limit, remaining: this.limit - used - 1, resetS };
  }

  /** Shares this process's counts and learns the others'; forgets windows that are over. */
  async flush(): Promise<void> {
    const t = this.now();
    const current = t - (t % WINDOW_MS);
    const deltas: WindowCount[] = [];
    for (const [key, e] of this.entries) {
      if (e.pending > 0) deltas.push({ key, windowStart: e.windowStart, count: e.pending });
      else if (e.windowStart < current) this.entries.delete(key);
    }
    if (deltas.length === 0) return;
    for (const d of deltas) this.entries.get(d.key)!.pending -= d.count;
    let totals: WindowCount[];
    try {
      totals = await this.sync(deltas);
    } catch (err) {
      for (const d of deltas) {
        const e = this.entries.get(d.key);
        if (e?.windowStart === d.windowStart) e.pending += d.count; // try again next time
      }
      throw err;
    }
    for (const r of totals) {
      const e = this.entries.get(r.key);
      if (e?.windowStart === r.windowStart) e.known = r.count;
    }
  }
}

/** The caller a request is counted for: a hash of its bearer token (never the token itself), else its address. */
export function rateKey(authorization: string | undefined, address: string | undefined): string {
  return authorization ? `t:${createHash('sha256').update(authorization).digest('base64url').slice(0, 22)}` : `a:${address ?? 'unknown'}`;
}
