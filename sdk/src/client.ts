/**
 * The Jingzhun client: `createClient({ url, token })` returns one typed method per
 * query and mutation of schema/operations (e.g. `households`, `registerHousehold`), the
 * generic `request(document, variables)`, `paginate`, `follow` (the change feed by
 * polling over HTTP) and `subscribeChanges` (the change feed pushed over WebSocket).
 * Errors are thrown as the classes of ./errors.ts; data comes back typed, never as
 * untyped JSON.
 */
import * as documents from './generated/operations.js';
import type { TypedDocumentString } from './generated/operations.js';
import { NetworkError, toError, type GraphQLErrorBody } from './errors.js';
import { paginate } from './paginate.js';
import { follow, type FollowedEvent, type FollowOptions } from './follow.js';
import { subscribeChanges, subscribeMatchingNeeds, webSocketUrl, type MatchedNeed, type SubscribeChangesOptions, type SubscribeMatchingNeedsOptions } from './subscribe.js';

export interface ClientOptions {
  /** The GraphQL endpoint, e.g. http://127.0.0.1:4000/graphql. */
  url: string;
  /** A bearer token (JWT); `pnpm jingzhun token` prints a development one. */
  token?: string;
  /** Extra headers on every request. */
  headers?: Record<string, string>;
  /** A fetch implementation (defaults to the global fetch of Node 18+ and browsers). */
  fetch?: typeof fetch;
  /** The WebSocket URL for subscriptions (default: `url` with ws:// or wss://). */
  webSocketUrl?: string;
  /** A WebSocket constructor for subscriptions (default: the global WebSocket, or the `ws` package on Node). */
  webSocketImpl?: unknown;
}

/** What a request reports besides its data (e.g. `sqlStatements` when the server exposes query stats). */
export interface ResponseInfo {
  extensions?: Record<string, unknown>;
  requestId?: string;
}

type Docs = typeof documents;
/** Subscription documents (name them here when adding one): no HTTP method for them; see `subscribeChanges`. */
type SubscriptionName = 'ChangeEvents' | 'MatchingNeeds';
type OperationName = Exclude<{ [K in keyof Docs]: K extends `${infer N}Document` ? N : never }[keyof Docs], SubscriptionName>;
/** Variables are optional when the operation has none or none is required. */
type Method<D> = D extends TypedDocumentString<infer R, infer V>
  ? {} extends V
    ? (variables?: V) => Promise<R>
    : (variables: V) => Promise<R>
  : never;
/** One typed method per operation: `households`, `registerHousehold`, … */
export type Operations = { [N in OperationName as Uncapitalize<N>]: Method<Docs[`${N}Document`]> };

export interface Client extends Operations {
  /** Runs any typed document; resolves to its data or throws the error class of its code. */
  request<R, V>(document: TypedDocumentString<R, V>, variables?: V, info?: ResponseInfo): Promise<R>;
  /** Iterates over every node of a connection; see ./paginate.ts. */
  paginate: typeof paginate;
  /** Follows the change feed from a cursor, resuming after disconnects; see ./follow.ts. */
  follow(options?: FollowOptions): AsyncGenerator<FollowedEvent, void, undefined>;
  /** The change feed pushed over WebSocket, resuming from its cursor after disconnects; see ./subscribe.ts. */
  subscribeChanges(options?: SubscribeChangesOptions): AsyncGenerator<FollowedEvent, void, undefined>;
  /** For a donor token: newly published needs that match its interests, pushed over WebSocket, resuming from its cursor; see ./subscribe.ts. */
  subscribeMatchingNeeds(options?: SubscribeMatchingNeedsOptions): AsyncGenerator<MatchedNeed, void, undefined>;
}

export function createClient(options: ClientOptions): Client {
  const doFetch = options.fetch ?? fetch;

  async function request<R, V>(document: TypedDocumentString<R, V>, variables?: V, info?: ResponseInfo): Promise<R> {
    let response: Response;
    try {
      response = await doFetch(options.url, {
        method: 'POST',
        headers: {
          'content-type': 'application/json',
          accept: 'application/graphql-response+json, application/json',
          ...(options.token ? { authorization: `Bearer ${options.token}` } : {}),
          ...options.headers,
        },
        body: JSON.stringify({ query: document.toString(), variables: variables ?? {} }),
      });
    } catch (e) {
      throw new NetworkError({ message: `could not reach ${options.url}: ${(e as Error).message}`, extensions: { code: 'NETWORK_ERROR' } }, []);
    }
    const requestId = response.headers.get('x-request-id') ?? undefined;
    let body: { data?: R | null; errors?: GraphQLErrorBody[]; extensions?: Record<string, unknown> };
    try {
      body = await response.json();
    } catch {
      throw new NetworkError({ message: `${options.url} answered HTTP ${response.status} without a GraphQL body`, extensions: { code: 'NETWORK_ERROR' } }, [], requestId);
    }
    if (info) Object.assign(info, { extensions: body.extensions, requestId });
    if (body.errors?.length) throw toError(body.errors, requestId);
    if (body.data == null) throw new NetworkError({ message: `HTTP ${response.status} with neither data nor errors`, extensions: { code: 'NETWORK_ERROR' } }, [], requestId);
    return body.data;
  }

  const methods: Record<string, unknown> = {};
  for (const [exported, doc] of Object.entries(documents)) {
    if (!exported.endsWith('Document') || /^\s*subscription\b/.test(String(doc))) continue;
    const name = exported[0].toLowerCase() + exported.slice(1, -'Document'.length);
    methods[name] = (variables?: unknown) => request(doc as TypedDocumentString<unknown, unknown>, variables);
  }
  const operations = methods as Operations;
  const socket = {
    url: options.webSocketUrl ?? webSocketUrl(options.url),
    token: options.token,
    webSocketImpl: options.webSocketImpl,
    feedEnd: async () => (await operations.changeFeedEnd()).changeFeedEnd,
  };
  return {
    ...operations,
    request,
    paginate,
    follow: (opts?: FollowOptions) => follow(operations, opts),
    subscribeChanges: (opts?: SubscribeChangesOptions) => subscribeChanges(socket, opts),
    subscribeMatchingNeeds: (opts?: SubscribeMatchingNeedsOptions) => subscribeMatchingNeeds(socket, opts),
  };
}
