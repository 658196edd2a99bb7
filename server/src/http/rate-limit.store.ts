/** SQL of the shared rate-limit windows (./rate-limit.ts): add counts, read totals, forget old minutes. */
import { sql } from 'drizzle-orm';
import type { Db } from '../db/client.js';
import { named } from '../db/stats.js';
import { WINDOW_MS, type WindowCount } from './rate-limit.js';

export const rateLimitStore = {
  add: (db: Db, deltas: WindowCount[]) =>
    named('rateLimit.add', async () => {
      const values = sql.join(deltas.map((d) => sql`(${d.key}, ${d.windowStart}::bigint, ${d.count}::int)`), sql`, `);
      const r = await db.execute(sql`
        insert into rate_windows (key, window_start, count) values ${values}
        on conflict (key, window_start) do update set count = rate_windows.count + excluded.count
        returning key, window_start, count`);
      return (r as unknown as { rows: { key: string; window_start: string | number; count: number }[] }).rows.map((x) => ({ key: x.key, windowStart: Number(x.window_start), count: Number(x.count) }));
    }),

  forgetBefore: (db: Db, now: number) =>
    named('rateLimit.forget', () => db.execute(sql`delete from rate_windows where window_start < ${now - 2 * WINDOW_MS}::bigint`)),
};
