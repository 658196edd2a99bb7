/**
 * Bearer-token verification with jose: HS256 with a local secret, or RS256/ES256
 * through a JWKS URL; issuer and audience are always checked. Claims:
 * `sub`, `role`, `area` (a code prefix or a list of them), `sector`, `org`.
 */
import { createRemoteJWKSet, jwtVerify, SignJWT, type JWTPayload } from 'jose';
import type { Config } from '../config.js';
import { ROLES, type Caller, type Role } from './caller.js';
import { levelOfCode } from '../codes/area.codes.js';
import { Sector } from '../codes/sector.codes.js';

export class TokenError extends Error {}

/** Most areas one token may name (a cadre serving several villages, an official of several counties). */
export const MAX_AREAS = 50;

/** Roles whose token may reach the whole country. */
const NATIONAL_BY_DEFAULT: ReadonlySet<Role> = new Set(['admin', 'ministry', 'analyst', 'donor']);

export type Verifier = (token: string) => Promise<Caller>;

/**
 * How long a verified token is remembered (and at most how many): a client sends the same
 * token with every request, and verifying its signature and claims again was ~1.5 % of the
 * server's CPU per read under load. A remembered token is still refused from the second its
 * `exp` passes (or before its `nbf`); the short TTL bounds how long a token signed by a key
 * since removed from the JWKS stays accepted. Only accepted tokens are remembered.
 */
const REMEMBER_MS = 60_000;
const REMEMBER_MAX = 1_000;

/** TOKEN_MAX_LIFETIME_HOURS' default: a day. Machine callers fetch short tokens with their client credentials. */
export const DEFAULT_MAX_LIFETIME_S = 24 * 3600;
/** Clock difference tolerated between the issuer and this server. */
const SKEW_S = 60;

/**
 * Token lifetime (issue 13): a token must say when it was issued (`iat`, not in the future)
 * and when it expires (`exp`), and may be valid at most `maxS` seconds from one to the other,
 * so no token is valid for years.
 */
function lifetimeProblem(p: JWTPayload, maxS: number, nowMs: number): asserts p is JWTPayload & { exp: number; iat: number } {
  if (p.exp === undefined) throw new Error('the token has no expiry (exp)');
  if (p.iat === undefined) throw new Error('the token has no issue time (iat)');
  if (p.iat > nowMs / 1000 + SKEW_S) throw new Error('the token is issued in the future (iat): check the issuer\'s clock');
  if (p.exp - p.iat > maxS) throw new Error(`the token is valid for ${Math.round((p.exp - p.iat) / 3600)} h; at most ${maxS / 3600} h is accepted`);
}

export function createVerifier(jwt: Config['jwt']): Verifier {
  const opts = { issuer: jwt.issuer, audience: jwt.audience };
  const jwks = jwt.jwksUrl ? createRemoteJWKSet(new URL(jwt.jwksUrl)) : undefined;
  const verified = new Map<string, { caller: Caller; until: number; notBefore: number }>();
  return async (token) => {
    const now = Date.now();
    const known = verified.get(token);
    if (known && now < known.until && now >= known.notBefore) return { ...known.caller, areas: [...known.caller.areas] };
    if (known) verified.delete(token);
    let payload: JWTPayload;
    try {
      payload = jwks
        ? (await jwtVerify(token, jwks, { ...opts, algorithms: ['RS256', 'ES256'] })).payload
        : (await jwtVerify(token, jwt.secret!, { ...opts, algorithms: ['HS256'] })).payload;
      lifetimeProblem(payload, jwt.maxLifetimeS ?? DEFAULT_MAX_LIFETIME_S, now);
    } catch (e) {
      throw new TokenError(`the token was refused (${(e as Error).message}): ask for a new one`);
    }
    const caller = callerFromClaims(payload);
    if (verified.size >= REMEMBER_MAX) verified.delete(verified.keys().next().value!);
    verified.set(token, { caller, until: Math.min(payload.exp * 1000, now + REMEMBER_MS), notBefore: (payload.nbf ?? 0) * 1000 });
    return { ...caller, areas: [...caller.areas] };
  };
}

export function callerFromClaims(p: JWTPayload): Caller {
  const role = p.role as Role;
  if (!ROLES.includes(role)) throw new TokenError(`the token's role "${String(p.role)}" is not one of ${ROLES.join(', ')}`);
  if (!p.sub) throw new TokenError('the token has no subject (sub)');
  // National roles without an area claim reach the whole country; officials always name theirs. A cadre's
  // token may omit it: a registered cadre's scope comes from the registry (auth/cadre-scope.ts).
  const raw = p.area ?? (NATIONAL_BY_DEFAULT.has(role) ? '' : undefined);
  const areas = (Array.isArray(raw) ? raw : raw === undefined ? [] : [raw]).map(String);
  if (areas.length === 0 && role !== 'cadre') throw new TokenError(`a ${role} token needs an area claim (a statistical code)`);
  if (areas.length > MAX_AREAS) throw new TokenError(`a token may name at most ${MAX_AREAS} areas`);
  for (const a of areas) {
    if (a !== '' && !(/^\d+$/.test(a) && levelOfCode(a))) throw new TokenError(`the token's area "${a}" is not a 2, 4, 6, 9 or 12-digit statistical code`);
    if (role === 'cadre' && a.length !== 12) throw new TokenError(`a cadre token names the villages the cadre serves: 12-digit village codes, not "${a}"`);
    if (a === '' && !NATIONAL_BY_DEFAULT.has(role)) {
      throw new TokenError(`a ${role} token needs a specific area`);
    }
  }
  if (role === 'ministry' && !Sector.codes.has(String(p.sector))) {
    throw new TokenError(`a ministry token needs its sector, one of ${[...Sector.codes].join(', ')}`);
  }
  return { id: p.sub, role, areas, sector: p.sector as string | undefined, organization: p.org as string | undefined };
}

/** Signs a development token (HS256). Used by `jingzhun token` and the tests. */
export async function signToken(
  jwt: Pick<Config['jwt'], 'issuer' | 'audience'> & { secret: Uint8Array },
  claims: { sub: string; role: Role; area?: string | string[]; sector?: string; org?: string },
  expiresIn = '12h',
): Promise<string> {
  return new SignJWT({ ...claims })
    .setProtectedHeader({ alg: 'HS256' })
    .setIssuer(jwt.issuer)
    .setAudience(jwt.audience)
    .setIssuedAt()
    .setExpirationTime(expiresIn)
    .sign(jwt.secret);
}
