/**
 * Query limits: a depth limit and a cost limit (each list field multiplies the
 * cost of what it selects by its `first`, or by its typical size when it has
 * none). Anything beyond them is refused with QUERY_TOO_COMPLEX before it runs.
 */
import { Kind, type ASTVisitor, type FieldNode, type FragmentDefinitionNode, type SelectionSetNode, type ValidationContext } from 'graphql';
import { ApiError } from './errors.js';

export const MAX_DEPTH = 12;
export const MAX_COST = 50_000;
/** Lists without `first`: how many items each may hold, at most or typically. */
const LIST_SIZE: Record<string, number> = { children: 50, ancestors: 4, members: 10, years: 10, surveys: 10, edges: 1, nodes: 1 };

export function queryLimits(ctx: ValidationContext): ASTVisitor {
  const fragments = new Map<string, FragmentDefinitionNode>();
  for (const d of ctx.getDocument().definitions) if (d.kind === Kind.FRAGMENT_DEFINITION) fragments.set(d.name.value, d);

  function measure(set: SelectionSetNode | undefined, depth: number, seen: Set<string>): { depth: number; cost: number } {
    if (!set) return { depth, cost: 0 };
    let maxDepth = depth;
    let cost = 0;
    for (const sel of set.selections) {
      let inner: { depth: number; cost: number };
      if (sel.kind === Kind.FIELD) {
        inner = measure(sel.selectionSet, depth + 1, seen);
        cost += (1 + inner.cost) * multiplier(sel);
      } else if (sel.kind === Kind.INLINE_FRAGMENT) {
        inner = measure(sel.selectionSet, depth, seen);
        cost += inner.cost;
      } else {
        const frag = fragments.get(sel.name.value);
        if (!frag || seen.has(sel.name.value)) continue;
        inner = measure(frag.selectionSet, depth, new Set([...seen, sel.name.value]));
        cost += inner.cost;
      }
      maxDepth = Math.max(maxDepth, inner.depth);
    }
    return { depth: maxDepth, cost };
  }

  function multiplier(field: FieldNode): number {
    const first = field.arguments?.find((a) => a.name.value === 'first');
    if (!first) return LIST_SIZE[field.name.value] ?? 1;
    if (first.value.kind === Kind.INT) return Math.max(1, Number(first.value.value));
    // A variable's value is not known during validation: count the largest page.
    return 100;
  }

  return {
    OperationDefinition(op) {
      const { depth, cost } = measure(op.selectionSet, 0, new Set());
      if (depth > MAX_DEPTH || cost > MAX_COST) {
        ctx.reportError(
          new ApiError(
            'QUERY_TOO_COMPLEX',
            depth > MAX_DEPTH
              ? `the query is ${depth} levels deep; the limit is ${MAX_DEPTH}: split it into several queries`
              : `the query could fetch about ${cost} objects; the limit is ${MAX_COST}: ask for smaller pages or fewer nested lists`,
            { depth, cost, limitExceeded: true },
          ),
        );
      }
    },
  };
}
