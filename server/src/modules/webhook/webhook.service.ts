/**
 * Webhooks (issue 5 item 6), the API side: admins, officials and ministries register
 * endpoints for the change events of their area; a registered donor, one for the needs
 * published that match its interests (issue 11; modules/donation/donation.webhook.ts,
 * national, type need.published only). Each sees, resumes, deletes and
 * redeliver their own — only their own: another caller's endpoint or delivery is
 * NOT_FOUND, like one that does not exist. Every write is validated and audited in
 * its transaction (the audit record never holds the secret). Webhook writes append
 * no change event: an endpoint is its owner's private configuration, not registry
 * data, and announcing it on the area's feed would show others its URL.
 * Delivery itself is dispatcher.ts.
 */
import { randomUUID } from 'node:crypto';
import { requireWebhookUser } from '../../auth/require.js';
import type { Tx } from '../../db/client.js';
import { decodeCursor, pageSize, toPage } from '../../graphql/connection.js';
import type { Context } from '../../graphql/context.js';
import { ApiError, badInput, conflict, notFound } from '../../graphql/errors.js';
import { keyOf, toGlobalId, UUID } from '../../graphql/ids.js';
import { recordBatchWrite } from '../audit/audit.service.js';
import type { RegisterWebhookInput } from './webhook.input.js';
import { webhookStore, type DeliveryStatus, type DeliveryView, type EndpointRow } from './webhook.store.js';
import { WebhookDeliveryStatus, WebhookStatus } from './webhook.type.js';
import { DONOR_EVENT_TYPES, registrationProblems } from './webhook.validate.js';
import { requireDonor } from '../donation/donor.service.js';
import { webhookAllowPrivate } from '../../config.js';
import { refusedTarget } from './target.js';
import { keyring } from '../../lib/keyring.js';

/** Endpoints one caller may hold. */
export const MAX_ENDPOINTS = 20;

export const toEndpoint = (r: EndpointRow) => ({
  __typename: 'WebhookEndpoint' as const,
  id: toGlobalId('WebhookEndpoint', r.id),
  url: r.url,
  eventTypes: r.eventTypes,
  areaCodes: r.areaCodes,
  status: r.status as WebhookStatus,
  consecutiveFailures: r.consecutiveFailures,
  pausedReason: r.pausedReason,
  pausedAt: r.pausedAt,
  createdAt: r.createdAt,
});

export const toDelivery = (r: DeliveryView) => ({
  __typename: 'WebhookDelivery' as const,
  id: toGlobalId('WebhookDelivery', r.id),
  endpointId: toGlobalId('WebhookEndpoint', r.endpointId),
  eventId: toGlobalId('ChangeEvent', String(r.eventId)),
  sequence: String(r.eventId),
  eventType: r.eventType,
  status: r.status as WebhookDeliveryStatus,
  attempts: r.attempts,
  nextAttemptAt: r.nextAttemptAt,
  lastStatusCode: r.lastStatusCode,
  lastError: r.lastError,
  deliveredAt: r.deliveredAt,
  createdAt: r.createdAt,
});

/** What the audit trail keeps of an endpoint: everything but the secret. */
const audited = (r: EndpointRow | undefined) => {
  if (!r) return null;
  const { secret: _secret, ...rest } = r;
  return rest;
};

const invalidTransition = (message: string) => new ApiError('INVALID_TRANSITION', message);

function audit(tx: Tx, ctx: Context, operation: string, entityType: 'WebhookEndpoint' | 'WebhookDelivery', key: string, areaCode: string, before: unknown, after: unknown) {
  return recordBatchWrite(tx, ctx, { operation, entityType, entityId: toGlobalId(entityType, key), areaCode, before, after }, []);
}

export const webhookService = {
  async register(ctx: Context, input: RegisterWebhookInput) {
    requireWebhookUser(ctx.caller);
    const problems = registrationProblems(ctx.caller, input);
    if (problems.length) throw badInput(problems);
    // SSRF guard at registration too (and again at each delivery: a name may later point inside).
    const refused = await refusedTarget(input.url, webhookAllowPrivate());
    if (refused) throw badInput([{ field: 'input.url', reason: refused }]);
    const donor = ctx.caller.role === 'donor';
    if (donor) await requireDonor(ctx, 'register a webhook');
    if ((await webhookStore.endpointCount(ctx.db, ctx.caller.id)) >= MAX_ENDPOINTS) {
      throw conflict(`you have ${MAX_ENDPOINTS} webhook endpoints, the most one caller may hold: delete one first`);
    }
    return ctx.db.transaction(async (tx) => {
      const [row] = await webhookStore.insertEndpoint(tx, {
        id: randomUUID(), owner: ctx.caller.id, role: ctx.caller.role, sector: ctx.caller.sector ?? null,
        areaCodes: donor ? [''] : input.areaCode !== undefined ? [input.areaCode] : ctx.caller.areas,
        url: input.url, secret: keyring().seal(input.secret), eventTypes: donor ? DONOR_EVENT_TYPES : [...new Set(input.eventTypes ?? [])],
      });
      await audit(tx, ctx, 'registerWebhook', 'WebhookEndpoint', row.id, row.areaCodes[0], null, audited(row));
      return toEndpoint(row);
    });
  },

  async resume(ctx: Context, id: string) {
    requireWebhookUser(ctx.caller);
    const key = keyOf('WebhookEndpoint', id);
    return ctx.db.transaction(async (tx) => {
      const before = await webhookStore.lockEndpoint(tx, ctx.caller.id, key);
      if (!before) throw notFound(`webhook endpoint ${id}`);
      if (before.status !== WebhookStatus.PAUSED) throw invalidTransition('this endpoint is active: only a paused one can be resumed');
      const row = await webhookStore.resume(tx, key);
      await audit(tx, ctx, 'resumeWebhook', 'WebhookEndpoint', key, row.areaCodes[0], audited(before), audited(row));
      return toEndpoint(row);
    });
  },

  async delete(ctx: Context, id: string) {
    requireWebhookUser(ctx.caller);
    const key = keyOf('WebhookEndpoint', id);
    return ctx.db.transaction(async (tx) => {
      const before = await webhookStore.lockEndpoint(tx, ctx.caller.id, key);
      if (!before) throw notFound(`webhook endpoint ${id}`);
      await webhookStore.deleteEndpoint(tx, key);
      await audit(tx, ctx, 'deleteWebhook', 'WebhookEndpoint', key, before.areaCodes[0], audited(before), null);
      return id;
    });
  },

  async redeliver(ctx: Context, id: string) {
    requireWebhookUser(ctx.caller);
    const key = keyOf('WebhookDelivery', id);
    return ctx.db.transaction(async (tx) => {
      const found = await webhookStore.lockDelivery(tx, ctx.caller.id, key);
      if (!found) throw notFound(`webhook delivery ${id}`);
      const { delivery: before, endpoint } = found;
      if (endpoint.status === WebhookStatus.PAUSED) throw invalidTransition('its endpoint is paused: resume it with resumeWebhook, which sends its pending deliveries again');
      if (before.status === WebhookDeliveryStatus.PENDING) throw invalidTransition('it is still pending: it is sent at nextAttemptAt');
      const after = await webhookStore.requeue(tx, key);
      await audit(tx, ctx, 'redeliverWebhookDelivery', 'WebhookDelivery', key, endpoint.areaCodes[0], before, after);
      return toDelivery((await webhookStore.deliveryView(tx, key))!);
    });
  },

  async endpoints(ctx: Context, o: { first?: number; after?: string }) {
    requireWebhookUser(ctx.caller);
    const size = pageSize(o.first);
    const after = decodeCursor(o.after, UUID);
    const rows = await webhookStore.endpointPage(ctx.db, ctx.caller.id, after, size + 1);
    return toPage(rows, size, (r) => r.id, toEndpoint, () => webhookStore.endpointCount(ctx.db, ctx.caller.id), after);
  },

  async deliveries(ctx: Context, endpointId: string, o: { status?: WebhookDeliveryStatus; first?: number; after?: string }) {
    requireWebhookUser(ctx.caller);
    const key = keyOf('WebhookEndpoint', endpointId, 'endpointId');
    const size = pageSize(o.first);
    const cursor = decodeCursor(o.after, /^[1-9]\d{0,15}$/);
    if (!(await webhookStore.endpointOf(ctx.db, ctx.caller.id, key))) throw notFound(`webhook endpoint ${endpointId}`);
    const status = o.status as DeliveryStatus | undefined;
    const rows = await webhookStore.deliveryPage(ctx.db, key, status, cursor === undefined ? undefined : Number(cursor), size + 1);
    return toPage(rows, size, (r) => String(r.eventId), toDelivery, () => webhookStore.deliveryCount(ctx.db, key, status), cursor);
  },
};
