/**
 * `verifyWebhook()` for receivers of Jingzhun webhooks: checks that a POST came from
 * the registry unchanged and recently, and returns its event (a `WebhookEvent`; for a
 * donor's endpoint a `MatchedNeedWebhook`).
 *
 * A delivery carries `x-jingzhun-timestamp` (unix seconds) and
 * `x-jingzhun-signature: v1=<hex HMAC-SHA256(secret, timestamp + "." + body)>`;
 * the signature is compared in constant time, and a timestamp more than
 * `toleranceSeconds` (default 300) from now is refused, so a captured POST cannot
 * be replayed later. Pass the body exactly as received (the raw bytes or string,
 * not re-serialised JSON). Deliveries are at least once: de-duplicate on
 * `event.sequence` (also the `x-jingzhun-event-id` header).
 *
 *   http.createServer(async (req, res) => {
 *     const chunks = []; for await (const c of req) chunks.push(c);
 *     try {
 *       const event = verifyWebhook(process.env.WEBHOOK_SECRET!, req.headers, Buffer.concat(chunks));
 *       if (!(await seen(event.sequence))) await handle(event);   // event.type, event.entityId …
 *       res.writeHead(204).end();
 *     } catch (e) {
 *       res.writeHead(e instanceof WebhookVerificationError ? 401 : 500).end();
 *     }
 *   });
 */
import { createHmac, timingSafeEqual } from 'node:crypto';
import type { PublishedNeedFieldsFragment } from './generated/operations.js';

/** The POSTed body: a change event, as the `changes` feed gives it. */
export interface WebhookEvent {
  /** Global ID of the change event (`node(id:)` resolves it). */
  id: string;
  /** The event number: unique, to de-duplicate on (the x-jingzhun-event-id header). */
  sequence: string;
  /** e.g. household.registered. */
  type: string;
  entityType: string;
  /** Global ID of the entity written. */
  entityId: string;
  areaCode: string;
  /** When the write was accepted (ISO 8601). */
  at: string;
  /** What was written, without personal data. */
  payload: unknown;
}

/**
 * The POSTed body of a donor's endpoint (`verifyWebhook<MatchedNeedWebhook>(…)`): a newly
 * published need that matches the donor's interests, as the `matchingNeeds` subscription
 * gives it — the published view only, never the household.
 */
export interface MatchedNeedWebhook {
  /** Global ID of the change event that published the need. */
  id: string;
  /** The event number, to de-duplicate on (the x-jingzhun-event-id header). */
  sequence: string;
  type: 'need.published';
  /** When the need was published (ISO 8601). */
  at: string;
  /** The need as published when the POST was sent; null if it was cancelled since. */
  need: PublishedNeedFieldsFragment | null;
  /** Which of the donor's interests it meets, in words. */
  reasons: string[];
}

export interface VerifyWebhookOptions {
  /** Largest accepted difference between the timestamp and now, in seconds (default 300). */
  toleranceSeconds?: number;
  /** "Now" in milliseconds since the epoch (default Date.now()), e.g. for tests. */
  now?: number;
}

/** Node's `req.headers`, a fetch `Headers`, or any plain record of header names to values. */
export type WebhookHeaders = Headers | Record<string, string | string[] | undefined>;

/** The POST is not a genuine, recent Jingzhun delivery: answer it with 401 and do not act on it. */
export class WebhookVerificationError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'WebhookVerificationError';
  }
}

function header(headers: WebhookHeaders, name: string): string | undefined {
  if (typeof (headers as Headers).get === 'function') return (headers as Headers).get(name) ?? undefined;
  const entry = Object.entries(headers).find(([k]) => k.toLowerCase() === name);
  const value = entry?.[1];
  return Array.isArray(value) ? value.join(',') : value;
}

export function verifyWebhook<E = WebhookEvent>(secret: string, headers: WebhookHeaders, body: string | Uint8Array, options: VerifyWebhookOptions = {}): E {
  const { toleranceSeconds = 300, now = Date.now() } = options;
  const timestamp = header(headers, 'x-jingzhun-timestamp');
  const signatures = header(headers, 'x-jingzhun-signature');
  if (!timestamp || !signatures) throw new WebhookVerificationError('missing x-jingzhun-timestamp or x-jingzhun-signature header: not a Jingzhun webhook');
  if (!/^\d{1,12}$/.test(timestamp)) throw new WebhookVerificationError(`x-jingzhun-timestamp "${timestamp.slice(0, 20)}" is not unix seconds`);
  const age = Math.abs(now / 1000 - Number(timestamp));
  if (age > toleranceSeconds) throw new WebhookVerificationError(`the timestamp is ${Math.round(age)} s from now, more than the ${toleranceSeconds} s tolerated: a replay, or a wrong clock`);
  const bytes = typeof body === 'string' ? Buffer.from(body, 'utf8') : Buffer.from(body.buffer, body.byteOffset, body.byteLength);
  const expected = createHmac('sha256', secret).update(`${timestamp}.`).update(bytes).digest();
  const matches = signatures.split(',').map((s) => s.trim()).filter((s) => s.startsWith('v1=')).some((s) => {
    const given = Buffer.from(s.slice(3), 'hex');
    return given.length === expected.length && timingSafeEqual(given, expected);
  });
  if (!matches) throw new WebhookVerificationError('the signature does not match: wrong secret, or the body was changed (verify the raw body as received)');
  let event: E & { sequence?: string };
  try {
    event = JSON.parse(bytes.toString('utf8'));
  } catch {
    throw new WebhookVerificationError('the body is not JSON');
  }
  const eventId = header(headers, 'x-jingzhun-event-id');
  if (eventId !== undefined && eventId !== event.sequence) throw new WebhookVerificationError('x-jingzhun-event-id does not match the body’s sequence');
  return event;
}
