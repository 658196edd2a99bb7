/** What a test sees of the started server: its URL, clients per role, and signed tokens. */
import { inject } from 'vitest';
import { SignJWT } from 'jose';
import { createClient, type Client } from '@jingzhun/sdk';

declare module 'vitest' {
  export interface ProvidedContext {
    server: { url: string; secret: string; database: 'pg' | 'pglite' };
  }
}

export const server = () => inject('server');

export async function token(claims: { role: string; area?: string | string[]; sub?: string; sector?: string }, opts: { issuer?: string; expires?: string } = {}) {
  return new SignJWT({ ...claims, sub: claims.sub ?? `test-${claims.role}` })
    .setProtectedHeader({ alg: 'HS256' })
    .setIssuer(opts.issuer ?? 'jingzhun')
    .setAudience('jingzhun-api')
    .setIssuedAt()
    .setExpirationTime(opts.expires ?? '1h')
    .sign(new TextEncoder().encode(server().secret));
}

export async function clientAs(claims: Parameters<typeof token>[0]): Promise<Client> {
  return createClient({ url: server().url, token: await token(claims) });
}
