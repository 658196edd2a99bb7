/** Spot-check sampling 抽检核查: draw a sample, read it and its households. Thin. */
import { Arg, Ctx, FieldResolver, ID, Int, Mutation, Query, Resolver, Root } from 'type-graphql';
import type { Context } from '../../graphql/context.js';
import { DrawSpotCheckSampleInput } from './sampling.input.js';
import { samplingService } from './sampling.service.js';
import { SampleHouseholdConnection, SpotCheckSample } from './sampling.type.js';

@Resolver(() => SpotCheckSample)
export class SamplingResolver {
  @Query(() => SpotCheckSample, { nullable: true, description: 'A spot-check sample (officials above its county, admins); null when unknown or outside your area.' })
  spotCheckSample(@Ctx() ctx: Context, @Arg('id', () => ID, { description: 'Global ID.' }) id: string) {
    return samplingService.byId(ctx, id);
  }

  @Mutation(() => SpotCheckSample, { description: 'Draws a county’s spot-check sample 抽检核查 for a year: all planned exits, whole villages, a capped share of the other households, and the 5:3:2 satisfaction villages — the same seed on the same register gives the same list. A plan larger than its frame is refused. Officials above the county and admins; audited.' })
  drawSpotCheckSample(@Ctx() ctx: Context, @Arg('input', () => DrawSpotCheckSampleInput, { description: 'The plan and seed.' }) input: DrawSpotCheckSampleInput) {
    return samplingService.draw(ctx, input);
  }

  @FieldResolver(() => SampleHouseholdConnection, { description: 'The households to visit, in list order.' })
  households(
    @Root() s: SpotCheckSample,
    @Ctx() ctx: Context,
    @Arg('first', () => Int, { nullable: true, description: 'Page size, at most 100 (default 20).' }) first?: number,
    @Arg('after', () => String, { nullable: true, description: 'Cursor: endCursor of the previous page.' }) after?: string,
  ) {
    return samplingService.households(ctx, s.key, first, after);
  }
}
