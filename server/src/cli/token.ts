/**
 * `jingzhun token`: prints a development token (HS256 with the local secret) that the server
 * accepts for every role (issue 15, item 17). The claims are checked with the server's own
 * parser (auth/verify.ts callerFromClaims) before signing, so a refused token is never printed.
 *
 * Default area when `--area` is left out:
 * - cadre with `--sub`: none; the server takes a registered cadre's villages from the registry
 *   (auth/cadre-scope.ts), and a cadre token may name only 12-digit village codes anyway;
 * - cadre without `--sub`: the demo village 十八洞村 (DEMO_VILLAGE);
 * - every other role: the demo county (DEMO_COUNTY).
 */
import type { Config } from '../config.js';
import { ROLES, type Role } from '../auth/caller.js';
import { callerFromClaims, signToken } from '../auth/verify.js';
import { DEMO_COUNTY, DEMO_VILLAGE } from './demo-area.js';

export { DEMO_VILLAGE };

export interface TokenOptions { role: string; area?: string; sub?: string; sector?: string; org?: string; expires?: string }

/** The area claim: as given (comma-separated for several), else the role's default above. */
function areaClaim(o: TokenOptions): string | string[] | undefined {
  if (o.area !== undefined) return o.area.includes(',') ? o.area.split(',') : o.area;
  if (o.role === 'cadre') return o.sub ? undefined : DEMO_VILLAGE;
  return DEMO_COUNTY;
}

export async function devToken(config: Config, o: TokenOptions) {
  if (!config.jwt.secret) throw new Error('tokens can be printed only with a local secret (JWT_SECRET or the data folder), not with JWT_JWKS_URL');
  if (!ROLES.includes(o.role as Role)) throw new Error(`--role must be one of ${ROLES.join(', ')}`);
  const claims = { sub: o.sub ?? `dev-${o.role}`, role: o.role as Role, area: areaClaim(o), sector: o.sector, org: o.org };
  // The server's parser: whatever it would refuse is refused here, with its reason (e.g. a ministry without --sector).
  callerFromClaims(claims);
  return signToken({ ...config.jwt, secret: config.jwt.secret }, claims, o.expires ?? '12h');
}
