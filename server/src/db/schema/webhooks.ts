/**
 * Webhooks (issue 5 item 6): endpoints that callers register, and one delivery row
 * per (endpoint, change event). All dispatch state lives here, in PostgreSQL, so a
 * restarted or second server process picks up exactly where the work stands
 * (modules/webhook/dispatcher.ts).
 */
import { sql } from 'drizzle-orm';
import { bigint, index, integer, pgTable, text, timestamp, uniqueIndex, uuid } from 'drizzle-orm/pg-core';

export const webhookEndpoints = pgTable(
  'webhook_endpoints',
  {
    id: uuid('id').primaryKey(),
    /** The registering caller's id (token subject): only they see and change it. */
    owner: text('owner').notNull(),
    role: text('role').notNull(),
    sector: text('sector'),
    /**
     * The area code prefixes deliveries are limited to: the requested `areaCode`, or
     * else every prefix of the owner's token at registration ('' = national). An
     * array, so a caller with several areas loses none of them.
     */
    areaCodes: text('area_codes').array().notNull(),
    url: text('url').notNull(),
    /** HMAC key of the signatures; never returned by the API. */
    secret: text('secret').notNull(),
    /** Event types delivered; empty = all. */
    eventTypes: text('event_types').array().notNull(),
    /** 'active' | 'paused'. */
    status: text('status').notNull().default('active'),
    consecutiveFailures: integer('consecutive_failures').notNull().default(0),
    pausedReason: text('paused_reason'),
    pausedAt: timestamp('paused_at', { withTimezone: true }),
    /**
     * The change-feed position (tx_id, id) up to which events were fanned out into
     * deliveries: the next are those after it in feed order. `(T, 0)` means "every
     * event of transactions before T". Starts at the feed's end when registered: the
     * oldest transaction still running, as change.store's `finished()` sees it.
     */
    positionTxId: bigint('position_tx_id', { mode: 'number' }).notNull().default(sql`(pg_snapshot_xmin(pg_current_snapshot())::text)::bigint`),
    positionId: bigint('position_id', { mode: 'number' }).notNull().default(0),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    index('webhook_endpoints_owner_idx').on(t.owner, t.id),
    /** Fan-out takes the active endpoints furthest behind first. */
    index('webhook_endpoints_fanout_idx').on(t.positionTxId, t.id).where(sql`${t.status} = 'active'`),
  ],
);

export const webhookDeliveries = pgTable(
  'webhook_deliveries',
  {
    id: uuid('id').primaryKey().default(sql`gen_random_uuid()`),
    endpointId: uuid('endpoint_id').notNull().references(() => webhookEndpoints.id, { onDelete: 'cascade' }),
    /** change_events.id. No foreign key, so change_events can be partitioned by province later (DESIGN.md). */
    eventId: bigint('event_id', { mode: 'number' }).notNull(),
    /** 'pending' | 'delivered' | 'failed' (gave up after the maximum attempts). */
    status: text('status').notNull().default('pending'),
    /** POSTs started since it was (re)queued; also the fencing token of a claim. */
    attempts: integer('attempts').notNull().default(0),
    /** When a pending delivery is due; null once delivered or failed. */
    nextAttemptAt: timestamp('next_attempt_at', { withTimezone: true }).defaultNow(),
    /** Set while a process is POSTing it: nobody else claims it before then. */
    claimedUntil: timestamp('claimed_until', { withTimezone: true }),
    lastStatusCode: integer('last_status_code'),
    lastError: text('last_error'),
    deliveredAt: timestamp('delivered_at', { withTimezone: true }),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    /** One delivery per endpoint and event (fan-out inserts ON CONFLICT DO NOTHING); also the owner's log order. */
    uniqueIndex('webhook_deliveries_event_key').on(t.endpointId, t.eventId),
    /** The dispatcher's queue: due pending deliveries. */
    index('webhook_deliveries_due_idx').on(t.nextAttemptAt).where(sql`${t.status} = 'pending'`),
  ],
);
