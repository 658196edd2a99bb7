/** GraphQL types of the register's history: status events and counts as of a date. */
import { GraphQLLocalDate } from 'graphql-scalars';
import { Field, ID, Int, ObjectType } from 'type-graphql';
import { PovertyStatus, RegisterStage, VillagePovertyStatus } from '../../codes/index.js';

@ObjectType({ description: "A change of a household's status 脱贫状态 or register stage: never edited, never deleted." })
export class HouseholdStatusEvent {
  @Field(() => ID, { description: 'Opaque ID of the event.' }) id!: string;
  @Field(() => PovertyStatus.values, { nullable: true, description: 'Status before; null for the event that entered the household in the register.' }) fromStatus!: string | null;
  @Field(() => PovertyStatus.values, { description: 'Status after.' }) toStatus!: string;
  @Field(() => RegisterStage.values, { nullable: true, description: 'Register stage before.' }) fromStage!: string | null;
  @Field(() => RegisterStage.values, { nullable: true, description: 'Register stage after.' }) toStage!: string | null;
  @Field(() => String, { description: 'Why: the step or decision that made the change.' }) reason!: string;
  @Field(() => GraphQLLocalDate, { description: 'The day the change took effect.' }) effectiveDate!: string;
  @Field(() => ID, { nullable: true, description: 'The case it came from (a Case ID); null for data entry.' }) caseId!: string | null;
  @Field(() => String, { description: 'Who made it (token subject).' }) actor!: string;
  @Field(() => Date, { description: 'When it was recorded.' }) recordedAt!: Date;
}

@ObjectType({ description: "A change of a village's poverty status 贫困村状态." })
export class VillageStatusEvent {
  @Field(() => ID, { description: 'Opaque ID of the event.' }) id!: string;
  @Field(() => VillagePovertyStatus.values, { nullable: true, description: 'Status before.' }) fromStatus!: string | null;
  @Field(() => VillagePovertyStatus.values, { description: 'Status after.' }) toStatus!: string;
  @Field(() => String, { description: 'Why: the step or decision that made the change.' }) reason!: string;
  @Field(() => GraphQLLocalDate, { description: 'The day the change took effect.' }) effectiveDate!: string;
  @Field(() => ID, { nullable: true, description: 'The case it came from (a Case ID).' }) caseId!: string | null;
  @Field(() => String, { description: 'Who made it (token subject).' }) actor!: string;
  @Field(() => Date, { description: 'When it was recorded.' }) recordedAt!: Date;
}

@ObjectType({ description: 'Households and people of one status and stage on the date.' })
export class StatusCount {
  @Field(() => PovertyStatus.values, { description: 'Poverty status on the date.' }) status!: string;
  @Field(() => RegisterStage.values, { description: 'Register stage on the date.' }) stage!: string;
  @Field(() => Int, { description: 'Households.' }) households!: number;
  @Field(() => Int, { description: "People (the households' member counts of today)." }) people!: number;
}

@ObjectType({ description: "An area's register as it stood on a date, from the status events." })
export class RegisterAsOf {
  @Field(() => String, { description: 'The area code prefix.' }) areaCode!: string;
  @Field(() => GraphQLLocalDate, { description: 'The date.' }) asOf!: string;
  @Field(() => [StatusCount], { description: 'Counts by status and stage; households not yet in the register on the date are not counted.' }) counts!: StatusCount[];
}
