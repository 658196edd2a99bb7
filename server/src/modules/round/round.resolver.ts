/** Annual update rounds: queries, mutations and fields. Thin. */
import { Arg, Ctx, FieldResolver, ID, Int, Mutation, Query, Resolver, Root } from 'type-graphql';
import { RoundStatus } from '../../codes/index.js';
import { After, First } from '../../graphql/args.js';
import { Connection } from '../../graphql/connection.js';
import type { Context } from '../../graphql/context.js';
import { HouseholdConnection } from '../household/household.connection.js';
import type { HouseholdModel } from '../household/household.mapper.js';
import { Household } from '../household/household.type.js';
import { CloseUpdateRoundPayload, OpenUpdateRoundInput, RoundProgress, RoundSummary, StoredStanding, UpdateRound } from './round.type.js';
import { roundService, type RoundModel } from './round.service.js';

const UpdateRoundConnection = Connection(UpdateRound, 'UpdateRound', 'update round');

@Resolver(() => UpdateRound)
export class RoundResolver {
  @Query(() => UpdateRound, { nullable: true, description: 'One update round; null if it does not exist or does not touch your area.' })
  updateRound(@Arg('id', () => ID, { description: 'Global ID of the round.' }) id: string, @Ctx() ctx: Context) {
    return roundService.byId(ctx, id);
  }

  @Query(() => UpdateRoundConnection, { description: 'Update rounds of an area, of the areas inside it and of those containing it, newest year first.' })
  updateRounds(
    @Arg('areaCode', () => String, { description: 'Area code, e.g. 433124.' }) areaCode: string,
    @Ctx() ctx: Context,
    @Arg('year', () => Int, { nullable: true, description: 'Only rounds of this year.' }) year?: number,
    @Arg('status', () => RoundStatus.values, { nullable: true, description: 'Only open or only closed rounds.' }) status?: string,
    @First() first?: number,
    @After() after?: string,
  ) {
    return roundService.page(ctx, areaCode, { year: year ?? undefined, status: status ?? undefined, first: first ?? undefined, after: after ?? undefined });
  }

  @Mutation(() => UpdateRound, { description: 'Opens the annual update round of an area and year (officials of the area, admins). One round per area and year; a round may not overlap an open round of an area containing it or inside it (CONFLICT). Audited.' })
  openUpdateRound(@Arg('input', () => OpenUpdateRoundInput, { description: 'Area, year and deadline.' }) input: OpenUpdateRoundInput, @Ctx() ctx: Context) {
    return roundService.open(ctx, input);
  }

  @Mutation(() => CloseUpdateRoundPayload, { description: 'Closes a round and stores each registered household’s standing against the year’s line. Before the deadline it is refused (INVALID_TRANSITION) while households are pending; on or after it, those are stored as NO_RECORD. Audited.' })
  closeUpdateRound(@Arg('id', () => ID, { description: 'Global ID of the round.' }) id: string, @Ctx() ctx: Context) {
    return roundService.close(ctx, id);
  }

  @FieldResolver(() => RoundProgress, { description: 'Households due, updated and pending, counted live within your area.' })
  progress(@Root() r: RoundModel, @Ctx() ctx: Context) {
    return roundService.progress(ctx, r);
  }

  @FieldResolver(() => RoundSummary, { nullable: true, description: 'Standings stored when the round closed, within your area; null while open.' })
  summary(@Root() r: RoundModel, @Ctx() ctx: Context) {
    return roundService.summary(ctx, r);
  }

  @FieldResolver(() => HouseholdConnection, { description: 'Registered households of the round’s area (and yours) with no record of the year yet, in household-number order.' })
  pendingHouseholds(@Root() r: RoundModel, @Ctx() ctx: Context, @First() first?: number, @After() after?: string) {
    return roundService.pending(ctx, r, { first: first ?? undefined, after: after ?? undefined });
  }
}

@Resolver(() => StoredStanding)
export class StoredStandingResolver {
  @FieldResolver(() => UpdateRound, { nullable: true, description: 'The round whose closing stored it.' })
  round(@Root() s: StoredStanding, @Ctx() ctx: Context) {
    return roundService.byKey(ctx, s.roundId);
  }
}

@Resolver(() => Household)
export class HouseholdStoredStandingsResolver {
  @FieldResolver(() => [StoredStanding], { description: 'Standings stored by closed update rounds 年度动态调整, oldest year first.' })
  storedStandings(@Root() h: HouseholdModel, @Ctx() ctx: Context) {
    return roundService.standingsOf(ctx, h.key);
  }
}
