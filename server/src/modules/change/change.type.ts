/** GraphQL type of a change event: one accepted write, as the change feed tells it. */
import { Field, ID, ObjectType } from 'type-graphql';
import { GraphQLJSON } from 'graphql-scalars';
import { Node } from '../node/node.type.js';

@ObjectType({
  implements: Node,
  description: 'One accepted write in the registry (outbox event): what changed, where and when, without personal data. Read them in order with `changes`.',
})
export class ChangeEvent extends Node {
  @Field(() => ID, { description: 'Opaque global ID.' }) declare id: string;
  @Field(() => String, {
    description: 'The event number (a 64-bit integer as a string): unique, so a receiver can de-duplicate on it. Not the feed order: events come in the order of their transactions, so numbers may appear out of numeric order.',
  })
  sequence!: string;
  @Field(() => String, { description: 'What happened, as `entity.event`, e.g. household.registered or household.yearRecorded.' }) type!: string;
  @Field(() => String, { description: 'Type of the entity written, e.g. Household.' }) entityType!: string;
  @Field(() => ID, { description: 'Global ID of the entity written: pass it to node(id:) for its current state.' }) entityId!: string;
  @Field(() => String, { description: 'Area code of the entity (its village for a household).' }) areaCode!: string;
  @Field(() => Date, { description: 'When the write was accepted.' }) at!: Date;
  @Field(() => GraphQLJSON, { description: 'What was written: `operation` and the entity `after` the write, with names, ID numbers, phones and bank data redacted.' }) payload!: unknown;
}
