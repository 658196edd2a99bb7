/** GraphQL types of spot-check sampling 抽检核查 (issue 14). */
import { Field, Float, ID, Int, ObjectType } from 'type-graphql';
import { SamplePurpose } from '../../codes/assessment.codes.js';
import { Connection } from '../../graphql/connection.js';

@ObjectType({ description: 'A household of a sample, for the inspectors to visit.' })
export class SampleHousehold {
  @Field(() => Int, { description: 'Its place in the list, from 1.' }) ordinal!: number;
  @Field(() => ID, { description: 'Global ID of the household.' }) householdId!: string;
  @Field(() => String, { description: 'Household number 户编号.' }) number!: string;
  @Field(() => String, { description: 'Village code.' }) villageCode!: string;
  @Field(() => SamplePurpose.values, { description: 'Why it was drawn.' }) purpose!: string;
}

export const SampleHouseholdConnection = Connection(SampleHousehold, 'SampleHousehold', 'sampled household');

@ObjectType({ description: 'Households drawn for one purpose.' })
export class SamplePurposeCount {
  @Field(() => SamplePurpose.values, { description: 'The purpose.' }) purpose!: string;
  @Field(() => Int, { description: 'Households.' }) households!: number;
}

@ObjectType({ description: 'The plan a sample was drawn with.' })
export class SamplePlan {
  @Field(() => String, { description: 'The area the frame was drawn from: the county, or one of its townships or villages.' }) withinAreaCode!: string;
  @Field(() => Int, { description: 'Villages checked whole.' }) wholeVillages!: number;
  @Field(() => Float, { description: 'Percent of the other households of each other village.' }) otherPercent!: number;
  @Field(() => Int, { description: 'At most this many of them per village.' }) otherCapPerVillage!: number;
  @Field(() => Int, { description: 'Satisfaction villages.' }) satisfactionVillages!: number;
  @Field(() => Int, { description: 'Households per satisfaction village.' }) satisfactionPerVillage!: number;
  @Field(() => String, { description: 'The split, e.g. "5:3:2" (with labour : non-registered : without labour).' }) ratio!: string;
}

@ObjectType({ description: 'A spot-check sample 抽检样本 of a county and year: the list the inspectors visit; their findings are recorded with recordSpotCheck.' })
export class SpotCheckSample {
  @Field(() => ID, { description: 'Opaque global ID.' }) id!: string;
  @Field(() => String, { description: '6-digit county code.' }) countyCode!: string;
  @Field(() => Int, { description: 'Year checked.' }) year!: number;
  @Field(() => Int, { description: 'Seed it was drawn with.' }) seed!: number;
  @Field(() => SamplePlan, { description: 'The plan.' }) plan!: SamplePlan;
  @Field(() => [String], { description: 'Villages drawn to be checked whole.' }) wholeVillageCodes!: string[];
  @Field(() => [String], { description: 'Villages drawn for the satisfaction survey.' }) satisfactionVillageCodes!: string[];
  @Field(() => Int, { description: 'Non-registered households to find on site in each satisfaction village (the 3 of 5:3:2).' }) nonRegisteredPerVillage!: number;
  @Field(() => [SamplePurposeCount], { description: 'Households drawn, by purpose.' }) counts!: SamplePurposeCount[];
  @Field(() => Int, { description: 'Households in the list.' }) total!: number;
  @Field(() => String, { description: 'Who drew it.' }) createdBy!: string;
  @Field(() => Date, { description: 'When it was drawn.' }) createdAt!: Date;
  key!: string;
}
