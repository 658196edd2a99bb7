/**
 * Plain SQL on the raw connection of either backend, for the seeders' few set-based
 * statements (staging tables, INSERT … SELECT). Returns rows and the affected-row count.
 */
import type { Database } from '../db/client.js';

export async function rawQuery<T = Record<string, unknown>>(
  database: Database,
  text: string,
  params: unknown[] = [],
): Promise<{ rows: T[]; affected: number }> {
  if (database.raw.kind === 'pglite') {
    const r = await database.raw.client.query<T>(text, params);
    return { rows: r.rows, affected: r.affectedRows ?? 0 };
  }
  const r = await database.raw.pool.query(text, params);
  return { rows: r.rows as T[], affected: r.rowCount ?? 0 };
}
