/** Quota control 规模控制: set a quota, read its use. Thin. */
import { Arg, Ctx, Int, Mutation, Query, Resolver } from 'type-graphql';
import type { Context } from '../../graphql/context.js';
import { Quota, QuotaUse, SetQuotaInput } from './quota.type.js';
import { quotaService } from './quota.service.js';

@Resolver()
export class QuotaResolver {
  @Query(() => QuotaUse, { nullable: true, description: 'An area’s quota of poor people 人口规模 for a year, how much is used and what remains, per child area; null outside your area.' })
  quotaUse(
    @Ctx() ctx: Context,
    @Arg('areaCode', () => String, { description: 'Empty for the nation, else a 2/4/6/9/12-digit code.' }) areaCode: string,
    @Arg('year', () => Int, { description: 'The identification year.' }) year: number,
  ) {
    return quotaService.use(ctx, areaCode, year);
  }

  @Mutation(() => Quota, { description: 'Sets an area’s quota of poor people 人口规模 for a year: admins for the nation and provinces, officials for the areas below their own. Refused with the numbers when the areas of a parent would together hold more than its quota. Audited.' })
  setQuota(@Arg('input', () => SetQuotaInput, { description: 'The quota.' }) input: SetQuotaInput, @Ctx() ctx: Context) {
    return quotaService.set(ctx, input);
  }
}
