/** Webhook queries and mutations. Thin: arguments in, one service call out. */
import { Arg, Ctx, ID, Mutation, Query, Resolver } from 'type-graphql';
import { After, First } from '../../graphql/args.js';
import { Connection } from '../../graphql/connection.js';
import type { Context } from '../../graphql/context.js';
import { RegisterWebhookInput } from './webhook.input.js';
import { webhookService } from './webhook.service.js';
import { WebhookDelivery, WebhookDeliveryStatus, WebhookEndpoint } from './webhook.type.js';

const WebhookEndpointConnection = Connection(WebhookEndpoint, 'WebhookEndpoint', 'webhook endpoint');
const WebhookDeliveryConnection = Connection(WebhookDelivery, 'WebhookDelivery', 'webhook delivery record');

@Resolver()
export class WebhookResolver {
  @Query(() => WebhookEndpointConnection, { description: 'Your webhook endpoints (those your token’s subject registered). Admins, officials and ministries.' })
  webhooks(@Ctx() ctx: Context, @First() first?: number, @After() after?: string) {
    return webhookService.endpoints(ctx, { first: first ?? undefined, after: after ?? undefined });
  }

  @Query(() => WebhookDeliveryConnection, { description: 'The deliveries of one of your endpoints, newest event first: status, attempts, last answer or error.' })
  webhookDeliveries(
    @Ctx() ctx: Context,
    @Arg('endpointId', () => ID, { description: 'Global ID of your endpoint.' }) endpointId: string,
    @Arg('status', () => WebhookDeliveryStatus, { nullable: true, description: 'Only deliveries in this state.' }) status?: WebhookDeliveryStatus,
    @First() first?: number,
    @After() after?: string,
  ) {
    return webhookService.deliveries(ctx, endpointId, { status: status ?? undefined, first: first ?? undefined, after: after ?? undefined });
  }

  @Mutation(() => WebhookEndpoint, {
    description:
      'Registers an endpoint: from now on every change event of your area (or of areaCode) of the given types is POSTed to url as JSON, '
      + 'signed with the secret (x-jingzhun-signature: v1=<hex HMAC-SHA256(secret, timestamp + "." + body)>; the SDK’s verifyWebhook checks it). '
      + 'A non-2xx answer is retried with growing delays; an endpoint that keeps failing is paused.',
  })
  registerWebhook(@Arg('input', () => RegisterWebhookInput, { description: 'The endpoint.' }) input: RegisterWebhookInput, @Ctx() ctx: Context) {
    return webhookService.register(ctx, input);
  }

  @Mutation(() => WebhookEndpoint, { description: 'Resumes a paused endpoint: its pending deliveries are sent again at once, then the events since it was paused.' })
  resumeWebhook(@Arg('id', () => ID, { description: 'Global ID of your endpoint.' }) id: string, @Ctx() ctx: Context) {
    return webhookService.resume(ctx, id);
  }

  @Mutation(() => ID, { description: 'Deletes one of your endpoints and its delivery log; nothing more is sent to it. Returns its ID.' })
  deleteWebhook(@Arg('id', () => ID, { description: 'Global ID of your endpoint.' }) id: string, @Ctx() ctx: Context) {
    return webhookService.delete(ctx, id);
  }

  @Mutation(() => WebhookDelivery, { description: 'Sends a delivered or failed delivery again (same event, same event id), e.g. after your receiver lost it.' })
  redeliverWebhookDelivery(@Arg('id', () => ID, { description: 'Global ID of the delivery.' }) id: string, @Ctx() ctx: Context) {
    return webhookService.redeliver(ctx, id);
  }
}
