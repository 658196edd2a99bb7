/** Units and cadres: registration, lists, lookups and their fields. Thin: arguments in, one service call out. */
import { Arg, Ctx, FieldResolver, ID, Mutation, Query, Resolver, Root } from 'type-graphql';
import { After, First, withoutNulls } from '../../graphql/args.js';
import type { Context } from '../../graphql/context.js';
import { cadreService, type CadreModel } from './cadre.service.js';
import { AssistanceUnit, AssistanceUnitConnection, Cadre, CadreConnection } from './cadre.type.js';
import { CadreFilterInput, RegisterCadreInput, RegisterUnitInput, UnitFilterInput } from './cadre.input.js';

@Resolver(() => AssistanceUnit)
export class AssistanceUnitResolver {
  @Mutation(() => AssistanceUnit, { description: 'Registers a unit that sends cadres, helping an area inside yours. Admins and officials.' })
  registerUnit(@Arg('input', () => RegisterUnitInput, { description: 'The unit.' }) input: RegisterUnitInput, @Ctx() ctx: Context) {
    return cadreService.registerUnit(ctx, input);
  }

  @Query(() => AssistanceUnitConnection, { description: "Units whose area overlaps yours (a cadre: their own unit). Admins, officials and cadres." })
  assistanceUnits(
    @Ctx() ctx: Context,
    @Arg('filter', () => UnitFilterInput, { nullable: true, description: 'Which units.' }) filter?: UnitFilterInput,
    @First() first?: number,
    @After() after?: string,
  ) {
    return cadreService.units(ctx, withoutNulls({ ...filter, first, after }));
  }

  @Query(() => AssistanceUnit, { nullable: true, description: 'One unit by ID; null if it does not exist or is outside your reach.' })
  assistanceUnit(@Arg('id', () => ID, { description: 'Global ID of the unit.' }) id: string, @Ctx() ctx: Context) {
    return cadreService.unit(ctx, id);
  }
}

@Resolver(() => Cadre)
export class CadreResolver {
  @Mutation(() => Cadre, { description: "Registers a cadre of a unit, working in an area inside yours and the unit's. Give `subject` to let the cadre's token reach what they serve. Admins and officials." })
  registerCadre(@Arg('input', () => RegisterCadreInput, { description: 'The cadre.' }) input: RegisterCadreInput, @Ctx() ctx: Context) {
    return cadreService.registerCadre(ctx, input);
  }

  @Query(() => CadreConnection, { description: 'Cadres whose area overlaps yours (a cadre: themselves). Admins, officials and cadres.' })
  cadres(
    @Ctx() ctx: Context,
    @Arg('filter', () => CadreFilterInput, { nullable: true, description: 'Which cadres.' }) filter?: CadreFilterInput,
    @First() first?: number,
    @After() after?: string,
  ) {
    return cadreService.cadres(ctx, withoutNulls({ ...filter, first, after }));
  }

  @Query(() => Cadre, { nullable: true, description: 'One cadre by ID; null if they do not exist or are outside your reach.' })
  cadre(@Arg('id', () => ID, { description: 'Global ID of the cadre.' }) id: string, @Ctx() ctx: Context) {
    return cadreService.cadre(ctx, id);
  }

  @FieldResolver(() => AssistanceUnit, { nullable: true, description: 'The unit that sent the cadre.' })
  unit(@Root() c: CadreModel, @Ctx() ctx: Context) {
    return cadreService.relatedUnit(ctx, c.unitId);
  }
}
