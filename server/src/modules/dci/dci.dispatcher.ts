/**
 * The DCI callback loop (issue 17): runs beside the webhook dispatcher in every server
 * process, every WEBHOOK_POLL_MS when idle, in two steps, both claimed in PostgreSQL
 * (`FOR UPDATE SKIP LOCKED`) so replicas never do the same work twice:
 *
 * 1. Notify fan-out: for each active subscription, the change-feed events of its types after
 *    its position, in its subscriber's scope (change.store), that are of its DCI event type
 *    (REGISTER, UPDATE, DELETE: dci.events.ts) and whose household matches its filter
 *    (dci.query.ts) become one `notify` callback (NotifyEventRequest with Group records built
 *    for the subscriber's role, in its locale), and the position advances — in one transaction.
 * 2. Delivery: due callbacks (on-search, on-subscribe, on-unsubscribe, txn-on-status, notify)
 *    are leased and POSTed with the webhook module's sender (post.ts: deadline, no redirects)
 *    after its SSRF guard (target.ts); a failure is retried after the webhook backoff
 *    (backoff.ts) up to WEBHOOK_MAX_ATTEMPTS, then marked failed. At least once. Each body is
 *    signed with the registry's key (dci.signature.ts, published at /.well-known/jwks.json).
 *
 * The loop itself (rounds, sending slots, stop, a lost database) is lib/poll-loop.ts, the
 * webhook dispatcher's too.
 */
import { randomUUID, type KeyObject } from 'node:crypto';
import { and, inArray, sql } from 'drizzle-orm';
import type { WebhookConfig } from '../../config.js';
import type { Database, Tx } from '../../db/client.js';
import { households } from '../../db/schema/index.js';
import { createContext } from '../../graphql/context.js';
import { fromGlobalId } from '../../graphql/ids.js';
import { log } from '../../lib/log.js';
import { logFailure, startPollLoop, type PollLoop } from '../../lib/poll-loop.js';
import type { Caller, Role } from '../../auth/caller.js';
import { changeStore, type ChangeRow } from '../change/change.store.js';
import { retryDelayMs } from '../webhook/backoff.js';
import { post } from '../webhook/post.js';
import { refusedTarget } from '../webhook/target.js';
import { callbackHeader, REGISTRY_ID } from './dci.ack.js';
import { classify, follows } from './dci.events.js';
import { answerLocale } from './dci.locale.js';
import { REGISTRY_KID, signEnvelope } from './dci.signature.js';
import { translate } from './dci.query.js';
import { groupRecords, REG_TYPE } from './dci.search.js';
import { dciStore, type CallbackRow, type SubscriptionRow } from './dci.store.js';

const SUBSCRIPTIONS_PER_ROUND = 20;
const EVENTS_PER_ROUND = 100;
const LEASE_MARGIN_MS = 10_000;

/** The notify events of a subscription's new change events: those of its event type whose household matches its filter. */
async function notifyEvents(tx: Tx, database: Database, s: SubscriptionRow, caller: Caller, events: ChangeRow[]) {
  const wanted = events.flatMap((e) => {
    const d = classify(e);
    const key = fromGlobalId(e.entityId);
    return d && follows(s.eventType, d) && key?.type === 'Household' ? [{ e, d, key: key.key }] : [];
  });
  const keys = [...new Set(wanted.map((w) => w.key))];
  if (!keys.length) return [];
  const filter = s.filter as { type: string; query: unknown } | null;
  const q = filter ? translate(filter.type, filter.query) : { ok: true as const, where: sql`true` };
  if (!q.ok) return [];
  const l = answerLocale(s.locale);
  const ctx = createContext({ requestId: `dci-notify-${randomUUID()}`, caller, database, db: tx as never, log });
  const { rows } = await dciStore.searchGroups(tx, caller, and(q.where, inArray(households.id, keys))!, [sql`${households.number}`], keys.length, 0);
  const records = new Map((await groupRecords(ctx, rows, l)).map((r, i) => [rows[i]!.id, r]));
  return wanted.flatMap(({ e, d, key }) => {
    const record = records.get(key);
    return record ? [{
      reference_id: `${s.code}:${e.id}`, timestamp: new Date(e.at).toISOString(), locale: l.locale,
      data: {
        version: '1.0.0', reg_type: REG_TYPE, reg_event_type: d.notify, reg_record_type: 'Group', reg_records: record,
        event_type: d.event, change_type: e.type, event_kind: d.kind, ...(d.members && { members_removed: d.members.removed, members_added: d.members.added }),
      },
    }] : [];
  });
}

/** One subscription's new events as (at most) one notify callback; advances its position. */
async function fanOutOne(tx: Tx, database: Database, s: SubscriptionRow): Promise<void> {
  const caller: Caller = { id: s.owner, role: s.role as Role, areas: s.areas, sector: s.sector ?? undefined };
  const end = await changeStore.end(tx);
  const events = await changeStore.page(tx, caller, { types: s.changeTypes }, { txId: s.positionTxId, id: s.positionId }, EVENTS_PER_ROUND);
  const last = events.at(-1);
  const next = events.length === EVENTS_PER_ROUND && last ? { txId: last.txId, id: last.id }
    : last && (last.txId > end.txId) ? { txId: last.txId, id: last.id } : { txId: end.txId + 1, id: 0 };
  const notify = await notifyEvents(tx, database, s, caller, events);
  if (notify.length && s.notifyUri) {
    const body = {
      // The spec's callback header (MsgCallbackHeader_V1.0.0), which requires a status.
      header: { ...callbackHeader({ sender_id: s.senderId }, 'notify', 'succ', { total: notify.length, completed: notify.length }), meta: { subscription_code: s.code } },
      message: { transaction_id: s.transactionId, notify_event: notify },
    };
    await dciStore.enqueue(tx, [{ url: s.notifyUri, action: 'notify', body }]);
  }
  if (next.txId !== s.positionTxId || next.id !== s.positionId) await dciStore.advanceSubscription(tx, s.code, next.txId, next.id);
}

export type DciDispatcher = PollLoop;

export function startDciDispatcher(database: Database, cfg: WebhookConfig, signingKey: KeyObject): DciDispatcher {
  const { db } = database;

  const fanOut = () => db.transaction(async (tx) => {
    const subs = await dciStore.claimSubscriptions(tx, SUBSCRIPTIONS_PER_ROUND);
    for (const s of subs) await fanOutOne(tx, database, s);
    return 0; // positions always advance to the feed's end: no busy loop on subscriptions
  });

  async function send(c: CallbackRow) {
    const b = c.body as { header: unknown; message: unknown };
    const body = JSON.stringify({ signature: signEnvelope(signingKey, REGISTRY_ID, REGISTRY_KID, b.header, b.message), header: b.header, message: b.message });
    const refused = await refusedTarget(c.url, cfg.allowPrivate);
    const outcome = refused ? { ok: false, error: refused } : await post(c.url, body, { 'content-type': 'application/json', 'user-agent': 'jingzhun-dci/1' }, cfg.timeoutMs);
    try {
      if (outcome.ok) await db.transaction((tx) => dciStore.callbackDone(tx, c.id));
      else {
        const retry = c.attempts >= cfg.maxAttempts ? null : retryDelayMs(c.attempts, cfg.retryBaseMs, cfg.retryMaxMs);
        await db.transaction((tx) => dciStore.callbackFailed(tx, c.id, outcome.error ?? 'failed', retry));
        log.warn({ callback: c.id, action: c.action, attempt: c.attempts, error: outcome.error }, 'DCI callback failed');
      }
    } catch (err) {
      // The lease expires and another round sends it again: at least once.
      logFailure(err, 'could not record a DCI callback', { callback: c.id });
    }
  }

  return startPollLoop({
    name: 'DCI dispatcher', pollMs: cfg.pollMs, concurrency: cfg.concurrency, fanOut, send,
    claim: (free) => db.transaction((tx) => dciStore.claimCallbacks(tx, free, cfg.timeoutMs + LEASE_MARGIN_MS)),
  });
}
