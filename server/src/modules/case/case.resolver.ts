/** Cases: one mutation per step of each procedure, the case's parts, and the work queues. Thin. */
import { GraphQLLocalDate } from 'graphql-scalars';
import { Arg, Ctx, Field, FieldResolver, ID, Mutation, ObjectType, Query, Resolver, Root } from 'type-graphql';
import { After, First } from '../../graphql/args.js';
import type { Context } from '../../graphql/context.js';
import { Household, ConsistencyWarning } from '../household/household.type.js';
import { householdService } from '../household/household.service.js';
import { Village } from '../village/village.type.js';
import { villageService } from '../village/village.service.js';
import {
  AppraisalInput, DecisionInput, ExitConsentInput, FileApplicationInput, OpenCaseInput, PostingInput,
  ProposeRemovalInput, RaiseObjectionInput, ReportRelapseInput, ResolveObjectionInput, StepInput, VerifyExitInput,
} from './case.input.js';
import type { CaseModel, PostingModel } from './case.mapper.js';
import { caseOpen } from './case.open.js';
import { caseService } from './case.service.js';
import { Case, CaseConnection, CaseDocument, CasePayload, CaseStep, NextStep, Objection, Posting, PostingConnection } from './case.type.js';

@ObjectType({ description: 'An application filed: the case, the household (a CANDIDATE) and any consistency warnings.' })
class ApplicationPayload {
  @Field(() => Case, { description: 'The identification case, state APPLIED.' }) case!: Case;
  @Field(() => Household, { description: 'The household as stored, stage CANDIDATE.' }) household!: Household;
  @Field(() => [ConsistencyWarning], { description: 'Consistency warnings of the form.' }) warnings!: ConsistencyWarning[];
}

@ObjectType({ description: 'An objection recorded or resolved, and its case after it.' })
class ObjectionPayload {
  @Field(() => Case, { description: 'The case after the objection.' }) case!: Case;
  @Field(() => Objection, { description: 'The objection.' }) objection!: Objection;
}

const caseId = () => Arg('caseId', () => ID, { description: 'The Case ID.' });

@Resolver(() => Case)
export class CaseResolver {
  @Query(() => Case, { nullable: true, description: 'One case; null if it does not exist or is outside your area.' })
  case(@Arg('id', () => ID, { description: 'The Case ID.' }) id: string, @Ctx() ctx: Context) { return caseService.byId(ctx, id); }

  @Query(() => CaseConnection, { description: 'Open cases of your area whose next step your role and level can take now (posted cases once their window has closed).' })
  casesWaitingForMe(@Ctx() ctx: Context, @First() first?: number, @After() after?: string) { return caseService.waitingForMe(ctx, first, after); }

  @Query(() => PostingConnection, { description: 'Postings 公示 up today in the villages under an area (e.g. a township).' })
  openPostings(@Arg('areaCode', () => String, { description: 'Area code prefix, e.g. a 9-digit township.' }) areaCode: string, @Ctx() ctx: Context, @First() first?: number, @After() after?: string) {
    return caseService.openPostings(ctx, areaCode, first, after);
  }

  @Mutation(() => ApplicationPayload, { description: 'Files an application 申请 for a household (by a cadre or official of the village): the household enters as a CANDIDATE and its identification case starts.' })
  fileApplication(@Arg('input', () => FileApplicationInput, { description: 'The form and the case.' }) input: FileApplicationInput, @Ctx() ctx: Context) { return caseOpen.application(ctx, input); }

  @Mutation(() => CasePayload, { description: 'Proposes the exit 退出 of a registered poor household (status 0 or 3).' })
  proposeExit(@Arg('householdId', () => ID, { description: 'The Household ID.' }) householdId: string, @Arg('input', () => OpenCaseInput, { description: 'The exit year and day.' }) input: OpenCaseInput, @Ctx() ctx: Context) { return caseOpen.exit(ctx, householdId, input); }

  @Mutation(() => CasePayload, { description: 'Reports a relapse 返贫 of an exited household (status 1 or 4), with its cause; the county confirms it (approveCase).' })
  reportRelapse(@Arg('householdId', () => ID, { description: 'The Household ID.' }) householdId: string, @Arg('input', () => ReportRelapseInput, { description: 'Cause and account.' }) input: ReportRelapseInput, @Ctx() ctx: Context) { return caseOpen.relapse(ctx, householdId, input); }

  @Mutation(() => CasePayload, { description: 'Proposes the removal 错评清退 of a wrongly registered household, with the reason; the county decides (approveCase).' })
  proposeRemoval(@Arg('householdId', () => ID, { description: 'The Household ID.' }) householdId: string, @Arg('input', () => ProposeRemovalInput, { description: 'The reason.' }) input: ProposeRemovalInput, @Ctx() ctx: Context) { return caseOpen.removal(ctx, householdId, input); }

  @Mutation(() => CasePayload, { description: 'A village applies to be identified as a poor village 贫困村.' })
  applyPoorVillage(@Arg('villageCode', () => String, { description: '12-digit village code.' }) villageCode: string, @Arg('input', () => OpenCaseInput, { description: 'The year and day.' }) input: OpenCaseInput, @Ctx() ctx: Context) { return caseOpen.village(ctx, villageCode, input); }

  @Mutation(() => CasePayload, { description: 'Proposes the exit 出列 of a poor village; the township verifies its poverty incidence against the province’s threshold (verifyExit).' })
  proposeVillageExit(@Arg('villageCode', () => String, { description: '12-digit village code.' }) villageCode: string, @Arg('input', () => OpenCaseInput, { description: 'The exit year and day.' }) input: OpenCaseInput, @Ctx() ctx: Context) { return caseOpen.village(ctx, villageCode, input, 'VILLAGE_EXIT'); }

  @Mutation(() => CasePayload, { description: "Records the villager representatives' appraisal 民主评议 (village level)." })
  appraiseCase(@caseId() id: string, @Arg('input', () => AppraisalInput, { description: 'Votes and decision.' }) input: AppraisalInput, @Ctx() ctx: Context) { return caseService.appraise(ctx, id, input); }

  @Mutation(() => CasePayload, { description: 'Puts the case up in the village 公示 (village level): the next step waits until the window closes with every objection resolved.' })
  postCase(@caseId() id: string, @Arg('input', () => PostingInput, { description: 'Day and place.' }) input: PostingInput, @Ctx() ctx: Context) { return caseService.post(ctx, id, input); }

  @Mutation(() => CasePayload, { description: 'Township review 乡镇审核 (an official of the township or above).' })
  reviewCase(@caseId() id: string, @Arg('input', () => DecisionInput, { description: 'Decision.' }) input: DecisionInput, @Ctx() ctx: Context) { return caseService.review(ctx, id, input); }

  @Mutation(() => CasePayload, { description: 'County review and approval 县级审定 (an official of the county or above); an identification counts against the quota.' })
  approveCase(@caseId() id: string, @Arg('input', () => DecisionInput, { description: 'Decision.' }) input: DecisionInput, @Ctx() ctx: Context) { return caseService.approve(ctx, id, input); }

  @Mutation(() => CasePayload, { description: "The exit check 核实, computed from the register: for a household (village committee and work team) its income against the line and 两不愁三保障; for a village (township) its poverty incidence against the province's threshold. A failing check passes only with an override reason." })
  verifyExit(@caseId() id: string, @Arg('input', () => VerifyExitInput, { description: 'Day and any override.' }) input: VerifyExitInput, @Ctx() ctx: Context) { return caseService.verify(ctx, id, input); }

  @Mutation(() => CasePayload, { description: 'Records that the household agrees to its exit.' })
  recordExitConsent(@caseId() id: string, @Arg('input', () => ExitConsentInput, { description: 'Who agreed.' }) input: ExitConsentInput, @Ctx() ctx: Context) { return caseService.consent(ctx, id, input); }

  @Mutation(() => CasePayload, { description: 'Announces 公告 the result (county level): the household is registered or exits; the village becomes a poor village.' })
  announceCase(@caseId() id: string, @Arg('input', () => StepInput, { description: 'Day and documents.' }) input: StepInput, @Ctx() ctx: Context) { return caseService.announce(ctx, id, input); }

  @Mutation(() => ObjectionPayload, { description: 'Records an objection 异议 received during a posting (by the cadre or official who received it).' })
  raiseObjection(@caseId() id: string, @Arg('input', () => RaiseObjectionInput, { description: 'The objection.' }) input: RaiseObjectionInput, @Ctx() ctx: Context) { return caseService.raiseObjection(ctx, id, input); }

  @Mutation(() => ObjectionPayload, { description: 'Resolves an objection (at the level of the next step): dismissed, or upheld — the case returns or is rejected.' })
  resolveObjection(@Arg('objectionId', () => ID, { description: 'The Objection ID.' }) id: string, @Arg('input', () => ResolveObjectionInput, { description: 'The resolution.' }) input: ResolveObjectionInput, @Ctx() ctx: Context) {
    return caseService.resolveObjection(ctx, id, input);
  }

  @Mutation(() => Household, { description: 'Ends the policies of an exited household (status 1 → 4) once its policy end date has come (county level).' })
  endExitPolicy(
    @Arg('householdId', () => ID, { description: 'The Household ID.' }) householdId: string,
    @Arg('reason', () => String, { description: 'The decision the policies end on.' }) reason: string,
    @Ctx() ctx: Context,
    @Arg('date', () => GraphQLLocalDate, { nullable: true, description: 'The day (default today).' }) date?: string,
  ) { return caseService.endExitPolicy(ctx, householdId, { date, reason }); }

  @FieldResolver(() => Household, { nullable: true, description: 'The household (household cases).' })
  household(@Root() c: CaseModel, @Ctx() ctx: Context) { return c.householdId ? householdService.byKey(ctx, c.householdId) : null; }

  @FieldResolver(() => Village, { nullable: true, description: 'The village.' })
  village(@Root() c: CaseModel, @Ctx() ctx: Context) { return villageService.byCode(ctx, c.villageCode); }

  @FieldResolver(() => [CaseStep], { description: 'Every step taken, in order.' })
  steps(@Root() c: CaseModel, @Ctx() ctx: Context) { return caseService.steps(ctx, c); }

  @FieldResolver(() => [Posting], { description: 'Its postings, in order, with their objections.' })
  postings(@Root() c: CaseModel, @Ctx() ctx: Context) { return caseService.postings(ctx, c); }

  @FieldResolver(() => [CaseDocument], { description: 'Documents filed with it.' })
  documents(@Root() c: CaseModel, @Ctx() ctx: Context) { return caseService.documents(ctx, c); }

  @FieldResolver(() => [NextStep], { description: 'The steps the procedure allows next, and why you may not take them now if so.' })
  nextSteps(@Root() c: CaseModel, @Ctx() ctx: Context) { return caseService.nextSteps(ctx, c); }
}

@Resolver(() => Posting)
export class PostingResolver {
  @FieldResolver(() => [Objection], { description: 'Objections raised during it.' })
  objections(@Root() p: PostingModel, @Ctx() ctx: Context) { return caseService.objections(ctx, p.key); }
}

@Resolver(() => Household)
export class HouseholdCasesResolver {
  @FieldResolver(() => [Case], { description: 'Every case of the household (identification, exit, relapse, removal), oldest first.' })
  cases(@Root() h: { key: string }, @Ctx() ctx: Context) { return caseService.ofHousehold(ctx, h.key); }
}
