/** Village and county exit checks and the county spot check. Thin. */
import { Arg, Ctx, Int, Mutation, Query, Resolver } from 'type-graphql';
import type { Context } from '../../graphql/context.js';
import { CountyExitCheck, SpotCheck, SpotCheckInput, VillageExitCheck } from './exit-check.type.js';
import { exitCheckService } from './exit-check.service.js';

@Resolver()
export class ExitCheckResolver {
  @Query(() => VillageExitCheck, { nullable: true, description: 'Whether a village may exit 出列 in a year: registered poor people ÷ its surveyed rural population against the province’s threshold; null outside your area.' })
  villageExitCheck(
    @Ctx() ctx: Context,
    @Arg('villageCode', () => String, { description: '12-digit village code.' }) villageCode: string,
    @Arg('year', () => Int, { description: 'The year of the survey and the provincial figures.' }) year: number,
  ) {
    return exitCheckService.village(ctx, villageCode, year);
  }

  @Query(() => CountyExitCheck, { nullable: true, description: 'Whether a county may exit 摘帽 in a year, 三率一度, saying which test fails; null outside your area.' })
  countyExitCheck(
    @Ctx() ctx: Context,
    @Arg('countyCode', () => String, { description: '6-digit county code.' }) countyCode: string,
    @Arg('year', () => Int, { description: 'The year of the surveys, the spot check and the provincial figures.' }) year: number,
  ) {
    return exitCheckService.county(ctx, countyCode, year);
  }

  @Mutation(() => SpotCheck, { description: 'Records a county’s exit spot check for a year (officials above the county, or admins); replaces an earlier one. Audited.' })
  recordSpotCheck(
    @Ctx() ctx: Context,
    @Arg('countyCode', () => String, { description: '6-digit county code.' }) countyCode: string,
    @Arg('year', () => Int, { description: 'The year checked.' }) year: number,
    @Arg('input', () => SpotCheckInput, { description: 'Samples and findings.' }) input: SpotCheckInput,
  ) {
    return exitCheckService.recordSpotCheck(ctx, countyCode, year, input);
  }
}
