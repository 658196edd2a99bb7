/**
 * The per-request context: the caller from the token, fresh DataLoaders, the
 * database handle and the request ID. Built once per HTTP request (and once per
 * operation over WebSocket); nothing in it outlives the request or the subscription,
 * so the server keeps no state between requests.
 */
import type { Logger } from 'pino';
import type { Caller } from '../auth/caller.js';
import type { Database, Db } from '../db/client.js';
import type { ChangeWakeups } from '../modules/change/change.listener.js';
import { createLoaders, type Loaders } from './loaders.js';

export interface Context {
  requestId: string;
  caller: Caller;
  db: Db;
  database: Database;
  loaders: Loaders;
  log: Logger;
  /** Over WebSocket: this process's change-feed wake-ups, for the `changes` subscription. */
  changes?: ChangeWakeups;
}

/** `db` defaults to the shared handle; the HTTP server passes a counting one under EXPOSE_QUERY_STATS. */
export function createContext(input: Omit<Context, 'loaders' | 'db'> & { db?: Db }): Context {
  const db = input.db ?? input.database.db;
  return { ...input, db, loaders: createLoaders(db, input.caller) };
}
