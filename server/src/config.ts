/**
 * Configuration from the environment, validated once at start. Every setting is
 * documented in the README ("Configuration"); a bad value stops the process with
 * a message naming the variable.
 */
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { randomBytes } from 'node:crypto';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

/** The repository root: migrations/ and data/ are resolved from here (STACK.md trap 5). */
export const REPO_ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '../..');

export interface Config {
  port: number;
  host: string;
  /** postgres://… for a real server; undefined means embedded PGlite. */
  databaseUrl?: string;
  /** PGlite data folder, or 'memory://' for an in-memory database. */
  dataDir: string;
  /** `maxLifetimeS` (TOKEN_MAX_LIFETIME_HOURS, default 24): the longest a token may be valid, from its `iat` to its `exp`. */
  jwt: { secret?: Uint8Array; jwksUrl?: string; issuer: string; audience: string; maxLifetimeS?: number };
  /** RATE_LIMIT_PER_MINUTE (default 0, no limit): requests per token and minute, shared by all processes. */
  rateLimitPerMinute: number;
  /** INTROSPECTION (default: outside production only): schema introspection and field suggestions in error messages. */
  introspection: boolean;
  /** Load the demo county when the registry has no households at start. */
  seedDemo: boolean;
  /** Households of the demo county. */
  demoHouseholds: number;
  /** Whether the JWT secret is the generated development one (then `serve` prints a token). */
  devSecret: boolean;
  /** Add the SQL statement count of each request to `extensions.sqlStatements`. */
  exposeQueryStats: boolean;
  /** JSON_PLAN (default true): answer the common read shapes with JSON built by PostgreSQL (graphql/json-plan). */
  jsonPlan: boolean;
  production: boolean;
  webhooks: WebhookConfig;
  /** VISIT_OVERDUE_DAYS: days without a visit after which a household is listed as not visited (default 30). */
  visitOverdueDays: number;
  /** STAT_SUPPRESS_BELOW: small-cell threshold of statistics for roles without personal data (default 5). */
  statSuppressBelow: number;
  /** IMPORT_MAX_BYTES: the largest file one bulk import upload may be (default 256 MiB). */
  importMaxBytes: number;
}

/** The webhook dispatcher (modules/webhook/dispatcher.ts). */
export interface WebhookConfig {
  /** WEBHOOKS: run the dispatcher in this process (default true). */
  enabled: boolean;
  /** WEBHOOK_POLL_MS: pause between rounds when there is no work. */
  pollMs: number;
  /** WEBHOOK_RETRY_BASE_MS: first retry delay; doubled for each further failed attempt. */
  retryBaseMs: number;
  /** WEBHOOK_RETRY_MAX_MS: longest retry delay (default 1 h). */
  retryMaxMs: number;
  /** WEBHOOK_FAILURE_LIMIT: failed deliveries in a row that pause an endpoint. */
  failureLimit: number;
  /** WEBHOOK_MAX_ATTEMPTS: attempts after which one delivery is given up as failed. */
  maxAttempts: number;
  /** WEBHOOK_TIMEOUT_MS: how long one POST may take. */
  timeoutMs: number;
  /** WEBHOOK_CONCURRENCY: POSTs in flight at once in this process. */
  concurrency: number;
  /** WEBHOOK_ALLOW_PRIVATE: deliver to loopback and private addresses (default: outside production only). */
  allowPrivate: boolean;
}

class ConfigError extends Error {}

function oneOf<const T extends readonly string[]>(name: string, allowed: T, fallback: T[number]): T[number] {
  const raw = process.env[name];
  if (raw === undefined || raw === '') return fallback;
  const v = raw.toUpperCase();
  if (!allowed.includes(v)) throw new ConfigError(`${name} must be one of ${allowed.join(', ')}, got "${raw}"`);
  return v as T[number];
}

function int(name: string, fallback: number): number {
  const raw = process.env[name];
  if (raw === undefined || raw === '') return fallback;
  const n = Number(raw);
  if (!Number.isInteger(n) || n < 0) throw new ConfigError(`${name} must be a whole number, got "${raw}"`);
  return n;
}

function positive(name: string, fallback: number): number {
  const n = int(name, fallback);
  if (n < 1) throw new ConfigError(`${name} must be at least 1, got "${process.env[name]}"`);
  return n;
}

function bool(name: string, fallback: boolean): boolean {
  const raw = process.env[name];
  if (raw === undefined || raw === '') return fallback;
  if (/^(1|true|yes|on)$/i.test(raw)) return true;
  if (/^(0|false|no|off)$/i.test(raw)) return false;
  throw new ConfigError(`${name} must be true or false, got "${raw}"`);
}

/**
 * VISIT_OVERDUE_DAYS (default 30): the default of `householdsNotVisited(days:)`. Read
 * where it is used (modules/visit) and checked at start by loadConfig.
 */
export const visitOverdueDays = () => positive('VISIT_OVERDUE_DAYS', 30);

/**
 * STAT_SUPPRESS_BELOW (default 5): statistics cells counting fewer households (people for
 * member groupings) are suppressed for roles without personal data (modules/statistics).
 */
export const statSuppressBelow = () => positive('STAT_SUPPRESS_BELOW', 5);

/**
 * WEBHOOK_ALLOW_PRIVATE (default: true outside production): whether webhooks may go to
 * loopback, private or otherwise internal addresses. Read at registration (modules/webhook)
 * and by the dispatcher (loadConfig's webhooks.allowPrivate).
 */
export const webhookAllowPrivate = () => bool('WEBHOOK_ALLOW_PRIVATE', process.env.NODE_ENV !== 'production');

/** In development the HS256 secret is generated once and kept in the data folder. */
function devSecret(dataDir: string, secretFile: string): Uint8Array {
  if (dataDir.startsWith('memory://')) return new Uint8Array(randomBytes(32));
  if (!existsSync(secretFile)) {
    mkdirSync(dirname(secretFile), { recursive: true });
    writeFileSync(secretFile, randomBytes(32).toString('base64url'), { mode: 0o600 });
  }
  return new TextEncoder().encode(readFileSync(secretFile, 'utf8').trim());
}

/** The procedures' settings (issue 3): the posting window 公示期 and how long policies continue after an exit 脱贫不脱政策. */
export interface ProcedureConfig {
  /** POSTING_DAYS: days a posting stays up (default 7). */
  postingDays: number;
  /** EXIT_POLICY_YEARS: years policies continue after an exit, before status 4 may be recorded (default 5). */
  exitPolicyYears: number;
  /** LAST_NATIONAL_LINE_YEAR: the last year of a national poverty line (default 2020); after it the province's monitoring line applies. */
  lastNationalLineYear: number;
  /** EXIT_INCOME_YEARS: years (ending with the exit year) whose income must be above the line at exit, 稳定超过 (default 2). */
  exitIncomeYears: number;
  /** QUOTA_MISSING: what county approval does when no quota is set for the year at any level — WARN (default) or REFUSE. */
  quotaMissing: 'WARN' | 'REFUSE';
}

let procedures: ProcedureConfig | undefined;

/** Read once from the environment (and checked by loadConfig at start). */
export function procedureConfig(): ProcedureConfig {
  return (procedures ??= {
    postingDays: positive('POSTING_DAYS', 7),
    exitPolicyYears: int('EXIT_POLICY_YEARS', 5),
    lastNationalLineYear: positive('LAST_NATIONAL_LINE_YEAR', 2020),
    exitIncomeYears: positive('EXIT_INCOME_YEARS', 2),
    quotaMissing: oneOf('QUOTA_MISSING', ['WARN', 'REFUSE'] as const, 'WARN'),
  });
}

export function loadConfig(): Config {
  procedureConfig();
  const production = process.env.NODE_ENV === 'production';
  const dataDir = process.env.DATA_DIR || join(REPO_ROOT, '.data');
  const databaseUrl = process.env.DATABASE_URL || undefined;
  if (databaseUrl && !/^postgres(ql)?:\/\//.test(databaseUrl)) {
    throw new ConfigError('DATABASE_URL must start with postgres:// or postgresql://');
  }
  const jwksUrl = process.env.JWT_JWKS_URL || undefined;
  let secret: Uint8Array | undefined;
  if (process.env.JWT_SECRET) {
    secret = new TextEncoder().encode(process.env.JWT_SECRET);
    if (secret.length < 32) throw new ConfigError('JWT_SECRET must be at least 32 bytes long (e.g. openssl rand -base64 32)');
  }
  else if (!jwksUrl) {
    if (production) throw new ConfigError('set JWT_SECRET or JWT_JWKS_URL in production');
    secret = devSecret(dataDir, process.env.JWT_SECRET_FILE || join(dataDir, 'jwt-secret'));
  }
  return {
    port: int('PORT', 4000),
    host: process.env.HOST || '127.0.0.1',
    databaseUrl,
    dataDir,
    jwt: {
      secret,
      jwksUrl,
      issuer: process.env.JWT_ISSUER || 'jingzhun',
      audience: process.env.JWT_AUDIENCE || 'jingzhun-api',
      maxLifetimeS: positive('TOKEN_MAX_LIFETIME_HOURS', 24) * 3600,
    },
    introspection: bool('INTROSPECTION', !production),
    rateLimitPerMinute: int('RATE_LIMIT_PER_MINUTE', 0),
    // Demo data only where nobody's real data can be: the embedded database, outside production.
    seedDemo: bool('SEED_DEMO', !databaseUrl && !production),
    demoHouseholds: int('DEMO_HOUSEHOLDS', 2000),
    visitOverdueDays: visitOverdueDays(),
    statSuppressBelow: statSuppressBelow(),
    importMaxBytes: positive('IMPORT_MAX_BYTES', 256 * 1024 * 1024),
    devSecret: !process.env.JWT_SECRET && !jwksUrl,
    exposeQueryStats: bool('EXPOSE_QUERY_STATS', false),
    jsonPlan: bool('JSON_PLAN', true),
    production,
    webhooks: {
      enabled: bool('WEBHOOKS', true),
      pollMs: positive('WEBHOOK_POLL_MS', 500),
      retryBaseMs: positive('WEBHOOK_RETRY_BASE_MS', 1000),
      retryMaxMs: positive('WEBHOOK_RETRY_MAX_MS', 3_600_000),
      failureLimit: positive('WEBHOOK_FAILURE_LIMIT', 10),
      maxAttempts: positive('WEBHOOK_MAX_ATTEMPTS', 20),
      timeoutMs: positive('WEBHOOK_TIMEOUT_MS', 10_000),
      concurrency: positive('WEBHOOK_CONCURRENCY', 16),
      allowPrivate: webhookAllowPrivate(),
    },
  };
}

export { ConfigError };
