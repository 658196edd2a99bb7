/** Turns the Authorization header into a Caller, or UNAUTHENTICATED (HTTP 401) with a reason. */
import type { Caller } from '../auth/caller.js';
import { TokenError, type Verifier } from '../auth/verify.js';
import { unauthenticated } from '../graphql/errors.js';

export const NO_TOKEN = 'no token: send "Authorization: Bearer <token>" (for development, `pnpm jingzhun token` prints one)';

/**
 * The caller of a request without a token. Only the operations http/anonymous-plugin.ts lets
 * through run with it (the public donation summary); every other one is refused with
 * UNAUTHENTICATED before it executes. It holds the least role (donor, de-identified data only),
 * no area, and is marked anonymous, which the donation services check as well.
 */
export const ANONYMOUS: Caller = Object.freeze({ id: '', role: 'donor', areas: [], anonymous: true }) as Caller;

export async function authenticate(verify: Verifier, header: string | undefined, opts: { allowAnonymous?: boolean } = {}): Promise<Caller> {
  if (!header) {
    if (opts.allowAnonymous) return ANONYMOUS;
    throw unauthenticated(NO_TOKEN);
  }
  const [scheme, token] = header.split(' ');
  if (scheme?.toLowerCase() !== 'bearer' || !token) throw unauthenticated('the Authorization header must be "Bearer <token>"');
  try {
    return await verify(token);
  } catch (e) {
    if (e instanceof TokenError) throw unauthenticated(e.message);
    throw e;
  }
}
