/**
 * Encryption at rest (issue 13 item 1): AES-256-GCM through Node's crypto, with key IDs so
 * that keys can be rotated. A sealed value reads `enc1:<kid>:<iv>:<tag>:<ciphertext>`
 * (base64url); the first key is the one that seals, every listed key can open.
 * Keys: DATA_KEYS=`kid:base64key,kid2:base64key` (32-byte keys, e.g. `openssl rand -base64 32`);
 * without it, one key generated once into DATA_DIR/data-keys (kept like the development JWT
 * secret — back that file up, or set DATA_KEYS: data sealed with a lost key is lost).
 * `jingzhun keys rotate` re-seals stored values under the first key (cli/keys.ts).
 * A value without the prefix is a plaintext from before (open returns it as it is).
 */
import { createCipheriv, createDecipheriv, randomBytes } from 'node:crypto';
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { REPO_ROOT } from '../config.js';

const PREFIX = 'enc1';

export class Keyring {
  private readonly keys: Map<string, Buffer>;
  readonly activeKid: string;

  constructor(spec: string) {
    const pairs = spec.split(',').map((p) => p.trim()).filter(Boolean).map((p) => {
      const [kid, b64] = p.split(':');
      const key = Buffer.from(b64 ?? '', 'base64');
      if (!/^[A-Za-z0-9_-]{1,32}$/.test(kid ?? '') || key.length !== 32) throw new Error(`DATA_KEYS: "${kid}" must be kid:base64 of 32 bytes (openssl rand -base64 32), kid of letters, digits, - or _`);
      return [kid, key] as const;
    });
    if (pairs.length === 0) throw new Error('DATA_KEYS names no key');
    this.keys = new Map(pairs);
    this.activeKid = pairs[0][0];
  }

  seal(plain: string): string {
    const iv = randomBytes(12);
    const c = createCipheriv('aes-256-gcm', this.keys.get(this.activeKid)!, iv);
    const ct = Buffer.concat([c.update(plain, 'utf8'), c.final()]);
    return [PREFIX, this.activeKid, iv.toString('base64url'), c.getAuthTag().toString('base64url'), ct.toString('base64url')].join(':');
  }

  open(stored: string): string {
    if (!isSealed(stored)) return stored;
    const [, kid, iv, tag, ct] = stored.split(':');
    const key = this.keys.get(kid);
    if (!key) throw new Error(`a value is sealed with key "${kid}", which DATA_KEYS does not list: add it back (after the new key) until "jingzhun keys rotate" has run`);
    const d = createDecipheriv('aes-256-gcm', key, Buffer.from(iv, 'base64url'));
    d.setAuthTag(Buffer.from(tag, 'base64url'));
    return Buffer.concat([d.update(Buffer.from(ct, 'base64url')), d.final()]).toString('utf8');
  }

  /** Whether a stored value needs re-sealing under the active key (plaintext, or another key). */
  stale(stored: string): boolean {
    return !isSealed(stored) || stored.split(':')[1] !== this.activeKid;
  }
}

export const isSealed = (v: string) => v.startsWith(`${PREFIX}:`);

let current: Keyring | undefined;

/** The process's keyring, from DATA_KEYS or the generated key file. */
export function keyring(): Keyring {
  if (current) return current;
  if (process.env.DATA_KEYS) return (current = new Keyring(process.env.DATA_KEYS));
  const dataDir = process.env.DATA_DIR || join(REPO_ROOT, '.data');
  if (dataDir.startsWith('memory://')) return (current = new Keyring(`mem:${randomBytes(32).toString('base64')}`));
  const file = join(dataDir, 'data-keys');
  if (!existsSync(file)) {
    mkdirSync(dirname(file), { recursive: true });
    // 'wx': of two processes starting at once, one writes the key and both read it.
    try {
      writeFileSync(file, `k${Date.now().toString(36)}:${randomBytes(32).toString('base64')}\n`, { mode: 0o600, flag: 'wx' });
    } catch (e) {
      if ((e as NodeJS.ErrnoException).code !== 'EEXIST') throw e;
    }
  }
  return (current = new Keyring(readFileSync(file, 'utf8').trim()));
}
