/** Funds 扶贫资金: allocate, spend, record findings; list allocations, disbursement, a household's totals. Thin. */
import { Arg, Ctx, FieldResolver, Int, Mutation, Query, Resolver, Root } from 'type-graphql';
import type { Context } from '../../graphql/context.js';
import { Household } from '../household/household.type.js';
import type { HouseholdModel } from '../household/household.mapper.js';
import { AllocateFundsInput, FundAllocationFilter, RecordFundFindingInput, RecordSpendingInput } from './funds.input.js';
import { fundsService } from './funds.service.js';
import { FundAllocation, FundAllocationConnection, FundDisbursement, FundFinding, FundSpending, HouseholdFunds, RecordSpendingPayload } from './funds.type.js';

@Resolver(() => FundAllocation)
export class FundsResolver {
  @Query(() => FundAllocationConnection, { description: 'Allocations 资金下达 to an area and the areas below, in your area.' })
  fundAllocations(
    @Ctx() ctx: Context,
    @Arg('filter', () => FundAllocationFilter, { description: 'Area, year and source.' }) filter: FundAllocationFilter,
    @Arg('first', () => Int, { nullable: true, description: 'Page size, at most 100 (default 20).' }) first?: number,
    @Arg('after', () => String, { nullable: true, description: 'Cursor: endCursor of the previous page.' }) after?: string,
  ) {
    return fundsService.allocations(ctx, filter, first, after);
  }

  @Query(() => FundDisbursement, { nullable: true, description: 'Disbursement 资金支出进度 of an area for a year: allocated, spent and their ratio, in all, by source and by child area; null outside your area.' })
  fundDisbursement(
    @Ctx() ctx: Context,
    @Arg('areaCode', () => String, { description: 'A 2/4/6/9/12-digit area code.' }) areaCode: string,
    @Arg('year', () => Int, { description: 'Budget year.' }) year: number,
  ) {
    return fundsService.disbursement(ctx, areaCode, year);
  }

  @Mutation(() => FundAllocation, { description: 'Records funds allocated 资金下达 to a county, township or village for a year from one source (officials of an area holding it, admins). Audited and on the change feed.' })
  allocateFunds(@Ctx() ctx: Context, @Arg('input', () => AllocateFundsInput, { description: 'The allocation.' }) input: AllocateFundsInput) {
    return fundsService.allocate(ctx, input);
  }

  @Mutation(() => RecordSpendingPayload, { description: 'Records a spending 资金支出 against an allocation for a measure, a project or a registered household. More than remains is CONFLICT with `allocated`, `spent`, `remaining` and `asked`, also when another spending was faster. Audited and on the change feed.' })
  recordSpending(@Ctx() ctx: Context, @Arg('input', () => RecordSpendingInput, { description: 'The spending.' }) input: RecordSpendingInput) {
    return fundsService.spend(ctx, input);
  }

  @Mutation(() => FundFinding, { description: 'Records a problem found in a county’s use of funds 资金问题 (officials above the county, admins); it feeds the assessment. Audited and on the change feed.' })
  recordFundFinding(@Ctx() ctx: Context, @Arg('input', () => RecordFundFindingInput, { description: 'The finding.' }) input: RecordFundFindingInput) {
    return fundsService.recordFinding(ctx, input);
  }

  @FieldResolver(() => [FundSpending], { description: 'Spendings against it that are in your area, by date.' })
  spendings(@Root() a: FundAllocation, @Ctx() ctx: Context) {
    return fundsService.spendingsOf(ctx, a.key);
  }
}

@Resolver(() => Household)
export class HouseholdFundsResolver {
  @FieldResolver(() => HouseholdFunds, { description: 'What it received from poverty-alleviation funds 到户资金, in all and by source.' })
  fundsReceived(@Root() h: HouseholdModel, @Ctx() ctx: Context) {
    return fundsService.ofHousehold(ctx, h.key);
  }
}
