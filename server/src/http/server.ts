/**
 * The HTTP server: `POST/GET /graphql` through Apollo, GraphQL over WebSocket on the
 * same /graphql (./websocket.ts, for subscriptions), `GET /healthz` (alive) and
 * `GET /readyz` (the database answers), and for a browser the start page at `/` and the
 * explorer at `/graphql` (./pages.ts; Apollo's own landing page, from a CDN, is off). It parses bodies itself so a malformed
 * request gets a clean 400, and tags every response with x-request-id. It owns the
 * process's change listener (LISTEN for the subscriptions' wake-ups): started here,
 * stopped by `stop()` after the WebSocket connections are closed.
 */
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import { randomUUID } from 'node:crypto';
import { ApolloServer, HeaderMap } from '@apollo/server';
import {
  ApolloServerPluginCacheControlDisabled, ApolloServerPluginInlineTraceDisabled, ApolloServerPluginLandingPageDisabled, ApolloServerPluginUsageReportingDisabled,
} from '@apollo/server/plugin/disabled';
import type { GraphQLSchema } from 'graphql';
import type { Database, Db } from '../db/client.js';
import { ping } from '../db/health.js';
import type { Verifier } from '../auth/verify.js';
import { log } from '../lib/log.js';
import { createContext, type Context } from '../graphql/context.js';
import { compiledQueries } from '../graphql/executor.js';
import { formatError } from '../graphql/format-error.js';
import { MAX_BODY, MAX_TOKENS, nestingProblem, queryLimits } from '../graphql/limits.js';
import { startChangeListener } from '../modules/change/change.listener.js';
import { authenticate } from './authenticate.js';
import { sendStatisticsCsv } from './statistics-csv.js';
import { handleBulk, isBulkPath } from './bulk.js';
import { handleDci, type DciOptions } from './dci.js';
import { jwks } from '../modules/dci/dci.signature.js';
import { errAck } from '../modules/dci/dci.ack.js';
import { anonymousOnlyPublic, isPublicRequest } from './anonymous-plugin.js';
import { resolveCadre } from '../auth/cadre-scope.js';
import { statsPlugin } from './stats-plugin.js';
import { unavailableAs503 } from './unavailable-plugin.js';
import { costInExtensions } from './cost-plugin.js';
import { RateLimiter, rateKey } from './rate-limit.js';
import { rateLimitStore } from './rate-limit.store.js';
import { isDatabaseUnavailable, RETRY_AFTER_S, unavailableMessage } from '../db/unavailable.js';
import { attachWebSocket } from './websocket.js';
import { exemptGetFromCsrf, statusFor, wantsGraphQLResponseJson } from './over-http.js';
import { subscriptionsOverWebSocket } from './websocket-only-plugin.js';
import { handlePage } from './pages.js';


export interface HttpOptions {
  schema: GraphQLSchema;
  database: Database;
  verify: Verifier;
  exposeQueryStats: boolean;
  /** Answer the common read shapes with JSON built by PostgreSQL (config JSON_PLAN, default on; graphql/json-plan). */
  jsonPlan?: boolean;
  /** Schema introspection and "did you mean" suggestions (config INTROSPECTION; off in production by default). */
  introspection?: boolean;
  /** Requests per token and minute (config RATE_LIMIT_PER_MINUTE); 0 or absent: no limit. */
  rateLimitPerMinute?: number;
  /** The largest bulk import upload (IMPORT_MAX_BYTES). */
  importMaxBytes?: number;
  /** The DCI API under /dci/ (http/dci.ts): the token secret and whether callbacks may go to private addresses. */
  dci?: Pick<DciOptions, 'jwt' | 'allowPrivate' | 'signingKey'>;
  /** A development token for the explorer (only where `jingzhun serve` prints one); see ./explorer.ts. */
  devToken?: () => Promise<string>;
  /** How long a change subscription waits at most before reading the feed again without a wake-up (default 5 s). */
  changePollMs?: number;
}

function send(res: ServerResponse, status: number, body: unknown) {
  res.writeHead(status, { 'content-type': 'application/json; charset=utf-8' });
  res.end(JSON.stringify(body));
}

async function readBody(req: IncomingMessage): Promise<string> {
  let size = 0;
  const chunks: Buffer[] = [];
  for await (const chunk of req) {
    size += chunk.length;
    if (size > MAX_BODY) throw new Error('too large');
    chunks.push(chunk);
  }
  return Buffer.concat(chunks).toString('utf8');
}

/** The rate limiter of this process, flushed to PostgreSQL every second (./rate-limit.ts). */
function startRateLimiter(database: Database, perMinute: number) {
  const limiter = new RateLimiter(perMinute, (deltas) => rateLimitStore.add(database.db, deltas));
  let ticks = 0;
  const timer = setInterval(() => {
    limiter.flush().catch((err) => log.warn({ err: (err as Error).message }, 'rate limit: counts not shared this round'));
    if (++ticks % 60 === 0) rateLimitStore.forgetBefore(database.db, Date.now()).catch(() => undefined);
  }, 1000);
  timer.unref();
  return {
    /** Counts the request; false (after answering 429) when its token has used up its minute. */
    admit(req: IncomingMessage, res: ServerResponse): boolean {
      const v = limiter.take(rateKey(req.headers.authorization, req.socket.remoteAddress));
      res.setHeader('x-ratelimit-limit', String(v.limit));
      res.setHeader('x-ratelimit-remaining', String(v.remaining));
      res.setHeader('x-ratelimit-reset', String(v.resetS));
      if (v.allowed) return true;
      res.setHeader('retry-after', String(v.resetS));
      const message = `this token has made ${v.limit} requests this minute, the most allowed: wait ${v.resetS} s and retry`;
      // A DCI client gets the DCI acknowledgement with the spec's code (http/dci.ts).
      send(res, 429, req.url?.startsWith('/dci/') ? errAck('err.request.too_many_requests', message) : { errors: [{ message, extensions: { code: 'RATE_LIMITED', retryAfterSeconds: v.resetS } }] });
      return false;
    },
    stop: () => clearInterval(timer),
  };
}

export async function createHttpServer(opts: HttpOptions): Promise<{ server: Server; stop: () => Promise<void> }> {
  const apollo = new ApolloServer<Context & { statements: { count: number } }>({
    // The schema, with queries executed by compiled code (../graphql/executor.ts).
    gateway: compiledQueries(opts.schema, { jsonPlan: opts.jsonPlan ?? true }),
    validationRules: [queryLimits],
    parseOptions: { maxTokens: MAX_TOKENS },
    formatError,
    introspection: opts.introspection ?? true,
    // Without introspection, error messages do not suggest field names either (they would map the schema).
    hideSchemaDetailsFromClientErrors: !(opts.introspection ?? true),
    includeStacktraceInErrorResponses: false,
    // Nothing here sets cache hints, reports usage or traces fields: without these three Apollo
    // would install its cache-control plugin, whose willResolveField wraps every field of every
    // request (DESIGN.md "Performance rules": no per-field machinery for plain properties).
    plugins: [
      ApolloServerPluginCacheControlDisabled(), ApolloServerPluginUsageReportingDisabled(), ApolloServerPluginInlineTraceDisabled(), ApolloServerPluginLandingPageDisabled(),
      statsPlugin(opts.exposeQueryStats), anonymousOnlyPublic, subscriptionsOverWebSocket, unavailableAs503, costInExtensions,
    ],
  });
  await apollo.start();

  /** The request's context; `allowAnonymous` only for an operation that reads the public donation summary alone. */
  const contextFor = async (req: IncomingMessage, requestId: string, db: Db, allowAnonymous = false) => {
    const caller = await resolveCadre(db, await authenticate(opts.verify, req.headers.authorization, { allowAnonymous }));
    return createContext({ requestId, caller, database: opts.database, db, log: log.child({ requestId }) });
  };

  const limiter = opts.rateLimitPerMinute ? startRateLimiter(opts.database, opts.rateLimitPerMinute) : undefined;

  const server = createServer(async (req, res) => {
    // Always our own ID: it goes into the audit trail, so a client must not choose it.
    const requestId = randomUUID();
    const clientRequestId = (req.headers['x-request-id'] as string | undefined)?.slice(0, 100);
    res.setHeader('x-request-id', requestId);
    const url = new URL(req.url ?? '/', 'http://localhost');
    try {
      if (url.pathname === '/healthz') return send(res, 200, { status: 'ok' });
      if (url.pathname === '/readyz') {
        await ping(opts.database);
        return send(res, 200, { status: 'ready', database: opts.database.kind });
      }
      if (await handlePage(req, res, url, { explorer: opts.introspection ?? true, devToken: opts.devToken })) return;
      if (limiter && !limiter.admit(req, res)) return;
      if (url.pathname === '/statistics.csv' && req.method === 'GET') return await sendStatisticsCsv(apollo, req, res, url, async () => ({ ...(await contextFor(req, requestId, opts.database.db)), statements: { count: 0 } }));
      if (isBulkPath(url.pathname)) return await handleBulk(req, res, url, () => contextFor(req, requestId, opts.database.db), opts.importMaxBytes ?? 256 * 1024 * 1024);
      if (url.pathname === '/.well-known/jwks.json' && opts.dci) return send(res, 200, jwks(opts.dci.signingKey));
      if (url.pathname.startsWith('/dci/') && opts.dci) {
        await handleDci(req, res, url.pathname.slice('/dci'.length), requestId, { database: opts.database, verify: opts.verify, ...opts.dci });
        log.info({ requestId, clientRequestId, status: res.statusCode, path: url.pathname }, 'request');
        return;
      }
      if (url.pathname !== '/graphql') return send(res, 404, { error: 'not found: the API is at /graphql' });
      let body: unknown;
      if (req.method === 'POST') {
        const text = await readBody(req).catch(() => null);
        if (text === null) return send(res, 413, { errors: [{ message: `the request body is over ${MAX_BODY} bytes`, extensions: { code: 'BAD_REQUEST' } }] });
        try {
          body = text ? JSON.parse(text) : {};
        } catch {
          return send(res, 400, { errors: [{ message: 'the request body is not valid JSON: send {"query": "...", "variables": {...}}', extensions: { code: 'BAD_REQUEST' } }] });
        }
      }
      const source = req.method === 'POST' ? (body as { query?: unknown } | null)?.query : url.searchParams.get('query');
      const tooDeep = typeof source === 'string' ? nestingProblem(source) : null;
      if (tooDeep) {
        // A validation failure like the query limits': 4xx only for a client that asked for application/graphql-response+json (./over-http.ts).
        const strict = wantsGraphQLResponseJson(req.headers.accept);
        res.writeHead(strict ? 400 : 200, { 'content-type': `${strict ? 'application/graphql-response+json' : 'application/json'}; charset=utf-8` });
        return res.end(JSON.stringify({ errors: [{ message: tooDeep, extensions: { code: 'QUERY_TOO_COMPLEX', limitExceeded: true } }] }));
      }
      const headers = new HeaderMap();
      for (const [k, v] of Object.entries(req.headers)) if (v !== undefined) headers.set(k, Array.isArray(v) ? v.join(', ') : v);
      exemptGetFromCsrf(req.method, headers);
      const statements = { count: 0 };
      // Counted only when exposed: a per-request handle, no AsyncLocalStorage (db/stats.ts).
      const db = opts.exposeQueryStats ? opts.database.counting(statements) : opts.database.db;
      const result = await apollo.executeHTTPGraphQLRequest({
        httpGraphQLRequest: { method: req.method ?? 'GET', headers, search: url.search, body },
        // Only a request without a token can be a public one: the others need no parse here.
        context: async () => ({ ...(await contextFor(req, requestId, db, !req.headers.authorization && isPublicRequest(body, url.search))), statements }),
      });
      for (const [k, v] of result.headers) res.setHeader(k, v);
      res.statusCode = statusFor(result.status, result.headers.get('content-type'), result.body.kind === 'complete' ? result.body.string : undefined);
      if (result.body.kind === 'complete') res.end(result.body.string);
      else {
        for await (const chunk of result.body.asyncIterator) res.write(chunk);
        res.end();
      }
      log.info({ requestId, clientRequestId, status: res.statusCode, ...(opts.exposeQueryStats && { sqlStatements: statements.count }) }, 'request');
    } catch (err) {
      if (isDatabaseUnavailable(err) && !res.headersSent) {
        log.warn({ requestId }, 'database unavailable');
        res.setHeader('retry-after', String(RETRY_AFTER_S));
        return send(res, 503, { errors: [{ message: unavailableMessage, extensions: { code: 'SERVICE_UNAVAILABLE', retryable: true, retryAfterSeconds: RETRY_AFTER_S } }] });
      }
      log.error({ requestId, err }, 'request failed');
      if (!res.headersSent) send(res, 500, { errors: [{ message: 'something went wrong on our side; report the x-request-id', extensions: { code: 'INTERNAL_SERVER_ERROR' } }] });
      else res.end();
    }
  });

  // A client gets 15 s to send its headers and 60 s for the whole request: a body sent slowly does not hold a connection open.
  server.headersTimeout = 15_000;
  server.requestTimeout = 60_000;

  const changes = await startChangeListener(opts.database, log, opts.changePollMs);
  const websocket = attachWebSocket({ server, schema: opts.schema, database: opts.database, verify: opts.verify, changes });

  return {
    server,
    stop: async () => {
      limiter?.stop();
      await websocket.stop();
      await changes.stop();
      await new Promise<void>((r) => server.close(() => r()));
      await apollo.stop();
    },
  };
}
