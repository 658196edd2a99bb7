/**
 * GraphQL over WebSocket (graphql-ws, protocol graphql-transport-ws) on the HTTP
 * server's own /graphql path, for the `changes` subscription (and any other operation).
 *
 * Contract: the same rules as over HTTP. The token comes in `connection_init`'s payload
 * (`{ "authorization": "Bearer <token>" }`, as browsers cannot set headers on a
 * WebSocket) or else in the upgrade request's Authorization header, and is checked once
 * at connection: without a valid one the socket is closed with 4401 and the reason
 * (the same words as HTTP's UNAUTHENTICATED); when the token expires the socket is
 * closed with 4401 too. Every operation gets a fresh context (createContext, with this
 * process's change-feed wake-ups), the query limits (limits.ts) and the error format
 * (format-error.ts) of the HTTP endpoint; parse and validation errors carry
 * GRAPHQL_PARSE_FAILED / GRAPHQL_VALIDATION_FAILED like Apollo's.
 *
 * Bounds (issue 13 item 4): a message larger than the HTTP body limit closes the socket
 * (1009, ws's maxPayload) before it is read whole; at most MAX_PER_CONNECTION operations
 * run at once on one connection and MAX_PER_CALLER for one token subject in this process
 * (RATE_LIMITED beyond them, saying which limit and what to do).
 */
import { randomUUID } from 'node:crypto';
import type { Server } from 'node:http';
import { GraphQLError, parse, specifiedRules, validate, type DocumentNode, type GraphQLFormattedError, type GraphQLSchema } from 'graphql';
import { WebSocketServer } from 'ws';
import { useServer } from 'graphql-ws/use/ws';
import { decodeJwt } from 'jose';
import type { Caller } from '../auth/caller.js';
import type { Verifier } from '../auth/verify.js';
import type { Database } from '../db/client.js';
import { log } from '../lib/log.js';
import { createContext } from '../graphql/context.js';
import { ApiError } from '../graphql/errors.js';
import { formatError } from '../graphql/format-error.js';
import { MAX_BODY, MAX_TOKENS, nestingProblem, queryLimits } from '../graphql/limits.js';
import type { ChangeWakeups } from '../modules/change/change.listener.js';
import { authenticate } from './authenticate.js';
import { resolveCadre } from '../auth/cadre-scope.js';

export interface WebSocketOptions {
  server: Server;
  schema: GraphQLSchema;
  database: Database;
  verify: Verifier;
  changes: ChangeWakeups;
}

/** Close code for a missing, invalid or expired token (graphql-ws uses 4401 for "Unauthorized"). */
export const UNAUTHORIZED = 4401;
const INTERNAL = 4500;
const MAX_TIMER_MS = 2 ** 31 - 1;
export const MAX_PER_CONNECTION = 20;
export const MAX_PER_CALLER = 50;

/** A close reason is at most 123 bytes (RFC 6455). */
function closeReason(message: string): string {
  let out = message;
  while (Buffer.byteLength(out) > 123) out = out.slice(0, -2) + '…';
  return out;
}

/** The error with `code` unless it has one (as Apollo codes parse, validation and variable errors over HTTP). */
const coded = (e: GraphQLError, code: string) =>
  e.extensions?.code
    ? e
    : new GraphQLError(e.message, { nodes: e.nodes, source: e.source, positions: e.positions, path: e.path, originalError: e.originalError, extensions: { ...e.extensions, code } });

/** Our error format (format-error.ts): codes pass, anything else becomes INTERNAL_SERVER_ERROR. */
const formatted = (errors: readonly GraphQLError[]): GraphQLFormattedError[] => errors.map((e) => formatError(e.toJSON(), e));

const tokenOf = (params: Record<string, unknown> | undefined, header: string | undefined) => {
  const value = params?.authorization ?? params?.Authorization;
  return typeof value === 'string' ? value : header;
};

export function attachWebSocket(opts: WebSocketOptions): { stop: () => Promise<void> } {
  const wss = new WebSocketServer({ server: opts.server, path: '/graphql', maxPayload: MAX_BODY });
  const rules = [...specifiedRules, queryLimits];
  const expiries = new Set<NodeJS.Timeout>();
  /** Operations running per token subject in this process. */
  const perCaller = new Map<string, number>();
  const release = (callerId: string) => {
    const n = (perCaller.get(callerId) ?? 1) - 1;
    if (n > 0) perCaller.set(callerId, n);
    else perCaller.delete(callerId);
  };

  const server = useServer<Record<string, unknown> | undefined, { caller: Caller; running?: Set<string> }>(
    {
      async onConnect(ctx) {
        const header = tokenOf(ctx.connectionParams, ctx.extra.request.headers.authorization);
        try {
          ctx.extra.caller = await authenticate(opts.verify, header);
          await resolveCadre(opts.database.db, ctx.extra.caller); // refuses an unregistered cadre without villages now
        } catch (e) {
          if (e instanceof ApiError) ctx.extra.socket.close(UNAUTHORIZED, closeReason(`UNAUTHENTICATED: ${e.message}`));
          else {
            log.error({ err: e }, 'websocket: token check failed');
            ctx.extra.socket.close(INTERNAL, 'the token could not be checked: try again later');
          }
          return false; // graphql-ws would close with 4403; the socket is already closing
        }
        const exp = decodeJwt(header!.split(' ')[1]).exp;
        if (exp) {
          const socket = ctx.extra.socket;
          let timer: NodeJS.Timeout;
          // setTimeout holds at most ~24.8 days: a later expiry is re-armed on the way.
          const arm = () => {
            const left = exp * 1000 - Date.now();
            timer = setTimeout(() => {
              expiries.delete(timer);
              if (left > MAX_TIMER_MS) return arm();
              socket.close(UNAUTHORIZED, 'UNAUTHENTICATED: the token has expired: connect again with a new one');
            }, Math.max(0, Math.min(left, MAX_TIMER_MS)));
            expiries.add(timer);
          };
          arm();
          socket.once('close', () => {
            clearTimeout(timer);
            expiries.delete(timer);
          });
        }
        return true;
      },

      async onSubscribe(ctx, id, payload) {
        let document: DocumentNode;
        const tooDeep = nestingProblem(payload.query);
        if (tooDeep) return [new ApiError('QUERY_TOO_COMPLEX', tooDeep, { limitExceeded: true })];
        try {
          document = parse(payload.query, { maxTokens: MAX_TOKENS });
        } catch (e) {
          return [coded(e instanceof GraphQLError ? e : new GraphQLError(String(e)), 'GRAPHQL_PARSE_FAILED')];
        }
        const errors = validate(opts.schema, document, rules);
        if (errors.length) return errors.map((e) => coded(e, 'GRAPHQL_VALIDATION_FAILED'));
        const requestId = randomUUID();
        let caller: Caller;
        try {
          // A cadre's scope as it stands when the operation starts (pairings and teams change).
          caller = await resolveCadre(opts.database.db, ctx.extra.caller!);
        } catch (e) {
          if (e instanceof ApiError) return [e];
          throw e;
        }
        const running = (ctx.extra.running ??= new Set());
        if (running.size >= MAX_PER_CONNECTION) return [new ApiError('RATE_LIMITED', `this connection already runs ${MAX_PER_CONNECTION} subscriptions, the most one may: end one (complete) before starting another`)];
        if ((perCaller.get(caller.id) ?? 0) >= MAX_PER_CALLER) return [new ApiError('RATE_LIMITED', `your token already runs ${MAX_PER_CALLER} subscriptions on this server, the most one may: end some, or share one subscription in your app`)];
        running.add(id);
        perCaller.set(caller.id, (perCaller.get(caller.id) ?? 0) + 1);
        const contextValue = createContext({
          requestId,
          caller,
          database: opts.database,
          log: log.child({ requestId, ws: id }),
          changes: opts.changes,
        });
        return { schema: opts.schema, document, operationName: payload.operationName, variableValues: payload.variables, contextValue };
      },

      // Also after an abrupt close (graphql-ws completes every running operation): the operation's places are free again.
      onComplete(ctx, id) {
        if (ctx.extra.running?.delete(id)) release(ctx.extra.caller!.id);
      },

      // Parse and validation errors (from onSubscribe), and errors thrown by a stream after it started.
      onError: (_ctx, _id, _payload, errors) => formatted(errors),

      // Results, including a subscription refused before it started; errors without a path are about the variables.
      onNext: (_ctx, _id, _payload, _args, result) =>
        result.errors ? { ...result, errors: formatted(result.errors.map((e) => (e.path ? e : coded(e, 'BAD_USER_INPUT')))) } : undefined,
    },
    wss,
  );

  return {
    async stop() {
      for (const t of expiries) clearTimeout(t);
      expiries.clear();
      // Closes every socket (1001 Going away), ending their subscriptions; a client that does
      // not answer the close handshake is cut off rather than waited for (ws would wait 30 s).
      const cutOff = setTimeout(() => {
        for (const socket of wss.clients) socket.terminate();
      }, 2_000);
      await server.dispose();
      clearTimeout(cutOff);
    },
  };
}
