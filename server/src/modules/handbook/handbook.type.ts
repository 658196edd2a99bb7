/**
 * The household handbook 扶贫手册 (reference: identification procedure): one object with
 * its six parts — basics, causes, responsible person, plan, measures, results.
 */
import { Field, Float, Int, ObjectType } from 'type-graphql';
import { Cause } from '../../codes/index.js';
import { Household } from '../household/household.type.js';
import { AssistancePlan, Measure, ResponsiblePerson } from '../measure/measure.type.js';

@ObjectType({ description: 'Causes of poverty 致贫原因 as the handbook states them.' })
export class HandbookCauses {
  @Field(() => Cause.values, { description: 'Main cause 主要致贫原因.' }) main!: string;
  @Field(() => [Cause.values], { description: 'Other causes 其他致贫原因 (at most two).' }) others!: string[];
}

@ObjectType({ description: 'One year of results 帮扶成效: the income recorded for the year and its change from the year recorded before.' })
export class HandbookResult {
  @Field(() => Int, { description: 'Year.' }) year!: number;
  @Field(() => Int, { description: 'Members counted that year.' }) memberCount!: number;
  @Field(() => Float, { description: 'Net income 家庭纯收入, yuan.' }) netIncome!: number;
  @Field(() => Float, { description: 'Per-capita net income 人均纯收入, yuan.' }) perCapitaNetIncome!: number;
  @Field(() => Float, { nullable: true, description: 'Change of per-capita net income from the previous recorded year, yuan; null for the first.' }) perCapitaChange!: number | null;
  @Field(() => Int, { description: 'Measures of this plan year completed.' }) measuresCompleted!: number;
}

@ObjectType({ description: 'The household handbook 扶贫手册: its six parts in one object.' })
export class HouseholdHandbook {
  @Field(() => Household, { description: '1. Basics 基本情况: the household form (members, years and all its fields).' }) basics!: Household;
  @Field(() => HandbookCauses, { description: '2. Causes of poverty 致贫原因.' }) causes!: HandbookCauses;
  @Field(() => ResponsiblePerson, { nullable: true, description: '3. Responsible person 帮扶责任人: the cadre of the current pairing; null if none is paired yet.' }) responsiblePerson!: ResponsiblePerson | null;
  @Field(() => [AssistancePlan], { description: '4. Plans 帮扶计划, by year.' }) plans!: AssistancePlan[];
  @Field(() => [Measure], { description: '5. Measures 帮扶措施, by year and start date.' }) measures!: Measure[];
  @Field(() => [HandbookResult], { description: '6. Results 帮扶成效: income over the years.' }) results!: HandbookResult[];
}
