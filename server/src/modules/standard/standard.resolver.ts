/** Poverty lines and a household's standing. Thin. */
import { Arg, Ctx, FieldResolver, Int, Mutation, Query, Resolver, Root } from 'type-graphql';
import type { Context } from '../../graphql/context.js';
import type { HouseholdModel } from '../household/household.mapper.js';
import { Household } from '../household/household.type.js';
import { HouseholdStanding, LineKind, PovertyLine, SetPovertyLineInput } from './standard.type.js';
import type { LineRow } from './standard.store.js';
import { standardService } from './standard.service.js';

@Resolver()
export class StandardResolver {
  @Query(() => [PovertyLine], { description: 'Poverty lines, by year and area ("" for national); reference data open to every caller.' })
  povertyLines(
    @Ctx() ctx: Context,
    @Arg('year', () => Int, { nullable: true, description: 'Only this year.' }) year?: number,
    @Arg('areaCode', () => String, { nullable: true, description: 'Only this area ("" for national).' }) areaCode?: string,
  ) {
    return standardService.lines(ctx, { year: year ?? undefined, areaCode: areaCode ?? undefined });
  }

  @Mutation(() => PovertyLine, { description: "Sets a year's poverty line for the nation (admins) or a province or city (its officials). Audited." })
  setPovertyLine(@Arg('input', () => SetPovertyLineInput, { description: 'The line.' }) input: SetPovertyLineInput, @Ctx() ctx: Context) {
    return standardService.set(ctx, input);
  }
}

@Resolver(() => PovertyLine)
export class PovertyLineResolver {
  @FieldResolver(() => LineKind, { description: 'POVERTY_LINE through the last national year (2020), MONITORING_LINE after it.' })
  kind(@Root() line: LineRow) {
    return standardService.kind(line);
  }
}

@Resolver(() => Household)
export class HouseholdStandingResolver {
  @FieldResolver(() => HouseholdStanding, { nullable: true, description: "The household judged against its identification standard's line for a year (the latest recorded if omitted); null without a record or a line for that year." })
  standing(@Root() h: HouseholdModel, @Ctx() ctx: Context, @Arg('year', () => Int, { nullable: true, description: 'The income year.' }) year?: number) {
    return standardService.standing(ctx, h, year);
  }
}
