/** The per-token rate limit on worked examples: a window of 3, two processes sharing one store. */
import { describe, expect, it } from 'vitest';
import { RateLimiter, WINDOW_MS, type WindowCount } from './rate-limit.js';

/** The shared table, as a map: what `rate_windows` does with its upsert. */
function sharedStore() {
  const rows = new Map<string, number>();
  return async (deltas: WindowCount[]) =>
    deltas.map((d) => {
      const k = `${d.key}@${d.windowStart}`;
      rows.set(k, (rows.get(k) ?? 0) + d.count);
      return { ...d, count: rows.get(k)! };
    });
}

describe('RateLimiter', () => {
  it('admits 3 requests a minute, refuses the 4th with the seconds to wait, and opens again in the next minute', () => {
    let now = 10 * WINDOW_MS + 45_000; // 45 s into a minute
    const rl = new RateLimiter(3, sharedStore(), () => now);
    expect([1, 2, 3].map(() => rl.take('k').remaining)).toEqual([2, 1, 0]);
    expect(rl.take('k')).toEqual({ allowed: false, limit: 3, remaining: 0, resetS: 15 });
    expect(rl.take('other').allowed).toBe(true);
    now += 15_000;
    expect(rl.take('k')).toMatchObject({ allowed: true, remaining: 2, resetS: 60 });
  });

  it('counts what another process admitted once both have flushed', async () => {
    const now = () => 20 * WINDOW_MS + 1000;
    const store = sharedStore();
    const a = new RateLimiter(3, store, now);
    const b = new RateLimiter(3, store, now);
    a.take('k');
    a.take('k');
    await a.flush();
    b.take('k');
    await b.flush(); // b learns the total: 3
    expect(b.take('k').allowed).toBe(false);
    await a.flush(); // nothing pending: a has not learnt yet, and admits one more within its second
    expect(a.take('k')).toMatchObject({ allowed: true, remaining: 0 });
  });

  it('keeps its counts when the store cannot be reached, and shares them at the next flush', async () => {
    const now = () => 30 * WINDOW_MS;
    let up = false;
    const store = sharedStore();
    const rl = new RateLimiter(5, (d) => (up ? store(d) : Promise.reject(new Error('down'))), now);
    rl.take('k');
    rl.take('k');
    await expect(rl.flush()).rejects.toThrow('down');
    up = true;
    await rl.flush();
    expect(rl.take('k').remaining).toBe(2);
  });
});
