/** Builds the executable schema from every module's resolvers (type-graphql). */
import 'reflect-metadata';
import type { GraphQLSchema } from 'graphql';
import { buildSchema } from 'type-graphql';
import { AreaResolver } from '../modules/area/area.resolver.js';
import { AuditResolver } from '../modules/audit/audit.resolver.js';
import { HouseholdResolver } from '../modules/household/household.resolver.js';
import { MemberResolver } from '../modules/member/member.resolver.js';
import { NodeResolver } from '../modules/node/node.resolver.js';
import { VillageResolver } from '../modules/village/village.resolver.js';

export const RESOLVERS = [NodeResolver, AreaResolver, VillageResolver, HouseholdResolver, MemberResolver, AuditResolver] as const;

export async function createSchema(): Promise<GraphQLSchema> {
  const schema = await buildSchema({ resolvers: RESOLVERS, validate: false });
  // type-graphql has no option for the root types' descriptions.
  schema.getQueryType()!.description = 'Everything you can read, limited to your area and role.';
  schema.getMutationType()!.description = 'Every write: validated, limited to your area and role, audited, and atomic.';
  return schema;
}
