/**
 * Where a webhook may be delivered (SSRF guard, issue 13). In production a POST never
 * goes to loopback, private, link-local, CGNAT, multicast, documentation or otherwise
 * internal addresses, in whatever form the address is written: IPv4-mapped and
 * IPv4-compatible IPv6 (`[::ffff:7f00:1]`), NAT64 (64:ff9b::/96) and 6to4 (2002::/16)
 * carry an IPv4 address that is checked as such; decimal and octal IPv4 forms are
 * normalised by the URL parser first. A host name is resolved, and refused if any of its
 * addresses is internal — at registration and again at delivery time, so a name that
 * later points inside is refused too. Outside production (and with
 * WEBHOOK_ALLOW_PRIVATE=true) any address is allowed.
 */
import { lookup } from 'node:dns/promises';
import { isIP } from 'node:net';

const V4_INTERNAL: [number, number][] = [
  [0x00000000, 8], [0x0a000000, 8], [0x64400000, 10], [0x7f000000, 8], [0xa9fe0000, 16], [0xac100000, 12], [0xc0000000, 24],
  [0xc0000200, 24], [0xc0a80000, 16], [0xc6120000, 15], [0xc6336400, 24], [0xcb007100, 24], [0xe0000000, 4], [0xf0000000, 4],
];

function v4Internal(n: number): boolean {
  return V4_INTERNAL.some(([net, bits]) => (n >>> (32 - bits)) === (net >>> (32 - bits)));
}

/** The eight 16-bit groups of an IPv6 address (a trailing dotted IPv4 part included), or null. */
function groups(ip: string): number[] | null {
  let s = ip.toLowerCase().replace(/%.*$/, '');
  const dotted = s.match(/(\d+\.\d+\.\d+\.\d+)$/);
  if (dotted) {
    const o = dotted[1].split('.').map(Number);
    s = `${s.slice(0, -dotted[1].length)}${((o[0] << 8) | o[1]).toString(16)}:${((o[2] << 8) | o[3]).toString(16)}`;
  }
  const [head, tail] = s.split('::');
  const part = (x: string | undefined) => (x ? x.split(':').map((h) => parseInt(h, 16)) : []);
  const a = part(head);
  const b = part(tail);
  const out = tail === undefined ? a : [...a, ...Array(8 - a.length - b.length).fill(0), ...b];
  return out.length === 8 && out.every((g) => Number.isInteger(g) && g >= 0 && g <= 0xffff) ? out : null;
}

/** Whether an IP address (v4 or v6, in any of the forms above) is internal. */
export function isInternalAddress(ip: string): boolean {
  if (isIP(ip) === 4) return v4Internal(ip.split('.').reduce((a, o) => (a << 8) + Number(o), 0) >>> 0);
  const g = groups(ip);
  if (!g) return true; // not an address we can read: refuse rather than guess
  const v4 = (hi: number, lo: number) => v4Internal(((hi << 16) | lo) >>> 0);
  const zero = (from: number, to: number) => g.slice(from, to).every((x) => x === 0);
  if (zero(0, 5) && (g[5] === 0xffff || g[5] === 0)) return zero(0, 8) || (g[5] === 0 && zero(0, 7) && g[7] === 1) || v4(g[6], g[7]); // ::, ::1, mapped, compatible
  if (g[0] === 0x64 && g[1] === 0xff9b && zero(2, 6)) return v4(g[6], g[7]); // NAT64
  if (g[0] === 0x2002) return v4(g[1], g[2]); // 6to4
  if (g[0] === 0x2001 && g[1] === 0x0db8) return true; // documentation
  if (g[0] === 0x0100 && zero(1, 4)) return true; // discard
  return (g[0] & 0xfe00) === 0xfc00 || (g[0] & 0xffc0) === 0xfe80 || (g[0] & 0xffc0) === 0xfec0 || (g[0] & 0xff00) === 0xff00;
}

/** Undefined when the URL may be delivered to; otherwise why not. `resolve` is the DNS lookup (a test passes its own). */
export async function refusedTarget(url: string, allowPrivate: boolean, resolve: (host: string) => Promise<string[]> = resolveAll): Promise<string | undefined> {
  if (allowPrivate) return undefined;
  const host = new URL(url).hostname.replace(/^\[|\]$/g, '');
  const addresses = isIP(host) ? [host] : await resolve(host).catch(() => []);
  if (addresses.length === 0) return `the host ${host} does not resolve`;
  const internal = addresses.find(isInternalAddress);
  return internal ? `refused: ${host} resolves to an internal address (${internal}); webhooks go to public addresses only` : undefined;
}

const resolveAll = async (host: string) => (await lookup(host, { all: true })).map((a) => a.address);
