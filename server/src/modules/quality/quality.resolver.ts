/** The data-quality report and a household's stored warnings. Thin. */
import { Arg, Ctx, FieldResolver, Query, Resolver, Root } from 'type-graphql';
import { After, First } from '../../graphql/args.js';
import type { Context } from '../../graphql/context.js';
import { HouseholdConnection } from '../household/household.connection.js';
import type { HouseholdModel } from '../household/household.mapper.js';
import { ConsistencyWarning, Household } from '../household/household.type.js';
import { DataQualityReport } from './quality.type.js';
import { qualityService } from './quality.service.js';

@Resolver(() => DataQualityReport)
export class QualityResolver {
  @Query(() => DataQualityReport, { description: "An area's consistency warnings: counts by rule and the households that have them." })
  dataQualityReport(@Arg('areaCode', () => String, { description: 'Area code prefix, e.g. 433124.' }) areaCode: string, @Ctx() ctx: Context) {
    return qualityService.report(ctx, areaCode);
  }

  @FieldResolver(() => HouseholdConnection, { description: 'Households with at least one warning, in household-number order.' })
  households(@Root() r: DataQualityReport, @Ctx() ctx: Context, @First() first?: number, @After() after?: string) {
    return qualityService.households(ctx, r.areaCode, { first: first ?? undefined, after: after ?? undefined });
  }
}

@Resolver(() => Household)
export class HouseholdWarningsResolver {
  @FieldResolver(() => [ConsistencyWarning], { description: 'Consistency warnings stored at the latest write (rule 11: check them with the household).' })
  warnings(@Root() h: HouseholdModel, @Ctx() ctx: Context) {
    return qualityService.warningsOf(ctx, h.key);
  }
}
