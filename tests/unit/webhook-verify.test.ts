/**
 * The SDK's `verifyWebhook`: accepts a genuine delivery (worked example, the same as
 * the server's sign.test.ts) given as a string, bytes, a header record or fetch
 * Headers; refuses a changed body, a wrong secret, an old or future timestamp,
 * missing headers and a mismatched event id — each with WebhookVerificationError.
 */
import { describe, expect, it } from 'vitest';
import { verifyWebhook, WebhookVerificationError } from '@jingzhun/sdk';

const secret = 'whsec_test_0123456789abcdef';
const timestamp = 1_700_000_000;
const body = '{"id":"Q2hhbmdlRXZlbnQ6NDI","sequence":"42","type":"household.registered"}';
const signature = '37a08ded3fc26b126ffce7311ea4ae21928490d382c864cbd06a7e65a2601700';
const headers = { 'x-jingzhun-timestamp': String(timestamp), 'x-jingzhun-signature': `v1=${signature}`, 'x-jingzhun-event-id': '42' };
const now = timestamp * 1000 + 10_000;

function refusal(fn: () => unknown): Error {
  try {
    fn();
  } catch (e) {
    return e as Error;
  }
  throw new Error('expected verifyWebhook to refuse');
}

describe('verifyWebhook', () => {
  it('returns the event of the worked example', () => {
    expect(verifyWebhook(secret, headers, body, { now })).toEqual({ id: 'Q2hhbmdlRXZlbnQ6NDI', sequence: '42', type: 'household.registered' });
  });

  it('takes the body as bytes and the headers in any case or as fetch Headers', () => {
    const upper = Object.fromEntries(Object.entries(headers).map(([k, v]) => [k.toUpperCase(), v]));
    expect(verifyWebhook(secret, upper, Buffer.from(body), { now }).sequence).toBe('42');
    expect(verifyWebhook(secret, new Headers(headers), new TextEncoder().encode(body), { now }).sequence).toBe('42');
  });

  it('accepts one matching signature among several (a rotated secret)', () => {
    const several = { ...headers, 'x-jingzhun-signature': `v1=${'0'.repeat(64)}, v1=${signature}` };
    expect(verifyWebhook(secret, several, body, { now }).type).toBe('household.registered');
  });

  it('refuses a changed body, a wrong secret and a malformed signature', () => {
    for (const e of [
      refusal(() => verifyWebhook(secret, headers, body.replace('42"', '43"'), { now })),
      refusal(() => verifyWebhook(`${secret}!`, headers, body, { now })),
      refusal(() => verifyWebhook(secret, { ...headers, 'x-jingzhun-signature': 'v1=abc' }, body, { now })),
      refusal(() => verifyWebhook(secret, { ...headers, 'x-jingzhun-signature': signature }, body, { now })),
    ]) {
      expect(e).toBeInstanceOf(WebhookVerificationError);
      expect(e.message).toMatch(/signature does not match/);
    }
  });

  it('refuses a timestamp outside the tolerance, either way, and accepts a wider tolerance', () => {
    const late = refusal(() => verifyWebhook(secret, headers, body, { now: now + 300_000 }));
    expect(late).toBeInstanceOf(WebhookVerificationError);
    expect(late.message).toMatch(/more than the 300 s/);
    expect(refusal(() => verifyWebhook(secret, headers, body, { now: timestamp * 1000 - 301_000 }))).toBeInstanceOf(WebhookVerificationError);
    expect(verifyWebhook(secret, headers, body, { now: now + 300_000, toleranceSeconds: 600 }).sequence).toBe('42');
    expect(refusal(() => verifyWebhook(secret, { ...headers, 'x-jingzhun-timestamp': '17e8' }, body, { now })).message).toMatch(/unix seconds/);
  });

  it('refuses missing headers and an event id that is not the body’s', () => {
    expect(refusal(() => verifyWebhook(secret, { 'x-jingzhun-timestamp': String(timestamp) }, body, { now })).message).toMatch(/missing/);
    expect(refusal(() => verifyWebhook(secret, { ...headers, 'x-jingzhun-event-id': '41' }, body, { now })).message).toMatch(/event-id/);
  });
});
