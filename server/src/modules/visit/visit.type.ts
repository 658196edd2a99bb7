/** GraphQL types of the assistance log 帮扶日志: a cadre's visit to a household. */
import { Connection } from '../../graphql/connection.js';
import { Field, ID, InputType, ObjectType } from 'type-graphql';
import { GraphQLLocalDate } from 'graphql-scalars';
import { Node } from '../node/node.type.js';

@ObjectType({ implements: Node, description: 'A visit 走访 in the assistance log 帮扶日志: a cadre at a household on a day, what was done and what was found.' })
export class Visit {
  @Field(() => ID, { description: 'Opaque global ID.' }) id!: string;
  @Field(() => GraphQLLocalDate, { description: 'Day of the visit (YYYY-MM-DD).' }) visitedOn!: string;
  @Field(() => String, { description: 'What was done 帮扶内容 (policy explained, help given, plan discussed…).' }) activities!: string;
  @Field(() => String, { description: 'What was found 发现问题 (the household’s situation, problems, needs).' }) findings!: string;
  @Field(() => String, { description: 'Who recorded it (token subject): the cadre, or an official on their behalf.' }) createdBy!: string;
  @Field(() => Date, { description: 'When it was recorded.' }) createdAt!: Date;
  /** Internal keys. */
  householdId!: string;
  cadreId!: string;
}

@InputType({ description: 'A visit to record.' })
export class RecordVisitInput {
  @Field(() => ID, { description: 'Global ID of the household visited.' }) householdId!: string;
  @Field(() => ID, { nullable: true, description: 'Global ID of the cadre who visited: required for an official or admin recording on their behalf; a cadre records their own visits and may omit it.' }) cadreId?: string;
  @Field(() => GraphQLLocalDate, { description: 'Day of the visit, not in the future.' }) visitedOn!: string;
  @Field(() => String, { description: 'What was done, 1–2,000 characters.' }) activities!: string;
  @Field(() => String, { description: 'What was found, 1–2,000 characters.' }) findings!: string;
}

/** A page of visits, newest first. */
export const VisitConnection = Connection(Visit, 'Visit', 'visit');
