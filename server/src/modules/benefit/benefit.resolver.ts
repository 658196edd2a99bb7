/** Project beneficiaries: batch linking, unlinking, and the link fields of projects, households and villages. Thin. */
import { Arg, Ctx, FieldResolver, ID, Int, Mutation, Query, Resolver, Root } from 'type-graphql';
import { After, First } from '../../graphql/args.js';
import { Connection } from '../../graphql/connection.js';
import type { Context } from '../../graphql/context.js';
import type { HouseholdModel } from '../household/household.mapper.js';
import { Household } from '../household/household.type.js';
import { householdService } from '../household/household.service.js';
import { Project } from '../programme/programme.type.js';
import { toProject, type ProjectModel } from '../programme/programme.service.js';
import { Village } from '../village/village.type.js';
import { benefitService, MAX_BATCH } from './benefit.service.js';
import { LinkBatchResult, LinkItemInput, ProjectLink } from './benefit.type.js';

const ProjectLinkConnection = Connection(ProjectLink, 'ProjectLink', 'project link');

@Resolver(() => ProjectLink)
export class BenefitResolver {
  @Mutation(() => LinkBatchResult, {
    description: `Links up to ${MAX_BATCH} households or villages to a project at once. Atomic: one bad item refuses the whole batch, and the error's problems name every bad item. A retry with the same idempotencyKey returns the first result and writes nothing; the same key with other items is a CONFLICT.`,
  })
  linkBeneficiaries(
    @Arg('projectId', () => ID, { description: 'Global ID of the project.' }) projectId: string,
    @Arg('idempotencyKey', () => String, { description: 'Your key for this batch (e.g. a UUID); reuse it only to retry the same batch.' }) idempotencyKey: string,
    @Arg('items', () => [LinkItemInput], { description: `The beneficiaries, 1 to ${MAX_BATCH}.` }) items: LinkItemInput[],
    @Ctx() ctx: Context,
  ) {
    return benefitService.link(ctx, projectId, idempotencyKey, items);
  }

  @Mutation(() => ProjectLink, { description: 'Withdraws a link, keeping the record with who, when and why.' })
  unlinkBeneficiary(
    @Arg('linkId', () => ID, { description: 'Global ID of the link.' }) linkId: string,
    @Arg('reason', () => String, { description: 'Why the link is withdrawn.' }) reason: string,
    @Ctx() ctx: Context,
  ) {
    return benefitService.unlink(ctx, linkId, reason);
  }

  @Query(() => ProjectLinkConnection, { description: "A project's beneficiaries in your area, in the order they were linked." })
  projectLinks(
    @Arg('projectId', () => ID, { description: 'Global ID of the project.' }) projectId: string,
    @Ctx() ctx: Context,
    @Arg('includeUnlinked', () => Boolean, { nullable: true, description: 'Also withdrawn links (default false).' }) includeUnlinked?: boolean,
    @First() first?: number,
    @After() after?: string,
  ) {
    return benefitService.page(ctx, projectId, { includeUnlinked: includeUnlinked ?? false, first, after });
  }

  @FieldResolver(() => Project, { nullable: true, description: 'The project.' })
  async project(@Root() l: ProjectLink, @Ctx() ctx: Context) {
    const row = await benefitService.project(ctx, l.projectId);
    return row && toProject(row);
  }

  @FieldResolver(() => Household, { nullable: true, description: 'The household, for a household link.' })
  household(@Root() l: ProjectLink, @Ctx() ctx: Context) {
    return l.householdId ? householdService.byId(ctx, l.householdId) : null;
  }
}

@Resolver(() => Household)
export class HouseholdLinksResolver {
  @FieldResolver(() => [ProjectLink], { description: 'Projects that benefit the household (links in force; a ministry sees its own sector’s).' })
  projectLinks(@Root() h: HouseholdModel, @Ctx() ctx: Context) {
    return benefitService.ofHousehold(ctx, h.key);
  }
}

@Resolver(() => Village)
export class VillageLinksResolver {
  @FieldResolver(() => [ProjectLink], { description: 'Projects linked to the village as a whole (links in force).' })
  projectLinks(@Root() v: Village, @Ctx() ctx: Context) {
    return benefitService.ofVillage(ctx, v.code);
  }
}

@Resolver(() => Project)
export class ProjectLinksResolver {
  @FieldResolver(() => Int, { description: 'Households and villages linked and in force.' })
  beneficiaryCount(@Root() p: ProjectModel, @Ctx() ctx: Context) {
    return benefitService.activeCount(ctx, p.key);
  }
}
