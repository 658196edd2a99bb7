/**
 * Query limits (issue 13 item 4, "published limits"): a depth limit, a cost limit and an
 * alias limit, checked before anything runs; beyond them QUERY_TOO_COMPLEX says which.
 * - Cost: each field costs 1, or its weight when it computes an aggregate (FIELD_WEIGHT:
 *   a count, a statistics part, a register on a date), plus what it selects; a list field
 *   multiplies that by its `first`, or by its typical size when it has none.
 * - Linear in the size of the document: a fragment is measured once and its result reused
 *   wherever it is spread (a document of 24 fragments each spreading the next twice has
 *   2^24 paths but 24 measurements); a fragment that spreads itself counts nothing more
 *   (the standard NoFragmentCycles rule refuses it anyway).
 * - Aliases: at most MAX_ALIASES aliased fields per operation — the way one request asks
 *   a thousand times for the same aggregate.
 * Before the parser: a document nested deeper than MAX_NESTING brackets is refused by a
 * flat scan (the parser recurses per bracket and would exhaust the stack: "Maximum call
 * stack size exceeded"), and the parser's own token cap (MAX_TOKENS, parseOptions) stops
 * documents too long to be worth validating.
 */
import { Kind, type ASTVisitor, type DocumentNode, type FieldNode, type FragmentDefinitionNode, type SelectionSetNode, type ValidationContext } from 'graphql';
import { ApiError } from './errors.js';

/** The largest request body, over HTTP and in one WebSocket message (bytes). */
export const MAX_BODY = 1_000_000;
export const MAX_DEPTH = 12;
export const MAX_COST = 50_000;
export const MAX_ALIASES = 100;
/** Lexical tokens in one document; the SDK's largest operation has about 600. */
export const MAX_TOKENS = 5_000;
/** Brackets ({, (, [) open at once; a legal query within MAX_DEPTH needs about 30. */
export const MAX_NESTING = 64;

/**
 * Why a GraphQL source is refused before parsing, or null: more than MAX_NESTING brackets
 * open at once. One pass over the text, skipping strings, block strings and comments.
 */
export function nestingProblem(source: string): string | null {
  let open = 0;
  for (let i = 0; i < source.length; i++) {
    const c = source[i];
    if (c === '#') {
      while (i < source.length && source[i] !== '\n') i++;
    } else if (c === '"') {
      if (source.startsWith('"""', i)) {
        const end = source.indexOf('"""', i + 3);
        if (end < 0) return null; // unterminated: the parser says so
        i = end + 2;
      } else {
        for (i++; i < source.length && source[i] !== '"' && source[i] !== '\n'; i++) if (source[i] === '\\') i++;
      }
    } else if (c === '{' || c === '(' || c === '[') {
      if (++open > MAX_NESTING) return `the document nests more than ${MAX_NESTING} brackets deep; queries may be ${MAX_DEPTH} levels deep: split it into several queries`;
    } else if (c === '}' || c === ')' || c === ']') open--;
  }
  return null;
}

/** Lists without `first`: how many items each may hold, at most or typically. */
const LIST_SIZE: Record<string, number> = { children: 50, ancestors: 4, members: 10, years: 10, surveys: 10, edges: 1, nodes: 1 };
/** Fields that compute an aggregate or a whole register: what one costs, whatever it selects. */
const FIELD_WEIGHT: Record<string, number> = { totalCount: 10, registerAsOf: 1000, statistics: 1000, countyExitCheck: 1000, coverageGaps: 200, quotaUse: 100, publicDonationSummary: 50, countyDonationLedger: 50 };

/**
 * Each validated document's cost by operation name ('' for an anonymous one), for the answer's
 * `extensions.cost` (http/cost-plugin.ts). Keyed by the parsed document, which Apollo's
 * document store hands out again for the same query text (validation then does not rerun).
 */
export const documentCost = new WeakMap<DocumentNode, Map<string, number>>();

interface Measure {
  depth: number;
  cost: number;
  aliases: number;
}

export function queryLimits(ctx: ValidationContext): ASTVisitor {
  const fragments = new Map<string, FragmentDefinitionNode>();
  for (const d of ctx.getDocument().definitions) if (d.kind === Kind.FRAGMENT_DEFINITION) fragments.set(d.name.value, d);
  /** Each fragment's measure, relative to where it is spread. */
  const measured = new Map<string, Measure>();
  const measuring = new Set<string>();

  function fragment(name: string): Measure {
    const known = measured.get(name);
    if (known) return known;
    const frag = fragments.get(name);
    if (!frag || measuring.has(name)) return { depth: 0, cost: 0, aliases: 0 };
    measuring.add(name);
    const m = measure(frag.selectionSet);
    measuring.delete(name);
    measured.set(name, m);
    return m;
  }

  /** Depth below `set`, its cost and its aliases. */
  function measure(set: SelectionSetNode | undefined): Measure {
    if (!set) return { depth: 0, cost: 0, aliases: 0 };
    let depth = 0;
    let cost = 0;
    let aliases = 0;
    for (const sel of set.selections) {
      if (sel.kind === Kind.FIELD) {
        const inner = measure(sel.selectionSet);
        depth = Math.max(depth, inner.depth + 1);
        cost += ((FIELD_WEIGHT[sel.name.value] ?? 1) + inner.cost) * multiplier(sel);
        aliases += inner.aliases + (sel.alias ? 1 : 0);
      } else {
        const inner = sel.kind === Kind.INLINE_FRAGMENT ? measure(sel.selectionSet) : fragment(sel.name.value);
        depth = Math.max(depth, inner.depth);
        cost += inner.cost;
        aliases += inner.aliases;
      }
    }
    return { depth, cost, aliases };
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
      const { depth, cost, aliases } = measure(op.selectionSet);
      const doc = ctx.getDocument();
      if (!documentCost.has(doc)) documentCost.set(doc, new Map());
      documentCost.get(doc)!.set(op.name?.value ?? '', Math.round(cost));
      const message =
        depth > MAX_DEPTH ? `the query is ${depth} levels deep; the limit is ${MAX_DEPTH}: split it into several queries`
        : cost > MAX_COST ? `the query could fetch about ${Math.round(cost)} objects; the limit is ${MAX_COST}: ask for smaller pages, fewer nested lists or fewer counts`
        : aliases > MAX_ALIASES ? `the query has ${aliases} aliased fields; the limit is ${MAX_ALIASES}: send several requests`
        : null;
      if (message) ctx.reportError(new ApiError('QUERY_TOO_COMPLEX', message, { depth, cost: Math.round(cost), aliases, limitExceeded: true }));
    },
  };
}
