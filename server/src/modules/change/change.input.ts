/** Filters for the `changes` feed. */
import { Field, InputType } from 'type-graphql';

@InputType({ description: 'Which change events to read; all given conditions must hold. Always limited to your area.' })
export class ChangeFilterInput {
  @Field(() => [String], { nullable: true, description: 'Only events of these types, e.g. ["household.registered", "household.yearRecorded"].' })
  types?: string[];

  @Field(() => String, { nullable: true, description: 'Area code prefix, e.g. 433124 for the events of 花垣县.' })
  areaCode?: string;
}
