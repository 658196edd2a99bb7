/** SQL for idempotency keys of batch writes. */
import { and, eq } from 'drizzle-orm';
import type { Tx } from '../../db/client.js';
import { idempotencyKeys } from '../../db/schema/index.js';
import { named } from '../../db/stats.js';

type Key = { caller: string; operation: string; key: string };
const match = (k: Key) => and(eq(idempotencyKeys.caller, k.caller), eq(idempotencyKeys.operation, k.operation), eq(idempotencyKeys.key, k.key));

export const idempotencyStore = {
  /**
   * Claims a key; returns false if it is taken. A concurrent claim of the same key
   * waits here until the first transaction ends (PostgreSQL's ON CONFLICT), so the
   * second request then sees the first one's result, or claims the key if it failed.
   */
  claim: (db: Tx, k: Key & { requestHash: string }) =>
    named('idempotency.claim', async () =>
      (await db.insert(idempotencyKeys).values({ ...k, response: {} }).onConflictDoNothing().returning({ key: idempotencyKeys.key })).length === 1,
    ),

  get: (db: Tx, k: Key) => named('idempotency.get', async () => (await db.select().from(idempotencyKeys).where(match(k)))[0]),

  saveResponse: (db: Tx, k: Key, response: unknown) =>
    named('idempotency.saveResponse', () => db.update(idempotencyKeys).set({ response }).where(match(k))),
};
