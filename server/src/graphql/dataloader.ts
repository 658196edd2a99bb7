/**
 * The two shapes every loader takes: one row per key, or a list per key — always
 * in the order of the keys asked for (DataLoader's contract).
 */
import DataLoader from 'dataloader';

/** A loader of one row (or null) per key. */
export function keyed<K, R>(fetch: (keys: readonly K[]) => Promise<R[]>, keyOf: (r: R) => K) {
  return new DataLoader<K, R | null>(async (keys) => {
    const map = new Map((await fetch(keys)).map((r) => [keyOf(r), r]));
    return keys.map((k) => map.get(k) ?? null);
  });
}

/** A loader of a list of rows per key (the fetch's order is kept within each list). */
export function grouped<K, R>(fetch: (keys: readonly K[]) => Promise<R[]>, keyOf: (r: R) => K) {
  return new DataLoader<K, R[]>(async (keys) => {
    const map = new Map<K, R[]>(keys.map((k) => [k, []]));
    for (const r of await fetch(keys)) map.get(keyOf(r))?.push(r);
    return keys.map((k) => map.get(k)!);
  });
}
