/** Encryption at rest: sealing, opening under an older key after rotation, tampering refused. */
import { randomBytes } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { Keyring } from './keyring.js';

const key = () => randomBytes(32).toString('base64');

describe('Keyring', () => {
  const old = `k1:${key()}`;
  const ring = new Keyring(old);

  it('seals a value so that the stored text holds no trace of it, and opens it again', () => {
    const sealed = ring.seal('whsec-0123456789abcdef');
    expect(sealed).toMatch(/^enc1:k1:[\w-]+:[\w-]+:[\w-]+$/);
    expect(sealed).not.toContain('0123456789');
    expect(ring.seal('whsec-0123456789abcdef')).not.toBe(sealed); // a fresh IV each time
    expect(ring.open(sealed)).toBe('whsec-0123456789abcdef');
  });

  it('after rotation opens values of the old key, seals with the new one, and calls the old ones stale', () => {
    const sealed = ring.seal('secret');
    const rotated = new Keyring(`k2:${key()},${old}`);
    expect(rotated.open(sealed)).toBe('secret');
    expect(rotated.stale(sealed)).toBe(true);
    expect(rotated.stale(rotated.seal('secret'))).toBe(false);
    expect(rotated.stale('a plaintext from before')).toBe(true);
    expect(rotated.open('a plaintext from before')).toBe('a plaintext from before');
  });

  it('refuses a tampered value, and says which key is missing', () => {
    const sealed = ring.seal('secret');
    const parts = sealed.split(':');
    parts[4] = Buffer.from('xxxxxx').toString('base64url');
    expect(() => ring.open(parts.join(':'))).toThrow();
    expect(() => new Keyring(`k9:${key()}`).open(sealed)).toThrow(/sealed with key "k1", which DATA_KEYS does not list/);
    expect(() => new Keyring('bad:short')).toThrow(/32 bytes/);
  });
});
