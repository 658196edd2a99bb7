/**
 * `subscribeChanges()`: the change feed pushed over WebSocket (graphql-ws, the `changes`
 * subscription at the same /graphql endpoint) — and `subscribeMatchingNeeds()`, a donor's
 * feed of newly published needs that match its interests, on the same loop — an async iterator like `follow()`, with
 * the same options and the same events (each with its `cursor`), but without polling:
 * an event arrives as soon as the server's feed returns it.
 *
 * - Starts after `after` (a cursor you saved); without one, at the feed's current end
 *   (asked once over HTTP with `changeFeedEnd`, so that even a reconnect before the
 *   first event misses nothing).
 * - When the connection drops (NetworkError: the server restarting, a network cut) it
 *   reconnects — waiting retryIntervalMs, doubling up to 30 s — and subscribes again
 *   from the cursor of the last event it yielded: no event is skipped or repeated.
 * - A refused or expired token (UnauthenticatedError: the socket closed with 4401), a
 *   role that may not read the feed (ForbiddenError) or a bad filter or cursor
 *   (BadUserInputError) is thrown, as the error class of ./errors.ts.
 * - It stops when `signal` aborts or the loop breaks, and closes its socket.
 *
 *   for await (const e of jz.subscribeChanges({ after: await load(), areaCode: '433124', signal })) {
 *     await handle(e);
 *     await save(e.cursor);
 *   }
 *
 * On Node (no global WebSocket before Node 22) it uses the `ws` package; in a browser the
 * built-in WebSocket; pass `webSocketImpl` in the client options to choose.
 */
import type { FormattedExecutionResult } from 'graphql';
import { createClient as createWsClient, type Client as WsClient } from 'graphql-ws';
import { JingzhunError, NetworkError, toError, type GraphQLErrorBody } from './errors.js';
import type { FollowedEvent, FollowOptions } from './follow.js';
import {
  ChangeEventsDocument, MatchingNeedsDocument, type ChangeEventsSubscription, type ChangeFilterInput, type MatchingNeedsSubscription,
} from './generated/operations.js';
import type { TypedDocumentString } from './generated/operations.js';

export interface SubscribeChangesOptions extends Omit<FollowOptions, 'pollIntervalMs'> {
  /** First wait before reconnecting after the connection dropped (default 1000 ms), doubled up to 30 s. */
  retryIntervalMs?: number;
}

/** Options of `subscribeMatchingNeeds()`: where to start, when to stop, how to reconnect. */
export type SubscribeMatchingNeedsOptions = Pick<SubscribeChangesOptions, 'after' | 'signal' | 'retryIntervalMs'>;

/** A newly published need that matches the donor's interests, with why, and its cursor. */
export type MatchedNeed = MatchingNeedsSubscription['matchingNeeds']['node'] & { cursor: string };

/** How to reach the server over WebSocket (from the client's options). */
export interface SocketOptions {
  /** ws:// or wss:// URL of /graphql. */
  url: string;
  token?: string;
  /** A WebSocket constructor; by default the global one, or the `ws` package on Node. */
  webSocketImpl?: unknown;
  /** A cursor at the feed's end, for a subscription without `after` (the client asks `changeFeedEnd`). */
  feedEnd: () => Promise<string>;
}

const MAX_BACKOFF_MS = 30_000;

/** The http(s) GraphQL URL as ws(s). */
export const webSocketUrl = (httpUrl: string) => httpUrl.replace(/^http(s?):/i, 'ws$1:');

async function defaultWebSocket(): Promise<unknown> {
  const isNode = typeof process !== 'undefined' && !!process.versions?.node;
  if (!isNode && typeof WebSocket !== 'undefined') return WebSocket;
  return (await import('ws')).default;
}

/** Close codes of graphql-ws (and ours: 4401 for a missing, invalid or expired token) as API error codes. */
const CLOSE_CODES: Record<number, string> = { 4401: 'UNAUTHENTICATED', 4403: 'FORBIDDEN', 4500: 'INTERNAL_SERVER_ERROR' };

/** A close event, a list of GraphQL errors or an Error, as our error classes; anything not refused by the server is a NetworkError. */
export function socketError(e: unknown): JingzhunError {
  if (e instanceof JingzhunError) return e;
  if (Array.isArray(e) && e.length) return toError(e as GraphQLErrorBody[]);
  const close = e as { code?: unknown; reason?: unknown };
  if (typeof close?.code === 'number') {
    const reason = typeof close.reason === 'string' && close.reason ? close.reason.replace(/^[A-Z_]+: /, '') : `the connection closed with ${close.code}`;
    const code = CLOSE_CODES[close.code] ?? (close.code >= 4400 && close.code < 4500 ? 'BAD_REQUEST' : 'NETWORK_ERROR');
    return code === 'NETWORK_ERROR' ? new NetworkError({ message: reason, extensions: { code } }, []) : toError([{ message: reason, extensions: { code } }]);
  }
  return new NetworkError({ message: `WebSocket failed: ${(e as Error)?.message ?? String(e)}`, extensions: { code: 'NETWORK_ERROR' } }, []);
}

function sleep(ms: number, signal?: AbortSignal): Promise<void> {
  return new Promise((done) => {
    if (signal?.aborted) return done();
    const finish = () => {
      clearTimeout(timer);
      signal?.removeEventListener('abort', finish);
      done();
    };
    const timer = setTimeout(finish, ms);
    signal?.addEventListener('abort', finish, { once: true });
  });
}

type Item<D> = { result: FormattedExecutionResult<D, unknown> } | { error: unknown } | { done: true };

/** One subscription on one connection, as a queue read until it ends, fails or `signal` aborts. */
async function* once<D>(ws: WsClient, query: string, variables: Record<string, unknown>, signal?: AbortSignal): AsyncGenerator<Item<D>, void, undefined> {
  const queue: Item<D>[] = [];
  let wake: () => void = () => undefined;
  const push = (item: Item<D>) => {
    queue.push(item);
    wake();
  };
  const unsubscribe = ws.subscribe<D>(
    { query, variables },
    { next: (result) => push({ result }), error: (error) => push({ error }), complete: () => push({ done: true }) },
  );
  const onAbort = () => wake();
  signal?.addEventListener('abort', onAbort);
  try {
    while (!signal?.aborted) {
      if (!queue.length) await new Promise<void>((r) => (wake = r));
      while (queue.length && !signal?.aborted) {
        const item = queue.shift()!;
        yield item;
        if ('error' in item || 'done' in item) return;
      }
    }
  } finally {
    signal?.removeEventListener('abort', onAbort);
    unsubscribe();
  }
}

export async function* subscribeChanges(socket: SocketOptions, options: SubscribeChangesOptions = {}): AsyncGenerator<FollowedEvent, void, undefined> {
  const { types, areaCode } = options;
  const filter: ChangeFilterInput | undefined = types || areaCode ? { types, areaCode } : undefined;
  for await (const edge of resumable(socket, ChangeEventsDocument, (after) => ({ after, filter }), (d: ChangeEventsSubscription) => d.changes, options)) {
    yield { ...edge.node, cursor: edge.cursor };
  }
}

/**
 * `subscribeMatchingNeeds()`: for a donor token, the needs published from now on (or after
 * `after`) that match its stated interests, each with its reasons and cursor — pushed,
 * resumed after disconnects like `subscribeChanges()`.
 */
export async function* subscribeMatchingNeeds(socket: SocketOptions, options: SubscribeMatchingNeedsOptions = {}): AsyncGenerator<MatchedNeed, void, undefined> {
  for await (const edge of resumable(socket, MatchingNeedsDocument, (after) => ({ after }), (d: MatchingNeedsSubscription) => d.matchingNeeds, options)) {
    yield { ...edge.node, cursor: edge.cursor };
  }
}

/** The loop both share: subscribe from `after`, yield each edge, and on a dropped connection subscribe again from the last cursor. */
async function* resumable<D, E extends { cursor: string }>(
  socket: SocketOptions, document: TypedDocumentString<D, never>, variables: (after: string) => Record<string, unknown>, edgeOf: (data: D) => E,
  options: SubscribeMatchingNeedsOptions,
): AsyncGenerator<E, void, undefined> {
  const { retryIntervalMs = 1000, signal } = options;
  let after = options.after ?? (await socket.feedEnd());
  const webSocketImpl = socket.webSocketImpl ?? (await defaultWebSocket());
  let failures = 0;
  while (!signal?.aborted) {
    const ws = createWsClient({
      url: socket.url,
      webSocketImpl,
      connectionParams: socket.token ? { authorization: `Bearer ${socket.token}` } : {},
      retryAttempts: 0, // reconnecting is ours: from the last cursor, not from the first `after`
      lazy: true,
    });
    let failure: JingzhunError | undefined;
    try {
      for await (const item of once<D>(ws, document.toString(), variables(after), signal)) {
        if ('error' in item) throw socketError(item.error);
        if ('done' in item) throw socketError({ code: 1000, reason: 'the server ended the subscription' });
        if (item.result.errors?.length) throw toError(item.result.errors as GraphQLErrorBody[]);
        const edge = edgeOf(item.result.data!);
        failures = 0;
        yield edge;
        after = edge.cursor;
      }
    } catch (e) {
      failure = socketError(e);
      if (!(failure instanceof NetworkError)) throw failure;
    } finally {
      await ws.dispose();
    }
    if (failure) await sleep(Math.min(MAX_BACKOFF_MS, retryIntervalMs * 2 ** failures++), signal);
  }
}
