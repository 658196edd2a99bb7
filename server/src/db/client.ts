/**
 * The database handle: PGlite (embedded, default) or PostgreSQL through pg when
 * DATABASE_URL is set. Both give the same drizzle `PgDatabase`, so one store layer
 * serves both. `counting` gives a handle over the same connections that counts its
 * statements (for EXPOSE_QUERY_STATS; see ./stats.ts).
 */
import pg from 'pg';
import { PGlite } from '@electric-sql/pglite';
import { drizzle as drizzlePg } from 'drizzle-orm/node-postgres';
import { drizzle as drizzlePglite } from 'drizzle-orm/pglite';
import type { PgDatabase, PgQueryResultHKT } from 'drizzle-orm/pg-core';
import { mkdirSync } from 'node:fs';
import * as schema from './schema/index.js';
import { countingLogger, statementLogger, type StatementCounter } from './stats.js';
import { log } from '../lib/log.js';

export type Schema = typeof schema;
export type Db = PgDatabase<PgQueryResultHKT, Schema>;
/** A handle inside or outside a transaction; stores accept either. */
export type Tx = Parameters<Parameters<Db['transaction']>[0]>[0] | Db;

export interface Database {
  db: Db;
  kind: 'pg' | 'pglite';
  /** Raw access for bulk COPY (./copy.ts). */
  raw: { kind: 'pg'; pool: pg.Pool } | { kind: 'pglite'; client: PGlite };
  /** A handle over the same pool/client whose statements (transactions included) add to `counter`. */
  counting(counter: StatementCounter): Db;
  close(): Promise<void>;
}

export async function openDatabase(opts: { databaseUrl?: string; dataDir: string }): Promise<Database> {
  if (opts.databaseUrl) {
    const pool = new pg.Pool({ connectionString: opts.databaseUrl, max: 10 });
    // An idle connection dropped by the server (restart, failover, a dropped database) must not
    // crash the process: the pool replaces it on the next query.
    pool.on('error', (err) => log.warn({ sqlState: (err as { code?: string }).code, msg: err.message }, 'idle database connection lost'));
    // Nor one dropped while checked out between two statements (a transaction waiting on its code): the pool
    // listens only to idle connections, and an 'error' nobody listens to ends the process. The statement
    // in flight, if any, fails by itself (answered 503, db/unavailable.ts); the pool discards the connection.
    pool.on('connect', (client) => client.on('error', (err) => log.warn({ sqlState: (err as { code?: string }).code, msg: err.message }, 'database connection lost')));
    // numeric comes back as string by default; the schema maps it with mode 'number'.
    const db = drizzlePg(pool, { schema, logger: statementLogger }) as unknown as Db;
    const counting = (c: StatementCounter) => drizzlePg(pool, { schema, logger: countingLogger(c) }) as unknown as Db;
    return { db, kind: 'pg', raw: { kind: 'pg', pool }, counting, close: () => pool.end() };
  }
  if (!opts.dataDir.startsWith('memory://')) mkdirSync(opts.dataDir, { recursive: true });
  const client = await PGlite.create(opts.dataDir.startsWith('memory://') ? undefined : opts.dataDir);
  const db = drizzlePglite(client, { schema, logger: statementLogger }) as unknown as Db;
  const counting = (c: StatementCounter) => drizzlePglite(client, { schema, logger: countingLogger(c) }) as unknown as Db;
  return { db, kind: 'pglite', raw: { kind: 'pglite', client }, counting, close: () => client.close() };
}
