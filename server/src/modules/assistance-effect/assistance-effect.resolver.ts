/** The assistanceEffect query. Thin. */
import { Arg, Ctx, Int, Query, Resolver } from 'type-graphql';
import type { Context } from '../../graphql/context.js';
import { AssistanceEffect } from './assistance-effect.type.js';
import { assistanceEffectService } from './assistance-effect.service.js';

@Resolver(() => AssistanceEffect)
export class AssistanceEffectResolver {
  @Query(() => AssistanceEffect, { description: 'Does it work: households helped, exits and the change of per-capita income, by main cause and kind of measure, for an area and plan year.' })
  assistanceEffect(
    @Arg('areaCode', () => String, { description: 'The area, e.g. 433124.' }) areaCode: string,
    @Arg('year', () => Int, { description: 'The plan year of the measures.' }) year: number,
    @Ctx() ctx: Context,
  ) {
    return assistanceEffectService.of(ctx, areaCode, year);
  }
}
