/**
 * SQL of the webhook dispatcher (dispatcher.ts): fan-out of change events into
 * deliveries, and the delivery queue. Every claim is `FOR UPDATE SKIP LOCKED`, so
 * server processes sharing one database split the work and never take the same row;
 * a delivery's claim is then a lease (claimed_until) with `attempts` as its fencing
 * token, so an outcome is recorded only by the process whose claim still holds.
 */
import { randomUUID } from 'node:crypto';
import { and, asc, eq, inArray, isNull, lt, lte, or, sql, type SQL } from 'drizzle-orm';
import type { Caller, Role } from '../../auth/caller.js';
import { scoped } from '../../auth/scope.js';
import type { Tx } from '../../db/client.js';
import { changeEvents, webhookDeliveries, webhookEndpoints } from '../../db/schema/index.js';
import { named } from '../../db/stats.js';
import { finished, sectorScoped, type FeedPosition } from '../change/change.store.js';
import type { EndpointRow } from './webhook.store.js';

/**
 * The feed's horizon in the statement's snapshot: every transaction before it has
 * finished (the right-hand side of change.store's `finished()`).
 */
const horizon = () => sql`(pg_snapshot_xmin(pg_current_snapshot())::text)::bigint`;

const after = (pos: FeedPosition) => sql`(${changeEvents.txId}, ${changeEvents.id}) > (${pos.txId}::bigint, ${pos.id}::bigint)`;
const ms = (n: number) => sql`make_interval(secs => ${n / 1000})`;

/** The owner as a caller, for the area scope of the events fanned out to an endpoint. */
const ownerOf = (e: EndpointRow): Caller => ({ id: e.owner, role: e.role as Role, areas: e.areaCodes, sector: e.sector ?? undefined });

export const dispatchStore = {
  // ── Fan-out ──
  /**
   * Active endpoints with finished events after their position, furthest behind
   * first, locked (others' skipped); with the horizon of this statement's snapshot.
   */
  claimForFanOut: (db: Tx, limit: number) =>
    named('webhook.fanout.claim', () =>
      db.select({ endpoint: webhookEndpoints, horizon: horizon().mapWith(Number) })
        .from(webhookEndpoints)
        .where(and(
          eq(webhookEndpoints.status, 'active'),
          sql`${webhookEndpoints.positionTxId} < ${horizon()}`,
          sql`exists (select 1 from ${changeEvents} where (${changeEvents.txId}, ${changeEvents.id}) > (${webhookEndpoints.positionTxId}, ${webhookEndpoints.positionId}) and ${changeEvents.txId} < ${horizon()})`,
        ))
        .orderBy(asc(webhookEndpoints.positionTxId), asc(webhookEndpoints.id))
        .limit(limit)
        .for('update', { skipLocked: true }),
    ),

  /**
   * The endpoint's events after its position, in feed order `(tx_id, id)`, of its
   * types and areas. `tx_id < horizon` (read earlier in this transaction) implies
   * `finished()` — the horizon only grows — and makes the position `(horizon, 0)`
   * exact when fewer than `limit` come back.
   */
  eventsFor: (db: Tx, e: EndpointRow, bound: number, limit: number) =>
    named('webhook.fanout.events', () =>
      db.select({ id: changeEvents.id, txId: changeEvents.txId }).from(changeEvents)
        .where(and(
          finished(),
          sql`${changeEvents.txId} < ${bound}::bigint`,
          after({ txId: e.positionTxId, id: e.positionId }),
          e.eventTypes.length ? inArray(changeEvents.type, e.eventTypes) : undefined,
          scoped(changeEvents.areaCode, ownerOf(e)),
          sectorScoped(ownerOf(e)),
        ))
        .orderBy(asc(changeEvents.txId), asc(changeEvents.id))
        .limit(limit),
    ),

  insertDeliveries: (db: Tx, endpointId: string, eventIds: number[]) =>
    named('webhook.fanout.insert', () =>
      db.insert(webhookDeliveries).values(eventIds.map((eventId) => ({ id: randomUUID(), endpointId, eventId }))).onConflictDoNothing(),
    ),

  /** Moves the position forward (never back). */
  advance: (db: Tx, id: string, pos: FeedPosition) =>
    named('webhook.fanout.advance', () =>
      db.update(webhookEndpoints).set({ positionTxId: pos.txId, positionId: pos.id })
        .where(and(eq(webhookEndpoints.id, id), sql`(${webhookEndpoints.positionTxId}, ${webhookEndpoints.positionId}) < (${pos.txId}::bigint, ${pos.id}::bigint)`)),
    ),

  // ── Delivery ──
  /**
   * Due pending deliveries of active endpoints, locked (others' skipped), then
   * claimed for `leaseMs`: attempts + 1 (the claim's fencing token) and
   * claimed_until, so no other process takes them while this one POSTs — outside
   * any transaction. A claim whose process died expires and is taken again.
   */
  claimDue: (db: Tx, limit: number, leaseMs: number) =>
    named('webhook.deliver.claim', async () => {
      const due = await db.select({ id: webhookDeliveries.id, url: webhookEndpoints.url, secret: webhookEndpoints.secret, role: webhookEndpoints.role, owner: webhookEndpoints.owner, event: changeEvents })
        .from(webhookDeliveries)
        .innerJoin(webhookEndpoints, eq(webhookEndpoints.id, webhookDeliveries.endpointId))
        .innerJoin(changeEvents, eq(changeEvents.id, webhookDeliveries.eventId))
        .where(and(
          eq(webhookDeliveries.status, 'pending'),
          lte(webhookDeliveries.nextAttemptAt, sql`now()`),
          or(isNull(webhookDeliveries.claimedUntil), lt(webhookDeliveries.claimedUntil, sql`now()`)),
          eq(webhookEndpoints.status, 'active'),
        ))
        .orderBy(asc(webhookDeliveries.nextAttemptAt))
        .limit(limit)
        .for('update', { of: webhookDeliveries, skipLocked: true });
      if (!due.length) return [];
      const claimed = await db.update(webhookDeliveries)
        .set({ attempts: sql`${webhookDeliveries.attempts} + 1`, claimedUntil: sql`now() + ${ms(leaseMs)}` })
        .where(inArray(webhookDeliveries.id, due.map((d) => d.id)))
        .returning({ id: webhookDeliveries.id, endpointId: webhookDeliveries.endpointId, attempts: webhookDeliveries.attempts });
      const byId = new Map(due.map((d) => [d.id, d]));
      return claimed.map((c) => ({ ...c, ...byId.get(c.id)! }));
    }),

  /** A 2xx: delivered, and the endpoint's failures in a row start again from 0. False if the claim was lost. */
  delivered: (db: Tx, id: string, attempt: number, endpointId: string, statusCode: number) =>
    named('webhook.deliver.ok', async () => {
      const done = await db.update(webhookDeliveries)
        .set({ status: 'delivered', deliveredAt: sql`now()`, nextAttemptAt: null, claimedUntil: null, lastStatusCode: statusCode, lastError: null })
        .where(claim(id, attempt)).returning({ id: webhookDeliveries.id });
      if (!done.length) return false;
      await db.update(webhookEndpoints).set({ consecutiveFailures: 0 }).where(and(eq(webhookEndpoints.id, endpointId), sql`${webhookEndpoints.consecutiveFailures} <> 0`));
      return true;
    }),

  /**
   * A failed attempt: retried after `retryMs`, or given up (`failed`) when `retryMs`
   * is null; the endpoint's failures in a row + 1, and at `pauseAt` it is paused
   * with `reason`. Returns the endpoint's status, or undefined if the claim was lost.
   */
  failed: (db: Tx, f: { id: string; attempt: number; endpointId: string; statusCode: number | null; error: string; retryMs: number | null; pauseAt: number; reason: string }) =>
    named('webhook.deliver.failed', async () => {
      const done = await db.update(webhookDeliveries)
        .set({
          status: f.retryMs === null ? 'failed' : 'pending',
          nextAttemptAt: f.retryMs === null ? null : sql`now() + ${ms(f.retryMs)}`,
          claimedUntil: null, lastStatusCode: f.statusCode, lastError: f.error,
        })
        .where(claim(f.id, f.attempt)).returning({ id: webhookDeliveries.id });
      if (!done.length) return undefined;
      const pausing = sql`${webhookEndpoints.status} = 'active' and ${webhookEndpoints.consecutiveFailures} + 1 >= ${f.pauseAt}::int`;
      const [e] = await db.update(webhookEndpoints)
        .set({
          consecutiveFailures: sql`${webhookEndpoints.consecutiveFailures} + 1`,
          status: sql`case when ${pausing} then 'paused' else ${webhookEndpoints.status} end`,
          pausedAt: sql`case when ${pausing} then now() else ${webhookEndpoints.pausedAt} end`,
          pausedReason: sql`case when ${pausing} then ${f.reason}::text else ${webhookEndpoints.pausedReason} end`,
        })
        .where(eq(webhookEndpoints.id, f.endpointId)).returning({ status: webhookEndpoints.status });
      return e?.status;
    }),
};

/** The row as this process claimed it: still pending, and not claimed again since. */
const claim = (id: string, attempt: number): SQL => and(eq(webhookDeliveries.id, id), eq(webhookDeliveries.status, 'pending'), eq(webhookDeliveries.attempts, attempt))!;
