/** The register's history: a household's and a village's status events, and an area's register as of a date. Thin. */
import { GraphQLLocalDate } from 'graphql-scalars';
import { Arg, Ctx, FieldResolver, Query, Resolver, Root } from 'type-graphql';
import type { Context } from '../../graphql/context.js';
import type { HouseholdModel } from '../household/household.mapper.js';
import { Household } from '../household/household.type.js';
import { Village } from '../village/village.type.js';
import { HouseholdStatusEvent, RegisterAsOf, VillageStatusEvent } from './history.type.js';
import { historyService } from './history.service.js';

@Resolver(() => Household)
export class HouseholdHistoryResolver {
  @FieldResolver(() => [HouseholdStatusEvent], { description: 'Every change of status and register stage, in the order they took effect.' })
  history(@Root() h: HouseholdModel, @Ctx() ctx: Context) { return historyService.householdHistory(ctx, h.key); }
}

@Resolver(() => Village)
export class VillageHistoryResolver {
  @FieldResolver(() => [VillageStatusEvent], { description: 'Every change of the poor-village status, in the order they took effect.' })
  history(@Root() v: { code: string }, @Ctx() ctx: Context) { return historyService.villageHistory(ctx, v.code); }
}

@Resolver(() => RegisterAsOf)
export class RegisterAsOfResolver {
  @Query(() => RegisterAsOf, { description: "An area's register as it stood on a date: households and people by status and stage, from the status events." })
  registerAsOf(
    @Arg('areaCode', () => String, { description: 'Area code prefix, e.g. 433124.' }) areaCode: string,
    @Arg('asOf', () => GraphQLLocalDate, { description: 'The date.' }) asOf: string,
    @Ctx() ctx: Context,
  ) { return historyService.countsAsOf(ctx, areaCode, asOf); }
}
