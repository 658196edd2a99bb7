/**
 * The DCI social-registry API under /dci/ (issue 17), beside /graphql: POST only, every
 * answer `application/json`. Order of checks: the method (405) and the body size (413); the
 * path (404 err.request.not_found); the bearer token (the GraphQL API's, or one from
 * /dci/oauth2/client/token — same verification, http/authenticate.ts) → 401 ERR
 * err.request.unauthorized; the content type (415 unless application/json); the JSON body and
 * the envelope against the spec (dci.envelope.ts) → 400 ERR err.request.bad (or the spec's more
 * precise code) saying what is wrong, and nothing changes; a sender_uri that the webhook SSRF
 * guard refuses → 400 err.sender_uri.invalid; the signature of a client with a registered key
 * → 401 err.signature.*; then the endpoint (modules/dci/dci.service.ts). A database that cannot
 * be reached is 503 err.service.unavailable with `retry-after` (db/unavailable.ts), as on /graphql.
 * The table of every refusal and its test is modules/dci/README.md.
 */
import type { IncomingMessage, ServerResponse } from 'node:http';
import type { Config } from '../config.js';
import type { Database } from '../db/client.js';
import type { Verifier } from '../auth/verify.js';
import { resolveCadre } from '../auth/cadre-scope.js';
import { ApiError } from '../graphql/errors.js';
import { createContext, type Context } from '../graphql/context.js';
import { MAX_BODY } from '../graphql/limits.js';
import { log } from '../lib/log.js';
import { isDatabaseUnavailable, RETRY_AFTER_S, unavailableMessage } from '../db/unavailable.js';
import { errAck } from '../modules/dci/dci.ack.js';
import { ENDPOINTS, readEnvelope, type EndpointPath } from '../modules/dci/dci.envelope.js';
import { audit, dciService, error, type Reply } from '../modules/dci/dci.service.js';
import { issueToken } from '../modules/dci/dci.token.js';
import { refusedTarget } from '../modules/webhook/target.js';
import { dciStore } from '../modules/dci/dci.store.js';
import { publicKeyFromRaw, REGISTRY_KID, signatureProblem, signEnvelope } from '../modules/dci/dci.signature.js';
import { REGISTRY_ID } from '../modules/dci/dci.ack.js';
import type { KeyObject } from 'node:crypto';
import { authenticate } from './authenticate.js';

export interface DciOptions { database: Database; verify: Verifier; jwt: Config['jwt']; allowPrivate: boolean; signingKey: KeyObject }

/** Sends a reply; an envelope with a header (a synchronous answer) is signed with the registry's key. */
function send(res: ServerResponse, r: Reply, key?: KeyObject) {
  const b = r.body as { header?: unknown; message?: unknown } | null;
  if (key && b?.header && b.message) r = { ...r, body: { signature: signEnvelope(key, REGISTRY_ID, REGISTRY_KID, b.header, b.message), ...b } };
  res.writeHead(r.status, { 'content-type': 'application/json; charset=utf-8', 'cache-control': 'no-store' });
  res.end(JSON.stringify(r.body));
}

/** A body this far over the limit is not read to its end: the connection is dropped. */
const DRAIN_LIMIT = 8 * MAX_BODY;

/** The body, or null when it is over MAX_BODY — read to its end all the same (up to DRAIN_LIMIT), so the 413 reaches the client. */
function readBody(req: IncomingMessage): Promise<string | null> {
  return new Promise((done, fail) => {
    let size = 0;
    const chunks: Buffer[] = [];
    req.on('data', (chunk: Buffer) => {
      size += chunk.length;
      if (size <= MAX_BODY) chunks.push(chunk);
      else if (size > DRAIN_LIMIT) req.destroy();
    });
    req.on('end', () => done(size > MAX_BODY ? null : Buffer.concat(chunks).toString('utf8')));
    req.on('close', () => done(null));
    req.on('error', fail);
  });
}

/** The token endpoint's body: x-www-form-urlencoded (the spec's) or JSON; HTTP Basic credentials are taken too. */
function tokenForm(req: IncomingMessage, text: string): Record<string, string | undefined> {
  const type = String(req.headers['content-type'] ?? '');
  let form: Record<string, string | undefined> = {};
  if (type.includes('application/json')) {
    try { form = JSON.parse(text) as Record<string, string>; } catch { form = {}; }
  } else form = Object.fromEntries(new URLSearchParams(text));
  const basic = /^Basic\s+(.+)$/i.exec(String(req.headers.authorization ?? ''));
  if (basic) {
    const [id, secret] = Buffer.from(basic[1]!, 'base64').toString('utf8').split(':');
    form.client_id ??= decodeURIComponent(id ?? '');
    form.client_secret ??= decodeURIComponent(secret ?? '');
  }
  return form;
}

export async function handleDci(req: IncomingMessage, res: ServerResponse, path: string, requestId: string, o: DciOptions): Promise<void> {
  try {
    await answer(req, res, path, requestId, o);
  } catch (err) {
    if (!isDatabaseUnavailable(err) || res.headersSent) throw err;
    log.warn({ requestId }, 'database unavailable');
    res.setHeader('retry-after', String(RETRY_AFTER_S));
    send(res, error(503, 'err.service.unavailable', unavailableMessage));
  }
}

async function answer(req: IncomingMessage, res: ServerResponse, path: string, requestId: string, o: DciOptions): Promise<void> {
  if (req.method !== 'POST') return send(res, error(405, 'err.request.bad', `${path} takes POST with a JSON envelope {"signature", "header", "message"}`));
  const text = await readBody(req);
  if (text === null) return send(res, error(413, 'err.request.bad', `the request body is over ${MAX_BODY} bytes`));
  if (path === '/oauth2/client/token') {
    if (!/application\/(x-www-form-urlencoded|json)/i.test(String(req.headers['content-type'] ?? ''))) {
      return send(res, { status: 400, body: { error: 'invalid_request', error_description: 'send the form as content-type: application/x-www-form-urlencoded (RFC 6749 §4.4.2)' } });
    }
    return send(res, await issueToken(o.database.db, o.jwt, tokenForm(req, text)));
  }
  if (!(path in ENDPOINTS)) return send(res, error(404, 'err.request.not_found', `no DCI endpoint ${path}: the registry serves ${Object.keys(ENDPOINTS).join(', ')} and /oauth2/client/token under /dci`));
  const endpoint = path as EndpointPath;
  let ctx: Context;
  try {
    const caller = await resolveCadre(o.database.db, await authenticate(o.verify, req.headers.authorization));
    ctx = createContext({ requestId, caller, database: o.database, log: log.child({ requestId }) });
  } catch (e) {
    if (e instanceof ApiError && e.extensions.code === 'UNAUTHENTICATED') {
      return send(res, { status: 401, body: errAck('err.request.unauthorized', (e as Error).message) });
    }
    throw e;
  }
  if (!/^application\/json\s*(;|$)/i.test(String(req.headers['content-type'] ?? ''))) {
    return rejected(res, ctx, endpoint, error(415, 'err.request.bad', `send the envelope as content-type: application/json, not ${String(req.headers['content-type'] ?? 'none').slice(0, 60)}`));
  }
  let body: unknown;
  try {
    body = text ? JSON.parse(text) : undefined;
  } catch {
    return rejected(res, ctx, endpoint, error(400, 'err.request.bad', 'the request body is not valid JSON: send {"signature": "…", "header": {…}, "message": {…}}'));
  }
  const env = readEnvelope<never>(endpoint, body);
  if (!env.ok) return rejected(res, ctx, endpoint, error(400, env.code, env.reason));
  if (env.header.sender_uri) {
    const refused = await refusedTarget(env.header.sender_uri, o.allowPrivate).catch(() => 'the sender_uri cannot be read');
    if (refused || !/^https?:$/.test(new URL(env.header.sender_uri).protocol)) return rejected(res, ctx, endpoint, error(400, 'err.sender_uri.invalid', `header.sender_uri is refused: ${refused ?? 'callbacks go over http(s)'}`));
  }
  // A client registered with a public key signs every message (modules/dci/dci.signature.ts).
  if (ctx.caller.id.startsWith('dci:')) {
    const client = await dciStore.client(o.database.db, ctx.caller.id.slice(4));
    const problem = client?.publicKey ? signatureProblem(publicKeyFromRaw(client.publicKey), env.signature, env.header, env.message) : undefined;
    if (problem) return rejected(res, ctx, endpoint, error(401, problem.code, problem.reason));
  }
  const m = env.message as never;
  const ep = ENDPOINTS[endpoint];
  const reply = ep.kind === 'search' ? await dciService.search(ctx, env.header, m, !ep.async)
    : ep.kind === 'txnStatus' ? await dciService.txnStatus(ctx, env.header, m, !ep.async)
      : ep.kind === 'subscribe' ? await dciService.subscribe(ctx, env.header, m)
        : await dciService.unsubscribe(ctx, env.header, m);
  send(res, reply, o.signingKey);
}

/** An authenticated request refused before it ran: audited, then answered. */
async function rejected(res: ServerResponse, ctx: Context, endpoint: string, reply: Reply) {
  const e = (reply.body as { message: { error?: { code: string; message: string } } }).message.error;
  await ctx.db.transaction((tx) => audit(tx, ctx, 'rejected', '', { endpoint, code: e?.code, reason: e?.message })).catch((err) => log.error({ err }, 'could not audit a refused DCI request'));
  send(res, reply);
}
