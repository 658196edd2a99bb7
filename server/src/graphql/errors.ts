/**
 * The API's error vocabulary (DESIGN.md "API conventions"). Every error a client
 * sees has `extensions.code`; input errors also carry `field` and `reason`, and
 * `problems` when several fields are wrong. The SDK maps each code to a class.
 */
import { GraphQLError } from 'graphql';

export type ErrorCode =
  | 'UNAUTHENTICATED'
  | 'FORBIDDEN'
  | 'NOT_FOUND'
  | 'BAD_USER_INPUT'
  | 'CONFLICT'
  | 'INVALID_TRANSITION'
  | 'QUERY_TOO_COMPLEX'
  | 'RATE_LIMITED'
  | 'INTERNAL_SERVER_ERROR';

export class ApiError extends GraphQLError {
  constructor(code: ErrorCode, message: string, extensions: Record<string, unknown> = {}) {
    super(message, { extensions: { code, ...extensions } });
  }
}

export interface FieldProblem {
  field: string;
  reason: string;
  rule?: string;
}

/** Bad input: names the field(s) and says why, so a person can fix it. */
export function badInput(problems: FieldProblem[]): ApiError {
  const [first] = problems;
  const more = problems.length > 1 ? ` (and ${problems.length - 1} more problem${problems.length > 2 ? 's' : ''})` : '';
  return new ApiError('BAD_USER_INPUT', `${first.field}: ${first.reason}${more}`, {
    field: first.field,
    reason: first.reason,
    problems,
  });
}

export const notFound = (what: string) =>
  new ApiError('NOT_FOUND', `${what} was not found, or is outside your area: check the ID and your token's area`);

export const forbidden = (what: string) => new ApiError('FORBIDDEN', what);

export const conflict = (message: string, extensions?: Record<string, unknown>) =>
  new ApiError('CONFLICT', message, extensions);

export const unauthenticated = (reason: string) =>
  new ApiError('UNAUTHENTICATED', reason, { http: { status: 401 } });
