/**
 * Starts the built server as a child process for one test project: runs the CLI
 * as a user would (`areas import` for a second county, then `serve`, which
 * migrates and loads the demo county), waits for its URL, and stops it afterwards.
 */
import { spawn, execFile, type ChildProcess } from 'node:child_process';
import { createWriteStream } from 'node:fs';
import { randomBytes } from 'node:crypto';
import { resolve } from 'node:path';
import { tmpdir } from 'node:os';
import { promisify } from 'node:util';

export const ROOT = resolve(import.meta.dirname, '../..');
const CLI = resolve(ROOT, 'server/dist/cli/index.js');
/** A second county (保靖县) besides the demo county, for out-of-area checks. */
export const OTHER_COUNTY = '433125';
export const DEMO_COUNTY = '433124';
export const DEMO_HOUSEHOLDS = 8000;

export interface StartedServer {
  url: string;
  secret: string;
  env: Record<string, string>;
  child: ChildProcess;
  stop(): Promise<void>;
}

export function serverEnv(db: Record<string, string>): Record<string, string> {
  const env: Record<string, string> = {
    ...(process.env as Record<string, string>),
    ...db,
    NODE_ENV: 'test',
    PORT: '0',
    JWT_SECRET: randomBytes(24).toString('base64url'),
    /** The key that seals secrets at rest (lib/keyring.ts): one per test server's database. */
    DATA_KEYS: `test:${randomBytes(32).toString('base64')}`,
    EXPOSE_QUERY_STATS: 'true',
    SEED_DEMO: 'true',
    DEMO_HOUSEHOLDS: String(DEMO_HOUSEHOLDS),
    LOG_LEVEL: 'warn',
    /** Webhooks: quick rounds, short retry delays, a low failure limit (tests/e2e/webhooks*.test.ts). */
    WEBHOOK_POLL_MS: '100',
    WEBHOOK_RETRY_BASE_MS: '100',
    WEBHOOK_RETRY_MAX_MS: '2000',
    WEBHOOK_FAILURE_LIMIT: '5',
    WEBHOOK_TIMEOUT_MS: '3000',
    /** The server's output, to read when a test fails. */
    SERVER_LOG: resolve(tmpdir(), `jingzhun-${db.DATABASE_URL ? 'pg' : 'pglite'}-server.log`),
  };
  // A PGlite run must never reach the developer's PostgreSQL through an inherited DATABASE_URL.
  if (!db.DATABASE_URL) delete env.DATABASE_URL;
  return env;
}

export async function cli(env: Record<string, string>, ...args: string[]) {
  return promisify(execFile)(process.execPath, [CLI, ...args], { env, cwd: ROOT });
}

export async function startServer(env: Record<string, string>): Promise<StartedServer> {
  const child = spawn(process.execPath, [CLI, 'serve'], { env, cwd: ROOT, stdio: ['ignore', 'pipe', 'pipe'] });
  const logFile = createWriteStream(env.SERVER_LOG ?? '/dev/null', { flags: 'a' });
  child.stdout!.pipe(logFile);
  child.stderr!.pipe(logFile);
  let output = '';
  const url = await new Promise<string>((ok, fail) => {
    const timer = setTimeout(() => fail(new Error(`server did not start in 120 s:\n${output}`)), 120_000);
    const onData = (d: Buffer) => {
      output += d.toString();
      const m = output.match(/running at (http:\/\/\S+)/);
      if (m) {
        clearTimeout(timer);
        ok(m[1]);
      }
    };
    child.stdout!.on('data', onData);
    child.stderr!.on('data', onData);
    child.once('exit', (code) => fail(new Error(`server exited with ${code}:\n${output}`)));
  });
  return {
    url,
    secret: env.JWT_SECRET,
    env,
    child,
    stop: () =>
      new Promise<void>((ok) => {
        if (child.exitCode !== null) return ok();
        child.once('exit', () => ok());
        child.kill('SIGTERM');
      }),
  };
}
