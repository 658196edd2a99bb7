/** `jingzhun token`: prints a development token (HS256 with the local secret). */
import type { Config } from '../config.js';
import { ROLES, type Role } from '../auth/caller.js';
import { signToken } from '../auth/verify.js';

export async function devToken(config: Config, o: { role: string; area?: string; sub?: string; sector?: string; org?: string; expires?: string }) {
  if (!config.jwt.secret) throw new Error('tokens can be printed only with a local secret (JWT_SECRET or the data folder), not with JWT_JWKS_URL');
  if (!ROLES.includes(o.role as Role)) throw new Error(`--role must be one of ${ROLES.join(', ')}`);
  const area = o.area?.includes(',') ? o.area.split(',') : o.area;
  return signToken(
    { ...config.jwt, secret: config.jwt.secret },
    { sub: o.sub ?? `dev-${o.role}`, role: o.role as Role, area, sector: o.sector, org: o.org },
    o.expires ?? '12h',
  );
}
