/** The householdHandbook query. Thin. */
import { Arg, Ctx, ID, Query, Resolver } from 'type-graphql';
import type { Context } from '../../graphql/context.js';
import { HouseholdHandbook } from './handbook.type.js';
import { handbookService } from './handbook.service.js';

@Resolver(() => HouseholdHandbook)
export class HandbookResolver {
  @Query(() => HouseholdHandbook, { nullable: true, description: 'The household handbook 扶贫手册 with its six parts; null if the household does not exist or is outside your area.' })
  householdHandbook(@Arg('householdId', () => ID, { description: 'Global ID of the household.' }) householdId: string, @Ctx() ctx: Context) {
    return handbookService.of(ctx, householdId);
  }
}
