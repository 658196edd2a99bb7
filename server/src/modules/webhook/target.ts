/**
 * Where a webhook may be delivered. In production a POST never goes to loopback,
 * private, link-local or otherwise internal addresses (SSRF): the host is resolved
 * at delivery time, so a name that later points inside is refused too. Outside
 * production (and with WEBHOOK_ALLOW_PRIVATE=true) any address is allowed.
 */
import { lookup } from 'node:dns/promises';
import { isIP } from 'node:net';

const V4_INTERNAL: [number, number][] = [
  [0x00000000, 8], [0x0a000000, 8], [0x64400000, 10], [0x7f000000, 8], [0xa9fe0000, 16],
  [0xac100000, 12], [0xc0000000, 24], [0xc0a80000, 16], [0xc6120000, 15], [0xe0000000, 4], [0xf0000000, 4],
];

/** Whether an IP address is loopback, private, link-local, CGNAT, multicast or reserved. */
export function isInternalAddress(ip: string): boolean {
  const mapped = ip.toLowerCase().match(/^::ffff:(\d+\.\d+\.\d+\.\d+)$/);
  if (mapped) return isInternalAddress(mapped[1]);
  if (isIP(ip) === 4) {
    const n = ip.split('.').reduce((a, o) => (a << 8) + Number(o), 0) >>> 0;
    return V4_INTERNAL.some(([net, bits]) => (n >>> (32 - bits)) === (net >>> (32 - bits)));
  }
  const v6 = ip.toLowerCase();
  return v6 === '::' || v6 === '::1' || /^f[cd]/.test(v6) || /^fe[89ab]/.test(v6) || v6.startsWith('ff');
}

/** Undefined when the URL may be delivered to; otherwise why not. */
export async function refusedTarget(url: string, allowPrivate: boolean): Promise<string | undefined> {
  if (allowPrivate) return undefined;
  const host = new URL(url).hostname.replace(/^\[|\]$/g, '');
  const addresses = isIP(host) ? [host] : (await lookup(host, { all: true }).catch(() => [])).map((a) => a.address);
  if (addresses.length === 0) return `the host ${host} does not resolve`;
  const internal = addresses.find(isInternalAddress);
  return internal ? `refused: ${host} resolves to an internal address (${internal}); webhooks go to public addresses only` : undefined;
}
