/** The assistanceCoverage query and its pages and counts. Thin. */
import { Arg, Ctx, FieldResolver, Query, Resolver, Root } from 'type-graphql';
import { After, First } from '../../graphql/args.js';
import type { Context } from '../../graphql/context.js';
import { HouseholdConnection } from '../household/household.connection.js';
import { VillageConnection } from '../village/village.connection.js';
import { AssistanceCoverage, AssistanceCoverageAreaCount, AssistanceCoverageCounts, MeasureConnection } from './assistance-coverage.type.js';
import { assistanceCoverageService as service, type CoverageRoot } from './assistance-coverage.service.js';

const page = (first?: number | null, after?: string | null) => ({ first: first ?? undefined, after: after ?? undefined });

@Resolver(() => AssistanceCoverage)
export class AssistanceCoverageResolver {
  @Query(() => AssistanceCoverage, { description: 'Who is left without help in an area inside yours: households without a responsible person or without a measure for their main cause, poor villages without a work team, and overdue measures.' })
  assistanceCoverage(@Arg('areaCode', () => String, { description: 'The area, e.g. 433124.' }) areaCode: string, @Ctx() ctx: Context) {
    return service.root(ctx, areaCode);
  }

  @FieldResolver(() => HouseholdConnection, { description: 'Registered households (status 0 未脱贫 or 3 返贫) with no current pairing 帮扶责任人, in household-number order.' })
  unpairedHouseholds(@Root() r: CoverageRoot, @Ctx() ctx: Context, @First() first?: number, @After() after?: string) {
    return service.households(ctx, r, 'unpaired', page(first, after));
  }

  @FieldResolver(() => HouseholdConnection, { description: 'Registered households whose main cause no measure addresses (no measure, not cancelled, of their own or for their whole village, names it), in household-number order.' })
  unassistedHouseholds(@Root() r: CoverageRoot, @Ctx() ctx: Context, @First() first?: number, @After() after?: string) {
    return service.households(ctx, r, 'unassisted', page(first, after));
  }

  @FieldResolver(() => VillageConnection, { description: 'Poor villages (贫困村, not exited) with no current work team 驻村工作队, in code order.' })
  villagesWithoutWorkTeam(@Root() r: CoverageRoot, @Ctx() ctx: Context, @First() first?: number, @After() after?: string) {
    return service.villages(ctx, r, page(first, after));
  }

  @FieldResolver(() => MeasureConnection, { description: 'Measures planned or in progress whose end date has passed, the longest overdue first.' })
  overdueMeasures(@Root() r: CoverageRoot, @Ctx() ctx: Context, @First() first?: number, @After() after?: string) {
    return service.overdueMeasures(ctx, r, page(first, after));
  }

  @FieldResolver(() => AssistanceCoverageCounts, { description: 'All counts of the area, in one statement.' })
  counts(@Root() r: CoverageRoot, @Ctx() ctx: Context) {
    return service.counts(ctx, r);
  }

  @FieldResolver(() => [AssistanceCoverageAreaCount], { description: 'The counts by child area (only areas with something to count).' })
  byArea(@Root() r: CoverageRoot, @Ctx() ctx: Context) {
    return service.byArea(ctx, r);
  }
}
