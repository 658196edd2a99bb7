/**
 * A Relay connection (graphql/connection.ts) in a JSON plan: which items it selects
 * (`nodes { … }`, `edges { cursor node { … } }`) and, once the page's rows are read, its JSON —
 * the same cursors, `pageInfo` and order as `toPage`. `totalCount` (and anything else) is not
 * planned: such an operation runs on the executor.
 */
import { getNamedType, isObjectType, type GraphQLField } from 'graphql';
import { encodeCursor } from '../connection.js';
import type { Row, Writer } from './object.js';
import { selectionOf, type Operation, type Selected } from './selection.js';

const json = JSON.stringify;
const objectType = (field: GraphQLField<unknown, unknown> | undefined) => {
  const t = field && getNamedType(field.type);
  return isObjectType(t) ? t : undefined;
};

/**
 * Plans the connection field `f`: `item` plans the item writer for a selection (the same rows
 * serve `nodes` and `edges.node`); `write(rows, size, after)` then writes the page from its
 * `first + 1` rows, whose sort key (the cursor's) is `key(row)`.
 */
export function planConnection(op: Operation, field: GraphQLField<unknown, unknown>, f: Selected, item: (type: ReturnType<typeof objectType> & object, selected: Selected[]) => Writer | undefined, key: (r: Row) => string) {
  const conn = objectType(field);
  const connSel = conn && selectionOf(op, conn, f.selectionSets);
  const edgeType = conn && objectType(conn.getFields().edges);
  const itemType = conn && objectType(conn.getFields().nodes);
  const pageInfoType = conn && objectType(conn.getFields().pageInfo);
  if (!connSel || !edgeType || !itemType || !pageInfoType) return undefined;
  const pageInfoFields = new Set(['hasNextPage', 'hasPreviousPage', 'startCursor', 'endCursor', '__typename']);
  type Part = (slice: Row[], info: Record<string, string>) => string;
  const parts: Part[] = [];
  for (const s of connSel) {
    const k = `${json(s.key)}:`;
    if (s.name === 'nodes') {
      const sel = selectionOf(op, itemType, s.selectionSets);
      const w = sel && item(itemType, sel);
      if (!w) return undefined;
      parts.push((slice) => `${k}[${slice.map(w).join(',')}]`);
    } else if (s.name === 'edges') {
      const edges = selectionOf(op, edgeType, s.selectionSets);
      if (!edges) return undefined;
      const ws: ((r: Row) => string)[] = [];
      for (const e of edges) {
        const ek = `${json(e.key)}:`;
        if (e.name === 'cursor') ws.push((r) => ek + json(encodeCursor(key(r))));
        else if (e.name === '__typename') ws.push(() => ek + json(edgeType.name));
        else if (e.name === 'node') {
          const sel = selectionOf(op, itemType, e.selectionSets);
          const w = sel && item(itemType, sel);
          if (!w) return undefined;
          ws.push((r) => ek + w(r));
        } else return undefined;
      }
      parts.push((slice) => `${k}[${slice.map((r) => `{${ws.map((w) => w(r)).join(',')}}`).join(',')}]`);
    } else if (s.name === 'pageInfo') {
      const sel = selectionOf(op, pageInfoType, s.selectionSets);
      if (!sel || sel.some((p) => !pageInfoFields.has(p.name))) return undefined;
      parts.push((_, info) => `${k}{${sel.map((p) => `${json(p.key)}:${p.name === '__typename' ? json(pageInfoType.name) : info[p.name]}`).join(',')}}`);
    } else if (s.name === '__typename') parts.push(() => k + json(conn.name));
    else return undefined;
  }
  return (rows: Row[], size: number, after: string | undefined) => {
    const slice = rows.length > size ? rows.slice(0, size) : rows;
    const cursor = (r: Row | undefined) => (r ? json(encodeCursor(key(r))) : 'null');
    const info = {
      hasNextPage: String(rows.length > size), hasPreviousPage: String(after !== undefined),
      startCursor: cursor(slice[0]), endCursor: cursor(slice[slice.length - 1]),
    };
    return `{${parts.map((p) => p(slice, info)).join(',')}}`;
  };
}
