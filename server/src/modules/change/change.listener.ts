/**
 * Wake-ups for change-feed subscribers, one listener per server process.
 *
 * Contract: every write transaction with change events runs `pg_notify('jingzhun_changes', '')`
 * (audit.service → changeStore.notify), which PostgreSQL delivers at commit to every
 * session that LISTENs on the channel, on every replica. This listener LISTENs once
 * (pg: a connection of its own, outside the pool; PGlite: `client.listen`) and counts
 * notifications in `version`. A subscriber notes `version` before it reads the feed and,
 * when it has read everything, waits with `changedSince(version, ms)`: that returns at
 * once if a notification came meanwhile (none is lost between the read and the wait),
 * else at the next notification, after `ms` (the polling fallback: a notification can be
 * lost while the LISTEN connection reconnects, and an event can become visible only when
 * an older transaction that wrote nothing ends), or when the signal aborts.
 * A notification carries nothing: subscribers read the feed from their own position with
 * their own scope, so nothing reaches a subscriber that its own query would not return.
 */
import pg from 'pg';
import type { Logger } from 'pino';
import type { Database } from '../../db/client.js';
import { CHANGES_CHANNEL } from './change.store.js';

/** What a subscriber sees of the listener. */
export interface ChangeWakeups {
  /** How many wake-ups so far. */
  readonly version: number;
  /** The polling fallback: the longest a subscriber waits before reading again without a wake-up. */
  readonly pollMs: number;
  /** Resolves when `version` differs from `since`, after `ms`, or when `signal` aborts. */
  changedSince(since: number, ms: number, signal?: AbortSignal): Promise<void>;
}

export interface ChangeListener extends ChangeWakeups {
  stop(): Promise<void>;
}

const RECONNECT_MAX_MS = 30_000;
export const DEFAULT_POLL_MS = 5_000;

export async function startChangeListener(database: Database, log: Logger, pollMs = DEFAULT_POLL_MS): Promise<ChangeListener> {
  let version = 0;
  let waiters = new Set<() => void>();
  const wake = () => {
    version += 1;
    const now = waiters;
    waiters = new Set();
    for (const w of now) w();
  };

  function changedSince(since: number, ms: number, signal?: AbortSignal): Promise<void> {
    if (version !== since || signal?.aborted) return Promise.resolve();
    return new Promise<void>((done) => {
      const finish = () => {
        clearTimeout(timer);
        signal?.removeEventListener('abort', finish);
        waiters.delete(finish);
        done();
      };
      const timer = setTimeout(finish, ms);
      signal?.addEventListener('abort', finish, { once: true });
      waiters.add(finish);
    });
  }

  const stopListening = database.raw.kind === 'pglite'
    ? await database.raw.client.listen(CHANGES_CHANNEL, wake)
    : await listenOnPg(database.raw.pool, wake, log);

  return {
    get version() {
      return version;
    },
    pollMs,
    changedSince,
    async stop() {
      await stopListening().catch((err) => log.warn({ err }, 'change listener: stop failed'));
      wake(); // let every waiting subscriber look once more and see its signal
    },
  };
}

/** LISTEN on a connection of its own; reconnects with backoff, and wakes everyone after a reconnect (notifications may have been missed). */
async function listenOnPg(pool: pg.Pool, wake: () => void, log: Logger): Promise<() => Promise<void>> {
  let stopped = false;
  let client: pg.Client | undefined;
  let retry: NodeJS.Timeout | undefined;
  let failures = 0;

  async function connect(): Promise<void> {
    const c = new pg.Client(pool.options);
    c.on('notification', (n) => {
      if (n.channel === CHANGES_CHANNEL) wake();
    });
    c.on('error', (err) => log.warn({ err: err.message }, 'change listener: connection error'));
    c.on('end', () => {
      if (stopped || client !== c) return; // not yet listening: connect()'s caller handles it
      client = undefined;
      schedule();
    });
    try {
      await c.connect();
      await c.query(`LISTEN ${CHANGES_CHANNEL}`);
    } catch (err) {
      await c.end().catch(() => undefined);
      throw err;
    }
    if (stopped) return void (await c.end());
    client = c;
    failures = 0;
  }

  function schedule() {
    const ms = Math.min(RECONNECT_MAX_MS, 250 * 2 ** failures++);
    retry = setTimeout(() => {
      connect()
        .then(() => {
          log.info('change listener: reconnected');
          wake();
        })
        .catch((err) => {
          log.warn({ err: (err as Error).message }, 'change listener: reconnect failed');
          if (!stopped) schedule();
        });
    }, ms);
  }

  await connect();
  return async () => {
    stopped = true;
    clearTimeout(retry);
    await client?.end();
  };
}

/** Wake-ups that never come: polling alone (a subscription run without a listener). */
export const pollingOnly: ChangeWakeups = {
  version: 0,
  pollMs: DEFAULT_POLL_MS,
  changedSince: (_since, ms, signal) =>
    new Promise<void>((done) => {
      if (signal?.aborted) return done();
      const finish = () => {
        clearTimeout(timer);
        signal?.removeEventListener('abort', finish);
        done();
      };
      const timer = setTimeout(finish, ms);
      signal?.addEventListener('abort', finish, { once: true });
    }),
};
