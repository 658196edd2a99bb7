/**
 * `paginate()`: an async iterator over every node of a connection, fetching page
 * after page with `after = pageInfo.endCursor` until `hasNextPage` is false. A page
 * gives its items as `nodes`, or as `edges { node }` (the change feed's `changes`).
 *
 *   for await (const h of paginate((after) => jz.households({ first: 100, after }).then((d) => d.households))) …
 *
 * Every connection of every SDK operation takes its own `after` variable (e.g.
 * `coverageGaps`' `after` for households and `villagesAfter` for villages).
 */
export interface PageInfo { hasNextPage: boolean; endCursor: string | null }

export interface NodesPage<T> { nodes: T[]; pageInfo: PageInfo }
export interface EdgesPage<T> { edges: { node: T }[]; pageInfo: PageInfo }
export type ConnectionPage<T> = NodesPage<T> | EdgesPage<T>;

export function paginate<T>(fetchPage: (after: string | null) => Promise<NodesPage<T>>): AsyncGenerator<T, void, undefined>;
export function paginate<T>(fetchPage: (after: string | null) => Promise<EdgesPage<T>>): AsyncGenerator<T, void, undefined>;
export async function* paginate<T>(fetchPage: (after: string | null) => Promise<ConnectionPage<T>>): AsyncGenerator<T, void, undefined> {
  let after: string | null = null;
  for (;;) {
    const page: ConnectionPage<T> = await fetchPage(after);
    if ('nodes' in page) yield* page.nodes;
    else for (const e of page.edges) yield e.node;
    if (!page.pageInfo.hasNextPage || !page.pageInfo.endCursor) return;
    after = page.pageInfo.endCursor;
  }
}
