/**
 * The HTTP server: `POST/GET /graphql` through Apollo, GraphQL over WebSocket on the
 * same /graphql (./websocket.ts, for subscriptions), `GET /healthz` (alive) and
 * `GET /readyz` (the database answers). It parses bodies itself so a malformed
 * request gets a clean 400, and tags every response with x-request-id. It owns the
 * process's change listener (LISTEN for the subscriptions' wake-ups): started here,
 * stopped by `stop()` after the WebSocket connections are closed.
 */
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import { randomUUID } from 'node:crypto';
import { ApolloServer, HeaderMap } from '@apollo/server';
import {
  ApolloServerPluginCacheControlDisabled, ApolloServerPluginInlineTraceDisabled, ApolloServerPluginUsageReportingDisabled,
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
import { anonymousOnlyPublic, isPublicRequest } from './anonymous-plugin.js';
import { resolveCadre } from '../auth/cadre-scope.js';
import { statsPlugin } from './stats-plugin.js';
import { attachWebSocket } from './websocket.js';
import { exemptGetFromCsrf, statusFor, wantsGraphQLResponseJson } from './over-http.js';
import { subscriptionsOverWebSocket } from './websocket-only-plugin.js';


export interface HttpOptions {
  schema: GraphQLSchema;
  database: Database;
  verify: Verifier;
  exposeQueryStats: boolean;
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

export async function createHttpServer(opts: HttpOptions): Promise<{ server: Server; stop: () => Promise<void> }> {
  const apollo = new ApolloServer<Context & { statements: { count: number } }>({
    // The schema, with queries executed by compiled code (../graphql/executor.ts).
    gateway: compiledQueries(opts.schema),
    validationRules: [queryLimits],
    parseOptions: { maxTokens: MAX_TOKENS },
    formatError,
    introspection: true,
    includeStacktraceInErrorResponses: false,
    // Nothing here sets cache hints, reports usage or traces fields: without these three Apollo
    // would install its cache-control plugin, whose willResolveField wraps every field of every
    // request (DESIGN.md "Performance rules": no per-field machinery for plain properties).
    plugins: [
      ApolloServerPluginCacheControlDisabled(), ApolloServerPluginUsageReportingDisabled(), ApolloServerPluginInlineTraceDisabled(),
      statsPlugin(opts.exposeQueryStats), anonymousOnlyPublic, subscriptionsOverWebSocket,
    ],
  });
  await apollo.start();

  /** The request's context; `allowAnonymous` only for an operation that reads the public donation summary alone. */
  const contextFor = async (req: IncomingMessage, requestId: string, db: Db, allowAnonymous = false) => {
    const caller = await resolveCadre(db, await authenticate(opts.verify, req.headers.authorization, { allowAnonymous }));
    return createContext({ requestId, caller, database: opts.database, db, log: log.child({ requestId }) });
  };

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
      if (url.pathname === '/statistics.csv' && req.method === 'GET') return await sendStatisticsCsv(apollo, req, res, url, async () => ({ ...(await contextFor(req, requestId, opts.database.db)), statements: { count: 0 } }));
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
      log.error({ requestId, err }, 'request failed');
      if (!res.headersSent) send(res, 500, { errors: [{ message: 'something went wrong on our side; report the x-request-id', extensions: { code: 'INTERNAL_SERVER_ERROR' } }] });
      else res.end();
    }
  });

  const changes = await startChangeListener(opts.database, log, opts.changePollMs);
  const websocket = attachWebSocket({ server, schema: opts.schema, database: opts.database, verify: opts.verify, changes });

  return {
    server,
    stop: async () => {
      await websocket.stop();
      await changes.stop();
      await new Promise<void>((r) => server.close(() => r()));
      await apollo.stop();
    },
  };
}
