/**
 * What a client sees of an error: our own codes pass through with their field and
 * reason; GraphQL's own input errors get a field and reason too; a duplicate key
 * becomes CONFLICT; anything else becomes INTERNAL_SERVER_ERROR with no stack, SQL
 * or database detail. The log gets the error's kind and code, never the statement's
 * parameters (they can hold personal data).
 */
import type { GraphQLFormattedError } from 'graphql';
import { unwrapResolverError } from '@apollo/server/errors';
import { log } from '../lib/log.js';
import { isDatabaseUnavailable, RETRY_AFTER_S, unavailableMessage } from '../db/unavailable.js';

const PASS = new Set([
  'UNAUTHENTICATED', 'FORBIDDEN', 'NOT_FOUND', 'BAD_USER_INPUT', 'CONFLICT', 'INVALID_TRANSITION', 'QUERY_TOO_COMPLEX',
  'RATE_LIMITED', 'GRAPHQL_PARSE_FAILED', 'GRAPHQL_VALIDATION_FAILED', 'BAD_REQUEST', 'PERSISTED_QUERY_NOT_FOUND',
  'PERSISTED_QUERY_NOT_SUPPORTED', 'OPERATION_RESOLUTION_FAILURE', 'SERVICE_UNAVAILABLE',
]);

/** The database error code (SQLSTATE) anywhere in an error's cause chain (drizzle wraps pg's errors). */
export function sqlState(error: unknown): { code?: string; constraint?: string } {
  for (let e = error as { code?: unknown; constraint?: string; cause?: unknown } | undefined, i = 0; e && i < 5; e = e.cause as typeof e, i++) {
    if (typeof e.code === 'string' && /^[0-9A-Z]{5}$/.test(e.code)) return { code: e.code, constraint: e.constraint };
  }
  return {};
}

/** GraphQL's variable-coercion messages name the path: `… at "input.members[0].sex"; Value "MAN" does not exist …`. */
function inputProblem(message: string): { field: string; reason: string } | undefined {
  const m = message.match(/^Variable "\$(\w+)" got invalid value .*?(?: at "([^"]+)")?; (.*)$/s);
  if (!m) return undefined;
  const field = (m[2] ?? m[1]).replace(/\.(\d+)(?=\.|$)/g, '[$1]');
  return { field, reason: m[3] };
}

export function formatError(formatted: GraphQLFormattedError, error: unknown): GraphQLFormattedError {
  const { stacktrace: _s, http: _h, limitExceeded, ...extensions } = formatted.extensions ?? {};
  // Apollo re-codes every validation error; the query limits (./limits.ts) keep their own code.
  if (limitExceeded) extensions.code = 'QUERY_TOO_COMPLEX';
  const code = extensions.code as string | undefined;
  if (code === 'BAD_USER_INPUT' && !extensions.field) {
    const p = inputProblem(formatted.message);
    if (p) return { ...formatted, extensions: { ...extensions, ...p, problems: [p] } };
  }
  if (code && PASS.has(code)) return { ...formatted, extensions };
  const original = unwrapResolverError(error);
  if (isDatabaseUnavailable(original)) {
    log.warn({ kind: (original as Error)?.name, path: formatted.path }, 'database unavailable');
    return { message: unavailableMessage, path: formatted.path, extensions: { code: 'SERVICE_UNAVAILABLE', retryable: true, retryAfterSeconds: RETRY_AFTER_S } };
  }
  const state = sqlState(original);
  if (state.code === '23505') {
    return { message: 'this conflicts with a record stored meanwhile (a duplicate): reload and try again', path: formatted.path, extensions: { code: 'CONFLICT' } };
  }
  log.error({ kind: (original as Error)?.name, sqlState: state.code, constraint: state.constraint, path: formatted.path, stack: state.code ? undefined : (original as Error)?.stack }, 'internal error');
  return {
    message: 'something went wrong on our side; nothing was changed. If it persists, report the x-request-id of this response',
    path: formatted.path,
    extensions: { code: 'INTERNAL_SERVER_ERROR' },
  };
}
