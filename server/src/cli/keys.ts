/**
 * `jingzhun keys rotate` (issue 13 item 1): re-seals every stored secret under the first key
 * of DATA_KEYS (lib/keyring.ts), in batches of 500, each batch its own short transaction, while
 * the server runs — a value is replaced only if it has not changed since it was read, and
 * every key still listed opens the values not yet re-sealed. Afterwards the old key may be
 * removed from DATA_KEYS. Today's sealed values: webhook secrets.
 */
import type { Database } from '../db/client.js';
import { keyring } from '../lib/keyring.js';
import { webhookStore } from '../modules/webhook/webhook.store.js';

const BATCH = 500;

export async function rotateKeys(database: Database): Promise<{ checked: number; resealed: number }> {
  const ring = keyring();
  let after = '00000000-0000-0000-0000-000000000000';
  let checked = 0;
  let resealed = 0;
  for (;;) {
    const batch = await webhookStore.secretsAfter(database.db, after, BATCH);
    if (batch.length === 0) break;
    await database.db.transaction(async (tx) => {
      for (const r of batch) if (ring.stale(r.secret)) {
        await webhookStore.resealSecret(tx, r.id, r.secret, ring.seal(ring.open(r.secret)));
        resealed++;
      }
    });
    checked += batch.length;
    after = batch[batch.length - 1].id;
  }
  return { checked, resealed };
}
