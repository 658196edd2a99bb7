/** Social participation: participants, needs, pledges, deliveries and ledgers. Thin: arguments in, one service call out. */
import { Arg, Ctx, FieldResolver, ID, Int, Mutation, Query, Resolver, Root, Subscription } from 'type-graphql';
import { After, First, withoutNulls } from '../../graphql/args.js';
import type { Context } from '../../graphql/context.js';
import { donorService, ledgerService, matchService, needService, pledgeService } from './donation.service.js';
import type { NeedModel, PledgeModel } from './donation.model.js';
import type { NeedMatchEdge as MatchEdge } from './match.service.js';
import {
  CountyDonationLedger, DonationTotals, Donor, DonorConnection, Need, NeedConnection, NeedWarning, Pledge, PledgeConnection, PublishedNeed,
  NeedMatchEdge, PublishedNeedConnection, RecommendedNeed,
} from './donation.type.js';
import {
  CancelNeedInput, ConfirmReceiptInput, DecideNeedInput, DraftNeedInput, NeedFilterInput, PledgeInput, PublishedNeedFilterInput, RecordAcknowledgementInput,
  RegisterDonorInput, ReportDeliveryInput, SetDonorInterestsInput,
} from './donation.input.js';

@Resolver(() => Donor)
export class DonorResolver {
  @Mutation(() => Donor, { description: "Registers a participant in social assistance, bound to a donor token by its `subject`. Admins and officials." })
  registerDonor(@Arg('input', () => RegisterDonorInput, { description: 'The participant.' }) input: RegisterDonorInput, @Ctx() ctx: Context) {
    return donorService.registerDonor(ctx, input);
  }

  @Mutation(() => Donor, { description: "Replaces the calling participant's stated interests. Donors." })
  setDonorInterests(@Arg('input', () => SetDonorInterestsInput, { description: 'The interests.' }) input: SetDonorInterestsInput, @Ctx() ctx: Context) {
    return donorService.setInterests(ctx, input.interests);
  }

  @Query(() => DonorConnection, { description: 'Registered participants. Admins and officials.' })
  donors(@Ctx() ctx: Context, @First() first?: number, @After() after?: string) {
    return donorService.donors(ctx, first ?? undefined, after ?? undefined);
  }

  @Query(() => Donor, { nullable: true, description: 'The participant your donor token acts as; null for other tokens or an unregistered subject.' })
  myDonor(@Ctx() ctx: Context) {
    return donorService.me(ctx);
  }

  @FieldResolver(() => DonationTotals, { description: "The participant's ledger: pledged, delivered and confirmed, yuan." })
  ledger(@Root() d: Donor, @Ctx() ctx: Context) {
    return donorService.donorLedger(ctx, d.key);
  }
}

@Resolver(() => Need)
export class NeedResolver {
  @Mutation(() => Need, { description: 'Drafts a need for a registered household in your scope or a poor village of your area. Cadres and officials of the village, admins.' })
  draftNeed(@Arg('input', () => DraftNeedInput, { description: 'The need.' }) input: DraftNeedInput, @Ctx() ctx: Context) {
    return needService.draftNeed(ctx, input);
  }

  @Mutation(() => Need, { description: 'The township check of a drafted need (DRAFT → CHECKED, or REJECTED). Officials of the township or above.' })
  checkNeed(@Arg('input', () => DecideNeedInput, { description: 'The decision.' }) input: DecideNeedInput, @Ctx() ctx: Context) {
    return needService.decide(ctx, input, 'check');
  }

  @Mutation(() => Need, { description: 'The county review of a checked need (CHECKED → PUBLISHED, or REJECTED); see reviewWarnings first. Officials of the county or above.' })
  reviewNeed(@Arg('input', () => DecideNeedInput, { description: 'The decision.' }) input: DecideNeedInput, @Ctx() ctx: Context) {
    return needService.decide(ctx, input, 'review');
  }

  @Mutation(() => Need, { description: 'Cancels a need with a reason; its undelivered pledges are cancelled. Cadres and officials of the area.' })
  cancelNeed(@Arg('input', () => CancelNeedInput, { description: 'The need and why.' }) input: CancelNeedInput, @Ctx() ctx: Context) {
    return needService.cancelNeed(ctx, input);
  }

  @Query(() => NeedConnection, { description: 'Needs of your area, every status. Admins, officials and cadres.' })
  needs(
    @Ctx() ctx: Context,
    @Arg('filter', () => NeedFilterInput, { nullable: true, description: 'Which needs.' }) filter?: NeedFilterInput,
    @First() first?: number,
    @After() after?: string,
  ) {
    return needService.needs(ctx, withoutNulls(filter), first ?? undefined, after ?? undefined);
  }

  @Query(() => Need, { nullable: true, description: 'One need by ID; null if it does not exist or is outside your area.' })
  need(@Arg('id', () => ID, { description: 'Global ID of the need.' }) id: string, @Ctx() ctx: Context) {
    return needService.need(ctx, id);
  }

  @FieldResolver(() => [NeedWarning], { description: 'What already funds this household in this category: sector project links, measures, pledges to earlier needs. For the county review.' })
  reviewWarnings(@Root() n: NeedModel, @Ctx() ctx: Context) {
    return needService.warnings(ctx, n);
  }

  @FieldResolver(() => [Pledge], { description: 'Pledges made against the need.' })
  pledges(@Root() n: NeedModel, @Ctx() ctx: Context) {
    return needService.pledgesOfNeed(ctx, n);
  }

  @FieldResolver(() => PublishedNeed, { nullable: true, description: 'What donors see of it (null until published).' })
  published(@Root() n: NeedModel) {
    return n.published;
  }
}

@Resolver(() => PublishedNeed)
export class PublishedNeedResolver {
  @Query(() => PublishedNeedConnection, { description: 'Published needs with something open, soonest deadline first: de-identified. Any token.' })
  publishedNeeds(
    @Ctx() ctx: Context,
    @Arg('filter', () => PublishedNeedFilterInput, { nullable: true, description: 'Which needs.' }) filter?: PublishedNeedFilterInput,
    @First() first?: number,
    @After() after?: string,
  ) {
    return matchService.publishedNeeds(ctx, withoutNulls(filter), first ?? undefined, after ?? undefined);
  }

  @Query(() => PublishedNeed, { nullable: true, description: 'One published need by ID; null if it is not published.' })
  publishedNeed(@Arg('id', () => ID, { description: 'Global ID of the published need.' }) id: string, @Ctx() ctx: Context) {
    return matchService.publishedNeed(ctx, id);
  }

  @Query(() => [RecommendedNeed], { description: 'Published needs ranked for you from your interests and past giving, with the reasons. Donors.' })
  recommendedNeeds(@Ctx() ctx: Context, @First() first?: number) {
    return matchService.recommended(ctx, first ?? undefined);
  }

  @Subscription(() => NeedMatchEdge, {
    name: 'matchingNeeds',
    description:
      'Needs published from now on (or after `after`) that match your stated interests (setDonorInterests: every stated criterion must hold; none stated, every need), '
      + 'pushed over GraphQL over WebSocket (graphql-transport-ws at /graphql, token in connection_init as `{ "authorization": "Bearer <token>" }`), each once, in the order published, with its reasons and a cursor. '
      + 'Keep the last cursor and subscribe again with it as `after` after a disconnect. A webhook (registerWebhook with a donor token) delivers the same matches. Donors.',
    subscribe: ({ args, context }) => matchService.matchingStream(context as Context, (args as { after?: string | null }).after ?? undefined),
  })
  matchingNeeds(
    @Root() edge: MatchEdge,
    @Arg('after', () => String, { nullable: true, description: 'Cursor to resume after (an edge’s cursor you kept); from now when absent.' }) _after?: string,
  ): MatchEdge {
    return edge;
  }

  @Query(() => CountyDonationLedger, { description: "A county's social assistance: per category needs, share matched, pledged, delivered and confirmed. Admins and officials of the county." })
  countyDonationLedger(@Arg('countyCode', () => String, { description: 'County code (6 digits).' }) countyCode: string, @Ctx() ctx: Context) {
    return ledgerService.countyLedger(ctx, countyCode, false);
  }

  @Query(() => CountyDonationLedger, { description: "The public summary of a county's social assistance, readable without a token: cells of fewer than 5 needs are null and flagged `suppressed`." })
  publicDonationSummary(@Arg('countyCode', () => String, { description: 'County code (6 digits).' }) countyCode: string, @Ctx() ctx: Context) {
    return ledgerService.countyLedger(ctx, countyCode, true);
  }
}

@Resolver(() => Pledge)
export class PledgeResolver {
  @Mutation(() => Pledge, { description: 'Pledges part or all of what is open on a published need. More than is open is a CONFLICT whose extensions carry the open amount. Donors.' })
  pledge(@Arg('input', () => PledgeInput, { description: 'The pledge.' }) input: PledgeInput, @Ctx() ctx: Context) {
    return pledgeService.pledge(ctx, input);
  }

  @Mutation(() => Pledge, { description: 'Reports the delivery of your pledge (PLEDGED → DELIVERED). Donors.' })
  reportDelivery(@Arg('input', () => ReportDeliveryInput, { description: 'The delivery.' }) input: ReportDeliveryInput, @Ctx() ctx: Context) {
    return pledgeService.reportDelivery(ctx, input);
  }

  @Mutation(() => Pledge, { description: 'Confirms receipt of a delivered pledge (DELIVERED → CONFIRMED). Cadres and officials of the area.' })
  confirmReceipt(@Arg('input', () => ConfirmReceiptInput, { description: 'The pledge.' }) input: ConfirmReceiptInput, @Ctx() ctx: Context) {
    return pledgeService.confirmReceipt(ctx, input);
  }

  @Mutation(() => Pledge, { description: "Records the household's acknowledgement of a confirmed pledge. Cadres and officials of the area." })
  recordAcknowledgement(@Arg('input', () => RecordAcknowledgementInput, { description: 'The acknowledgement.' }) input: RecordAcknowledgementInput, @Ctx() ctx: Context) {
    return pledgeService.recordAcknowledgement(ctx, input);
  }

  @Query(() => PledgeConnection, { description: 'Your pledges, oldest first. Donors.' })
  myPledges(@Ctx() ctx: Context, @First() first?: number, @After() after?: string) {
    return pledgeService.myPledges(ctx, first ?? undefined, after ?? undefined);
  }

  @Query(() => Pledge, { nullable: true, description: "One pledge: your own (a donor), or one in your area; null otherwise, as for one that does not exist." })
  pledgeById(@Arg('id', () => ID, { description: 'Global ID of the pledge.' }) id: string, @Ctx() ctx: Context) {
    return pledgeService.byGlobalId(ctx, id);
  }

  @FieldResolver(() => PublishedNeed, { nullable: true, description: 'The need pledged to, as published.' })
  need(@Root() p: PledgeModel, @Ctx() ctx: Context) {
    return pledgeService.needOf(ctx, p);
  }

  @FieldResolver(() => Donor, { nullable: true, description: 'The participant who pledged: for itself and for admins, officials and cadres.' })
  donor(@Root() p: PledgeModel, @Ctx() ctx: Context) {
    return pledgeService.donorOf(ctx, p);
  }
}
