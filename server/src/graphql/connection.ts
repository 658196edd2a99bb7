/**
 * Relay connections: `first` (1–100, default 20) and `after`, with `totalCount`.
 * Cursors are opaque (base64url of the sort key). Stores fetch `first + 1` rows
 * to know whether there is a next page.
 */
import { ClassType, Field, Int, ObjectType } from 'type-graphql';
import { badInput } from './errors.js';

export const MAX_PAGE = 100;
export const DEFAULT_PAGE = 20;

@ObjectType({ simpleResolvers: true, description: 'Where a page starts and ends and whether there is more (Relay).' })
export class PageInfo {
  @Field(() => Boolean, { description: 'Whether another page follows this one.' })
  hasNextPage!: boolean;

  @Field(() => Boolean, { description: 'Whether pages come before this one (true when `after` was given).' })
  hasPreviousPage!: boolean;

  @Field(() => String, { nullable: true, description: 'Cursor of the first item of this page.' })
  startCursor!: string | null;

  @Field(() => String, { nullable: true, description: 'Cursor of the last item: pass it as `after` for the next page.' })
  endCursor!: string | null;
}

/** Builds a connection type for a node type, e.g. `HouseholdConnection`. */
export function Connection<T extends object>(node: ClassType<T>, name: string, what: string) {
  @ObjectType(`${name}Edge`, { simpleResolvers: true, description: `One ${what} in a page, with its cursor.` })
  class Edge {
    @Field(() => node, { description: `The ${what}.` })
    node!: T;

    @Field(() => String, { description: 'Opaque cursor of this item.' })
    cursor!: string;
  }

  @ObjectType(`${name}Connection`, { simpleResolvers: true, description: `A page of ${what}s (Relay connection).` })
  class Conn {
    @Field(() => [Edge], { description: `The ${what}s of this page with their cursors.` })
    edges!: Edge[];

    @Field(() => [node], { description: `The ${what}s of this page.` })
    nodes!: T[];

    @Field(() => PageInfo, { description: 'Whether there is a next page and where it starts.' })
    pageInfo!: PageInfo;

    @Field(() => Int, { description: `How many ${what}s match, over all pages.` })
    totalCount!: number;

    /** The edge type, for a field that returns one edge (e.g. a subscription's events). */
    static readonly Edge = Edge;
  }
  return Conn;
}

export const encodeCursor = (key: string) => Buffer.from(key).toString('base64url');

/** The sort key in a cursor, checked against the shape of this connection's keys. */
export function decodeCursor(after: string | null | undefined, shape: RegExp): string | undefined {
  if (after == null) return undefined;
  const key = Buffer.from(after, 'base64url').toString('utf8');
  if (!shape.test(key)) throw badInput([{ field: 'after', reason: 'this cursor is not valid here: pass pageInfo.endCursor of the previous page of the same list' }]);
  return key;
}

export function pageSize(first: number | null | undefined): number {
  const n = first ?? DEFAULT_PAGE;
  if (!Number.isInteger(n) || n < 1 || n > MAX_PAGE) {
    throw badInput([{ field: 'first', reason: `must be between 1 and ${MAX_PAGE}, got ${n}: page through larger lists with after` }]);
  }
  return n;
}

/**
 * Turns `first + 1` fetched rows into a page; `keyOf` gives each row's cursor key. Edges
 * (a cursor per item) are made only when read: most pages select `nodes`.
 */
export function toPage<R, T>(rows: R[], size: number, keyOf: (r: R) => string, map: (r: R) => T, total: () => Promise<number>, after?: string) {
  const slice = rows.length > size ? rows.slice(0, size) : rows;
  const nodes = slice.map(map);
  let edges: { node: T; cursor: string }[] | undefined;
  return {
    get edges() {
      return (edges ??= nodes.map((node, i) => ({ node, cursor: encodeCursor(keyOf(slice[i])) })));
    },
    nodes,
    pageInfo: {
      hasNextPage: rows.length > size,
      hasPreviousPage: after !== undefined,
      startCursor: slice.length ? encodeCursor(keyOf(slice[0])) : null,
      endCursor: slice.length ? encodeCursor(keyOf(slice[slice.length - 1])) : null,
    },
    /** A getter, so the count query runs only when a client selects totalCount. */
    get totalCount() {
      return total();
    },
  };
}
