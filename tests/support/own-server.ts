/**
 * A database of a test's own, for tests that start, stop and kill their own server
 * processes (tests/setup/server.ts `startServer`) instead of sharing the suite's:
 * a fresh PGlite folder, or on the `pg` project a fresh PostgreSQL database
 * (PG_ADMIN_URL, like tests/setup/pg.ts), dropped afterwards. `tokenFor` signs
 * tokens with that server's secret.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { randomBytes } from 'node:crypto';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { adminQuery, databaseUrl } from './pg-admin.js';
import { SignJWT } from 'jose';
import { serverEnv } from '../setup/server.js';

export interface OwnDatabase {
  /** The environment of `startServer`; change it before starting. */
  env: Record<string, string>;
  drop(): Promise<void>;
}

export async function ownDatabase(kind: 'pg' | 'pglite', env: Record<string, string> = {}): Promise<OwnDatabase> {
  // A small demo county: its villages are all these tests need.
  const extra = { DEMO_HOUSEHOLDS: '20', ...env };
  if (kind === 'pglite') {
    const dir = mkdtempSync(join(tmpdir(), 'jingzhun-own-'));
    return { env: { ...serverEnv({ DATA_DIR: join(dir, 'pgdata') }), ...extra }, drop: async () => rmSync(dir, { recursive: true, force: true }) };
  }
  const name = `jingzhun_own_${randomBytes(4).toString('hex')}`;
  await adminQuery(`create database ${name}`);
  return { env: { ...serverEnv({ DATABASE_URL: databaseUrl(name) }), ...extra }, drop: () => adminQuery(`drop database if exists ${name} with (force)`) };
}

export function tokenFor(env: Record<string, string>, claims: { role: string; area?: string | string[]; sub: string; sector?: string }) {
  return new SignJWT(claims)
    .setProtectedHeader({ alg: 'HS256' })
    .setIssuer('jingzhun')
    .setAudience('jingzhun-api')
    .setIssuedAt()
    .setExpirationTime('1h')
    .sign(new TextEncoder().encode(env.JWT_SECRET));
}
