/**
 * The per-request context: the caller from the token, fresh DataLoaders, the
 * database handle and the request ID. Built once per HTTP request; nothing in it
 * outlives the request, so the server keeps no state between requests.
 */
import type { Logger } from 'pino';
import type { Caller } from '../auth/caller.js';
import type { Database, Db } from '../db/client.js';
import { createLoaders, type Loaders } from './loaders.js';

export interface Context {
  requestId: string;
  caller: Caller;
  db: Db;
  database: Database;
  loaders: Loaders;
  log: Logger;
}

export function createContext(input: Omit<Context, 'loaders' | 'db'>): Context {
  const db = input.database.db;
  return { ...input, db, loaders: createLoaders(db, input.caller) };
}
