/** Turns the Authorization header into a Caller, or UNAUTHENTICATED (HTTP 401) with a reason. */
import type { Caller } from '../auth/caller.js';
import { TokenError, type Verifier } from '../auth/verify.js';
import { unauthenticated } from '../graphql/errors.js';

export async function authenticate(verify: Verifier, header: string | undefined): Promise<Caller> {
  if (!header) throw unauthenticated('no token: send "Authorization: Bearer <token>" (for development, `pnpm jingzhun token` prints one)');
  const [scheme, token] = header.split(' ');
  if (scheme?.toLowerCase() !== 'bearer' || !token) throw unauthenticated('the Authorization header must be "Bearer <token>"');
  try {
    return await verify(token);
  } catch (e) {
    if (e instanceof TokenError) throw unauthenticated(e.message);
    throw e;
  }
}
