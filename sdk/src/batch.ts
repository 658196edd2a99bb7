/**
 * Batch helpers for ministries' apps: `linkAll` splits a long list of beneficiaries
 * into batches of 1,000, gives each batch an idempotency key derived from yours
 * (`<key>:<n>`), and retries a batch after a network error with the same key — so
 * a retry never links twice. A refused batch throws BadUserInputError whose
 * `problems` name the bad items (with their index in the whole list).
 *
 *   const result = await linkAll(jz, project.id, households.map((h) => ({ householdId: h.id, benefitKind: 'CONNECTION', date })), { key: 'water-2016-run-1' });
 */
import type { Client } from './client.js';
import { BadUserInputError, NetworkError } from './errors.js';
import type { LinkBeneficiariesMutation, LinkItemInput } from './generated/operations.js';

export const BATCH_SIZE = 1000;

export interface LinkAllOptions {
  /** Your key for the whole list; batch n uses `<key>:<n>`. Reuse it only to retry the same list. */
  key: string;
  /** Retries of a batch after a network error (default 5), with exponential backoff from 500 ms. */
  retries?: number;
  /** Items per batch, at most (and by default) 1,000. */
  batchSize?: number;
  /** Called after each batch. */
  onBatch?: (done: number, total: number) => void;
}

type Link = LinkBeneficiariesMutation['linkBeneficiaries']['links'][number];

export async function linkAll(client: Client, projectId: string, items: LinkItemInput[], o: LinkAllOptions): Promise<{ linked: number; replayedBatches: number; links: Link[] }> {
  const links: Link[] = [];
  let linked = 0;
  let replayedBatches = 0;
  const size = Math.min(o.batchSize ?? BATCH_SIZE, BATCH_SIZE);
  for (let start = 0, n = 0; start < items.length; start += size, n++) {
    const batch = items.slice(start, start + size);
    const result = await withRetries(o.retries ?? 5, () =>
      client.linkBeneficiaries({ projectId, idempotencyKey: `${o.key}:${n}`, items: batch }).catch((e) => {
        if (e instanceof BadUserInputError) shiftProblems(e, start);
        throw e;
      }),
    );
    links.push(...result.linkBeneficiaries.links);
    linked += result.linkBeneficiaries.linked;
    if (result.linkBeneficiaries.replayed) replayedBatches++;
    o.onBatch?.(Math.min(start + size, items.length), items.length);
  }
  return { linked, replayedBatches, links };
}

/** Problems name items by their index in the whole list, not in the batch. */
function shiftProblems(e: BadUserInputError, offset: number) {
  for (const p of e.problems) p.field = p.field.replace(/^items\[(\d+)\]/, (_, i) => `items[${Number(i) + offset}]`);
}

async function withRetries<T>(retries: number, run: () => Promise<T>): Promise<T> {
  for (let attempt = 0; ; attempt++) {
    try {
      return await run();
    } catch (e) {
      if (!(e instanceof NetworkError) || attempt >= retries) throw e;
      await new Promise((r) => setTimeout(r, 500 * 2 ** attempt));
    }
  }
}
