/** GraphQL types of webhooks: an endpoint (never its secret) and its deliveries. */
import { Field, ID, Int, ObjectType, registerEnumType } from 'type-graphql';

export enum WebhookStatus {
  ACTIVE = 'active',
  PAUSED = 'paused',
}
registerEnumType(WebhookStatus, {
  name: 'WebhookStatus',
  description: 'Whether an endpoint receives deliveries.',
  valuesConfig: {
    ACTIVE: { description: 'Events are delivered.' },
    PAUSED: { description: 'Paused after failing deliveries in a row (see pausedReason): nothing is sent until resumeWebhook; events meanwhile are kept and sent then.' },
  },
});

export enum WebhookDeliveryStatus {
  PENDING = 'pending',
  DELIVERED = 'delivered',
  FAILED = 'failed',
}
registerEnumType(WebhookDeliveryStatus, {
  name: 'WebhookDeliveryStatus',
  description: 'Where one delivery stands.',
  valuesConfig: {
    PENDING: { description: 'Not yet answered with a 2xx: sent at nextAttemptAt (and retried with growing delays).' },
    DELIVERED: { description: 'The endpoint answered with a 2xx.' },
    FAILED: { description: 'Given up after the maximum number of attempts; redeliverWebhookDelivery queues it again.' },
  },
});

@ObjectType({
  description:
    'An endpoint that receives the change events of your area as signed HTTP POSTs (at least once: de-duplicate on the event id). '
    + 'Only the caller who registered it sees it; its secret is never shown again.',
})
export class WebhookEndpoint {
  @Field(() => ID, { description: 'Opaque global ID.' }) id!: string;
  @Field(() => String, { description: 'Where events are POSTed (http or https).' }) url!: string;
  @Field(() => [String], { description: 'Event types delivered, e.g. ["household.registered"]; empty for all.' }) eventTypes!: string[];
  @Field(() => [String], { description: 'Area code prefixes whose events are delivered ("" = the whole country): the areaCode given at registration, or else your token’s areas then.' }) areaCodes!: string[];
  @Field(() => WebhookStatus, { description: 'Active or paused.' }) status!: WebhookStatus;
  @Field(() => Int, { description: 'Failed deliveries in a row; reset by a successful one. At the limit the endpoint is paused.' }) consecutiveFailures!: number;
  @Field(() => String, { nullable: true, description: 'Why it was paused; null while active.' }) pausedReason!: string | null;
  @Field(() => Date, { nullable: true, description: 'When it was paused; null while active.' }) pausedAt!: Date | null;
  @Field(() => Date, { description: 'When it was registered: events from then on are delivered.' }) createdAt!: Date;
}

@ObjectType({ description: 'One change event sent (or to be sent) to one endpoint: its attempts and their outcome.' })
export class WebhookDelivery {
  @Field(() => ID, { description: 'Opaque global ID; pass it to redeliverWebhookDelivery.' }) id!: string;
  @Field(() => ID, { description: 'Global ID of the endpoint.' }) endpointId!: string;
  @Field(() => ID, { description: 'Global ID of the change event (the `id` in the POSTed body).' }) eventId!: string;
  @Field(() => String, { description: 'The event number: the x-jingzhun-event-id header and `sequence` in the body.' }) sequence!: string;
  @Field(() => String, { description: 'The event type, e.g. household.registered.' }) eventType!: string;
  @Field(() => WebhookDeliveryStatus, { description: 'Pending, delivered or failed.' }) status!: WebhookDeliveryStatus;
  @Field(() => Int, { description: 'POSTs made since it was queued (or queued again).' }) attempts!: number;
  @Field(() => Date, { nullable: true, description: 'When it is sent next; null once delivered or failed.' }) nextAttemptAt!: Date | null;
  @Field(() => Int, { nullable: true, description: 'HTTP status of the last answer; null before any, or when the last attempt got none (see lastError).' }) lastStatusCode!: number | null;
  @Field(() => String, { nullable: true, description: 'What went wrong with the last attempt (HTTP status and the start of the answer, a timeout, a refused connection); null after a success.' }) lastError!: string | null;
  @Field(() => Date, { nullable: true, description: 'When the endpoint accepted it (2xx); null until then.' }) deliveredAt!: Date | null;
  @Field(() => Date, { description: 'When the event was queued for this endpoint.' }) createdAt!: Date;
}
