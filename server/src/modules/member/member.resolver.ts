/** Member fields. Thin. */
import { Ctx, FieldResolver, Resolver, Root } from 'type-graphql';
import type { Context } from '../../graphql/context.js';
import { Household } from '../household/household.type.js';
import { householdService } from '../household/household.service.js';
import { toGlobalId } from '../../graphql/ids.js';
import { Member } from './member.type.js';

@Resolver(() => Member)
export class MemberResolver {
  @FieldResolver(() => Household, { nullable: true, description: 'The household the member belongs to.' })
  household(@Root() m: Member, @Ctx() ctx: Context) {
    return householdService.byId(ctx, toGlobalId('Household', m.householdId));
  }
}
