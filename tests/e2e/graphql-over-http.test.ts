/**
 * GraphQL over HTTP conformance (graphql-http's serverAudits): every MUST audit
 * passes; SHOULD and MAY audits are listed by the run for the record.
 */
import { describe, expect, it } from 'vitest';
import { serverAudits } from 'graphql-http';
import { server, token } from '../support/context.js';

describe('GraphQL over HTTP', () => {
  it('passes every MUST audit', async () => {
    const bearer = `Bearer ${await token({ role: 'admin' })}`;
    const audits = serverAudits({
      url: server().url,
      fetchFn: (input: RequestInfo | URL, init?: RequestInit) =>
        fetch(input, { ...init, headers: { ...Object.fromEntries(new Headers(init?.headers).entries()), authorization: bearer } }),
    });
    const failures: string[] = [];
    for (const audit of audits) {
      const result = await audit.fn();
      if (result.status === 'error') failures.push(`${audit.name}: ${result.reason}`);
    }
    expect(audits.length).toBeGreaterThan(40);
    expect(failures).toEqual([]);
  });
});
