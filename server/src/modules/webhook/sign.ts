/**
 * Webhook signatures. A delivery carries
 *   x-jingzhun-timestamp: <unix seconds>
 *   x-jingzhun-signature: v1=<hex HMAC-SHA256(secret, `${timestamp}.${body}`)>
 * over the exact bytes of the body, so a receiver that checks the signature and the
 * timestamp's age (the SDK's `verifyWebhook`) knows the POST came from the registry,
 * unchanged, and recently. `v1` names the scheme, so another can be added beside it.
 */
import { createHmac } from 'node:crypto';

export const SIGNATURE_HEADER = 'x-jingzhun-signature';
export const TIMESTAMP_HEADER = 'x-jingzhun-timestamp';
export const EVENT_ID_HEADER = 'x-jingzhun-event-id';

/** Hex HMAC-SHA256 of `${timestamp}.${body}` with the endpoint's secret. */
export function sign(secret: string, timestamp: number, body: string): string {
  return createHmac('sha256', secret).update(`${timestamp}.${body}`).digest('hex');
}

/** The headers of one signed POST. */
export function signedHeaders(secret: string, body: string, sequence: string, now = Date.now()): Record<string, string> {
  const timestamp = Math.floor(now / 1000);
  return {
    'content-type': 'application/json',
    'user-agent': 'jingzhun-webhooks/1',
    [EVENT_ID_HEADER]: sequence,
    [TIMESTAMP_HEADER]: String(timestamp),
    [SIGNATURE_HEADER]: `v1=${sign(secret, timestamp, body)}`,
  };
}
