/** DCI signatures (dci.signature.ts): a signed envelope verifies; a changed message, another key, an expired signature or none are refused. */
import { describe, expect, it } from 'vitest';
import { createPublicKey, generateKeyPairSync } from 'node:crypto';
import { jwks, publicKeyFromRaw, registryKey, signatureProblem, signEnvelope } from './dci.signature.js';

const header = { message_id: 'm1', action: 'search' };
const message = { transaction_id: 't1' };

describe('DCI signatures', () => {
  const { privateKey, publicKey } = generateKeyPairSync('ed25519');
  const raw = (publicKey.export({ format: 'jwk' }) as { x: string }).x;

  it('a signature over header and message verifies with the registered public key', () => {
    const s = signEnvelope(privateKey, 'spmis', 'k1', header, message, 1_800_000_000_000);
    expect(s).toMatch(/^Signature: namespace="spdci", kidId="spmis\|k1\|ed25519", algorithm="ed25519", created="1800000000", expires="1800000300"/);
    expect(signatureProblem(publicKeyFromRaw(raw), s, header, message, 1_800_000_010_000)).toBeUndefined();
  });

  it('is refused for a changed message, another key, after it expires, or when missing', () => {
    const now = 1_800_000_000_000;
    const s = signEnvelope(privateKey, 'spmis', 'k1', header, message, now);
    const key = publicKeyFromRaw(raw);
    expect(signatureProblem(key, s, header, { transaction_id: 't2' }, now)?.reason).toMatch(/does not match/);
    expect(signatureProblem(createPublicKey(generateKeyPairSync('ed25519').privateKey), s, header, message, now)?.code).toBe('err.signature.invalid');
    expect(signatureProblem(key, s, header, message, now + 301_000)?.reason).toMatch(/expired/);
    expect(signatureProblem(key, undefined, header, message, now)?.code).toBe('err.signature.missing');
  });

  it('the registry key is the same for the same secret, and published as an Ed25519 JWK', () => {
    const secret = new TextEncoder().encode('s'.repeat(32));
    const [a, b] = [jwks(registryKey(secret)), jwks(registryKey(secret))];
    expect(a).toEqual(b);
    expect(a.keys[0]).toMatchObject({ kty: 'OKP', crv: 'Ed25519', kid: 'jingzhun-dci-1', alg: 'EdDSA' });
    const s = signEnvelope(registryKey(secret), 'jingzhun.registry', 'jingzhun-dci-1', header, message);
    expect(signatureProblem(publicKeyFromRaw(a.keys[0]!.x), s, header, message)).toBeUndefined();
  });
});
