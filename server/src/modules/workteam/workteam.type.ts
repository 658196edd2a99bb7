/** GraphQL types of village work teams 驻村工作队: one term of a team, and its members with their roles. */
import { Field, ID, InputType, ObjectType } from 'type-graphql';
import { GraphQLLocalDate } from 'graphql-scalars';
import { WorkTeamRole } from '../../codes/index.js';
import { Node } from '../node/node.type.js';

@ObjectType({ implements: Node, description: 'One term of a village work team 驻村工作队: sent by a unit, led by a first secretary 第一书记, until the next team takes over (rotation 轮换).' })
export class WorkTeam {
  @Field(() => ID, { description: 'Opaque global ID.' }) id!: string;
  @Field(() => String, { description: 'Code of the village the team is stationed in.' }) villageCode!: string;
  @Field(() => GraphQLLocalDate, { description: 'First day of the term (YYYY-MM-DD).' }) startedOn!: string;
  @Field(() => GraphQLLocalDate, { nullable: true, description: 'Planned end of the term 任期, if set.' }) endsOn!: string | null;
  @Field(() => GraphQLLocalDate, { nullable: true, description: 'Day the term ended (the next team took over); null while current.' }) endedOn!: string | null;
  @Field(() => Boolean, { description: 'Whether this is the village’s current team.' }) current!: boolean;
  @Field(() => String, { description: 'Who sent it (token subject).' }) createdBy!: string;
  @Field(() => Date, { description: 'When it was recorded.' }) createdAt!: Date;
  /** Internal keys. */
  key!: string;
  unitId!: string;
}

@ObjectType({ description: 'A cadre on a work team, with their role.' })
export class WorkTeamMember {
  @Field(() => WorkTeamRole.values, { description: 'Role in the team.' }) role!: string;
  /** Internal key of the cadre. */
  cadreId!: string;
}

@InputType({ description: 'A cadre on the team and their role.' })
export class WorkTeamMemberInput {
  @Field(() => ID, { description: 'Global ID of the cadre.' }) cadreId!: string;
  @Field(() => WorkTeamRole.values, { description: 'Role in the team: exactly one FIRST_SECRETARY per team.' }) role!: string;
}

@InputType({ description: 'A new term of a village work team; it ends the village’s current team (rotation).' })
export class SendWorkTeamInput {
  @Field(() => String, { description: 'Code of the village (12 digits), inside your area.' }) villageCode!: string;
  @Field(() => ID, { description: 'Global ID of the sending unit 派出单位.' }) unitId!: string;
  @Field(() => GraphQLLocalDate, { description: 'First day of the term (YYYY-MM-DD), not in the future; after the current team’s start.' }) startedOn!: string;
  @Field(() => GraphQLLocalDate, { nullable: true, description: 'Planned end of the term, after startedOn.' }) endsOn?: string;
  @Field(() => [WorkTeamMemberInput], { description: 'The members, 1–30, with exactly one first secretary.' }) members!: WorkTeamMemberInput[];
}
