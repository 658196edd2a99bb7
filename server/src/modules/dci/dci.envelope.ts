/**
 * The DCI envelope `{signature, header, message}` of one endpoint, checked before anything
 * runs: it must be a JSON object with a header valid against MsgHeader_V1.0.0 whose action is
 * the endpoint's, and a message valid against the endpoint's request schema (dci.spec.ts),
 * plus the checks the spec leaves to implementations: ids of at most 99 characters, a
 * message_ts not more than 5 minutes in the future, at most 20 requests in a batch, no
 * encrypted messages (this registry publishes no encryption key). A failure is an ERR
 * acknowledgement with the spec's error code (sender_id, receiver_id, sender_uri and
 * version have codes of their own; the rest is err.request.bad). The checks of each request
 * of a batch (reference ids, timestamps) answer that request only (dci.items.ts).
 */
import { check, validators, type MessageKind } from './dci.spec.js';
import { MAX_SKEW_MS } from './dci.items.js';

export interface Header {
  version?: string;
  message_id: string;
  message_ts: string;
  action: string;
  sender_id: string;
  sender_uri?: string;
  receiver_id?: string;
  total_count: number;
  is_msg_encrypted?: boolean;
  meta?: unknown;
}

export type ErrorCode =
  | 'err.request.bad' | 'err.request.unauthorized' | 'err.request.forbidden' | 'err.request.not_found' | 'err.version.not_supported'
  | 'err.sender_id.invalid' | 'err.sender_uri.invalid' | 'err.receiver_id.invalid' | 'err.signature.missing' | 'err.signature.invalid' | 'err.encryption.invalid'
  | 'err.request.too_many_requests' | 'err.service.unavailable';

export type Envelope<M> = { ok: true; header: Header; message: M; signature?: string } | { ok: false; code: ErrorCode; reason: string };

/** The six endpoints: their action and message schema. */
export const ENDPOINTS = {
  '/registry/search': { action: 'search', kind: 'search', async: true },
  '/registry/sync/search': { action: 'search', kind: 'search', async: false },
  '/registry/subscribe': { action: 'subscribe', kind: 'subscribe', async: true },
  '/registry/unsubscribe': { action: 'unsubscribe', kind: 'unsubscribe', async: true },
  '/registry/txn/status': { action: 'txn-status', kind: 'txnStatus', async: true },
  '/registry/sync/txn/status': { action: 'txn-status', kind: 'txnStatus', async: false },
} as const satisfies Record<string, { action: string; kind: MessageKind; async: boolean }>;
export type EndpointPath = keyof typeof ENDPOINTS;

const MAX_ID = 99;
const ID_CODES = { message_id: 'err.request.bad', sender_id: 'err.sender_id.invalid', receiver_id: 'err.receiver_id.invalid' } as const satisfies Record<string, ErrorCode>;
/** Requests (search_request[], subscribe_request[]) in one message: each one runs a query. */
export const MAX_BATCH = 20;

const bad = (reason: string): { ok: false; code: ErrorCode; reason: string } => ({ ok: false, code: 'err.request.bad', reason });

export function readEnvelope<M>(path: EndpointPath, body: unknown, now = Date.now()): Envelope<M> {
  const ep = ENDPOINTS[path];
  if (!body || typeof body !== 'object' || Array.isArray(body)) return bad('the body must be a JSON object {"signature", "header", "message"}');
  const { header, message, signature } = body as { header?: unknown; message?: unknown; signature?: unknown };
  if (header === undefined) return bad('the envelope has no header: send {"header": {...}, "message": {...}}');
  if (message === undefined) return bad('the envelope has no message: send {"header": {...}, "message": {...}}');
  if (signature !== undefined && typeof signature !== 'string') return bad('signature must be a string (MsgSignature)');
  const hp = check(validators.header, header, 'header');
  if (hp.some((p) => p.startsWith('header.sender_uri'))) return { ok: false, code: 'err.sender_uri.invalid', reason: `${hp.join('; ')}: give the absolute http(s) URL your callbacks are POSTed to` };
  if (hp.length) return bad(hp.join('; '));
  const h = header as Header;
  if (h.version !== undefined && !/^1\.\d+\.\d+$/.test(h.version)) return { ok: false, code: 'err.version.not_supported', reason: `header.version ${h.version} is not supported: this registry speaks DCI 1.0.0` };
  if (h.action !== ep.action) return bad(`header.action must be "${ep.action}" for ${path}, not "${h.action}"`);
  for (const k of ['message_id', 'sender_id', 'receiver_id'] as const) {
    const v = h[k];
    if (v !== undefined && (v.length === 0 || v.length > MAX_ID)) return { ok: false, code: ID_CODES[k], reason: `header.${k} must be 1–${MAX_ID} characters` };
  }
  if (Date.parse(h.message_ts) > now + MAX_SKEW_MS) return bad(`header.message_ts ${h.message_ts} is in the future: send the time the message was made`);
  if (h.is_msg_encrypted) return { ok: false, code: 'err.encryption.invalid', reason: 'encrypted messages are not accepted: this registry publishes no encryption key; send the message in clear over HTTPS' };
  const mp = check(validators[ep.kind], message, 'message');
  if (mp.length) return bad(mp.join('; '));
  const batch = referenceIds(message).length;
  if (batch === 0 && (ep.kind === 'search' || ep.kind === 'subscribe')) return bad(`message.${ep.kind}_request is empty: send at least one request`);
  if (batch > MAX_BATCH) return bad(`the message has ${batch} requests; at most ${MAX_BATCH} go in one message: send the rest in further messages`);
  return { ok: true, header: h, message: message as M, signature: signature as string | undefined };
}

/** The reference ids of a batch message (search_request[], subscribe_request[]). */
export function referenceIds(message: unknown): string[] {
  const m = message as { search_request?: { reference_id?: unknown }[]; subscribe_request?: { reference_id?: unknown }[] };
  return (m.search_request ?? m.subscribe_request ?? []).map((r) => String(r.reference_id ?? ''));
}
