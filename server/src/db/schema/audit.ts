/** Audit trail and change events (outbox), appended in the same transaction as each write. */
import { bigint, bigserial, index, jsonb, pgTable, text, timestamp } from 'drizzle-orm/pg-core';
import { sql } from 'drizzle-orm';

export const auditLog = pgTable(
  'audit_log',
  {
    id: bigserial('id', { mode: 'number' }).primaryKey(),
    at: timestamp('at', { withTimezone: true }).notNull().defaultNow(),
    actor: text('actor').notNull(),
    role: text('role').notNull(),
    operation: text('operation').notNull(),
    entityType: text('entity_type').notNull(),
    entityId: text('entity_id').notNull(),
    /** Area code of the entity, for scope. */
    areaCode: text('area_code').notNull(),
    /** Before and after, with personal data redacted. */
    before: jsonb('before'),
    after: jsonb('after'),
    requestId: text('request_id').notNull(),
    /**
     * The hash chain (issue 13; migration 0027): rows are chained per county — `chain` is the
     * area code's first six digits (or the whole code above county level) — and `hash` is
     * sha256(prev_hash ‖ the row's fields), `prev_hash` the chain's previous row's hash. All
     * three are set by the database's insert trigger, never by the application; UPDATE, DELETE
     * and TRUNCATE are refused by triggers. `jingzhun audit verify` walks the chains.
     */
    chain: text('chain').notNull().default(''),
    prevHash: text('prev_hash'),
    hash: text('hash'),
  },
  (t) => [
    index('audit_chain_idx').on(t.chain, t.id),
    index('audit_scope_idx').using('btree', sql`${t.areaCode} text_pattern_ops`, t.id),
    index('audit_entity_idx').on(t.entityId, t.id),
  ],
);

/** Outbox of change events: type, entity, area, payload without personal data. */
export const changeEvents = pgTable(
  'change_events',
  {
    id: bigserial('id', { mode: 'number' }).primaryKey(),
    at: timestamp('at', { withTimezone: true }).notNull().defaultNow(),
    type: text('type').notNull(),
    entityType: text('entity_type').notNull(),
    entityId: text('entity_id').notNull(),
    areaCode: text('area_code').notNull(),
    payload: jsonb('payload').notNull(),
    /**
     * The sector that owns the record (a programme, a project, a beneficiary link): a
     * ministry reads only its own sector's events, as its `programmes` query reads only
     * its own programmes. Null for records no sector owns.
     */
    sector: text('sector'),
    /**
     * The writing transaction's ID. A reader returns only events of transactions older
     * than every transaction still running, so the feed never skips an event that
     * commits late (gap-free, see modules/change).
     */
    txId: bigint('tx_id', { mode: 'number' }).notNull().default(sql`(pg_current_xact_id()::text)::bigint`),
  },
  (t) => [
    /** The feed's order (tx_id, id), whole and within an area (modules/change). */
    index('change_events_order_idx').on(t.txId, t.id),
    index('change_events_scope_idx').using('btree', sql`${t.areaCode} text_pattern_ops`, t.txId, t.id),
    /** Published needs in feed order, national: what donors' `matchingNeeds` and webhooks read (modules/donation). */
    index('change_events_need_published_idx').on(t.txId, t.id).where(sql`${t.type} = 'need.published'`),
  ],
);
