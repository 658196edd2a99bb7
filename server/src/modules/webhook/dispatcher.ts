/**
 * The webhook dispatcher: runs inside every server process (WEBHOOKS=false turns it
 * off) and loops, every WEBHOOK_POLL_MS when idle (the loop: lib/poll-loop.ts, shared
 * with the DCI callbacks):
 *
 * 1. Fan-out, one transaction: claim active endpoints that have events after their
 *    position (`FOR UPDATE SKIP LOCKED`), read their finished events in feed order
 *    (change.store's `finished()` and `(tx_id, id)`: gap-free, so no event that
 *    commits late is skipped), insert one delivery each (`ON CONFLICT DO NOTHING`)
 *    and advance the position — all committed together or not at all. A donor's
 *    endpoint gets deliveries only for the needs that match its interests
 *    (donation.webhook.ts), and its bodies are those needs' published views.
 * 2. Delivery: claim due pending deliveries (`FOR UPDATE SKIP LOCKED`, then a lease
 *    of WEBHOOK_TIMEOUT_MS + 10 s and attempts + 1, committed), POST each one signed
 *    (sign.ts) outside any transaction, and record the outcome if the claim still
 *    holds: 2xx → delivered; else retried after `retryDelayMs` (backoff.ts), given
 *    up after WEBHOOK_MAX_ATTEMPTS, and the endpoint paused after
 *    WEBHOOK_FAILURE_LIMIT failures in a row.
 *
 * Why no transaction around the POST: it would hold a row lock and a transaction ID
 * for up to the timeout — holding back the change feed of every reader (its
 * horizon), a pool connection, and on PGlite (one connection) every request.
 *
 * Guarantees, because every claim and state is a row in PostgreSQL: a restart
 * loses nothing (unfanned events are after the stored position; unsent deliveries
 * are pending; a claim of a killed process expires and is retried) — at least once,
 * with the event id for receivers to de-duplicate on; a normal stop finishes its
 * POSTs and records them, so it duplicates nothing. Processes sharing a database
 * never claim the same endpoint or delivery at once.
 */
import type { WebhookConfig } from '../../config.js';
import type { Database } from '../../db/client.js';
import { log } from '../../lib/log.js';
import type { ChangeRow } from '../change/change.store.js';
import { retryDelayMs } from './backoff.js';
import { post } from './post.js';
import { refusedTarget } from './target.js';
import { logFailure, startPollLoop, type PollLoop } from '../../lib/poll-loop.js';
import { keyring } from '../../lib/keyring.js';
import { signedHeaders } from './sign.js';
import { dispatchStore } from './dispatch.store.js';
import { changeEventShape } from '../change/change.event.js';
import { donorBody, donorFanOut } from '../donation/donation.webhook.js';

/** Endpoints fanned out per round, and events per endpoint per round. */
const FANOUT_ENDPOINTS = 20;
const FANOUT_EVENTS = 500;
/** How long a claim outlives the POST's own deadline (time to record the outcome). */
const LEASE_MARGIN_MS = 10_000;

/** Stops claiming, finishes and records the POSTs in flight, and resolves when the loop has ended. */
export type Dispatcher = PollLoop;

/** The POSTed body: the change event with the fields and values the `changes` feed gives it. */
export function eventBody(r: ChangeRow): string {
  return JSON.stringify(changeEventShape(r));
}

export function startDispatcher(database: Database, cfg: WebhookConfig): Dispatcher {
  const { db } = database;

  /** Step 1; returns how many endpoints it advanced. */
  const fanOut = () =>
    db.transaction(async (tx) => {
      const claimed = await dispatchStore.claimForFanOut(tx, FANOUT_ENDPOINTS);
      for (const { endpoint, horizon } of claimed) {
        const { read: events, deliver } = endpoint.role === 'donor'
          ? await donorFanOut(tx, endpoint.owner, { txId: endpoint.positionTxId, id: endpoint.positionId }, horizon, FANOUT_EVENTS)
          : await dispatchStore.eventsFor(tx, endpoint, horizon, FANOUT_EVENTS).then((read) => ({ read, deliver: read.map((e) => e.id) }));
        if (deliver.length) await dispatchStore.insertDeliveries(tx, endpoint.id, deliver);
        // A full page: continue after its last event next round. Fewer: every event before the horizon was seen.
        const last = events.at(-1);
        await dispatchStore.advance(tx, endpoint.id, events.length === FANOUT_EVENTS && last ? last : { txId: horizon, id: 0 });
      }
      return claimed.length;
    });

  type Claimed = Awaited<ReturnType<typeof dispatchStore.claimDue>>[number];

  async function send(c: Claimed): Promise<void> {
    let body: string;
    try {
      body = c.role === 'donor' ? await donorBody(db, c.owner, c.event) : eventBody(c.event);
    } catch (err) {
      return logFailure(err, 'could not build a webhook body; its claim expires and it is tried again', { delivery: c.id });
    }
    const refused = await refusedTarget(c.url, cfg.allowPrivate);
    const outcome = refused ? { ok: false, statusCode: null, error: refused } : await post(c.url, body, signedHeaders(keyring().open(c.secret), body, String(c.event.id)), cfg.timeoutMs);
    try {
      if (outcome.ok) {
        await db.transaction((tx) => dispatchStore.delivered(tx, c.id, c.attempts, c.endpointId, outcome.statusCode!));
        return;
      }
      const error = outcome.error ?? 'failed';
      const status = await db.transaction((tx) =>
        dispatchStore.failed(tx, {
          id: c.id, attempt: c.attempts, endpointId: c.endpointId, statusCode: outcome.statusCode, error,
          retryMs: c.attempts >= cfg.maxAttempts ? null : retryDelayMs(c.attempts, cfg.retryBaseMs, cfg.retryMaxMs),
          pauseAt: cfg.failureLimit,
          reason: `${cfg.failureLimit} deliveries in a row failed; the last: ${error}`,
        }),
      );
      log.warn({ endpoint: c.endpointId, delivery: c.id, attempt: c.attempts, error, endpointStatus: status }, 'webhook delivery failed');
    } catch (err) {
      // The claim expires and another round retries it: at least once.
      logFailure(err, 'could not record a webhook delivery', { delivery: c.id });
    }
  }

  return startPollLoop({
    name: 'webhook dispatcher', pollMs: cfg.pollMs, concurrency: cfg.concurrency, fanOut, send,
    // Step 2: due deliveries, leased for the POST's deadline and the time to record it.
    claim: (free) => db.transaction((tx) => dispatchStore.claimDue(tx, free, cfg.timeoutMs + LEASE_MARGIN_MS)),
  });
}
