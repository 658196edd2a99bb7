/** The coverageGaps query and its fields. Thin. */
import { Arg, Ctx, FieldResolver, Query, Resolver, Root } from 'type-graphql';
import { After, First } from '../../graphql/args.js';
import type { Context } from '../../graphql/context.js';
import { Sector } from '../../codes/index.js';
import { HouseholdConnection } from '../household/household.connection.js';
import { VillageConnection } from '../village/village.connection.js';
import { CoverageGapCount, CoverageGaps } from './coverage.type.js';
import { coverageService, type GapsRoot } from './coverage.service.js';

@Resolver(() => CoverageGaps)
export class CoverageResolver {
  @Query(() => CoverageGaps, { description: "A sector's coverage gaps in an area (a ministry: its own sector)." })
  coverageGaps(
    @Arg('sector', () => Sector.values, { description: 'The sector.' }) sector: string,
    @Arg('areaCode', () => String, { description: 'The area, e.g. 433124.' }) areaCode: string,
    @Ctx() ctx: Context,
  ) {
    return coverageService.gaps(ctx, sector, areaCode);
  }

  @FieldResolver(() => HouseholdConnection, { description: 'Registered households with the need and no project of the sector, in household-number order.' })
  households(@Root() g: GapsRoot, @Ctx() ctx: Context, @First() first?: number, @After() after?: string) {
    return coverageService.households(ctx, g, { first: first ?? undefined, after: after ?? undefined });
  }

  @FieldResolver(() => VillageConnection, { description: 'Poor villages with the need and no village-wide project of the sector.' })
  villages(@Root() g: GapsRoot, @Ctx() ctx: Context, @First() first?: number, @After() after?: string) {
    return coverageService.villages(ctx, g, { first: first ?? undefined, after: after ?? undefined });
  }

  @FieldResolver(() => [CoverageGapCount], { description: 'Gaps counted by child area (townships of a county, villages of a township…).' })
  byArea(@Root() g: GapsRoot, @Ctx() ctx: Context) {
    return coverageService.byArea(ctx, g);
  }
}
