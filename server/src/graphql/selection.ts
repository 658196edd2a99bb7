/**
 * What an operation selects under the field being resolved: the names of the direct
 * subfields, through inline fragments and named fragments. `@skip`/`@include` are not
 * evaluated, so the set may hold a field that will not be resolved, never miss one:
 * a caller uses it only to take a narrower path when every name it holds is covered.
 * (A dozen lines instead of graphql-parse-resolve-info: one level, names only, no types.)
 */
import { Kind, type FieldNode, type GraphQLResolveInfo, type SelectionSetNode } from 'graphql';

/** graphql-js hands every item of a list the same `fieldNodes` array: compute once per array. */
const cache = new WeakMap<readonly FieldNode[], Set<string>>();

export function selectedFields(info: GraphQLResolveInfo): Set<string> {
  const known = cache.get(info.fieldNodes);
  if (known) return known;
  const names = new Set<string>();
  const visit = (set: SelectionSetNode | undefined) => {
    for (const sel of set?.selections ?? []) {
      if (sel.kind === Kind.FIELD) names.add(sel.name.value);
      else if (sel.kind === Kind.INLINE_FRAGMENT) visit(sel.selectionSet);
      else visit(info.fragments[sel.name.value]?.selectionSet);
    }
  };
  for (const node of info.fieldNodes) visit(node.selectionSet);
  cache.set(info.fieldNodes, names);
  return names;
}

/**
 * The names selected at the end of each path below the field, e.g. `[['nodes'], ['edges', 'node']]`
 * for the items of a connection (same fragment and directive handling as above).
 */
/** Where a connection's items are: `nodes { … }` and `edges { node { … } }`. */
export const CONNECTION_ITEMS = [['nodes'], ['edges', 'node']] as const;

export function selectedAt(info: GraphQLResolveInfo, paths: readonly (readonly string[])[]): Set<string> {
  const names = new Set<string>();
  const walk = (set: SelectionSetNode | undefined, path: readonly string[]) => {
    for (const sel of set?.selections ?? []) {
      if (sel.kind === Kind.FIELD) {
        if (path.length === 0) names.add(sel.name.value);
        else if (sel.name.value === path[0]) walk(sel.selectionSet, path.slice(1));
      } else walk(sel.kind === Kind.INLINE_FRAGMENT ? sel.selectionSet : info.fragments[sel.name.value]?.selectionSet, path);
    }
  };
  for (const path of paths) for (const node of info.fieldNodes) walk(node.selectionSet, path);
  return names;
}

/** Whether every selected field (ignoring `__typename`) is one of `covered`. */
export function selectsOnly(info: GraphQLResolveInfo, covered: ReadonlySet<string>): boolean {
  for (const name of selectedFields(info)) if (name !== '__typename' && !covered.has(name)) return false;
  return true;
}

/**
 * The selected fields as a sorted column list when every one of them is in `columns`
 * (`__typename` aside); undefined when any is not (a field resolver of another module
 * may need the whole row), meaning "read all columns".
 */
export function columnsSelected(info: GraphQLResolveInfo, columns: ReadonlySet<string>): string[] | undefined {
  return columnsOf(selectedFields(info), columns);
}

/** `columnsSelected` over a set of names (e.g. from `selectedAt`): the same list for the same names. */
export function columnsOf(selected: Iterable<string>, columns: ReadonlySet<string>): string[] | undefined {
  const names = [...selected].filter((n) => n !== '__typename');
  return names.every((n) => columns.has(n)) ? names.sort() : undefined;
}

/** Where a field of a connection's items is: `nodes { field { … } }` and `edges { node { field { … } } }`. */
export const connectionItemField = (field: string) => [['nodes', field], ['edges', 'node', field]] as const;
