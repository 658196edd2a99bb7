/**
 * The DCI social-registry interface (issue 17): registered clients of the token endpoint
 * (secrets stored as scrypt hashes only), every DCI transaction with its correlation id and
 * its result (for txn status), subscriptions fed from the change feed, and the outbox of
 * callbacks (on-search, on-subscribe, notify…) delivered with retries (modules/dci).
 */
import { sql } from 'drizzle-orm';
import { bigint, bigserial, index, integer, jsonb, pgTable, text, timestamp, uniqueIndex } from 'drizzle-orm/pg-core';

export const dciClients = pgTable('dci_clients', {
  clientId: text('client_id').primaryKey(),
  /** `scrypt$<salt hex>$<hash hex>` of the client secret; the secret itself is never stored. */
  secretHash: text('secret_hash').notNull(),
  name: text('name').notNull(),
  /** The registry role its tokens carry (auth/caller.ts), e.g. analyst or official. */
  role: text('role').notNull(),
  areas: text('areas').array().notNull(),
  sector: text('sector'),
  /** The client's ed25519 public key (32 bytes, base64url), when registered: its requests must then be signed (modules/dci/dci.signature.ts). */
  publicKey: text('public_key'),
  createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
});

export const dciTransactions = pgTable(
  'dci_transactions',
  {
    /** Our correlation id (a UUID), returned in every acknowledgement. */
    correlationId: text('correlation_id').primaryKey(),
    /** The sender's transaction id and message id (from the envelope). */
    transactionId: text('transaction_id').notNull(),
    messageId: text('message_id').notNull(),
    /** Token subject of the caller: only they can read its status. */
    owner: text('owner').notNull(),
    senderId: text('sender_id').notNull(),
    action: text('action').notNull(),
    /** rcvd | pdng | succ | rjct */
    status: text('status').notNull(),
    referenceIds: text('reference_ids').array().notNull(),
    /** The response message (SearchResponse, SubscribeResponse…) once complete. */
    response: jsonb('response'),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    index('dci_transactions_owner_txn_idx').on(t.owner, t.transactionId),
    uniqueIndex('dci_transactions_message_key').on(t.owner, t.messageId),
  ],
);

export const dciSubscriptions = pgTable(
  'dci_subscriptions',
  {
    /** The subscription code returned to the subscriber. */
    code: text('code').primaryKey(),
    owner: text('owner').notNull(),
    role: text('role').notNull(),
    areas: text('areas').array().notNull(),
    sector: text('sector'),
    senderId: text('sender_id').notNull(),
    /** Where notifications are POSTed (the subscribe request's sender_uri). */
    notifyUri: text('notify_uri'),
    transactionId: text('transaction_id').notNull(),
    /** REGISTER | UPDATE | DELETE | ALL | NewHouseHoldMember, as requested (reg_event_type; modules/dci/dci.events.ts). */
    eventType: text('event_type').notNull(),
    /** Change-event types it follows (household.registered…). */
    changeTypes: text('change_types').array().notNull(),
    /** The filter `{type, query}` a household must match to be notified (dci.query.ts); null: every household in scope. */
    filter: jsonb('filter'),
    /** The locale notifications are given in (eng | zho, modules/dci/dci.locale.ts). */
    locale: text('locale').notNull().default('eng'),
    /** subscribe | unsubscribe */
    status: text('status').notNull().default('subscribe'),
    /** Change-feed position (tx_id, id) notified up to, as webhook endpoints keep theirs. */
    positionTxId: bigint('position_tx_id', { mode: 'number' }).notNull().default(sql`(pg_snapshot_xmin(pg_current_snapshot())::text)::bigint`),
    positionId: bigint('position_id', { mode: 'number' }).notNull().default(0),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    index('dci_subscriptions_owner_idx').on(t.owner),
    index('dci_subscriptions_feed_idx').on(t.positionTxId).where(sql`${t.status} = 'subscribe' and ${t.notifyUri} is not null`),
  ],
);

export const dciCallbacks = pgTable(
  'dci_callbacks',
  {
    id: bigserial('id', { mode: 'number' }).primaryKey(),
    url: text('url').notNull(),
    /** on-search | on-subscribe | on-unsubscribe | txn-on-status | notify */
    action: text('action').notNull(),
    body: jsonb('body').notNull(),
    correlationId: text('correlation_id'),
    /** pending | delivered | failed */
    status: text('status').notNull().default('pending'),
    attempts: integer('attempts').notNull().default(0),
    nextAt: timestamp('next_at', { withTimezone: true }).notNull().defaultNow(),
    lastError: text('last_error'),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [index('dci_callbacks_due_idx').on(t.nextAt).where(sql`${t.status} = 'pending'`)],
);
