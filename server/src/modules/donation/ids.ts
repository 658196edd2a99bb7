/** Global IDs of this module's types (opaque, like every other: base64url of "Type:key"). */
import { badInput } from '../../graphql/errors.js';
import { fromGlobalId, toGlobalId, UUID, type NodeType } from '../../graphql/ids.js';

export type DonationType = 'Donor' | 'Need' | 'PublishedNeed' | 'Pledge';
export const DONATION_TYPES: ReadonlySet<string> = new Set(['Donor', 'Need', 'PublishedNeed', 'Pledge']);
/** A need's reference: "XQ" and 10 random characters of Crockford base32. */
export const REFERENCE = /^XQ[0-9A-HJKMNP-TV-Z]{10}$/;

export const gid = (type: DonationType, key: string) => toGlobalId(type as NodeType, key);

export const validKey = (type: string, key: string) => (type === 'PublishedNeed' ? REFERENCE.test(key) : UUID.test(key));

/** Decodes an ID argument of a known type; a malformed ID is bad input, a well-formed unknown one NOT_FOUND later. */
export function keyOfD(type: DonationType, id: string, field: string): string {
  const g = fromGlobalId(id);
  if (!g || (g.type as string) !== type || !validKey(type, g.key)) throw badInput([{ field, reason: `"${id}" is not a ${type} ID: pass the id field of a ${type} as returned by the API` }]);
  return g.key;
}
