/**
 * SQL of webhooks for the API: an owner's endpoints and deliveries. Every read and
 * lock is limited to `owner = caller` in the query itself; the changes by ID follow
 * such a lock in the same transaction. The dispatcher's SQL is dispatch.store.ts.
 */
import { and, asc, count, desc, eq, getTableColumns, lt, sql } from 'drizzle-orm';
import type { Tx } from '../../db/client.js';
import { changeEvents, webhookDeliveries, webhookEndpoints } from '../../db/schema/index.js';
import { named } from '../../db/stats.js';

export type EndpointRow = typeof webhookEndpoints.$inferSelect;
export type DeliveryRow = typeof webhookDeliveries.$inferSelect;
export type DeliveryStatus = 'pending' | 'delivered' | 'failed';

/** A delivery as the owner's log shows it: with its event's type. */
export type DeliveryView = DeliveryRow & { eventType: string };

const deliveryView = { ...getTableColumns(webhookDeliveries), eventType: changeEvents.type };

export const webhookStore = {
  insertEndpoint: (db: Tx, row: typeof webhookEndpoints.$inferInsert) => named('webhook.insert', () => db.insert(webhookEndpoints).values(row).returning()),

  endpointPage: (db: Tx, owner: string, afterId: string | undefined, limit: number) =>
    named('webhook.page', () =>
      db.select().from(webhookEndpoints)
        .where(and(eq(webhookEndpoints.owner, owner), afterId ? sql`${webhookEndpoints.id} > ${afterId}` : undefined))
        .orderBy(asc(webhookEndpoints.id)).limit(limit),
    ),

  endpointCount: (db: Tx, owner: string) =>
    named('webhook.count', async () => (await db.select({ n: count() }).from(webhookEndpoints).where(eq(webhookEndpoints.owner, owner)))[0].n),

  /** The caller's endpoint, locked for a change; undefined for anyone else's. */
  lockEndpoint: (db: Tx, owner: string, id: string) =>
    named('webhook.lock', async () =>
      (await db.select().from(webhookEndpoints).where(and(eq(webhookEndpoints.owner, owner), eq(webhookEndpoints.id, id))).for('update'))[0],
    ),

  endpointOf: (db: Tx, owner: string, id: string) =>
    named('webhook.byId', async () => (await db.select().from(webhookEndpoints).where(and(eq(webhookEndpoints.owner, owner), eq(webhookEndpoints.id, id))))[0]),

  /** Active again, failures forgotten; its pending deliveries are due now. */
  resume: (db: Tx, id: string) =>
    named('webhook.resume', async () => {
      const [row] = await db.update(webhookEndpoints)
        .set({ status: 'active', consecutiveFailures: 0, pausedReason: null, pausedAt: null, updatedAt: new Date() })
        .where(eq(webhookEndpoints.id, id)).returning();
      await db.update(webhookDeliveries).set({ nextAttemptAt: sql`now()` })
        .where(and(eq(webhookDeliveries.endpointId, id), eq(webhookDeliveries.status, 'pending')));
      return row;
    }),

  /** Deletes an endpoint and (cascade) its deliveries. */
  /** For `jingzhun keys rotate`: endpoints' stored secrets in ID order, a batch after `afterId`. */
  secretsAfter: (db: Tx, afterId: string, limit: number) =>
    named('webhook.secretsAfter', () => db.select({ id: webhookEndpoints.id, secret: webhookEndpoints.secret }).from(webhookEndpoints)
      .where(sql`${webhookEndpoints.id} > ${afterId}::uuid`).orderBy(asc(webhookEndpoints.id)).limit(limit)),

  /** Replaces a stored secret only if it is still the one read (a concurrent change wins). */
  resealSecret: (db: Tx, id: string, was: string, sealed: string) =>
    named('webhook.resealSecret', () => db.update(webhookEndpoints).set({ secret: sealed }).where(and(eq(webhookEndpoints.id, id), eq(webhookEndpoints.secret, was)))),

  deleteEndpoint: (db: Tx, id: string) => named('webhook.delete', () => db.delete(webhookEndpoints).where(eq(webhookEndpoints.id, id))),

  /** A delivery of one of the caller's endpoints, locked; with its endpoint's status and areas. */
  lockDelivery: (db: Tx, owner: string, id: string) =>
    named('webhook.delivery.lock', async () =>
      (await db.select({ delivery: webhookDeliveries, endpoint: { status: webhookEndpoints.status, areaCodes: webhookEndpoints.areaCodes } })
        .from(webhookDeliveries)
        .innerJoin(webhookEndpoints, eq(webhookEndpoints.id, webhookDeliveries.endpointId))
        .where(and(eq(webhookEndpoints.owner, owner), eq(webhookDeliveries.id, id)))
        .for('update', { of: webhookDeliveries }))[0],
    ),

  /** Queued again, due now, attempts counted afresh. */
  requeue: (db: Tx, id: string) =>
    named('webhook.delivery.requeue', async () => {
      const [d] = await db.update(webhookDeliveries)
        .set({ status: 'pending', attempts: 0, nextAttemptAt: sql`now()`, claimedUntil: null, deliveredAt: null })
        .where(eq(webhookDeliveries.id, id)).returning();
      return d;
    }),

  deliveryView: (db: Tx, id: string) =>
    named('webhook.delivery.byId', async () =>
      (await db.select(deliveryView).from(webhookDeliveries)
        .innerJoin(changeEvents, eq(changeEvents.id, webhookDeliveries.eventId))
        .where(eq(webhookDeliveries.id, id)))[0] as DeliveryView | undefined,
    ),

  /** An endpoint's deliveries, newest event first. */
  deliveryPage: (db: Tx, endpointId: string, status: DeliveryStatus | undefined, beforeEvent: number | undefined, limit: number) =>
    named('webhook.delivery.page', async () =>
      (await db.select(deliveryView).from(webhookDeliveries)
        .innerJoin(changeEvents, eq(changeEvents.id, webhookDeliveries.eventId))
        .where(and(
          eq(webhookDeliveries.endpointId, endpointId),
          status ? eq(webhookDeliveries.status, status) : undefined,
          beforeEvent !== undefined ? lt(webhookDeliveries.eventId, beforeEvent) : undefined,
        ))
        .orderBy(desc(webhookDeliveries.eventId)).limit(limit)) as DeliveryView[],
    ),

  deliveryCount: (db: Tx, endpointId: string, status: DeliveryStatus | undefined) =>
    named('webhook.delivery.count', async () =>
      (await db.select({ n: count() }).from(webhookDeliveries)
        .where(and(eq(webhookDeliveries.endpointId, endpointId), status ? eq(webhookDeliveries.status, status) : undefined)))[0].n,
    ),
};
