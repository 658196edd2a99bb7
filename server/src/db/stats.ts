/**
 * Per-request statement accounting. A request runs inside `withStatementStats`;
 * every SQL statement drizzle sends is counted there and logged with the label of
 * the store function that sent it (`named('household.page', …)`), so logs show
 * which statement ran and tests can prove there is no N+1.
 */
import { AsyncLocalStorage } from 'node:async_hooks';
import type { Logger as DrizzleLogger } from 'drizzle-orm';
import { log } from '../lib/log.js';

export interface StatementCounter {
  count: number;
}
interface Scope {
  counter: StatementCounter;
  label?: string;
}
const als = new AsyncLocalStorage<Scope>();

/** Runs `fn` with a fresh statement counter; read `counter.count` when it is done. */
export function withStatementStats<T>(counter: StatementCounter, fn: () => T): T {
  return als.run({ counter }, fn);
}

/** Runs a store statement under a name that shows in the logs. */
export function named<T>(label: string, fn: () => Promise<T>): Promise<T> {
  const scope = als.getStore();
  return als.run({ counter: scope?.counter ?? { count: 0 }, label }, fn);
}

export const statementLogger: DrizzleLogger = {
  logQuery(query: string, params: unknown[]) {
    const scope = als.getStore();
    if (scope) scope.counter.count += 1;
    log.debug({ stmt: scope?.label ?? 'unnamed', sql: query, params: params.length }, 'sql');
  },
};
