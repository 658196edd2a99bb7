/** Village queries, fields and the survey mutation. Thin: arguments in, one service call out. */
import { Arg, Ctx, FieldResolver, Int, Mutation, Query, Resolver, Root } from 'type-graphql';
import { After, First, withoutNulls } from '../../graphql/args.js';
import type { Context } from '../../graphql/context.js';
import { Area } from '../area/area.type.js';
import { areaService } from '../area/area.service.js';
import { Village } from './village.type.js';
import { VillageConnection } from './village.connection.js';
import { VillageFilterInput } from './village.input.js';
import { VillageSurvey } from './village-survey.type.js';
import { villageService } from './village.service.js';

@Resolver(() => Village)
export class VillageResolver {
  @Query(() => Village, { nullable: true, description: 'One village by its 12-digit code; null if it is not in your area.' })
  village(@Arg('code', () => String, { description: '12-digit village code, e.g. 433124110226 (十八洞村).' }) code: string, @Ctx() ctx: Context) {
    return villageService.byCode(ctx, code);
  }

  @Query(() => VillageConnection, { description: 'Villages of your area in code order.' })
  villages(
    @Ctx() ctx: Context,
    @Arg('filter', () => VillageFilterInput, { nullable: true, description: 'Which villages.' }) filter?: VillageFilterInput,
    @First() first?: number,
    @After() after?: string,
  ) {
    return villageService.page(ctx, withoutNulls({ ...filter, first, after }));
  }

  @Mutation(() => VillageSurvey, { description: "Records a village's survey for a year. A year already recorded is a CONFLICT: surveys are never overwritten." })
  recordVillageSurvey(
    @Arg('villageCode', () => String, { description: '12-digit village code.' }) villageCode: string,
    @Arg('input', () => VillageSurvey, { description: 'The survey.' }) input: VillageSurvey,
    @Ctx() ctx: Context,
  ) {
    return villageService.recordSurvey(ctx, villageCode, input);
  }

  @FieldResolver(() => Area, { nullable: true, description: 'The township 乡镇 the village belongs to.' })
  township(@Root() v: Village, @Ctx() ctx: Context) {
    return areaService.parent(ctx, v.parentCode);
  }

  @FieldResolver(() => Area, { nullable: true, description: 'The county 县 the village belongs to.' })
  county(@Root() v: Village, @Ctx() ctx: Context) {
    return areaService.parent(ctx, v.code.slice(0, 6));
  }

  @FieldResolver(() => [VillageSurvey], { description: 'Yearly surveys, oldest first.' })
  surveys(@Root() v: Village, @Ctx() ctx: Context) {
    return villageService.surveys(ctx, v.code);
  }

  @FieldResolver(() => VillageSurvey, { nullable: true, description: 'The survey of one year, if recorded.' })
  survey(@Root() v: Village, @Arg('year', () => Int, { description: 'The survey year.' }) year: number, @Ctx() ctx: Context) {
    return villageService.survey(ctx, v.code, year);
  }
}
