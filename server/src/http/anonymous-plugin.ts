/**
 * Requests without a token (issue 11, "a public summary per county readable without a
 * token"): authenticate.ts gives them the ANONYMOUS caller, and this plugin lets such a
 * request run only when its operation is a query that selects nothing but
 * `publicDonationSummary` (and `__typename`). Anything else is refused with
 * UNAUTHENTICATED (HTTP 401) before it executes — the same answer as before for every
 * other operation.
 */
import type { ApolloServerPlugin } from '@apollo/server';
import { parse, type OperationDefinitionNode } from 'graphql';
import type { Caller } from '../auth/caller.js';
import { unauthenticated } from '../graphql/errors.js';
import { NO_TOKEN } from './authenticate.js';

/** Root fields a caller without a token may select. */
export const PUBLIC_FIELDS: ReadonlySet<string> = new Set(['publicDonationSummary', '__typename']);

export function isPublicOperation(op: OperationDefinitionNode | null | undefined): boolean {
  if (!op || op.operation !== 'query') return false;
  return op.selectionSet.selections.every((s) => s.kind === 'Field' && PUBLIC_FIELDS.has(s.name.value));
}

export const anonymousOnlyPublic: ApolloServerPlugin<{ caller: Caller }> = {
  async requestDidStart() {
    return {
      async didResolveOperation({ operation, contextValue }) {
        if (contextValue.caller.anonymous && !isPublicOperation(operation)) throw unauthenticated(NO_TOKEN);
      },
    };
  },
};

/**
 * Whether a request without a token asks only for public fields: decided before the context
 * is built, so every other request without a token is refused with 401 exactly as before
 * (also when its document is invalid). The plugin above checks the resolved operation again.
 */
export function isPublicRequest(body: unknown, search: string): boolean {
  const params = new URLSearchParams(search);
  const b = (body && typeof body === 'object' ? body : {}) as { query?: unknown; operationName?: unknown };
  const query = typeof b.query === 'string' ? b.query : params.get('query');
  const operationName = typeof b.operationName === 'string' ? b.operationName : params.get('operationName');
  if (!query || query.length > 10_000) return false;
  try {
    const ops = parse(query).definitions.filter((d): d is OperationDefinitionNode => d.kind === 'OperationDefinition');
    const op = operationName ? ops.find((o) => o.name?.value === operationName) : ops.length === 1 ? ops[0] : undefined;
    return isPublicOperation(op);
  } catch {
    return false;
  }
}
