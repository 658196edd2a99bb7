/**
 * A webhook receiver for tests: an HTTP server on 127.0.0.1 (port chosen by the OS)
 * that records every POST — raw body, headers, time — and answers with `status`,
 * which a test changes to make the receiver fail or recover. `waitFor` polls a
 * condition (deliveries arrive asynchronously).
 */
import { createServer, type IncomingHttpHeaders } from 'node:http';
import type { AddressInfo } from 'node:net';

export interface Received {
  at: number;
  headers: IncomingHttpHeaders;
  /** The body exactly as received, for verifyWebhook. */
  body: string;
  /** The parsed body. */
  event: { id: string; sequence: string; type: string; entityType: string; entityId: string; areaCode: string; at: string; payload: unknown };
  /** What this receiver answered. */
  answered: number;
}

export interface Receiver {
  url: string;
  got: Received[];
  /** The HTTP status answered from now on. */
  status: number;
  close(): Promise<void>;
}

export async function startReceiver(status = 200): Promise<Receiver> {
  const got: Received[] = [];
  const server = createServer(async (req, res) => {
    let body = '';
    for await (const chunk of req) body += chunk;
    const answered = receiver.status;
    got.push({ at: Date.now(), headers: req.headers, body, event: JSON.parse(body), answered });
    res.writeHead(answered, { 'content-type': 'text/plain' }).end(answered < 300 ? 'ok' : 'receiver is failing on purpose');
  });
  await new Promise<void>((ok) => server.listen(0, '127.0.0.1', ok));
  const receiver: Receiver = {
    url: `http://127.0.0.1:${(server.address() as AddressInfo).port}/jingzhun`,
    got,
    status,
    close: () => new Promise<void>((ok) => {
      server.closeAllConnections();
      server.close(() => ok());
    }),
  };
  return receiver;
}

type Truthy<T> = Exclude<T, false | 0 | '' | null | undefined>;

/** Polls `ok` every 50 ms until it returns a truthy value, which it returns; fails after `ms`. */
export async function waitFor<T>(what: string, ok: () => Promise<T> | T, ms = 20_000): Promise<Truthy<T>> {
  const end = Date.now() + ms;
  for (;;) {
    const value = await ok();
    if (value) return value as Truthy<T>;
    if (Date.now() > end) throw new Error(`timed out after ${ms} ms waiting for ${what}`);
    await new Promise((r) => setTimeout(r, 50));
  }
}
