/** Arguments every connection field takes, described once. */
import { Arg, Int } from 'type-graphql';

export const First = () => Arg('first', () => Int, { nullable: true, description: 'Page size, 1–100 (default 20).' });
export const After = () => Arg('after', () => String, { nullable: true, description: 'Cursor to start after: pageInfo.endCursor of the previous page.' });

/** An input object without its explicit nulls: GraphQL's `null` means "not given" in filters. */
export function withoutNulls<T extends object>(o: T | null | undefined): { [K in keyof T]?: Exclude<T[K], null> } {
  return Object.fromEntries(Object.entries(o ?? {}).filter(([, v]) => v !== null && v !== undefined)) as never;
}
