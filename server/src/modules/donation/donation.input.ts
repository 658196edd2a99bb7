/** Inputs of social participation: one input per mutation, and the filters of the lists. */
import { Field, Float, ID, InputType, Int } from 'type-graphql';
import { GraphQLLocalDate } from 'graphql-scalars';
import { DonorKind, NeedCategory, NeedDecision, NeedStatus } from '../../codes/donation.codes.js';

@InputType({ description: "A participant's interests (all optional)." })
export class DonorInterestsInput {
  @Field(() => [NeedCategory.values], { nullable: true, description: 'Categories it funds.' }) categories?: string[];
  @Field(() => [String], { nullable: true, description: 'Area code prefixes it helps (statistical codes), at most 50.' }) areaCodes?: string[];
  @Field(() => Float, { nullable: true, description: 'Smallest open amount it considers, yuan.' }) minAmount?: number;
  @Field(() => Float, { nullable: true, description: 'Largest open amount it considers, yuan.' }) maxAmount?: number;
}

@InputType({ description: 'Registers a participant. Admins and officials.' })
export class RegisterDonorInput {
  @Field(() => String, { description: 'Name 名称, 1–200 characters.' }) name!: string;
  @Field(() => DonorKind.values, { description: 'Kind 类型.' }) kind!: string;
  @Field(() => String, { description: "The `sub` of the participant's donor token; unique." }) subject!: string;
  @Field(() => ID, { nullable: true, description: 'Global ID of the assistance unit that is the same body (same kind), to link them.' }) unitId?: string;
  @Field(() => DonorInterestsInput, { nullable: true, description: 'Stated interests.' }) interests?: DonorInterestsInput;
}

@InputType({ description: "Replaces the calling participant's interests." })
export class SetDonorInterestsInput {
  @Field(() => DonorInterestsInput, { description: 'The interests.' }) interests!: DonorInterestsInput;
}

@InputType({ description: 'Drafts a need for a registered household or a poor village: an amount in yuan, or items and a quantity.' })
export class DraftNeedInput {
  @Field(() => ID, { nullable: true, description: 'Global ID of the registered household (or give villageCode for a poor village).' }) householdId?: string;
  @Field(() => String, { nullable: true, description: 'Code of the poor village (12 digits), for a need of the village as a whole.' }) villageCode?: string;
  @Field(() => NeedCategory.values, { description: 'Category 需求类别.' }) category!: string;
  @Field(() => Float, { nullable: true, description: 'Amount in yuan (or items and quantity).' }) amount?: number;
  @Field(() => String, { nullable: true, description: 'Items asked, e.g. "棉被" (with quantity).' }) items?: string;
  @Field(() => Int, { nullable: true, description: 'Number of items.' }) quantity?: number;
  @Field(() => GraphQLLocalDate, { description: 'Deadline, after today and within two years.' }) deadline!: string;
  @Field(() => String, { description: 'Short description, at most 500 characters, without ID numbers, phones or names of the household.' }) description!: string;
}

@InputType({ description: 'The township check or county review of a need.' })
export class DecideNeedInput {
  @Field(() => ID, { description: 'Global ID of the need.' }) needId!: string;
  @Field(() => NeedDecision.values, { description: 'Approve or reject.' }) decision!: string;
  @Field(() => String, { nullable: true, description: 'Reason; required to reject.' }) reason?: string;
}

@InputType({ description: 'Cancels a need with a reason; its undelivered pledges are cancelled with it.' })
export class CancelNeedInput {
  @Field(() => ID, { description: 'Global ID of the need.' }) needId!: string;
  @Field(() => String, { description: 'Why, 1–500 characters.' }) reason!: string;
}

@InputType({ description: 'A pledge against a published need: part or all of what is open.' })
export class PledgeInput {
  @Field(() => ID, { description: 'Global ID of the published need (PublishedNeed.id).' }) needId!: string;
  @Field(() => Float, { nullable: true, description: 'Yuan, for a need in yuan.' }) amount?: number;
  @Field(() => Int, { nullable: true, description: 'Items, for a need of items.' }) quantity?: number;
  @Field(() => GraphQLLocalDate, { nullable: true, description: "Delivered by (default and at most: the need's deadline)." }) deliverBy?: string;
}

@InputType({ description: 'A delivery of a pledge, reported by its donor.' })
export class ReportDeliveryInput {
  @Field(() => ID, { description: 'Global ID of the pledge.' }) pledgeId!: string;
  @Field(() => GraphQLLocalDate, { description: 'Delivered on: not before the pledge, not in the future.' }) deliveredOn!: string;
  @Field(() => Float, { nullable: true, description: 'Yuan delivered (default: the pledge).' }) amount?: number;
  @Field(() => Int, { nullable: true, description: 'Items delivered (default: the pledge).' }) quantity?: number;
  @Field(() => String, { description: 'Evidence reference 凭证: a receipt number or transfer reference, 1–200 characters.' }) evidence!: string;
}

@InputType({ description: 'A cadre confirms receipt of a delivered pledge.' })
export class ConfirmReceiptInput {
  @Field(() => ID, { description: 'Global ID of the pledge.' }) pledgeId!: string;
  @Field(() => GraphQLLocalDate, { nullable: true, description: 'Received on (default today).' }) receivedOn?: string;
}

@InputType({ description: "The household's (or village's) acknowledgement of a confirmed pledge, recorded by the cadre." })
export class RecordAcknowledgementInput {
  @Field(() => ID, { description: 'Global ID of the pledge.' }) pledgeId!: string;
  @Field(() => GraphQLLocalDate, { nullable: true, description: 'Acknowledged on (default today).' }) acknowledgedOn?: string;
  @Field(() => String, { nullable: true, description: 'A short note (no names), at most 200 characters.' }) note?: string;
}

@InputType({ description: 'Which published needs.' })
export class PublishedNeedFilterInput {
  @Field(() => String, { nullable: true, description: 'Area code prefix.' }) areaCode?: string;
  @Field(() => [NeedCategory.values], { nullable: true, description: 'Categories.' }) categories?: string[];
  @Field(() => Float, { nullable: true, description: 'At least this much open, yuan (needs in yuan only).' }) minOpenAmount?: number;
  @Field(() => Float, { nullable: true, description: 'At most this much open, yuan (needs in yuan only).' }) maxOpenAmount?: number;
  @Field(() => GraphQLLocalDate, { nullable: true, description: 'Deadline on or before.' }) deadlineBefore?: string;
  @Field(() => Int, { nullable: true, description: 'Urgency: deadline within this many days.' }) dueWithinDays?: number;
  @Field(() => Boolean, { nullable: true, description: 'Also fully pledged ones (default false).' }) includeFullyPledged?: boolean;
}

@InputType({ description: 'Which needs (officials and cadres).' })
export class NeedFilterInput {
  @Field(() => String, { nullable: true, description: 'Area code prefix.' }) areaCode?: string;
  @Field(() => NeedStatus.values, { nullable: true, description: 'Status.' }) status?: string;
  @Field(() => NeedCategory.values, { nullable: true, description: 'Category.' }) category?: string;
}
