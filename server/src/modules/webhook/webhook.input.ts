/** Inputs of webhooks. */
import { Field, InputType } from 'type-graphql';

@InputType({ description: 'A new webhook endpoint. Events of your area are POSTed to it, signed with the secret; to a donor\'s, the needs published that match its interests (the bodies of the `matchingNeeds` subscription).' })
export class RegisterWebhookInput {
  @Field(() => String, { description: 'Where to POST: an absolute http:// or https:// URL.' }) url!: string;
  @Field(() => String, { description: 'Shared secret of the HMAC-SHA256 signatures, 16–200 characters; keep it: it is never shown again.' }) secret!: string;
  @Field(() => [String], { nullable: true, description: 'Event types to deliver, e.g. ["household.registered"]; all when left out or empty. A donor\'s endpoint takes only need.published.' }) eventTypes?: string[];
  @Field(() => String, { nullable: true, description: 'Only events of this area code prefix, inside your area; your whole area when left out. Not for donors: their areas are their interests.' }) areaCode?: string;
}
