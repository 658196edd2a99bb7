/** The SSRF guard of webhook delivery. */
import { describe, expect, it } from 'vitest';
import { isInternalAddress, refusedTarget } from './target.js';

describe('isInternalAddress', () => {
  it('knows loopback, private, link-local, CGNAT and multicast addresses', () => {
    for (const ip of ['127.0.0.1', '10.1.2.3', '172.16.0.1', '172.31.255.255', '192.168.1.1', '169.254.169.254', '100.64.0.1', '0.0.0.0', '224.0.0.1', '::1', 'fd00::1', 'fe80::1', '::ffff:127.0.0.1']) {
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
});
