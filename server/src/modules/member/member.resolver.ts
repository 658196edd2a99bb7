/** Member fields. Thin. */
import { Ctx, FieldResolver, Resolver, Root } from 'type-graphql';
import type { Context } from '../../graphql/context.js';
import { Household } from '../household/household.type.js';
import { memberService } from './member.service.js';
import { Member } from './member.type.js';

@Resolver(() => Member)
export class MemberResolver {
  @FieldResolver(() => Household, { nullable: true, description: 'The household the member belongs to.' })
  household(@Root() m: Member, @Ctx() ctx: Context) {
    return memberService.household(ctx, m.householdId);
  }
}
