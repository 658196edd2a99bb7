/** The SSRF guard of webhook delivery. */
import { describe, expect, it } from 'vitest';
import { isInternalAddress, refusedTarget } from './target.js';

describe('isInternalAddress', () => {
  it('knows loopback, private, link-local, CGNAT and multicast addresses', () => {
    for (const ip of ['127.0.0.1', '10.1.2.3', '172.16.0.1', '172.31.255.255', '192.168.1.1', '169.254.169.254', '100.64.0.1', '0.0.0.0', '224.0.0.1', '::1', 'fd00::1', 'fe80::1', '::ffff:127.0.0.1', '::ffff:7f00:1', '::7f00:1', '::ffff:a00:1', '64:ff9b::7f00:1', '2002:7f00:1::', '2002:c0a8:101::1', 'fec0::1', '2001:db8::1', 'ff02::1', '::', 'not-an-ip']) {
      expect(isInternalAddress(ip), ip).toBe(true);
    }
  });

  it('lets public addresses through', () => {
    for (const ip of ['8.8.8.8', '172.32.0.1', '192.169.0.1', '100.128.0.1', '2001:4860:4860::8888', '::ffff:8.8.8.8']) {
      expect(isInternalAddress(ip), ip).toBe(false);
    }
  });
});

describe('refusedTarget', () => {
  it('refuses a loopback URL in production and allows it where private targets are allowed', async () => {
    expect(await refusedTarget('http://127.0.0.1:9000/hook', false)).toMatch(/internal address \(127\.0\.0\.1\)/);
    expect(await refusedTarget('http://[::1]:9000/hook', false)).toMatch(/internal address/);
    expect(await refusedTarget('http://localhost:9000/hook', false)).toMatch(/internal address/);
    expect(await refusedTarget('http://127.0.0.1:9000/hook', true)).toBeUndefined();
  });

  it('refuses every form of an internal address: IPv4-mapped IPv6 as the URL parser writes it, decimal and octal IPv4', async () => {
    for (const url of ['http://[::ffff:7f00:1]:9000/', 'http://[::ffff:127.0.0.1]/', 'http://2130706433/', 'http://0177.0.0.1/', 'http://0x7f.1/', 'http://[64:ff9b::a9fe:a9fe]/']) {
      expect(await refusedTarget(url, false, async () => []), url).toMatch(/internal address/);
    }
  });

  it('refuses a name that resolves inside, even when one of its addresses is public (the resolver is stubbed: nothing leaves the machine)', async () => {
    const dns = async (host: string) => ({ 'inside.example': ['10.0.0.7'], 'mixed.example': ['93.184.216.34', '::ffff:169.254.169.254'], 'public.example': ['93.184.216.34'] })[host] ?? [];
    expect(await refusedTarget('https://inside.example/hook', false, dns)).toMatch(/\(10\.0\.0\.7\)/);
    expect(await refusedTarget('https://mixed.example/hook', false, dns)).toMatch(/169\.254\.169\.254/);
    expect(await refusedTarget('https://nowhere.example/hook', false, dns)).toMatch(/does not resolve/);
    expect(await refusedTarget('https://public.example/hook', false, dns)).toBeUndefined();
  });
});
