/** Area queries and fields. Thin: arguments in, one service call out. */
import { Arg, Ctx, FieldResolver, Int, Query, Resolver, Root } from 'type-graphql';
import { After, First, withoutNulls } from '../../graphql/args.js';
import type { Context } from '../../graphql/context.js';
import { Area } from './area.type.js';
import { AreaFilterInput } from './area.input.js';
import { AreaConnection } from './area.connection.js';
import { areaService } from './area.service.js';

@Resolver(() => Area)
export class AreaResolver {
  @Query(() => Area, { nullable: true, description: 'One area by its statistical code, e.g. "433124" (花垣县).' })
  area(@Arg('code', () => String, { description: 'Statistical code, e.g. 433124.' }) code: string, @Ctx() ctx: Context) {
    return areaService.byCode(ctx, code);
  }

  @Query(() => AreaConnection, { description: 'Areas in code order, filtered by parent, level, code prefix or name.' })
  areas(
    @Ctx() ctx: Context,
    @Arg('filter', () => AreaFilterInput, { nullable: true, description: 'Which areas.' }) filter?: AreaFilterInput,
    @First() first?: number,
    @After() after?: string,
  ) {
    return areaService.page(ctx, withoutNulls({ ...filter, first, after }));
  }

  @FieldResolver(() => Area, { nullable: true, description: 'The area this one belongs to; null for a province.' })
  parent(@Root() area: Area, @Ctx() ctx: Context) {
    return areaService.parent(ctx, area.parentCode);
  }

  @FieldResolver(() => [Area], { description: 'Direct children in code order (a county has ~10–30 townships, a township ~10–40 villages).' })
  children(@Root() area: Area, @Ctx() ctx: Context) {
    return areaService.children(ctx, area.code);
  }

  @FieldResolver(() => [Area], { description: 'Ancestors from the province down to the parent.' })
  ancestors(@Root() area: Area, @Ctx() ctx: Context) {
    return areaService.ancestors(ctx, area.code);
  }
}
