/**
 * Takes `n` items of an async iterator, or fails after `ms`. Events usually come within
 * a second, but the change feed is gap-free over the whole PostgreSQL server (xmin):
 * another run's long transaction can hold every feed back a while.
 */
export async function take<T>(it: AsyncIterator<T>, n: number, ms = 20_000): Promise<T[]> {
  const out: T[] = [];
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<never>((_, fail) => (timer = setTimeout(() => fail(new Error(`only ${out.length} of ${n} events in ${ms} ms`)), ms)));
  try {
    while (out.length < n) {
      const next = await Promise.race([it.next(), timeout]);
      if (next.done) break;
      out.push(next.value);
    }
    return out;
  } finally {
    clearTimeout(timer);
  }
}
