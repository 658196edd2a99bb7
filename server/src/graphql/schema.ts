/** Builds the executable schema from every module's resolvers (type-graphql). */
import 'reflect-metadata';
import type { GraphQLSchema } from 'graphql';
import { buildSchema } from 'type-graphql';
import { AreaResolver } from '../modules/area/area.resolver.js';
import { AuditResolver } from '../modules/audit/audit.resolver.js';
import { ChangeResolver } from '../modules/change/change.resolver.js';
import { HouseholdResolver } from '../modules/household/household.resolver.js';
import { MemberResolver } from '../modules/member/member.resolver.js';
import { NodeResolver } from '../modules/node/node.resolver.js';
import { VillageResolver } from '../modules/village/village.resolver.js';
import { ProgrammeResolver, ProjectFieldResolver } from '../modules/programme/programme.resolver.js';
import { BenefitResolver, HouseholdLinksResolver, ProjectLinksResolver, VillageLinksResolver } from '../modules/benefit/benefit.resolver.js';
import { CoverageResolver } from '../modules/coverage/coverage.resolver.js';

export const RESOLVERS = [
  NodeResolver, AreaResolver, VillageResolver, HouseholdResolver, MemberResolver, AuditResolver, ChangeResolver,
  ProgrammeResolver, ProjectFieldResolver, BenefitResolver, HouseholdLinksResolver, VillageLinksResolver, ProjectLinksResolver,
  CoverageResolver,
] as const;

export async function createSchema(): Promise<GraphQLSchema> {
  const schema = await buildSchema({ resolvers: RESOLVERS, validate: false });
  // type-graphql has no option for the root types' descriptions.
  schema.getQueryType()!.description = 'Everything you can read, limited to your area and role.';
  schema.getMutationType()!.description = 'Every write: validated, limited to your area and role, audited, and atomic.';
  return schema;
}
