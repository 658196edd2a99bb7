/** The signature scheme, with a worked example a receiver in any language can check against. */
import { describe, expect, it } from 'vitest';
import { sign, signedHeaders } from './sign.js';

/** Worked example (also in tests/unit/webhook-verify.test.ts; `openssl dgst -sha256 -hmac` gives the same). */
const EXAMPLE = {
  secret: 'whsec_test_0123456789abcdef',
  timestamp: 1_700_000_000,
  body: '{"id":"Q2hhbmdlRXZlbnQ6NDI","sequence":"42","type":"household.registered"}',
  signature: '37a08ded3fc26b126ffce7311ea4ae21928490d382c864cbd06a7e65a2601700',
};

describe('sign', () => {
  it('is hex HMAC-SHA256 of "<timestamp>.<body>" (worked example)', () => {
    expect(sign(EXAMPLE.secret, EXAMPLE.timestamp, EXAMPLE.body)).toBe(EXAMPLE.signature);
  });

  it('changes with the body, the timestamp and the secret', () => {
    const s = sign(EXAMPLE.secret, EXAMPLE.timestamp, EXAMPLE.body);
    expect(sign(EXAMPLE.secret, EXAMPLE.timestamp, EXAMPLE.body.replace('42', '43'))).not.toBe(s);
    expect(sign(EXAMPLE.secret, EXAMPLE.timestamp + 1, EXAMPLE.body)).not.toBe(s);
    expect(sign(`${EXAMPLE.secret}x`, EXAMPLE.timestamp, EXAMPLE.body)).not.toBe(s);
  });

  it('puts the event id, the timestamp in seconds and the v1 signature in the headers', () => {
    const h = signedHeaders(EXAMPLE.secret, EXAMPLE.body, '42', EXAMPLE.timestamp * 1000 + 999);
    expect(h).toMatchObject({
      'content-type': 'application/json',
      'x-jingzhun-event-id': '42',
      'x-jingzhun-timestamp': '1700000000',
      'x-jingzhun-signature': `v1=${EXAMPLE.signature}`,
    });
  });
});
