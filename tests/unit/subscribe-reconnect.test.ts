/**
 * The SDK's `subscribeChanges()` against a small graphql-ws server of its own (the
 * `changes` subscription over an in-memory feed of five events): when the connection
 * drops mid-stream it reconnects and subscribes again from the cursor of the last
 * event it yielded, so every event comes once, in order; a 4401 close is thrown as
 * UnauthenticatedError, without retrying.
 */
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildSchema } from 'graphql';
import { WebSocketServer } from 'ws';
import { useServer } from 'graphql-ws/use/ws';
import { subscribeChanges, UnauthenticatedError, type FollowedEvent } from '@jingzhun/sdk';

const schema = buildSchema(`
  scalar JSON
  input ChangeFilterInput { types: [String!], areaCode: String }
  type ChangeEvent { id: ID!, sequence: String!, type: String!, entityType: String!, entityId: ID!, areaCode: String!, at: String!, payload: JSON! }
  type ChangeEventEdge { cursor: String!, node: ChangeEvent! }
  type Query { ok: Boolean }
  type Subscription { changes(after: String, filter: ChangeFilterInput): ChangeEventEdge! }
`);
const FEED = [1, 2, 3, 4, 5].map((n) => ({
  cursor: `c${n}`,
  node: { id: `e${n}`, sequence: String(n), type: 'household.registered', entityType: 'Household', entityId: `h${n}`, areaCode: '433124110226', at: new Date(0).toISOString(), payload: {} },
}));

/** Each subscription's `after`, in order. */
const subscribedAfter: (string | null)[] = [];
let connections = 0;
let server: Server;
let url: string;

beforeAll(async () => {
  schema.getSubscriptionType()!.getFields().changes.subscribe = async function* (_root, args: { after?: string | null }) {
    subscribedAfter.push(args.after ?? null);
    const from = FEED.findIndex((e) => e.cursor === args.after) + 1;
    for (const edge of FEED.slice(from)) {
      await new Promise((r) => setTimeout(r, 10));
      yield { changes: edge };
    }
    await new Promise(() => undefined); // then wait for more, like the real feed
  };
  server = createServer();
  const wss = new WebSocketServer({ server, path: '/graphql' });
  useServer(
    {
      schema,
      onConnect: (ctx) => {
        if (ctx.connectionParams?.authorization !== 'Bearer good') {
          ctx.extra.socket.close(4401, 'UNAUTHENTICATED: the token is not valid');
          return false;
        }
        connections += 1;
        return true;
      },
      // The first connection drops (no close handshake) after its second event.
      onNext: (ctx, _id, _payload, _args, result) => {
        if (connections === 1 && (result.data as { changes: { cursor: string } }).changes.cursor === 'c2') setTimeout(() => ctx.extra.socket.terminate(), 5);
      },
    },
    wss,
  );
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
  url = `ws://127.0.0.1:${(server.address() as AddressInfo).port}/graphql`;
});
afterAll(() => new Promise<void>((r) => server.close(() => r())));

const noEnd = async (): Promise<string> => {
  throw new Error('not asked: every test passes `after`');
};

describe('subscribeChanges', () => {
  it('resumes from the last cursor it yielded after the connection drops', async () => {
    const stop = new AbortController();
    const events: FollowedEvent[] = [];
    for await (const e of subscribeChanges({ url, token: 'good', feedEnd: noEnd }, { after: 'c0', retryIntervalMs: 20, signal: stop.signal })) {
      events.push(e);
      if (events.length === 5) stop.abort();
    }
    expect(events.map((e) => e.cursor)).toEqual(['c1', 'c2', 'c3', 'c4', 'c5']);
    expect(connections).toBe(2);
    expect(subscribedAfter).toEqual(['c0', 'c2']);
  });

  it('throws UnauthenticatedError on a 4401 close, without retrying', async () => {
    const before = subscribedAfter.length;
    const it = subscribeChanges({ url, token: 'bad', feedEnd: noEnd }, { after: 'c0', retryIntervalMs: 20 });
    const err = await it.next().catch((e) => e);
    expect(err).toBeInstanceOf(UnauthenticatedError);
    expect(err.message).toBe('the token is not valid');
    expect(subscribedAfter.length).toBe(before);
  });
});
