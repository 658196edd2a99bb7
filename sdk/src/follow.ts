/**
 * `follow()`: an async iterator over the change feed that never ends by itself. It
 * reads `changes` from a cursor, 100 at a time; at the end of the feed it waits
 * `pollIntervalMs` and asks again from the last cursor. When the server cannot be
 * reached (NetworkError, RateLimitedError) it waits — doubling from pollIntervalMs up
 * to 30 s — and resumes from the cursor of the last event it yielded, so no event is
 * skipped or repeated. Any other error (e.g. ForbiddenError) is thrown. It stops when
 * `signal` aborts (or when the loop breaks).
 *
 * Each event carries its `cursor`: persist it, and pass it as `after` after a restart.
 *
 *   const stop = new AbortController();
 *   for await (const e of jz.follow({ after: await load(), types: ['household.registered'], areaCode: '433124', signal: stop.signal })) {
 *     await handle(e);      // e.type, e.entityId, e.areaCode, e.payload …
 *     await save(e.cursor); // resume here next time
 *   }
 */
import { NetworkError, RateLimitedError } from './errors.js';
import type { ChangeFilterInput, ChangesQuery, ChangesQueryVariables } from './generated/operations.js';

export interface FollowOptions {
  /** Cursor to start after (a `cursor` you saved); from the beginning of the feed when absent. */
  after?: string | null;
  /** Only events of these types, e.g. ['household.registered']. */
  types?: string[];
  /** Only events of this area code prefix (always within your token's area). */
  areaCode?: string;
  /** Wait between polls at the end of the feed, and the first retry delay (default 1000 ms). */
  pollIntervalMs?: number;
  /** Stops the iteration. */
  signal?: AbortSignal;
}

export type FollowedEvent = ChangesQuery['changes']['edges'][number]['node'] & { cursor: string };

/** Anything with the generated `changes` method (a Client). */
export interface ChangesSource {
  changes(variables?: ChangesQueryVariables): Promise<ChangesQuery>;
}

const MAX_BACKOFF_MS = 30_000;

function sleep(ms: number, signal?: AbortSignal): Promise<void> {
  return new Promise((done) => {
    if (signal?.aborted) return done();
    const onAbort = () => {
      clearTimeout(timer);
      done();
    };
    const timer = setTimeout(() => {
      signal?.removeEventListener('abort', onAbort);
      done();
    }, ms);
    signal?.addEventListener('abort', onAbort, { once: true });
  });
}

export async function* follow(client: ChangesSource, options: FollowOptions = {}): AsyncGenerator<FollowedEvent, void, undefined> {
  const { types, areaCode, pollIntervalMs = 1000, signal } = options;
  const filter: ChangeFilterInput | undefined = types || areaCode ? { types, areaCode } : undefined;
  let after = options.after ?? null;
  let failures = 0;
  while (!signal?.aborted) {
    let page: ChangesQuery['changes'];
    try {
      page = (await client.changes({ after, first: 100, filter })).changes;
      failures = 0;
    } catch (e) {
      if (!(e instanceof NetworkError || e instanceof RateLimitedError)) throw e;
      await sleep(Math.min(MAX_BACKOFF_MS, pollIntervalMs * 2 ** failures++), signal);
      continue;
    }
    for (const edge of page.edges) {
      if (signal?.aborted) return;
      yield { ...edge.node, cursor: edge.cursor };
      after = edge.cursor;
    }
    if (!page.pageInfo.hasNextPage) await sleep(pollIntervalMs, signal);
  }
}
