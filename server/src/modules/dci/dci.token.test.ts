/** The token endpoint's refusals that need no registered client (dci.token.ts). */
import { describe, expect, it } from 'vitest';
import type { Tx } from '../../db/client.js';
import { issueToken } from './dci.token.js';

const jwt = { issuer: 'jingzhun', audience: 'jingzhun-api' } as never;
const noDatabase = {} as Tx;

describe('issueToken', () => {
  it('without a local token secret (tokens from an identity provider): 503 temporarily_unavailable', async () => {
    const r = await issueToken(noDatabase, jwt, { grant_type: 'client_credentials', client_id: 'c', client_secret: 's' });
    expect(r).toMatchObject({ status: 503, body: { error: 'temporarily_unavailable' } });
    expect(r.body.error_description).toMatch(/JWT_JWKS_URL/);
  });

  it('another grant type, or no credentials, is 400 before anything is looked up', async () => {
    expect(await issueToken(noDatabase, jwt, { grant_type: 'password', client_id: 'c', client_secret: 's' })).toMatchObject({ status: 400, body: { error: 'unsupported_grant_type' } });
    expect(await issueToken(noDatabase, jwt, { grant_type: 'client_credentials', client_id: 'c' })).toMatchObject({ status: 400, body: { error: 'invalid_request' } });
  });
});
