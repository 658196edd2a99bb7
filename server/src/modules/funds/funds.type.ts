/** GraphQL types of funds 扶贫资金 (issue 14): allocations, spendings, findings, disbursement and household totals. Amounts are yuan. */
import { Field, Float, ID, Int, ObjectType } from 'type-graphql';
import { GraphQLLocalDate } from 'graphql-scalars';
import { FundFindingKind, FundSource } from '../../codes/assessment.codes.js';
import { Connection } from '../../graphql/connection.js';

@ObjectType({ description: 'A spending 资金支出 against an allocation.' })
export class FundSpending {
  @Field(() => ID, { description: 'Opaque global ID.' }) id!: string;
  @Field(() => ID, { description: 'Global ID of the allocation it is paid from.' }) allocationId!: string;
  @Field(() => String, { description: 'Where the money went: the household’s or measure’s village, or the project’s area.' }) areaCode!: string;
  @Field(() => Int, { description: 'Budget year (the allocation’s).' }) year!: number;
  @Field(() => FundSource.values, { description: 'Source (the allocation’s).' }) source!: string;
  @Field(() => ID, { nullable: true, description: 'Global ID of the measure it paid for.' }) measureId!: string | null;
  @Field(() => ID, { nullable: true, description: 'Global ID of the sector project it paid for.' }) projectId!: string | null;
  @Field(() => ID, { nullable: true, description: 'Global ID of the household it reached (directly or through the household’s measure).' }) householdId!: string | null;
  @Field(() => Float, { description: 'Amount, yuan.' }) amount!: number;
  @Field(() => GraphQLLocalDate, { description: 'Paid on.' }) spentOn!: string;
  @Field(() => String, { description: 'What it paid for 用途.' }) purpose!: string;
  @Field(() => String, { description: 'Who recorded it (token subject).' }) createdBy!: string;
  @Field(() => Date, { description: 'When it was recorded.' }) createdAt!: Date;
}

@ObjectType({ description: 'An allocation 资金下达: money of one source for an area and year, and how much of it is spent.' })
export class FundAllocation {
  @Field(() => ID, { description: 'Opaque global ID.' }) id!: string;
  @Field(() => String, { description: 'The area receiving it (6, 9 or 12 digits).' }) areaCode!: string;
  @Field(() => Int, { description: 'Budget year 资金年度.' }) year!: number;
  @Field(() => FundSource.values, { description: 'Source 资金来源.' }) source!: string;
  @Field(() => String, { description: 'Allocating document or purpose 文号/用途.' }) title!: string;
  @Field(() => Float, { description: 'Allocated, yuan.' }) amount!: number;
  @Field(() => Float, { description: 'Spent against it, yuan.' }) spent!: number;
  @Field(() => Float, { description: 'Still to spend, yuan.' }) remaining!: number;
  @Field(() => Float, { description: 'Disbursement rate 资金支出进度 = spent ÷ allocated, a fraction.' }) disbursementRate!: number;
  @Field(() => String, { description: 'Who recorded it (token subject).' }) createdBy!: string;
  @Field(() => Date, { description: 'When it was recorded.' }) createdAt!: Date;
  key!: string;
}

export const FundAllocationConnection = Connection(FundAllocation, 'FundAllocation', 'allocation');

@ObjectType({ description: 'A finding 资金问题 in a county’s use of funds.' })
export class FundFinding {
  @Field(() => ID, { description: 'Opaque global ID.' }) id!: string;
  @Field(() => String, { description: '6-digit county code.' }) countyCode!: string;
  @Field(() => Int, { description: 'Budget year concerned.' }) year!: number;
  @Field(() => FundFindingKind.values, { description: 'Kind of problem.' }) kind!: string;
  @Field(() => Float, { description: 'Yuan involved.' }) amount!: number;
  @Field(() => String, { description: 'What was found.' }) description!: string;
  @Field(() => String, { description: 'Who recorded it.' }) recordedBy!: string;
  @Field(() => Date, { description: 'When it was recorded.' }) recordedAt!: Date;
}

@ObjectType({ description: 'Allocated and spent yuan with the disbursement rate 资金支出进度.' })
export class Disbursement {
  @Field(() => Float, { description: 'Allocated, yuan.' }) allocated!: number;
  @Field(() => Float, { description: 'Spent, yuan.' }) spent!: number;
  @Field(() => Float, { nullable: true, description: 'Spent ÷ allocated, a fraction; null with nothing allocated.' }) rate!: number | null;
}

@ObjectType({ description: 'Disbursement of one source.' })
export class SourceDisbursement extends Disbursement {
  @Field(() => FundSource.values, { description: 'Source 资金来源.' }) source!: string;
}

@ObjectType({ description: 'Disbursement of a child area (allocations to it and below).' })
export class AreaDisbursement extends Disbursement {
  @Field(() => String, { description: 'The child area’s code.' }) areaCode!: string;
  @Field(() => String, { nullable: true, description: 'Its name.' }) name!: string | null;
}

@ObjectType({ description: 'Disbursement 资金支出进度 of an area for a year: in all, by source, and by child area.' })
export class FundDisbursement extends Disbursement {
  @Field(() => String, { description: 'The area.' }) areaCode!: string;
  @Field(() => Int, { description: 'Budget year.' }) year!: number;
  @Field(() => [SourceDisbursement], { description: 'By source, in the order of the FundSource list (only sources with allocations).' }) bySource!: SourceDisbursement[];
  @Field(() => [AreaDisbursement], { description: 'By child area (next level down), in code order; allocations made to the area itself are in the totals only.' }) children!: AreaDisbursement[];
}

@ObjectType({ description: 'Yuan of one source a household received.' })
export class SourceAmount {
  @Field(() => FundSource.values, { description: 'Source.' }) source!: string;
  @Field(() => Float, { description: 'Yuan.' }) amount!: number;
}

@ObjectType({ description: 'What a household received from poverty-alleviation funds 到户资金: spendings paid to it or to its measures.' })
export class HouseholdFunds {
  @Field(() => Float, { description: 'Total received, yuan.' }) total!: number;
  @Field(() => Int, { description: 'Number of spendings.' }) spendings!: number;
  @Field(() => [SourceAmount], { description: 'By source (only sources it received from).' }) bySource!: SourceAmount[];
}

@ObjectType({ description: 'A recorded spending and its allocation as it now stands.' })
export class RecordSpendingPayload {
  @Field(() => FundSpending, { description: 'The spending.' }) spending!: FundSpending;
  @Field(() => FundAllocation, { description: 'The allocation after it.' }) allocation!: FundAllocation;
}
