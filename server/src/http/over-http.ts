/**
 * GraphQL over HTTP beyond the MUSTs (issue 15, item 20; graphql-http's SHOULD and MAY audits):
 *
 * - Status of a well-formed request whose GraphQL document fails: a client that gets
 *   `application/json` receives 200 for parse, validation (the query limits included) and
 *   variable-coercion failures, as the specification's legacy-watershed section says it SHOULD;
 *   one that gets `application/graphql-response+json` keeps the 4xx. A request that is not
 *   well-formed (bad JSON, no query, CSRF-blocked) stays 400 either way.
 * - GET with URL-encoded `query` and `variables`: Apollo's CSRF prevention asks every request for
 *   a non-simple content-type or a preflight header, which a GET from a browser's address bar or
 *   a plain `curl` never has. A GET can only run a query (Apollo refuses mutations over GET with
 *   405, subscriptions go over WebSocket), so the check stays on for POST, where writes happen.
 */
import type { HeaderMap } from '@apollo/server';

/** Codes of a document that failed before execution, or of variables that could not be coerced. */
const DOCUMENT_FAILURES = new Set(['GRAPHQL_PARSE_FAILED', 'GRAPHQL_VALIDATION_FAILED', 'BAD_USER_INPUT', 'QUERY_TOO_COMPLEX']);

/** The header Apollo's CSRF prevention accepts as a preflight marker (ApolloServerOptions.csrfPrevention). */
const PREFLIGHT = 'apollo-require-preflight';

/** Marks a GET as safe for Apollo's CSRF check: it cannot write (see the module comment). */
export function exemptGetFromCsrf(method: string | undefined, headers: HeaderMap): void {
  if (method === 'GET' && !headers.has(PREFLIGHT)) headers.set(PREFLIGHT, 'get-is-read-only');
}

/** Whether the client asked for application/graphql-response+json (listed in Accept with q > 0). */
export function wantsGraphQLResponseJson(accept: string | undefined): boolean {
  return (accept ?? '').split(',').some((part) => {
    const [type, ...params] = part.trim().split(';').map((s) => s.trim());
    const q = params.find((p) => p.startsWith('q='));
    return type === 'application/graphql-response+json' && (q === undefined || Number(q.slice(2)) > 0);
  });
}

/**
 * The status to send for Apollo's answer: 200 instead of 400 when the response is
 * application/json and carries only document or variable errors (and no data).
 */
export function statusFor(status: number | undefined, contentType: string | undefined, body: string | undefined): number {
  if (status !== 400 || !contentType?.startsWith('application/json') || body === undefined) return status ?? 200;
  try {
    const parsed = JSON.parse(body) as { data?: unknown; errors?: { extensions?: { code?: string } }[] };
    const onlyDocumentErrors = parsed.data === undefined && !!parsed.errors?.length && parsed.errors.every((e) => DOCUMENT_FAILURES.has(String(e.extensions?.code)));
    return onlyDocumentErrors ? 200 : status;
  } catch {
    return status;
  }
}
