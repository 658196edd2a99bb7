/**
 * `paginate()`: an async iterator over every node of a connection, fetching page
 * after page with `after = pageInfo.endCursor` until `hasNextPage` is false.
 *
 *   for await (const h of paginate((after) => jz.households({ first: 100, after }).then((d) => d.households))) …
 */
export interface ConnectionPage<T> {
  nodes: T[];
  pageInfo: { hasNextPage: boolean; endCursor: string | null };
}

export async function* paginate<T>(fetchPage: (after: string | null) => Promise<ConnectionPage<T>>): AsyncGenerator<T, void, undefined> {
  let after: string | null = null;
  for (;;) {
    const page: ConnectionPage<T> = await fetchPage(after);
    yield* page.nodes;
    if (!page.pageInfo.hasNextPage || !page.pageInfo.endCursor) return;
    after = page.pageInfo.endCursor;
  }
}
