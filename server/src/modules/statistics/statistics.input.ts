/** Input of the statistics query (issue 10). */
import { GraphQLLocalDate } from 'graphql-scalars';
import { Field, InputType, Int } from 'type-graphql';
import { StatisticsDimension, type Dimension } from './statistics.dimensions.js';

@InputType({ description: 'Which statistics: an area, a year and the groupings to combine.' })
export class StatisticsInput {
  @Field(() => String, { description: 'The area’s statistical code (2, 4, 6, 9 or 12 digits), inside your area, e.g. 433124.' }) areaCode!: string;
  @Field(() => Int, { nullable: true, description: 'The year, 2014 to this year (default this year). This year is as of now; a past year is as of its 31 December.' }) year?: number | null;
  @Field(() => GraphQLLocalDate, { nullable: true, description: 'A date instead of a year (2014-01-01 to today): the register as it stood at the end of that day, and the flows of its year up to it. Groupings as for a past year.' }) asOf?: string | null;
  @Field(() => [StatisticsDimension], { nullable: true, description: 'Groupings to combine (default none: the area’s totals).' }) groupBy?: Dimension[] | null;
  @Field(() => [Int], { nullable: true, description: 'Upper edges of the income bands, yuan, ascending multiples of 100 (default 1000, 2000, 3000, 4000, 5000, 6000, 8000, 10000, 15000).' }) incomeBandEdges?: number[] | null;
}

@InputType({ description: 'A rural population 农村人口 for an area and year: a denominator of poverty incidence where no village survey gives one.' })
export class SetRuralPopulationInput {
  @Field(() => String, { description: 'The area’s statistical code, inside your area.' }) areaCode!: string;
  @Field(() => Int, { description: 'The year the figure is for (2014 onward).' }) year!: number;
  @Field(() => Int, { description: 'Rural population, people (at least 1).' }) population!: number;
}
