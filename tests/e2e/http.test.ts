/**
 * The HTTP surface: health and readiness, clean errors for malformed requests,
 * page-size and complexity limits, and no stack trace or SQL in any answer.
 */
import { describe, expect, it } from 'vitest';
import { BadUserInputError, QueryTooComplexError, TypedDocumentString } from '@jingzhun/sdk';
import { clientAs, server, token } from '../support/context.js';

const base = () => server().url.replace(/\/graphql$/, '');

describe('HTTP', () => {
  it('answers /healthz and /readyz', async () => {
    expect(await (await fetch(`${base()}/healthz`)).json()).toEqual({ status: 'ok' });
    const ready = await fetch(`${base()}/readyz`);
    expect(ready.status).toBe(200);
    expect((await ready.json()).database).toBe(server().database);
  });

  it('answers malformed JSON with a clean 400', async () => {
    const res = await fetch(server().url, { method: 'POST', headers: { 'content-type': 'application/json', authorization: `Bearer ${await token({ role: 'admin' })}` }, body: '{"query": ' });
    expect(res.status).toBe(400);
    const text = await res.text();
    expect(JSON.parse(text).errors[0].extensions.code).toBe('BAD_REQUEST');
    expect(text).not.toMatch(/at .*\.js|SyntaxError/);
    expect(res.headers.get('x-request-id')).toBeTruthy();
  });

  it('refuses a page larger than 100 with the field and the reason', async () => {
    const admin = await clientAs({ role: 'admin' });
    const err = await admin.households({ first: 101 }).catch((e) => e);
    expect(err).toBeInstanceOf(BadUserInputError);
    expect(err.field).toBe('first');
    expect(err.reason).toMatch(/between 1 and 100/);
  });

  it('refuses a query too deep or too costly before running it', async () => {
    const admin = await clientAs({ role: 'admin' });
    const deep = `{ areas { nodes { ${'parent { '.repeat(12)}code${' }'.repeat(12)} } } }`;
    const costly = `{ ${Array.from({ length: 200 }, (_, i) => `h${i}: households(first: 100) { nodes { id } }`).join(' ')} }`;
    for (const q of [deep, costly]) {
      const err = (await admin.request(new TypedDocumentString(q)).catch((e: Error) => e)) as Error;
      expect(err).toBeInstanceOf(QueryTooComplexError);
      expect(err.message).toMatch(/limit/);
    }
  });

  it('measures a fragment bomb in linear time and refuses it; a document too deeply nested or past the token cap is refused before parsing', async () => {
    const admin = await clientAs({ role: 'admin' });
    // 24 fragments, each spreading the next twice: 2^24 paths, 1.1 KB.
    const frags = Array.from({ length: 24 }, (_, i) => `fragment F${i} on Area { ${i === 23 ? 'code' : `children { ...F${i + 1} } ancestors { ...F${i + 1} }`} }`);
    const bomb = admin.request(new TypedDocumentString(`query { area(code: "433124") { ...F0 } }\n${frags.join('\n')}`)).catch((e: Error) => e);
    // The server answers another request meanwhile, and the bomb with QUERY_TOO_COMPLEX.
    expect((await admin.viewer()).viewer.role).toBe('admin');
    expect(await bomb).toBeInstanceOf(QueryTooComplexError);
    // 5,000 levels: refused before the parser, which would exhaust the stack.
    const deep = `{ ${'areas { nodes { '.repeat(2500)}code${' } }'.repeat(2500)} }`;
    const err = (await admin.request(new TypedDocumentString(deep)).catch((e: Error) => e)) as Error;
    expect(err).toBeInstanceOf(QueryTooComplexError);
    expect(err.message).toMatch(/nests more than 64 brackets deep/);
    // A long flat document stops at the parser's token cap.
    const long = `{ ${Array.from({ length: 3000 }, (_, i) => `a${i}: __typename`).join(' ')} }`;
    expect(((await admin.request(new TypedDocumentString(long)).catch((e: Error) => e)) as Error).message).toMatch(/more that 5000 tokens/);
  });

  it('does not leak internals in a validation error', async () => {
    const admin = await clientAs({ role: 'admin' });
    const err = await admin.household({ id: 'not-an-id' }).catch((e) => e);
    expect(err).toBeInstanceOf(BadUserInputError);
    expect(JSON.stringify(err.errors)).not.toMatch(/stacktrace|select |postgres/i);
  });
});
