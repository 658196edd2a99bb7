/**
 * The DCI authorisation API (authz_core_api_v1.0.0.yaml, `/oauth2/client/token`): OAuth2
 * client credentials (RFC 6749 §4.4) for clients registered with `jingzhun dci register-client`.
 * A client's secret is stored only as a salted scrypt hash and compared in constant time. The
 * token is the registry's own bearer JWT (auth/verify.ts `signToken`, HS256 with the local
 * secret), carrying the role, areas and sector the client was registered with, so it is
 * verified — and scoped — exactly like a GraphQL token. Without a local secret (JWT_JWKS_URL)
 * tokens come from the identity provider and this endpoint answers err.service.unavailable.
 */
import { randomBytes, scryptSync, timingSafeEqual } from 'node:crypto';
import type { Config } from '../../config.js';
import type { Tx } from '../../db/client.js';
import { callerFromClaims, signToken } from '../../auth/verify.js';
import type { Role } from '../../auth/caller.js';
import { dciStore } from './dci.store.js';
import { publicKeyFromRaw } from './dci.signature.js';

export const TOKEN_SECONDS = 3600;

export function hashSecret(secret: string, salt = randomBytes(16)): string {
  return `scrypt$${salt.toString('hex')}$${scryptSync(secret, salt, 32).toString('hex')}`;
}

export function secretMatches(secret: string, stored: string): boolean {
  const [kind, salt, hash] = stored.split('$');
  if (kind !== 'scrypt' || !salt || !hash) return false;
  const expected = Buffer.from(hash, 'hex');
  const got = scryptSync(secret, Buffer.from(salt, 'hex'), expected.length);
  return timingSafeEqual(expected, got);
}

/** Registers (or re-keys) a client; returns its new secret, shown once. Claims are checked as a token's would be. */
export async function registerClient(db: Tx, c: { clientId: string; name: string; role: string; areas: string[]; sector?: string; publicKey?: string }) {
  if (!/^[A-Za-z0-9._-]{3,64}$/.test(c.clientId)) throw new Error('the client id takes 3–64 letters, digits, dots, dashes or underscores');
  callerFromClaims({ sub: `dci:${c.clientId}`, role: c.role, area: c.areas, sector: c.sector });
  if (c.publicKey) {
    try { publicKeyFromRaw(c.publicKey); } catch { throw new Error('--public-key takes the 32-byte ed25519 public key, base64url (the x of its JWK)'); }
  }
  const secret = randomBytes(24).toString('base64url');
  await dciStore.upsertClient(db, { clientId: c.clientId, name: c.name, role: c.role, areas: c.areas, sector: c.sector ?? null, publicKey: c.publicKey ?? null, secretHash: hashSecret(secret) });
  return secret;
}

export type TokenReply = { status: number; body: Record<string, unknown> };

const oauthError = (status: number, error: string, description: string): TokenReply => ({ status, body: { error, error_description: description } });

/** The token endpoint: a form (or JSON) body with grant_type=client_credentials, client_id, client_secret. */
export async function issueToken(db: Tx, jwt: Config['jwt'], form: Record<string, string | undefined>): Promise<TokenReply> {
  if (form.grant_type !== 'client_credentials') return oauthError(400, 'unsupported_grant_type', 'grant_type must be client_credentials');
  if (!form.client_id || !form.client_secret) return oauthError(400, 'invalid_request', 'send client_id and client_secret (form fields, or HTTP Basic)');
  if (!jwt.secret) return oauthError(503, 'temporarily_unavailable', 'this registry verifies tokens of an identity provider (JWT_JWKS_URL): obtain the token there');
  const client = await dciStore.client(db, form.client_id.slice(0, 64));
  // The same work whether or not the client exists, so timing does not tell registered ids apart.
  const ok = secretMatches(form.client_secret, client?.secretHash ?? hashSecret('x', Buffer.alloc(16)));
  if (!client || !ok) return oauthError(401, 'invalid_client', 'unknown client or wrong secret');
  const token = await signToken({ ...jwt, secret: jwt.secret }, { sub: `dci:${client.clientId}`, role: client.role as Role, area: client.areas, sector: client.sector ?? undefined }, `${TOKEN_SECONDS}s`);
  return { status: 200, body: { access_token: token, token_type: 'bearer', expires_in: String(TOKEN_SECONDS), scope: 'registry.search registry.subscribe' } };
}
