/**
 * The `changes` subscription's event stream (issue 5 item 5): the change feed pushed;
 * and `feedStream`, its loop, which the donors' `matchingNeeds` (modules/donation) shares.
 *
 * Contract: from `after` (or from the feed's end when the subscription starts) it
 * yields every event the subscriber's `changes` query would return, in feed order,
 * each once, as `ChangeEventEdge`s (event + cursor, the same edges as the query's), and
 * never ends by itself. It reads through `changeService.page`, the query's own code: the
 * same role check (donors refused), the same filter checks and the same scope in SQL.
 * The first read happens before the stream is returned, so a refused subscription
 * fails at once with its error code. When it has read everything it waits for a
 * wake-up (change.listener.ts) or `pollMs`; a wake-up that finds nothing (the event is
 * held back by an older transaction still open) is followed by quicker re-reads.
 * A failed read that is not the caller's fault (e.g. the database restarting) is
 * logged and retried; the subscriber sees nothing of it.
 */
import type { Context } from '../../graphql/context.js';
import { ApiError } from '../../graphql/errors.js';
import type { ChangeWakeups } from './change.listener.js';
import { changeService } from './change.service.js';
import type { ChangeFilter } from './change.store.js';

export interface ChangeStreamArgs extends ChangeFilter {
  after?: string;
}

type Page = Awaited<ReturnType<typeof changeService.page>>;
export type ChangeEdge = Page['edges'][number];

/** A page of a feed: its edges (possibly none of the events read) and the cursor after everything read. */
export interface FeedPage<E> {
  edges: E[];
  pageInfo: { hasNextPage: boolean; endCursor: string | null };
}

const PAGE = 100;
const FIRST_RETRY_MS = 100;

export async function changeStream(ctx: Context, args: ChangeStreamArgs, wakeups: ChangeWakeups): Promise<AsyncIterableIterator<ChangeEdge>> {
  const { after, ...filter } = args;
  return feedStream(ctx, after ?? (await changeService.end(ctx)), (from) => changeService.page(ctx, { ...filter, after: from, first: PAGE }), wakeups);
}

/**
 * The loop behind every pushed feed: reads pages with `read` from `start`, yields their
 * edges, continues after each page's `endCursor` (which may lie past its last edge, when
 * a reader filters the events it read), and waits as the header says when it is at the end.
 */
export async function feedStream<E>(ctx: Context, start: string, read: (after: string) => Promise<FeedPage<E>>, wakeups: ChangeWakeups): Promise<AsyncIterableIterator<E>> {
  const { pollMs } = wakeups;
  let after = start;
  let seen = wakeups.version;
  const first = await read(after); // role, filter and cursor checks: errors go to the subscriber now

  const stop = new AbortController();
  async function* events(): AsyncGenerator<E, void, undefined> {
    let page: FeedPage<E> | undefined = first;
    let woken = false;
    /** While > 0: re-reading soon after a wake-up that found nothing (an older transaction held the event back). */
    let quickMs = 0;
    while (!stop.signal.aborted) {
      const from = after;
      for (const edge of page?.edges ?? []) yield edge;
      after = page?.pageInfo.endCursor ?? after;
      if (page?.pageInfo.hasNextPage) {
        seen = wakeups.version;
        page = await tryRead();
        continue;
      }
      if (after !== from) quickMs = 0;
      else if (woken && page) quickMs = FIRST_RETRY_MS;
      else if (quickMs) quickMs *= 2;
      if (quickMs >= pollMs) quickMs = 0;
      await wakeups.changedSince(seen, quickMs || pollMs, stop.signal);
      if (stop.signal.aborted) return;
      woken = wakeups.version !== seen;
      seen = wakeups.version;
      page = await tryRead();
    }
  }

  async function tryRead(): Promise<FeedPage<E> | undefined> {
    try {
      return await read(after);
    } catch (err) {
      if (err instanceof ApiError) throw err;
      ctx.log.warn({ err: (err as Error).message }, 'change subscription: read failed, retrying at the next wake-up or poll');
      return undefined;
    }
  }

  const it = events();
  const stream: AsyncIterableIterator<E> = {
    next: () => it.next(),
    // Ends a stream that is waiting for a wake-up at once, not at the next event.
    return: async () => {
      stop.abort();
      return it.return(undefined);
    },
    throw: async (e: unknown) => {
      stop.abort();
      return it.throw(e);
    },
    [Symbol.asyncIterator]: () => stream,
  };
  return stream;
}
