/**
 * Hand-written SELECTs for the hottest reads (a page of households, their villages and
 * members, a household by ID), run on the same connection as drizzle's statements but
 * without drizzle's query builder and row mapper: under the peer benchmark those were
 * 11–14 % of the server's CPU for a page (`is()` per column per row, building the SQL
 * again for every request). The rows come back as the driver parses them, keyed by the
 * aliases in the SELECT, so each query writes its columns `"column" as "key"` with the
 * casts that give drizzle's JavaScript values (`::text` for dates, `::float8` for numeric).
 *
 * On PostgreSQL each distinct statement text runs as a named prepared statement (parsed
 * and planned once per connection, as PostGraphile does); on PGlite as a plain query.
 * Every statement goes through the handle's logger, so EXPOSE_QUERY_STATS still counts it.
 * Stores own these statements like their drizzle ones (DESIGN.md "Shape of the code").
 */
import type { AnyColumn } from 'drizzle-orm';
import type { Tx } from './client.js';

/** Positional parameters of one statement: `add` returns the placeholder of the value. */
export class Params {
  readonly values: unknown[] = [];
  add(value: unknown): string {
    this.values.push(value);
    return `$${this.values.length}`;
  }
}

interface Session {
  client: { query(...args: unknown[]): Promise<{ rows: unknown[] }> };
  logger: { logQuery(query: string, params: unknown[]): void };
  constructor: { name: string };
}

/** Statement names by text; past the cap, further texts run unnamed (a caller with an unusual scope shape). */
const names = new Map<string, string>();
const MAX_NAMED = 500;

function nameOf(text: string): string | undefined {
  let name = names.get(text);
  if (name === undefined && names.size < MAX_NAMED) names.set(text, (name = `jz${names.size + 1}`));
  return name;
}

/** Runs one SELECT on the handle's connection (the transaction's, inside one) and returns its rows. */
export async function selectRows<R>(db: Tx, text: string, values: unknown[]): Promise<R[]> {
  const session = (db as unknown as { session: Session }).session;
  session.logger.logQuery(text, values);
  if (session.constructor.name === 'PgliteSession') return (await session.client.query(text, values)).rows as R[];
  const name = nameOf(text);
  return (await session.client.query(name ? { name, text, values } : { text, values })).rows as R[];
}

/** A column as it reads in a raw SELECT: quoted, with the cast that gives drizzle's value, aliased to `key`. */
export function columnAs(column: AnyColumn, key: string, qualifier?: string): string {
  const ref = `${qualifier ? `${qualifier}.` : ''}"${column.name}"`;
  const kind = column.columnType;
  const cast = kind === 'PgDateString' ? '::text' : kind === 'PgNumericNumber' ? '::float8' : '';
  return `${ref}${cast} as "${key}"`;
}

/** Which drizzle column types `columnAs` reads exactly as drizzle would (the others are not used on these paths). */
export const RAW_COLUMN_TYPES: ReadonlySet<string> = new Set([
  'PgUUID', 'PgText', 'PgInteger', 'PgSmallInt', 'PgBoolean', 'PgArray', 'PgDateString', 'PgNumericNumber', 'PgTimestamp',
]);
