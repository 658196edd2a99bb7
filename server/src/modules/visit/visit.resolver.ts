/** The assistance log: recordVisit, the visits of households and cadres, and householdsNotVisited. Thin. */
import { Arg, Ctx, FieldResolver, Int, Mutation, Query, Resolver, Root } from 'type-graphql';
import { After, First } from '../../graphql/args.js';
import type { Context } from '../../graphql/context.js';
import { Cadre } from '../cadre/cadre.type.js';
import { cadreService, type CadreModel } from '../cadre/cadre.service.js';
import { HouseholdConnection } from '../household/household.connection.js';
import type { HouseholdModel } from '../household/household.mapper.js';
import { Household } from '../household/household.type.js';
import { pairedHouseholds } from '../pairing/pairing.households.js';
import { RecordVisitInput, Visit, VisitConnection } from './visit.type.js';
import { visitService, type VisitModel } from './visit.service.js';

const Latest = () => Arg('first', () => Int, { nullable: true, description: 'Page size, 1–100 (default 20).' });

@Resolver(() => Visit)
export class VisitResolver {
  @Mutation(() => Visit, { description: 'Records a visit 走访 in the assistance log 帮扶日志. A cadre records their own visits to households they serve; an official or admin of the area records one on a cadre’s behalf.' })
  recordVisit(@Arg('input', () => RecordVisitInput, { description: 'The visit.' }) input: RecordVisitInput, @Ctx() ctx: Context) {
    return visitService.record(ctx, input);
  }

  @Query(() => HouseholdConnection, { description: 'Registered households that can be paired (poverty status 0, 1 or 3) with no visit in the last `days` days, in your scope, in household-number order. Admins, officials and cadres.' })
  householdsNotVisited(
    @Arg('areaCode', () => String, { description: 'Area code prefix, e.g. a township or village.' }) areaCode: string,
    @Ctx() ctx: Context,
    @Arg('days', () => Int, { nullable: true, description: 'Days without a visit, 1–3,650; default the server setting VISIT_OVERDUE_DAYS (30 unless set).' }) days?: number,
    @First() first?: number,
    @After() after?: string,
  ) {
    return visitService.notVisited(ctx, { areaCode, days, first, after });
  }

  @FieldResolver(() => Household, { nullable: true, description: 'The household visited; null if it is no longer in your scope.' })
  household(@Root() v: VisitModel, @Ctx() ctx: Context) {
    return pairedHouseholds.one(ctx, v.householdId);
  }

  @FieldResolver(() => Cadre, { nullable: true, description: 'The cadre who visited.' })
  cadre(@Root() v: VisitModel, @Ctx() ctx: Context) {
    return cadreService.relatedCadre(ctx, v.cadreId);
  }
}

@Resolver(() => Household)
export class HouseholdVisitResolver {
  @FieldResolver(() => VisitConnection, { description: 'The visits to the household, newest first (an empty page for roles that may not see people).' })
  visits(@Root() h: HouseholdModel, @Ctx() ctx: Context, @Latest() first?: number, @After() after?: string) {
    return visitService.ofHousehold(ctx, h.key, first, after);
  }
}

@Resolver(() => Cadre)
export class CadreVisitResolver {
  @FieldResolver(() => VisitConnection, { description: 'The visits of the cadre to households in your scope, newest first.' })
  visits(@Root() c: CadreModel, @Ctx() ctx: Context, @Latest() first?: number, @After() after?: string) {
    return visitService.ofCadre(ctx, c.key, first, after);
  }
}
