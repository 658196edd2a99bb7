/**
 * Keyed hash of a person's resident ID (issue 17): HMAC-SHA256 under the registry's
 * ID_HASH_KEY (default: derived from the token secret), hex. Lets another system find a
 * member by ID number (DCI idtype-value) without the number being compared or sent in
 * clear, and without a plain hash anyone could reverse by trying every number.
 * `configureIdHash` is called once at start; until then a fixed development key is used.
 */
import { createHmac } from 'node:crypto';

let key: Uint8Array | string = 'jingzhun-development-id-hash';

export function configureIdHash(k: Uint8Array | string | undefined): void {
  if (k && k.length) key = typeof k === 'string' ? k : createHmac('sha256', k).update('jingzhun id hash').digest();
}

/** The keyed hash of an 18-character resident ID (upper case X). */
export function idHash(residentId: string): string {
  return createHmac('sha256', key).update(residentId.trim().toUpperCase()).digest('hex');
}
