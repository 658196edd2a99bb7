/**
 * The six DCI registry endpoints over the registry (issue 17 item 1). Each one: role check
 * (a registry reader, auth/require.ts), the transaction row (our correlation id; a message_id
 * sent again by the same caller gets the first answer's correlation id and nothing is redone),
 * the work, the answer stored for txn status, the callback queued when the header names a
 * sender_uri (dci.dispatcher.ts delivers it with retries), and the audit record — all in one
 * database transaction. Synchronous endpoints answer with the callback envelope itself;
 * asynchronous ones with an ACK.
 */
import { randomUUID } from 'node:crypto';
import { canReadRegistry } from '../../auth/caller.js';
import type { Context } from '../../graphql/context.js';
import type { Tx } from '../../db/client.js';
import { recordBatchWrite } from '../audit/audit.service.js';
import { ack, callbackHeader, errAck } from './dci.ack.js';
import { referenceIds, type ErrorCode, type Header } from './dci.envelope.js';
import { searchOne, type SearchItem } from './dci.search.js';
import { dciStore, type TransactionRow } from './dci.store.js';
import { subscribeOne, unsubscribe, type SubscribeItem } from './dci.subscribe.js';

export interface Reply { status: number; body: unknown }

export const error = (status: number, code: ErrorCode, reason: string, correlationId = ''): Reply => ({ status, body: errAck(code, reason, correlationId) });

const now = () => new Date().toISOString();

/** The audit record of a DCI request (no personal data: the query is summarised, not copied). */
export function audit(tx: Tx, ctx: Context, operation: string, correlationId: string, after: Record<string, unknown>) {
  return recordBatchWrite(tx, ctx, {
    operation: `dci.${operation}`, entityType: 'DciTransaction', entityId: correlationId,
    areaCode: ctx.caller.areas[0] ?? '', before: null, after,
  }, []);
}

type Work = (tx: Tx, correlationId: string) => Promise<{ action: string; response: Record<string, unknown>; status: 'succ' | 'rjct'; counts: { total: number; completed: number }; summary: Record<string, unknown> }>;

/**
 * Runs `work` once per (caller, message_id) and records it; returns the transaction (new or
 * the earlier one of a repeated message) and the callback envelope of its answer.
 */
async function transact(ctx: Context, header: Header, message: { transaction_id: string }, operation: string, work: Work, writes = false) {
  const earlierOf = async (db: Tx) => {
    const [earlier] = await dciStore.findTransactionByMessage(db, ctx.caller.id, header.message_id);
    return earlier ? { txn: earlier, envelope: earlier.response as Record<string, unknown> | null, repeated: true } : undefined;
  };
  const repeated = await earlierOf(ctx.db);
  if (repeated) return repeated;
  const correlationId = randomUUID();
  // Reads run before the transaction, with the request's loaders (PGlite has one connection, held by a transaction).
  const read = writes ? undefined : await work(ctx.db, correlationId);
  return ctx.db.transaction(async (tx) => {
    const [row] = await dciStore.insertTransaction(tx, {
      correlationId, transactionId: message.transaction_id, messageId: header.message_id, owner: ctx.caller.id,
      senderId: header.sender_id, action: header.action, status: 'pdng', referenceIds: referenceIds(message),
    });
    if (!row) return (await earlierOf(tx))!;
    const done = read ?? await work(tx, correlationId);
    const envelope = { header: callbackHeader(header, done.action, done.status, done.counts), message: done.response };
    await dciStore.finishTransaction(tx, correlationId, done.status, envelope);
    if (header.sender_uri) await dciStore.enqueue(tx, [{ url: header.sender_uri, action: done.action, body: envelope, correlationId }]);
    await audit(tx, ctx, operation, correlationId, { transactionId: message.transaction_id, messageId: header.message_id, senderId: header.sender_id, callback: !!header.sender_uri, status: done.status, ...done.summary });
    return { txn: { ...row, status: done.status, response: envelope } as TransactionRow, envelope: envelope as Record<string, unknown> | null, repeated: false };
  });
}

function forbiddenFor(ctx: Context): Reply | undefined {
  if (!canReadRegistry(ctx.caller)) return error(403, 'err.request.forbidden', `the ${ctx.caller.role} role cannot read registry records: ask for an official's, cadre's, ministry's or analyst's client`);
  return undefined;
}

const searchWork = (ctx: Context, message: { transaction_id: string; search_request: SearchItem[] }): Work => async (_tx, correlationId) => {
  const items = [];
  // One after the other: they share the request's loaders and, on PGlite, one connection.
  const seen = new Set<string>();
  for (const item of message.search_request) items.push(await searchOne(ctx, item, seen));
  const failed = items.filter((i) => i.status === 'rjct').length;
  return {
    action: 'on-search', status: failed === items.length ? 'rjct' : 'succ', counts: { total: items.length, completed: items.length },
    response: { transaction_id: message.transaction_id, correlation_id: correlationId, search_response: items },
    summary: { requests: items.map((i) => ({ referenceId: i.reference_id, status: i.status, reason: 'status_reason_code' in i ? i.status_reason_code : null, records: i.data.reg_records.length, total: i.pagination.total_count })) },
  };
};

export const dciService = {
  async search(ctx: Context, header: Header, message: { transaction_id: string; search_request: SearchItem[] }, sync: boolean): Promise<Reply> {
    const refused = forbiddenFor(ctx);
    if (refused) return refused;
    const { txn, envelope } = await transact(ctx, header, message, sync ? 'syncSearch' : 'search', searchWork(ctx, message));
    return sync ? { status: 200, body: envelope } : { status: 200, body: ack('ACK', txn.correlationId) };
  },

  async subscribe(ctx: Context, header: Header, message: { transaction_id: string; subscribe_request: SubscribeItem[] }): Promise<Reply> {
    const refused = forbiddenFor(ctx);
    if (refused) return refused;
    if (!header.sender_uri) return error(400, 'err.sender_uri.invalid', 'a subscription needs header.sender_uri: notifications are POSTed there');
    const { txn } = await transact(ctx, header, message, 'subscribe', async (tx, correlationId) => {
      const items = [];
      const seen = new Set<string>();
      for (const item of message.subscribe_request) items.push(await subscribeOne(tx, ctx, header, message.transaction_id, item, seen));
      return {
        action: 'on-subscribe', status: items.every((i) => i.status === 'rjct') ? 'rjct' : 'succ', counts: { total: items.length, completed: items.length },
        response: { transaction_id: message.transaction_id, correlation_id: correlationId, subscribe_response: items },
        summary: { codes: items.flatMap((i) => i.subscriptions?.map((s) => s.code) ?? []) },
      };
    }, true);
    return { status: 200, body: ack('ACK', txn.correlationId) };
  },

  async unsubscribe(ctx: Context, header: Header, message: { transaction_id: string; timestamp: string; subscription_codes: string[] }): Promise<Reply> {
    const refused = forbiddenFor(ctx);
    if (refused) return refused;
    const { txn } = await transact(ctx, header, message, 'unsubscribe', async (tx, correlationId) => {
      const r = await unsubscribe(tx, ctx.caller.id, header.sender_id, message.subscription_codes);
      return {
        action: 'on-unsubscribe', status: r.status, counts: { total: message.subscription_codes.length, completed: message.subscription_codes.length },
        response: { transaction_id: message.transaction_id, correlation_id: correlationId, timestamp: now(), ...r },
        summary: { codes: message.subscription_codes },
      };
    }, true);
    return { status: 200, body: header.sender_uri ? ack('ACK', txn.correlationId) : ack('NACK', txn.correlationId) };
  },

  /** txn status: the caller's own earlier transactions, by transaction id, correlation id or reference ids. */
  async txnStatus(ctx: Context, header: Header, message: { transaction_id: string; txnstatus_request: { reference_id: string; txn_type: string; attribute_type: 'transaction_id' | 'reference_id_list' | 'correlation_id'; attribute_value: string | string[] } }, sync: boolean): Promise<Reply> {
    const refused = forbiddenFor(ctx);
    if (refused) return refused;
    const r = message.txnstatus_request;
    const found = await dciStore.findTransactions(ctx.db, ctx.caller.id, r.attribute_type, r.attribute_value);
    const actions = r.txn_type === 'receipt' ? ['search', 'subscribe', 'unsubscribe'] : [r.txn_type];
    const wanted = found.filter((t) => actions.includes(t.action));
    if (!wanted.length) {
      await ctx.db.transaction((tx) => audit(tx, ctx, sync ? 'syncTxnStatus' : 'txnStatus', '', { found: 0, attributeType: r.attribute_type }));
      return error(404, 'err.request.not_found', `no ${r.txn_type} transaction of yours with ${r.attribute_type} ${JSON.stringify(r.attribute_value)}`);
    }
    const latest = wanted.at(-1)!;
    const stored = (latest.response as { message?: unknown } | null)?.message ?? null;
    const { txn, envelope } = await transact(ctx, header, message, sync ? 'syncTxnStatus' : 'txnStatus', async (_tx, correlationId) => ({
      action: 'txn-on-status', status: 'succ', counts: { total: 1, completed: 1 },
      response: { transaction_id: message.transaction_id, correlation_id: correlationId, txnstatus_response: { txn_type: r.txn_type, txn_status: stored, status: latest.status, of_correlation_id: latest.correlationId } },
      summary: { of: latest.correlationId },
    }));
    return sync ? { status: 200, body: envelope } : { status: 200, body: ack(header.sender_uri ? 'ACK' : 'NACK', txn.correlationId) };
  },
};
