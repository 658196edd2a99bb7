/**
 * One error class per `extensions.code` of the API, and the one place that turns
 * a GraphQL error response into them (`toError`). Catch the class you can act on:
 *
 *   try { … } catch (e) { if (e instanceof BadUserInputError) showField(e.field, e.reason) }
 */

/** One problem of a refused input: the field path and why. */
export interface Problem {
  field: string;
  reason: string;
  rule?: string;
}

export interface GraphQLErrorBody {
  message: string;
  path?: (string | number)[];
  extensions?: { code?: string; field?: string; reason?: string; problems?: Problem[]; [k: string]: unknown };
}

export class JingzhunError extends Error {
  /** The API's `extensions.code`, e.g. BAD_USER_INPUT. */
  readonly code: string;
  /** The field that was refused, for BAD_USER_INPUT. */
  readonly field?: string;
  /** Why it was refused, in words a person can act on. */
  readonly reason?: string;
  /** Every problem found, when several inputs were wrong. */
  readonly problems: Problem[];
  /** The server's request ID (x-request-id), to quote in a report. */
  readonly requestId?: string;
  /** Every error of the response, the first of which is this one. */
  readonly errors: GraphQLErrorBody[];

  constructor(body: GraphQLErrorBody, all: GraphQLErrorBody[], requestId?: string) {
    super(body.message);
    this.name = new.target.name;
    this.code = body.extensions?.code ?? 'INTERNAL_SERVER_ERROR';
    this.field = body.extensions?.field;
    this.reason = body.extensions?.reason;
    this.problems = body.extensions?.problems ?? (this.field ? [{ field: this.field, reason: this.reason ?? body.message }] : []);
    this.requestId = requestId;
    this.errors = all;
  }
}

/** No token, or the token was refused: get a new one. */
export class UnauthenticatedError extends JingzhunError {}
/** Your role may not do this. */
export class ForbiddenError extends JingzhunError {}
/** It does not exist, or is outside your area. */
export class NotFoundError extends JingzhunError {}
/** An input was refused: see `field`, `reason` and `problems`. */
export class BadUserInputError extends JingzhunError {}
/** It conflicts with what is stored (a duplicate, a stale version, a year already recorded). */
export class ConflictError extends JingzhunError {}
/** The record's current state does not allow this step. */
export class InvalidTransitionError extends JingzhunError {}
/** The query is too deep or would fetch too much: ask for less. */
export class QueryTooComplexError extends JingzhunError {}
/** Too many requests: wait and retry. */
export class RateLimitedError extends JingzhunError {}
/** The registry's database cannot be reached just now (HTTP 503); nothing was changed: retry after `retryAfterSeconds`. */
export class ServiceUnavailableError extends JingzhunError {
  get retryAfterSeconds(): number {
    return Number((this.errors[0]?.extensions as { retryAfterSeconds?: number } | undefined)?.retryAfterSeconds ?? 2);
  }
}
/** The server failed; nothing was changed. Quote `requestId`. */
export class InternalServerError extends JingzhunError {}
/** The request never got a GraphQL answer (network down, proxy error, bad JSON). */
export class NetworkError extends JingzhunError {}

const BY_CODE: Record<string, typeof JingzhunError> = {
  UNAUTHENTICATED: UnauthenticatedError,
  FORBIDDEN: ForbiddenError,
  NOT_FOUND: NotFoundError,
  BAD_USER_INPUT: BadUserInputError,
  GRAPHQL_VALIDATION_FAILED: BadUserInputError,
  GRAPHQL_PARSE_FAILED: BadUserInputError,
  BAD_REQUEST: BadUserInputError,
  CONFLICT: ConflictError,
  INVALID_TRANSITION: InvalidTransitionError,
  QUERY_TOO_COMPLEX: QueryTooComplexError,
  RATE_LIMITED: RateLimitedError,
  SERVICE_UNAVAILABLE: ServiceUnavailableError,
  INTERNAL_SERVER_ERROR: InternalServerError,
};

/** The one place that maps a response's errors to an error class. */
export function toError(errors: GraphQLErrorBody[], requestId?: string): JingzhunError {
  const first = errors[0] ?? { message: 'the server answered with an empty error list' };
  const Class = BY_CODE[first.extensions?.code ?? ''] ?? JingzhunError;
  return new Class(first, errors, requestId);
}
