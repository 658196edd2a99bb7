/**
 * DCI message signatures (MsgSignature, issue 17 item 5), ed25519 in the spec's header form:
 *
 *   Signature: namespace="spdci", kidId="{sender_id}|{key id}|ed25519", algorithm="ed25519",
 *     created="<unix s>", expires="<unix s>", headers="(created) (expires) digest", signature="<base64>"
 *
 * The signed content is `(created): C\n(expires): E\ndigest: BLAKE-512=<base64 BLAKE2b-512 of
 * JSON.stringify({header, message})>` (header and message as received, keys in their order).
 * A client registered with a public key must sign every request; the registry signs its own
 * answers and callbacks with a key derived from its token secret (the same on every replica),
 * published at /.well-known/jwks.json.
 */
import { createHash, createHmac, createPrivateKey, createPublicKey, sign, verify, type KeyObject } from 'node:crypto';

export const REGISTRY_KID = 'jingzhun-dci-1';
const VALIDITY_S = 300;
const SKEW_S = 300;

export const digestOf = (header: unknown, message: unknown) =>
  `BLAKE-512=${createHash('blake2b512').update(JSON.stringify({ header, message })).digest('base64')}`;

const content = (created: string, expires: string, digest: string) => `(created): ${created}\n(expires): ${expires}\ndigest: ${digest}`;

/** An ed25519 private key from a 32-byte seed (PKCS#8 DER: the fixed prefix, then the seed). */
export function privateKeyFromSeed(seed: Buffer): KeyObject {
  return createPrivateKey({ key: Buffer.concat([Buffer.from('302e020100300506032b657004220420', 'hex'), seed]), format: 'der', type: 'pkcs8' });
}

export function publicKeyFromRaw(base64url: string): KeyObject {
  return createPublicKey({ key: { kty: 'OKP', crv: 'Ed25519', x: base64url }, format: 'jwk' });
}

/** The registry's signing key: derived from its secret, so every replica signs alike. */
export function registryKey(secret: Uint8Array | undefined): KeyObject {
  return privateKeyFromSeed(createHmac('sha256', secret ?? 'jingzhun-development').update('jingzhun dci signing key').digest());
}

export function jwks(key: KeyObject) {
  const { x } = createPublicKey(key).export({ format: 'jwk' }) as { x: string };
  return { keys: [{ kty: 'OKP', crv: 'Ed25519', x, kid: REGISTRY_KID, use: 'sig', alg: 'EdDSA' }] };
}

export function signEnvelope(key: KeyObject, senderId: string, kid: string, header: unknown, message: unknown, now = Date.now()): string {
  const created = String(Math.floor(now / 1000));
  const expires = String(Math.floor(now / 1000) + VALIDITY_S);
  const signature = sign(null, Buffer.from(content(created, expires, digestOf(header, message))), key).toString('base64');
  return `Signature: namespace="spdci", kidId="${senderId}|${kid}|ed25519", algorithm="ed25519", created="${created}", expires="${expires}", headers="(created) (expires) digest", signature="${signature}"`;
}

/** Undefined when `signature` is a valid, current signature of header+message by `key`; otherwise why not. */
export function signatureProblem(key: KeyObject, signature: string | undefined, header: unknown, message: unknown, now = Date.now()): { code: 'err.signature.missing' | 'err.signature.invalid'; reason: string } | undefined {
  if (!signature) return { code: 'err.signature.missing', reason: 'your client has a registered signing key: sign each message (signature: Signature: namespace="spdci", … algorithm="ed25519" …)' };
  const f = Object.fromEntries([...signature.matchAll(/(\w+)="([^"]*)"/g)].map((m) => [m[1], m[2]]));
  const invalid = (reason: string) => ({ code: 'err.signature.invalid' as const, reason });
  if (f.algorithm !== 'ed25519' || !f.created || !f.expires || !f.signature) return invalid('the signature needs algorithm="ed25519", created, expires and signature');
  const t = Math.floor(now / 1000);
  if (Number(f.created) > t + SKEW_S) return invalid('the signature was created in the future');
  if (Number(f.expires) < t) return invalid('the signature has expired: sign the message again');
  const ok = verify(null, Buffer.from(content(f.created, f.expires, digestOf(header, message))), key, Buffer.from(f.signature, 'base64'));
  return ok ? undefined : invalid('the signature does not match the header and message with your registered key');
}
