/** GraphQL type of a pairing 结对帮扶: a household's responsible person 帮扶责任人 over a period. */
import { Field, ID, ObjectType } from 'type-graphql';
import { GraphQLLocalDate } from 'graphql-scalars';
import { Node } from '../node/node.type.js';

@ObjectType({ implements: Node, description: 'A pairing 结对帮扶: a cadre as the responsible person 帮扶责任人 of a household, from a start date until reassigned.' })
export class Pairing {
  @Field(() => ID, { description: 'Opaque global ID.' }) id!: string;
  @Field(() => GraphQLLocalDate, { description: 'First day of the pairing (YYYY-MM-DD).' }) startedOn!: string;
  @Field(() => GraphQLLocalDate, { nullable: true, description: 'Day the pairing ended (the next one began); null while current.' }) endedOn!: string | null;
  @Field(() => Boolean, { description: 'Whether this is the current pairing of the household.' }) current!: boolean;
  @Field(() => String, { nullable: true, description: 'Why it began: for a reassignment, why the responsible person changed.' }) reason!: string | null;
  @Field(() => String, { description: 'Who recorded it (token subject).' }) createdBy!: string;
  @Field(() => Date, { description: 'When it was recorded.' }) createdAt!: Date;
  /** Internal keys. */
  householdId!: string;
  cadreId!: string;
}
