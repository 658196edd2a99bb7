/**
 * Per-request statement accounting, with nothing on the hot path when it is off.
 *
 * Counting: with EXPOSE_QUERY_STATS the HTTP server gives each request its own drizzle
 * handle over the same pool (`Database.counting(counter)`, ./client.ts) whose logger
 * adds one to the request's counter per statement; the request's context, loaders and
 * transactions all use that handle, so tests can prove there is no N+1. Without it the
 * shared handle is used and nothing is counted.
 *
 * Labels: stores wrap each statement in `named('household.page', …)`. Only when the
 * log level is `debug` does the label travel to the logger (through AsyncLocalStorage);
 * otherwise `named` just calls the function, so no async hook is installed and no
 * promise pays for one (DESIGN.md "Performance rules").
 */
import { AsyncLocalStorage } from 'node:async_hooks';
import type { Logger as DrizzleLogger } from 'drizzle-orm';
import { log } from '../lib/log.js';

export interface StatementCounter {
  count: number;
}

/** Created eagerly but enabled (hooks installed) only by the first `run`, i.e. only at debug level. */
const labels = new AsyncLocalStorage<string>();
const labelled = () => log.isLevelEnabled('debug');

/** Runs a store statement under a name that shows in the debug logs. */
export function named<T>(label: string, fn: () => Promise<T>): Promise<T> {
  return labelled() ? labels.run(label, fn) : fn();
}

function logStatement(query: string, params: unknown[]) {
  if (labelled()) log.debug({ stmt: labels.getStore() ?? 'unnamed', sql: query, params: params.length }, 'sql');
}

/** The shared handle's logger: debug lines only, no counting. */
export const statementLogger: DrizzleLogger = { logQuery: logStatement };

/** The logger of a per-request counting handle. */
export function countingLogger(counter: StatementCounter): DrizzleLogger {
  return {
    logQuery(query, params) {
      counter.count += 1;
      logStatement(query, params);
    },
  };
}
