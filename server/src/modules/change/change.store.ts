/**
 * SQL of the change feed: events in scope, in feed order, gap-free.
 *
 * Gap-free: `id` is a bigserial, taken when a transaction inserts its event, but
 * transactions commit in any order. A reader ordered by `id` that paged past id 10 while
 * id 9 was still uncommitted would never go back for it: id 9 would be skipped forever.
 * So the feed returns only events of transactions older than every transaction still
 * running (`tx_id < xmin` of the current snapshot: all of those have finished, and no
 * new one can join them), and it is ordered by `(tx_id, id)`, not by `id` alone:
 * a transaction that took its ID first may insert its event after a younger one and
 * commit before it (A gets xid 99, B xid 100, B inserts id 50, A inserts id 51, A
 * commits: 51 is visible, 50 is not yet). In `id` order a reader past 51 would skip 50;
 * in `(tx_id, id)` order 50 (tx 100) comes after 51 (tx 99), so every event that
 * becomes visible later sorts after any cursor already handed out. change.store.test.ts
 * proves this on PostgreSQL with two open transactions.
 *
 * The price: a transaction left open holds back the feed (not the writes) until it ends.
 */
import { and, asc, count, eq, inArray, sql, type SQL } from 'drizzle-orm';
import type { Caller } from '../../auth/caller.js';
import { scopedTo } from '../../auth/scope.js';
import type { Tx } from '../../db/client.js';
import { changeEvents } from '../../db/schema/index.js';
import { named } from '../../db/stats.js';

export type ChangeRow = typeof changeEvents.$inferSelect;

export interface ChangeFilter {
  types?: string[];
  areaCode?: string;
}

/** A position in the feed: the last event read. */
export interface FeedPosition {
  txId: number;
  id: number;
}

/** The channel every write transaction notifies at commit (change.listener.ts listens on it). */
export const CHANGES_CHANNEL = 'jingzhun_changes';

/** Events whose transaction, and every older one, has finished. */
export const finished = (): SQL => sql`${changeEvents.txId} < (pg_snapshot_xmin(pg_current_snapshot())::text)::bigint`;

/**
 * The sector rule of the queries, on the feed: a ministry reads the events of records no
 * sector owns and of its own sector's, never another sector's programmes, projects and links.
 */
export const sectorScoped = (caller: Caller): SQL | undefined =>
  caller.role === 'ministry' ? sql`(${changeEvents.sector} is null or ${changeEvents.sector} = ${caller.sector ?? ''})` : undefined;

function where(caller: Caller, f: ChangeFilter): SQL | undefined {
  return and(
    scopedTo(changeEvents.areaCode, caller, f.areaCode),
    sectorScoped(caller),
    f.types?.length ? inArray(changeEvents.type, f.types) : undefined,
    finished(),
  );
}

export const changeStore = {
  /** In feed order `(tx_id, id)`, strictly after `after`. */
  page: (db: Tx, caller: Caller, f: ChangeFilter, after: FeedPosition | undefined, limit: number) =>
    named('change.page', () =>
      db
        .select()
        .from(changeEvents)
        .where(and(where(caller, f), after ? sql`(${changeEvents.txId}, ${changeEvents.id}) > (${after.txId}::bigint, ${after.id}::bigint)` : undefined))
        .orderBy(asc(changeEvents.txId), asc(changeEvents.id))
        .limit(limit),
    ),

  count: (db: Tx, caller: Caller, f: ChangeFilter) =>
    named('change.count', async () => (await db.select({ n: count() }).from(changeEvents).where(where(caller, f)))[0].n),

  /**
   * The feed's current end, for every caller: the position after every event `page` can
   * return now and before every event it can return later (all of those belong to
   * transactions at or after the snapshot's xmin). Reads no table.
   */
  end: (db: Tx) =>
    named('change.end', async (): Promise<FeedPosition> => {
      // Both drivers (pg and PGlite) answer `execute` with `{ rows }`.
      const result = (await db.execute(sql`select (pg_snapshot_xmin(pg_current_snapshot())::text) as xmin`)) as unknown as { rows: { xmin: string }[] };
      const xmin = Number(result.rows[0].xmin);
      return { txId: Math.max(1, xmin - 1), id: Number.MAX_SAFE_INTEGER };
    }),

  /** Wakes every replica's subscribers when the calling write transaction commits (nothing if it rolls back). */
  notify: (tx: Tx) => named('change.notify', () => tx.execute(sql`select pg_notify(${CHANGES_CHANNEL}, '')`)),

  byId: (db: Tx, caller: Caller, id: number) =>
    named('change.byId', async () =>
      (await db.select().from(changeEvents).where(and(scopedTo(changeEvents.areaCode, caller, undefined), sectorScoped(caller), eq(changeEvents.id, id))))[0],
    ),
};
