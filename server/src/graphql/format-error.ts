/**
 * What a client sees of an error: our own codes pass through with their field and
 * reason; a duplicate key becomes CONFLICT; anything else becomes
 * INTERNAL_SERVER_ERROR with no stack, SQL or database detail.
 */
import type { GraphQLFormattedError } from 'graphql';
import { unwrapResolverError } from '@apollo/server/errors';
import { log } from '../lib/log.js';

const PASS = new Set([
  'UNAUTHENTICATED', 'FORBIDDEN', 'NOT_FOUND', 'BAD_USER_INPUT', 'CONFLICT', 'INVALID_TRANSITION', 'QUERY_TOO_COMPLEX',
  'RATE_LIMITED', 'GRAPHQL_PARSE_FAILED', 'GRAPHQL_VALIDATION_FAILED', 'BAD_REQUEST', 'PERSISTED_QUERY_NOT_FOUND',
  'PERSISTED_QUERY_NOT_SUPPORTED', 'OPERATION_RESOLUTION_FAILURE',
]);

export function formatError(formatted: GraphQLFormattedError, error: unknown): GraphQLFormattedError {
  const { stacktrace: _s, http: _h, limitExceeded, ...extensions } = formatted.extensions ?? {};
  // Apollo re-codes every validation error; the query limits (./limits.ts) keep their own code.
  if (limitExceeded) extensions.code = 'QUERY_TOO_COMPLEX';
  const code = extensions.code as string | undefined;
  if (code && PASS.has(code)) return { ...formatted, extensions };
  const original = unwrapResolverError(error) as { code?: string; message?: string };
  if (original?.code === '23505') {
    return { message: 'this conflicts with a record stored meanwhile (a duplicate): reload and try again', path: formatted.path, extensions: { code: 'CONFLICT' } };
  }
  log.error({ err: original, path: formatted.path }, 'internal error');
  return {
    message: 'something went wrong on our side; nothing was changed. If it persists, report the x-request-id of this response',
    path: formatted.path,
    extensions: { code: 'INTERNAL_SERVER_ERROR' },
  };
}
