/** Relay `node(id:)` and `viewer`. */
import type { GraphQLResolveInfo } from 'graphql';
import { Arg, Ctx, Field, ID, Info, ObjectType, Query, Resolver } from 'type-graphql';
import { selectedAt } from '../../graphql/selection.js';
import type { Context } from '../../graphql/context.js';
import { Node } from './node.type.js';
import { nodeService } from './node.service.js';

/** Where a household's members are below node(id:) (through its inline fragment). */
const MEMBERS = [['members']] as const;

@ObjectType({ description: 'Who you are to the API: the role and area your token carries.' })
class Viewer {
  @Field(() => String, { description: "The token's subject." }) id!: string;
  @Field(() => String, { description: 'Role: admin, official, cadre, ministry, analyst or donor.' }) role!: string;
  @Field(() => [String], { description: 'Area code prefixes you can reach; "" is the whole country.' }) areaCodes!: string[];
  @Field(() => String, { nullable: true, description: 'Sector of a ministry token.' }) sector!: string | null;
  @Field(() => Boolean, { description: 'Whether names, ID numbers, phones and bank accounts are shown to you.' }) canSeePersonalData!: boolean;
}

@Resolver()
export class NodeResolver {
  @Query(() => Node, { nullable: true, description: 'Any object by its global ID; null if it does not exist or is outside your area.' })
  node(@Arg('id', () => ID, { description: 'Global ID, as returned in an id field.' }) id: string, @Ctx() ctx: Context, @Info() info: GraphQLResolveInfo) {
    return nodeService.byId(ctx, id, { members: selectedAt(info, MEMBERS) });
  }

  @Query(() => Viewer, { description: 'The caller as the API sees them.' })
  viewer(@Ctx() ctx: Context): Viewer {
    return nodeService.viewer(ctx);
  }
}
