/** GraphQL type of an audit record: who changed what, when, in which request. */
import { Field, ID, InputType, ObjectType } from 'type-graphql';
import { GraphQLJSON } from 'graphql-scalars';
import { Node } from '../node/node.type.js';

@ObjectType({ implements: Node, description: 'One accepted write: who made it, with which role, what changed (personal data redacted), in which request.' })
export class AuditEntry extends Node {
  @Field(() => ID, { description: 'Opaque global ID.' }) declare id: string;
  @Field(() => Date, { description: 'When the write was accepted.' }) at!: Date;
  @Field(() => String, { description: "The actor: the token's subject." }) actor!: string;
  @Field(() => String, { description: "The actor's role at the time." }) role!: string;
  @Field(() => String, { description: 'The operation, e.g. registerHousehold.' }) operation!: string;
  @Field(() => String, { description: 'Type of the entity written, e.g. Household.' }) entityType!: string;
  @Field(() => ID, { description: 'Global ID of the entity written.' }) entityId!: string;
  @Field(() => String, { description: 'Area code of the entity (its village for a household).' }) areaCode!: string;
  @Field(() => GraphQLJSON, { nullable: true, description: 'The entity before the write; personal data redacted.' }) before!: unknown;
  @Field(() => GraphQLJSON, { nullable: true, description: 'The entity after the write; personal data redacted.' }) after!: unknown;
  @Field(() => String, { description: 'Request ID (also in the server logs and the x-request-id response header).' }) requestId!: string;
}

@InputType({ description: 'Which audit records to list; always limited to your area.' })
export class AuditFilterInput {
  @Field(() => String, { nullable: true, description: 'Area code prefix.' }) areaCode?: string;
  @Field(() => ID, { nullable: true, description: 'Only records of this entity (global ID).' }) entityId?: string;
  @Field(() => String, { nullable: true, description: 'Only records of this operation, e.g. correctHousehold.' }) operation?: string;
}
