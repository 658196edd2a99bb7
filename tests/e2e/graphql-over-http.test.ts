/**
 * GraphQL over HTTP conformance (graphql-http's serverAudits): every MUST audit passes, and
 * so do the SHOULD and MAY audits of issue 15 item 20 (200 for document and variable failures
 * under application/json, GET with URL-encoded variables); CSRF prevention still blocks a
 * POST a cross-site form could send, and a GET cannot write.
 */
import { describe, expect, it } from 'vitest';
import { serverAudits } from 'graphql-http';
import { server, token } from '../support/context.js';

const auditsAs = async () => {
  const bearer = `Bearer ${await token({ role: 'admin' })}`;
  return serverAudits({
    url: server().url,
    fetchFn: (input: RequestInfo | URL, init?: RequestInit) =>
      fetch(input, { ...init, headers: { ...Object.fromEntries(new Headers(init?.headers).entries()), authorization: bearer } }),
  });
};

/** The SHOULD and MAY audits item 20 asks for, by graphql-http's audit id. */
const ITEM_20 = {
  '572B': 'SHOULD use 200 status code on document parsing failure when accepting application/json',
  FDE2: 'SHOULD use 200 status code on document validation failure when accepting application/json',
  '7B9B': 'SHOULD use a status code of 200 on variable coercion failure when accepting application/json',
  '6A70': 'MAY allow URL-encoded JSON string {variables} parameter in GETs when accepting application/json',
  D6D5: 'MAY allow URL-encoded JSON string {variables} parameter in GETs when accepting application/graphql-response+json',
  '5A70': 'MAY accept application/x-www-form-urlencoded formatted GET requests',
};

describe('GraphQL over HTTP', () => {
  it('passes every MUST audit', async () => {
    const audits = await auditsAs();
    const failures: string[] = [];
    for (const audit of audits) {
      const result = await audit.fn();
      if (result.status === 'error') failures.push(`${audit.name}: ${result.reason}`);
    }
    expect(audits.length).toBeGreaterThan(40);
    expect(failures).toEqual([]);
  });

  it('passes the SHOULD and MAY audits of status 200 under application/json and of GET variables', async () => {
    const audits = (await auditsAs()).filter((a) => a.id in ITEM_20);
    expect(audits.map((a) => a.id).sort()).toEqual(Object.keys(ITEM_20).sort());
    const results = await Promise.all(audits.map(async (a) => [a.id, (await a.fn()).status] as const));
    expect(Object.fromEntries(results)).toEqual(Object.fromEntries(Object.keys(ITEM_20).map((id) => [id, 'ok'])));
  });

  const post = async (body: string, headers: Record<string, string>) => {
    const res = await fetch(server().url, { method: 'POST', body, headers: { authorization: `Bearer ${await token({ role: 'admin' })}`, ...headers } });
    return { status: res.status, type: res.headers.get('content-type'), body: (await res.json()) as { data?: unknown; errors?: { extensions?: { code?: string } }[] } };
  };

  it('answers a parse, validation or variable failure with 200 under application/json and 400 under application/graphql-response+json', async () => {
    const bad = [
      [JSON.stringify({ query: '{ viewer { ' }), 'GRAPHQL_PARSE_FAILED'],
      [JSON.stringify({ query: '{ viewer { noSuchField } }' }), 'GRAPHQL_VALIDATION_FAILED'],
      [JSON.stringify({ query: 'query($c: String!) { area(code: $c) { name } }', variables: { c: 433124 } }), 'BAD_USER_INPUT'],
      [JSON.stringify({ query: `{ ${'areas { nodes { '.repeat(40)}code${' } }'.repeat(40)} }` }), 'QUERY_TOO_COMPLEX'],
    ] as const;
    for (const [body, code] of bad) {
      const legacy = await post(body, { 'content-type': 'application/json', accept: 'application/json' });
      expect({ code, status: legacy.status, type: legacy.type, error: legacy.body.errors?.[0]?.extensions?.code }).toEqual({ code, status: 200, type: expect.stringMatching(/^application\/json/), error: code });
      const strict = await post(body, { 'content-type': 'application/json', accept: 'application/graphql-response+json' });
      expect({ code, status: strict.status, error: strict.body.errors?.[0]?.extensions?.code }).toEqual({ code, status: 400, error: code });
    }
    // A request that is not well-formed stays 400 whatever the client accepts.
    expect((await post('{"query": ', { 'content-type': 'application/json', accept: 'application/json' })).status).toBe(400);
  });

  it('runs a GET query with URL-encoded variables and no preflight header, and still blocks what could write', async () => {
    const bearer = `Bearer ${await token({ role: 'admin' })}`;
    const url = new URL(server().url);
    url.searchParams.set('query', 'query area($code: String!) { area(code: $code) { code name } }');
    url.searchParams.set('variables', JSON.stringify({ code: '433124' }));
    const get = await fetch(url, { headers: { authorization: bearer } });
    expect(get.status).toBe(200);
    expect(await get.json()).toMatchObject({ data: { area: { code: '433124', name: '花垣县' } } });
    // A mutation over GET is refused (405) and nothing runs.
    const mutation = new URL(server().url);
    mutation.searchParams.set('query', 'mutation { __typename }');
    expect((await fetch(mutation, { headers: { authorization: bearer } })).status).toBe(405);
    // A POST a cross-site form could send (a simple content type, no preflight header) is blocked as CSRF.
    const form = await post(JSON.stringify({ query: 'mutation { __typename }' }), { 'content-type': 'text/plain' });
    expect(form.status).toBe(400);
    expect(JSON.stringify(form.body)).toMatch(/Cross-Site Request Forgery/);
  });
});
