/**
 * Token verification: HS256 with the local secret, and RS256/ES256 through a JWKS
 * URL (served here on 127.0.0.1); issuer and audience are always checked, and
 * claims become a Caller with its area scope.
 */
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { exportJWK, generateKeyPair, SignJWT } from 'jose';
import { callerFromClaims, createVerifier, signToken, TokenError } from './verify.js';

const jwt = { issuer: 'jingzhun', audience: 'jingzhun-api' };
const secret = new TextEncoder().encode('a-test-secret-of-enough-length-000');

describe('HS256 with a local secret', () => {
  const verify = createVerifier({ ...jwt, secret });

  it('accepts a token it signed and reads the caller', async () => {
    const token = await signToken({ ...jwt, secret }, { sub: 'u1', role: 'official', area: '433124' });
    expect(await verify(token)).toEqual({ id: 'u1', role: 'official', areas: ['433124'], sector: undefined, organization: undefined });
  });

  it('refuses another issuer, another audience, another secret and an expired token', async () => {
    const sign = (over: { iss?: string; aud?: string; key?: Uint8Array; exp?: string | number }) =>
      new SignJWT({ role: 'admin' }).setProtectedHeader({ alg: 'HS256' }).setSubject('u')
        .setIssuer(over.iss ?? jwt.issuer).setAudience(over.aud ?? jwt.audience)
        .setIssuedAt(Math.floor(Date.now() / 1000) - 7200).setExpirationTime(over.exp ?? '2h').sign(over.key ?? secret);
    for (const token of [await sign({ iss: 'x' }), await sign({ aud: 'x' }), await sign({ key: new TextEncoder().encode('another-secret-another-secret-00') }), await sign({ exp: Math.floor(Date.now() / 1000) - 60 })]) {
      await expect(verify(token)).rejects.toBeInstanceOf(TokenError);
    }
  });
});

describe('token lifetime (issue 13)', () => {
  const verify = createVerifier({ ...jwt, secret, maxLifetimeS: 24 * 3600 });
  const now = () => Math.floor(Date.now() / 1000);
  const sign = (iat: number | undefined, exp: number) => {
    const t = new SignJWT({ role: 'admin' }).setProtectedHeader({ alg: 'HS256' }).setSubject('u').setIssuer(jwt.issuer).setAudience(jwt.audience).setExpirationTime(exp);
    return (iat === undefined ? t : t.setIssuedAt(iat)).sign(secret);
  };

  it('accepts a day-long token and refuses one valid until the year 5138, one without iat and one issued in the future', async () => {
    expect((await verify(await sign(now(), now() + 24 * 3600))).role).toBe('admin');
    await expect(verify(await sign(now(), 99_999_999_999))).rejects.toThrow(/valid for \d+ h; at most 24 h/);
    await expect(verify(await sign(undefined, now() + 3600))).rejects.toThrow(/no issue time \(iat\)/);
    await expect(verify(await sign(now() + 600, now() + 3600))).rejects.toThrow(/issued in the future/);
  });
});

describe('remembered tokens', () => {
  it('still refuses a remembered token once it has expired, and gives each request its own caller', async () => {
    const verify = createVerifier({ ...jwt, secret });
    const now = Date.now();
    const token = await new SignJWT({ role: 'official', area: '433124' }).setProtectedHeader({ alg: 'HS256' }).setSubject('u')
      .setIssuer(jwt.issuer).setAudience(jwt.audience).setIssuedAt().setExpirationTime(Math.floor(now / 1000) + 5).sign(secret);
    const first = await verify(token);
    first.areas.push('43');
    expect((await verify(token)).areas).toEqual(['433124']);
    vi.useFakeTimers({ now: now + 6000, toFake: ['Date'] });
    try {
      await expect(verify(token)).rejects.toBeInstanceOf(TokenError);
    } finally {
      vi.useRealTimers();
    }
  });
});

describe('RS256/ES256 through a JWKS URL', () => {
  let server: Server;
  let url: string;
  let privateKey: CryptoKey;

  beforeAll(async () => {
    const pair = await generateKeyPair('ES256');
    privateKey = pair.privateKey as CryptoKey;
    const jwk = { ...(await exportJWK(pair.publicKey)), kid: 'k1', alg: 'ES256', use: 'sig' };
    server = createServer((_, res) => res.end(JSON.stringify({ keys: [jwk] })));
    await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
    url = `http://127.0.0.1:${(server.address() as AddressInfo).port}/jwks.json`;
  });
  afterAll(() => new Promise<void>((r) => server.close(() => r())));

  it('accepts an ES256 token signed by the published key and refuses an HS256 one', async () => {
    const verify = createVerifier({ ...jwt, jwksUrl: url });
    const good = await new SignJWT({ role: 'analyst', area: '43' }).setProtectedHeader({ alg: 'ES256', kid: 'k1' })
      .setSubject('dash').setIssuer(jwt.issuer).setAudience(jwt.audience).setIssuedAt().setExpirationTime('1h').sign(privateKey);
    expect((await verify(good)).role).toBe('analyst');
    const hs = await signToken({ ...jwt, secret }, { sub: 'u', role: 'admin' });
    await expect(verify(hs)).rejects.toBeInstanceOf(TokenError);
  });
});

describe('claims to caller', () => {
  it('gives an admin the whole country and requires an area of everyone who writes', () => {
    expect(callerFromClaims({ sub: 'a', role: 'admin' }).areas).toEqual(['']);
    expect(() => callerFromClaims({ sub: 'o', role: 'official' })).toThrow(/needs an area/);
    // A cadre's token may omit the area: a registered cadre's scope comes from the registry.
    expect(callerFromClaims({ sub: 'c', role: 'cadre' }).areas).toEqual([]);
    expect(() => callerFromClaims({ sub: 'o', role: 'official', area: '' })).toThrow(/specific area/);
    expect(() => callerFromClaims({ sub: 'o', role: 'official', area: '4331x' })).toThrow(/statistical code/);
    expect(() => callerFromClaims({ sub: 'o', role: 'king', area: '43' })).toThrow(/not one of/);
    expect(callerFromClaims({ sub: 'c', role: 'cadre', area: ['433124110226', '433124110227'] }).areas).toHaveLength(2);
  });
});
