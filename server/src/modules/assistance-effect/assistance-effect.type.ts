/** GraphQL types of "does it work": assistance results by cause and measure kind. */
import { Field, Float, Int, ObjectType } from 'type-graphql';
import { Cause, MeasureKind } from '../../codes/index.js';

@ObjectType({ description: 'Households of one main cause helped by one kind of measure (or by any, when kind is null) in the year, and what became of them.' })
export class AssistanceEffectRow {
  @Field(() => Cause.values, { description: 'Main cause of poverty of the households.' }) cause!: string;
  @Field(() => MeasureKind.values, { nullable: true, description: 'Kind of measure; null for the row of all kinds together (each household once).' }) kind!: string | null;
  @Field(() => Int, { description: 'Registered households with a measure of the year (not cancelled).' }) householdsAssisted!: number;
  @Field(() => Int, { description: 'Of them, households that exited poverty that year (status 1 or 4, exit year = the year).' }) exits!: number;
  @Field(() => Int, { description: 'Of them, households with income recorded both for the year before and for the year.' }) householdsWithIncome!: number;
  @Field(() => Float, { nullable: true, description: 'Average per-capita net income the year before, yuan.' }) perCapitaBefore!: number | null;
  @Field(() => Float, { nullable: true, description: 'Average per-capita net income in the year, yuan.' }) perCapitaAfter!: number | null;
  @Field(() => Float, { nullable: true, description: 'Average change of per-capita net income, yuan (households with both years).' }) perCapitaChange!: number | null;
}

@ObjectType({ description: 'Does it work: for an area and year, which measures move which causes.' })
export class AssistanceEffect {
  @Field(() => String, { description: 'The area (code prefix).' }) areaCode!: string;
  @Field(() => Int, { description: 'The plan year of the measures; income is compared with the year before.' }) year!: number;
  @Field(() => [AssistanceEffectRow], { description: 'By main cause, then kind (the all-kinds row of each cause first).' }) rows!: AssistanceEffectRow[];
}
