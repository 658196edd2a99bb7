/** GraphQL types of the data-quality report (consistency rule 11 warnings). */
import { Field, Int, ObjectType } from 'type-graphql';

@ObjectType({ description: 'Warnings of one consistency rule in an area.' })
export class RuleCount {
  @Field(() => String, { description: 'Rule identifier, e.g. R11.' }) rule!: string;
  @Field(() => Int, { description: 'Warnings stored.' }) warnings!: number;
  @Field(() => Int, { description: 'Households with at least one.' }) households!: number;
}

@ObjectType({ description: "An area's data quality: the consistency warnings stored with its households at their latest write." })
export class DataQualityReport {
  @Field(() => String, { description: 'The area (code prefix) looked at.' }) areaCode!: string;
  @Field(() => [RuleCount], { description: 'Counts by rule.' }) byRule!: RuleCount[];
}
