/** Eligibility rule sets: queries, admin mutations, Household.eligibility and the preview. Thin. */
import { Arg, Ctx, FieldResolver, ID, Int, Mutation, Query, Resolver, Root } from 'type-graphql';
import { After, First } from '../../graphql/args.js';
import type { Context } from '../../graphql/context.js';
import { HouseholdConnection } from '../household/household.connection.js';
import type { HouseholdModel } from '../household/household.mapper.js';
import { Household } from '../household/household.type.js';
import { Area } from '../area/area.type.js';
import { areaService } from '../area/area.service.js';
import { previewService } from './eligibility.preview.js';
import { eligibilityService } from './eligibility.service.js';
import { CreateRuleSetInput, EligibilityDecision, EligibilityRuleSet, RuleSetPreview, RuleSetPreviewArea, RuleSetStatus } from './eligibility.type.js';

@Resolver(() => EligibilityRuleSet)
export class EligibilityResolver {
  @Query(() => [EligibilityRuleSet], { description: 'Eligibility rule sets, by name and newest version first; readable by every registry reader.' })
  ruleSets(
    @Ctx() ctx: Context,
    @Arg('status', () => RuleSetStatus.values, { nullable: true, description: 'Only rule sets in this status.' }) status?: string,
    @Arg('name', () => String, { nullable: true, description: 'Only the versions of this name.' }) name?: string,
  ) {
    return eligibilityService.list(ctx, { status: status ?? undefined, name: name ?? undefined });
  }

  @Query(() => EligibilityRuleSet, { nullable: true, description: 'One eligibility rule set by ID; null if there is none.' })
  ruleSet(@Arg('id', () => ID, { description: 'Global ID of the rule set.' }) id: string, @Ctx() ctx: Context) {
    return eligibilityService.byId(ctx, id);
  }

  @Query(() => RuleSetPreview, { description: "What a rule set would do over a county, township or village compared with today's register: who would enter and who would leave, with counts by child area. Writes nothing. Admins, officials and analysts, inside their area." })
  previewRuleSet(
    @Arg('ruleSet', () => ID, { description: 'Global ID of the rule set (a draft, the active one or a retired one).' }) ruleSet: string,
    @Arg('areaCode', () => String, { description: 'A 6, 9 or 12-digit area code inside your area.' }) areaCode: string,
    @Ctx() ctx: Context,
    @Arg('year', () => Int, { nullable: true, description: 'The income year judged; each household’s latest recorded year if omitted.' }) year?: number,
  ) {
    return previewService.preview(ctx, ruleSet, areaCode, year);
  }

  @Mutation(() => EligibilityRuleSet, { description: 'Creates a rule set as a DRAFT — a new version when the name exists. Admins only. A definition that breaks a rule is refused with BAD_USER_INPUT naming the field (e.g. input.definition.proxyMeans.groups[1].below). Audited.' })
  createRuleSet(@Arg('input', () => CreateRuleSetInput, { description: 'The rule set.' }) input: CreateRuleSetInput, @Ctx() ctx: Context) {
    return eligibilityService.create(ctx, input);
  }

  @Mutation(() => EligibilityRuleSet, { description: 'Puts a draft or retired rule set in force; the one in force before is retired. Admins only; INVALID_TRANSITION if it is already active. Audited.' })
  activateRuleSet(@Arg('id', () => ID, { description: 'Global ID of the rule set.' }) id: string, @Ctx() ctx: Context) {
    return eligibilityService.activate(ctx, id);
  }
}

@Resolver(() => RuleSetPreview)
export class RuleSetPreviewResolver {
  @FieldResolver(() => HouseholdConnection, { description: 'Households that would enter, in household-number order.' })
  entrants(@Root() p: RuleSetPreview, @Ctx() ctx: Context, @First() first?: number, @After() after?: string) {
    return previewService.households(ctx, p.entrantNumbers, { first, after });
  }

  @FieldResolver(() => HouseholdConnection, { description: 'Households that would leave, in household-number order.' })
  leavers(@Root() p: RuleSetPreview, @Ctx() ctx: Context, @First() first?: number, @After() after?: string) {
    return previewService.households(ctx, p.leaverNumbers, { first, after });
  }
}

@Resolver(() => RuleSetPreviewArea)
export class RuleSetPreviewAreaResolver {
  @FieldResolver(() => Area, { nullable: true, description: 'The child area (name and level), if it is in the division list.' })
  area(@Root() a: RuleSetPreviewArea, @Ctx() ctx: Context) {
    return areaService.byCode(ctx, a.areaCode);
  }
}

@Resolver(() => Household)
export class HouseholdEligibilityResolver {
  @FieldResolver(() => EligibilityDecision, { nullable: true, description: 'The household judged by an eligibility rule set (the active one if none is named) for a year (the latest recorded if omitted), with every rule’s inputs, result and contribution; null without a record for that year, or without the poverty line its income test needs.' })
  eligibility(
    @Root() h: HouseholdModel,
    @Ctx() ctx: Context,
    @Arg('ruleSet', () => ID, { nullable: true, description: 'Global ID of the rule set; the active one if omitted.' }) ruleSet?: string,
    @Arg('year', () => Int, { nullable: true, description: 'The income year.' }) year?: number,
  ) {
    return eligibilityService.decide(ctx, h, ruleSet, year);
  }
}
