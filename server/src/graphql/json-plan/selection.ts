/**
 * An operation's selection as a JSON plan reads it (./plan.ts): for one object type, the
 * fields in response order, each with its response key, its argument values (variables
 * substituted) and its own subselection. Fragments are inlined where their type condition
 * is the type or an interface it implements; the same response key selected twice is
 * merged as graphql-js merges it. Anything a plan does not handle — a directive
 * (`@skip`/`@include`), a fragment on a union or an unknown type — gives `undefined`,
 * and the operation runs on the ordinary executor.
 */
import {
  isInterfaceType, isObjectType, Kind, valueFromASTUntyped,
  type FragmentDefinitionNode, type GraphQLObjectType, type GraphQLSchema, type SelectionSetNode,
} from 'graphql';

export interface Selected {
  /** The key in the response: the alias, or the field name. */
  key: string;
  name: string;
  args: Record<string, unknown>;
  /** The field's subselection (empty for a leaf), still as AST: read with `selectionOf`. */
  selectionSets: SelectionSetNode[];
}

export interface Operation {
  schema: GraphQLSchema;
  fragments: Record<string, FragmentDefinitionNode>;
  variables: Record<string, unknown>;
}

/** The fields selected on `type` by these selection sets, in response order; undefined when the plan cannot follow them. */
export function selectionOf(op: Operation, type: GraphQLObjectType, sets: readonly SelectionSetNode[]): Selected[] | undefined {
  const byKey = new Map<string, Selected>();
  const visit = (set: SelectionSetNode): boolean => {
    for (const sel of set.selections) {
      if (sel.directives?.length) return false;
      if (sel.kind === Kind.FIELD) {
        const key = sel.alias?.value ?? sel.name.value;
        const known = byKey.get(key);
        if (known) {
          if (sel.selectionSet) known.selectionSets.push(sel.selectionSet);
          continue;
        }
        const args: Record<string, unknown> = {};
        for (const a of sel.arguments ?? []) args[a.name.value] = valueFromASTUntyped(a.value, op.variables);
        byKey.set(key, { key, name: sel.name.value, args, selectionSets: sel.selectionSet ? [sel.selectionSet] : [] });
        continue;
      }
      const fragment = sel.kind === Kind.INLINE_FRAGMENT ? sel : op.fragments[sel.name.value];
      if (!fragment) return false;
      const condition = fragment.typeCondition?.name.value;
      if (condition && condition !== type.name) {
        const t = op.schema.getType(condition);
        if (isInterfaceType(t)) {
          if (!type.getInterfaces().includes(t)) continue;
        } else if (isObjectType(t)) continue; // another object type: never this one
        else return false;
      }
      if (!visit(fragment.selectionSet)) return false;
    }
    return true;
  };
  for (const set of sets) if (!visit(set)) return undefined;
  return [...byKey.values()];
}
