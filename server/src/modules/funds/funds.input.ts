/** Inputs of funds 扶贫资金 (issue 14): one per mutation, plus the allocation filter. */
import { Field, Float, ID, InputType, Int } from 'type-graphql';
import { GraphQLLocalDate } from 'graphql-scalars';
import { FundFindingKind, FundSource } from '../../codes/assessment.codes.js';

@InputType({ description: 'Funds allocated 资金下达 to an area for a year from one source.' })
export class AllocateFundsInput {
  @Field(() => String, { description: 'The county, township or village receiving it (6, 9 or 12 digits), inside your area.' }) areaCode!: string;
  @Field(() => Int, { description: 'The budget year 资金年度.' }) year!: number;
  @Field(() => FundSource.values, { description: 'Source 资金来源.' }) source!: string;
  @Field(() => String, { description: 'The allocating document or purpose 文号/用途, e.g. "湘财农指〔2019〕12号".' }) title!: string;
  @Field(() => Float, { description: 'Amount allocated, yuan (to the fen), more than 0.' }) amount!: number;
}

@InputType({ description: 'A spending 资金支出 against an allocation: for exactly one of a measure, a sector project or a registered household.' })
export class RecordSpendingInput {
  @Field(() => ID, { description: 'The allocation it is paid from.' }) allocationId!: string;
  @Field(() => ID, { nullable: true, description: 'The measure 帮扶措施 it pays for (its household or village, inside the allocation’s area).' }) measureId?: string | null;
  @Field(() => ID, { nullable: true, description: 'The sector project 项目 it pays for (registered inside the allocation’s area).' }) projectId?: string | null;
  @Field(() => ID, { nullable: true, description: 'The registered household 建档立卡户 paid directly (e.g. a subsidy); never a candidate or a removed household.' }) householdId?: string | null;
  @Field(() => Float, { description: 'Amount spent, yuan (to the fen): never more than what remains of the allocation.' }) amount!: number;
  @Field(() => GraphQLLocalDate, { description: 'Paid on: not in the future, not before the allocation’s year.' }) spentOn!: string;
  @Field(() => String, { description: 'What it paid for, in a few words 用途.' }) purpose!: string;
}

@InputType({ description: 'A problem found in a county’s use of funds 资金问题 (by an inspection or an audit).' })
export class RecordFundFindingInput {
  @Field(() => String, { description: '6-digit county code.' }) countyCode!: string;
  @Field(() => Int, { description: 'The budget year of the funds concerned.' }) year!: number;
  @Field(() => FundFindingKind.values, { description: 'Kind of problem.' }) kind!: string;
  @Field(() => Float, { description: 'Yuan involved 涉及金额, 0 or more.' }) amount!: number;
  @Field(() => String, { description: 'What was found, in words (naming no person).' }) description!: string;
}

@InputType({ description: 'Which allocations to list.' })
export class FundAllocationFilter {
  @Field(() => String, { description: 'Area code prefix: allocations to it and the areas below.' }) areaCode!: string;
  @Field(() => Int, { nullable: true, description: 'Only this budget year.' }) year?: number | null;
  @Field(() => FundSource.values, { nullable: true, description: 'Only this source.' }) source?: string | null;
}
