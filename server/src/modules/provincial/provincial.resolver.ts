/** Provincial figures and a village's poverty indicators 一高一低一无. Thin. */
import { Arg, Ctx, FieldResolver, Int, Mutation, Query, Resolver, Root } from 'type-graphql';
import type { Context } from '../../graphql/context.js';
import { Village } from '../village/village.type.js';
import { PovertyIndicators, ProvincialFigures, SetProvincialFiguresInput } from './provincial.type.js';
import { provincialService } from './provincial.service.js';

@Resolver()
export class ProvincialResolver {
  @Query(() => [ProvincialFigures], { description: 'Provincial figures by province and year: identification and exit thresholds; reference data open to every caller.' })
  provincialFigures(
    @Ctx() ctx: Context,
    @Arg('year', () => Int, { nullable: true, description: 'Only this year.' }) year?: number,
    @Arg('provinceCode', () => String, { nullable: true, description: 'Only this province (2 digits).' }) provinceCode?: string,
  ) {
    return provincialService.list(ctx, { year: year ?? undefined, provinceCode: provinceCode ?? undefined });
  }

  @Mutation(() => ProvincialFigures, { description: 'Sets a province’s figures for a year (admins). Exit thresholds default to 2 %, 3 % in the west. Audited.' })
  setProvincialFigures(@Arg('input', () => SetProvincialFiguresInput, { description: 'The figures.' }) input: SetProvincialFiguresInput, @Ctx() ctx: Context) {
    return provincialService.set(ctx, input);
  }
}

@Resolver(() => Village)
export class VillageIndicatorsResolver {
  @FieldResolver(() => PovertyIndicators, { nullable: true, description: 'The village judged by 一高一低一无 for a year, from its survey and the province’s figures of that year; null without either.' })
  povertyIndicators(@Root() v: Village, @Ctx() ctx: Context, @Arg('year', () => Int, { description: 'The survey year.' }) year: number) {
    return provincialService.forVillage(ctx, v.code, year);
  }
}
