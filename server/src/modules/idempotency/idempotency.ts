/**
 * Idempotent batch writes (DESIGN.md "Batch writes take an idempotency key"): the
 * first request with a key runs and its result is kept with the key in the same
 * transaction; a retry with the same key and the same payload gets that result and
 * writes nothing; the same key with another payload is a CONFLICT.
 */
import { createHash } from 'node:crypto';
import type { Tx } from '../../db/client.js';
import type { Context } from '../../graphql/context.js';
import { badInput, conflict } from '../../graphql/errors.js';
import { idempotencyStore } from './idempotency.store.js';

const KEY = /^[\w.:-]{1,100}$/;

/** A canonical hash of a payload: the same data in any key order hashes alike. */
export function payloadHash(payload: unknown): string {
  const canonical = (v: unknown): unknown =>
    Array.isArray(v) ? v.map(canonical) : v && typeof v === 'object' ? Object.fromEntries(Object.entries(v).filter(([, x]) => x !== undefined).sort(([a], [b]) => a.localeCompare(b)).map(([k, x]) => [k, canonical(x)])) : v;
  return createHash('sha256').update(JSON.stringify(canonical(payload))).digest('hex');
}

/**
 * Runs `write` once per (caller, operation, key) inside `tx`; returns its result,
 * or the stored result of the first run. `replayed` tells which.
 */
export async function once<R>(tx: Tx, ctx: Context, operation: string, key: string, payload: unknown, write: () => Promise<R>): Promise<{ result: R; replayed: boolean }> {
  if (!KEY.test(key)) throw badInput([{ field: 'idempotencyKey', reason: 'use 1–100 letters, digits, _ . : or -, e.g. a UUID' }]);
  const k = { caller: ctx.caller.id, operation, key };
  const requestHash = payloadHash(payload);
  if (!(await idempotencyStore.claim(tx, { ...k, requestHash }))) {
    const first = (await idempotencyStore.get(tx, k))!;
    if (first.requestHash !== requestHash) {
      throw conflict(`the idempotency key "${key}" was used for a different request: use a new key for new data`, { field: 'idempotencyKey' });
    }
    return { result: first.response as R, replayed: true };
  }
  const result = await write();
  await idempotencyStore.saveResponse(tx, k, result);
  return { result, replayed: false };
}
