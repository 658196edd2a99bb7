/**
 * Every connection that an SDK operation selects (issue 15, item 16), found from the
 * operation documents the SDK exports (`…Document`) and the committed schema: its
 * operation, its path from the data root, its `first`/`after` variables, and what about
 * it keeps `paginate()` from paging it (`problems`, empty when it pages). A connection is
 * a field whose type has `pageInfo` and `nodes` (or `edges`).
 *
 * A connection pages when it takes `first` and `after` from variables, its `after`
 * variable is its own in the operation, it selects `pageInfo { hasNextPage endCursor }`
 * and `nodes` (or `edges { node }`), and it is not inside a list — or, inside a list
 * (a preview in each row), the same field is paged by another operation.
 */
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import {
  buildSchema, getNamedType, isListType, isNonNullType, isObjectType, isInterfaceType, parse, Kind,
  type FieldNode, type FragmentDefinitionNode, type GraphQLOutputType, type GraphQLNamedType, type SelectionSetNode,
} from 'graphql';

const schema = buildSchema(readFileSync(resolve(import.meta.dirname, '../../schema/schema.graphql'), 'utf8'));

export interface FoundConnection {
  operation: string;
  kind: 'query' | 'mutation' | 'subscription';
  /** Response keys from `data` to the connection. */
  path: string[];
  /** `Type.field`, the same for every operation that selects it. */
  field: string;
  firstVar?: string;
  afterVar?: string;
  underList: boolean;
  totalCount: boolean;
  /** 'nodes' or 'edges': where the page's items are. */
  items?: 'nodes' | 'edges';
  problems: string[];
}

const isConnection = (t: GraphQLNamedType) => isObjectType(t) && 'pageInfo' in t.getFields() && ('nodes' in t.getFields() || 'edges' in t.getFields());

function hasList(t: GraphQLOutputType): boolean {
  if (isNonNullType(t)) return hasList(t.ofType);
  return isListType(t);
}

/** The field names selected directly in a selection set, through fragments. */
function selected(set: SelectionSetNode | undefined, fragments: Map<string, FragmentDefinitionNode>): Map<string, FieldNode> {
  const out = new Map<string, FieldNode>();
  for (const s of set?.selections ?? []) {
    if (s.kind === Kind.FIELD) out.set(s.name.value, s);
    else if (s.kind === Kind.INLINE_FRAGMENT) for (const [k, v] of selected(s.selectionSet, fragments)) out.set(k, v);
    else for (const [k, v] of selected(fragments.get(s.name.value)?.selectionSet, fragments)) out.set(k, v);
  }
  return out;
}

function variableOf(field: FieldNode, arg: string): string | undefined | null {
  const a = field.arguments?.find((x) => x.name.value === arg);
  if (!a) return undefined;
  return a.value.kind === Kind.VARIABLE ? a.value.name.value : null;
}

/** The connections of one operation document (its text as the SDK sends it). */
export function connectionsIn(text: string): FoundConnection[] {
  const doc = parse(text);
  const fragments = new Map(doc.definitions.filter((d): d is FragmentDefinitionNode => d.kind === Kind.FRAGMENT_DEFINITION).map((d) => [d.name.value, d]));
  const found: FoundConnection[] = [];
  for (const op of doc.definitions) {
    if (op.kind !== Kind.OPERATION_DEFINITION) continue;
    const root = op.operation === 'query' ? schema.getQueryType() : op.operation === 'mutation' ? schema.getMutationType() : schema.getSubscriptionType();
    const walk = (set: SelectionSetNode | undefined, type: GraphQLNamedType | null | undefined, path: string[], underList: boolean) => {
      if (!set || !type || !(isObjectType(type) || isInterfaceType(type))) return;
      for (const s of set.selections) {
        if (s.kind === Kind.INLINE_FRAGMENT) walk(s.selectionSet, s.typeCondition ? schema.getType(s.typeCondition.name.value) : type, path, underList);
        else if (s.kind === Kind.FRAGMENT_SPREAD) {
          const f = fragments.get(s.name.value);
          if (f) walk(f.selectionSet, schema.getType(f.typeCondition.name.value), path, underList);
        } else {
          const def = type.getFields()[s.name.value];
          if (!def) continue;
          const key = s.alias?.value ?? s.name.value;
          const named = getNamedType(def.type);
          const here = [...path, key];
          if (isConnection(named)) found.push(inspect(op.name?.value ?? '(anonymous)', op.operation, here, `${type.name}.${def.name}`, s, underList, fragments));
          walk(s.selectionSet, named, here, underList || hasList(def.type));
        }
      }
    };
    walk(op.selectionSet, root, [], false);
  }
  // An `after` variable shared by two connections would hand one's cursor to the other.
  for (const c of found) {
    if (c.afterVar && found.some((o) => o !== c && o.operation === c.operation && o.afterVar === c.afterVar)) c.problems.push(`shares its $${c.afterVar} with another connection of the operation: give each connection its own after variable`);
  }
  return found;
}

function inspect(operation: string, kind: FoundConnection['kind'], path: string[], field: string, node: FieldNode, underList: boolean, fragments: Map<string, FragmentDefinitionNode>): FoundConnection {
  const problems: string[] = [];
  const firstVar = variableOf(node, 'first');
  const afterVar = variableOf(node, 'after');
  if (!firstVar) problems.push(firstVar === null ? '`first` is a literal: take it from a variable' : 'takes no `first`: add `first: $first`');
  if (!afterVar) problems.push(afterVar === null ? '`after` is a literal: take it from a variable' : 'takes no `after`: add `after: $after` (its own variable)');
  const fields = selected(node.selectionSet, fragments);
  const pageInfo = selected(fields.get('pageInfo')?.selectionSet, fragments);
  if (!pageInfo.has('hasNextPage') || !pageInfo.has('endCursor')) problems.push('does not select pageInfo { hasNextPage endCursor }');
  const items = fields.has('nodes') ? 'nodes' : fields.has('edges') && selected(fields.get('edges')!.selectionSet, fragments).has('node') ? 'edges' : undefined;
  if (!items) problems.push('selects neither nodes nor edges { node }');
  return { operation, kind, path, field, firstVar: firstVar ?? undefined, afterVar: afterVar ?? undefined, underList, totalCount: fields.has('totalCount'), items, problems };
}

/**
 * The connections of all the documents, with the last rule applied: one inside a list
 * pages only through another operation that pages the same field.
 */
export function connectionsOf(texts: string[]): FoundConnection[] {
  const all = texts.flatMap(connectionsIn);
  for (const c of all) {
    if (!c.underList) continue;
    const twin = all.find((o) => o.field === c.field && !o.underList && o.problems.length === 0);
    if (twin) c.problems = [];
    else c.problems.push(`sits inside a list: no operation pages ${c.field} on its own (add one, like updateRound's pendingHouseholds)`);
  }
  return all;
}
