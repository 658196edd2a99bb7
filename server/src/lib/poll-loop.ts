/**
 * The loop of an outbox dispatcher (webhook deliveries, DCI callbacks): every `pollMs` when
 * idle, one round of (1) `fanOut`, which turns new events into outbox rows and returns how
 * many it advanced, then (2) `claim` of at most as many due rows as there are free sending
 * slots (`concurrency` minus the sends in flight), each handed to `send`, which runs outside
 * the round and records its own outcome. A busy round (work in either step) is followed at
 * once by the next. A round that fails is logged and retried after `pollMs`; a database
 * away for a while (restart, failover: db/unavailable.ts) is one warning line, not a stack
 * per round. `stop()` stops claiming, waits for the round and for every send in flight.
 */
import { isDatabaseUnavailable } from '../db/unavailable.js';
import { log } from './log.js';

export interface PollLoop {
  /** Stops claiming, finishes the sends in flight, and resolves when the loop has ended. */
  stop(): Promise<void>;
}

export interface PollLoopOptions<T> {
  /** Names the loop in its log lines, e.g. "webhook dispatcher". */
  name: string;
  pollMs: number;
  concurrency: number;
  fanOut: () => Promise<number>;
  claim: (free: number) => Promise<T[]>;
  send: (item: T) => Promise<void>;
}

/** Logs a failure of the loop or of recording a send: a warning for a lost database, else an error with its stack. */
export function logFailure(err: unknown, what: string, fields: Record<string, unknown> = {}): void {
  if (isDatabaseUnavailable(err)) log.warn({ ...fields, err: (err as Error).message }, `${what}: the database cannot be reached just now`);
  else log.error({ ...fields, err }, what);
}

export function sleep(ms: number, signal: AbortSignal): Promise<void> {
  return new Promise((done) => {
    if (signal.aborted) return done();
    const onAbort = () => {
      clearTimeout(timer);
      done();
    };
    const timer = setTimeout(() => {
      signal.removeEventListener('abort', onAbort);
      done();
    }, ms);
    signal.addEventListener('abort', onAbort, { once: true });
  });
}

export function startPollLoop<T>(o: PollLoopOptions<T>): PollLoop {
  const stopping = new AbortController();
  const inFlight = new Set<Promise<void>>();

  async function deliver(): Promise<number> {
    const free = o.concurrency - inFlight.size;
    if (free <= 0) return 0;
    const claimed = await o.claim(free);
    for (const item of claimed) {
      const p: Promise<void> = o.send(item).catch((err) => logFailure(err, `${o.name}: a send failed`)).finally(() => inFlight.delete(p));
      inFlight.add(p);
    }
    return claimed.length;
  }

  const loop = (async () => {
    while (!stopping.signal.aborted) {
      let busy = false;
      try {
        busy = (await o.fanOut()) > 0;
        if (!stopping.signal.aborted) busy = (await deliver()) > 0 || busy;
      } catch (err) {
        logFailure(err, `${o.name} round failed`);
        busy = false;
      }
      if (!busy) await sleep(o.pollMs, stopping.signal);
    }
  })();

  log.info({ pollMs: o.pollMs }, `${o.name} started`);
  return {
    async stop() {
      stopping.abort();
      await loop;
      await Promise.allSettled([...inFlight]);
    },
  };
}
