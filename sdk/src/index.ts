/** @jingzhun/sdk: a typed client for the Jingzhun GraphQL API (./browser.ts is the same without webhook verification). */
export * from './browser.js';
export { verifyWebhook, WebhookVerificationError, type WebhookEvent, type MatchedNeedWebhook, type WebhookHeaders, type VerifyWebhookOptions } from './webhook.js';
