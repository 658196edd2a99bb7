/**
 * GraphQL types of social participation 社会扶贫 (issue 11). Two views of a need:
 * `Need`, for the officials and cadres of its area (with its household and its pledges),
 * and `PublishedNeed`, what every token — a donor's too — sees of a published one: a
 * random reference per need, area names, household size, the causes the category answers,
 * the amount still open. Nothing in a PublishedNeed names or links a household.
 */
import { Field, Float, ID, Int, ObjectType } from 'type-graphql';
import { GraphQLLocalDate } from 'graphql-scalars';
import { Cause } from '../../codes/index.js';
import { DonorKind, NeedCategory, NeedStatus, NeedWarningKind, PledgeStatus } from '../../codes/donation.codes.js';
import { Connection } from '../../graphql/connection.js';
import { Node } from '../node/node.type.js';

@ObjectType({ description: "A participant's stated interests: what it would like to be shown first." })
export class DonorInterests {
  @Field(() => [NeedCategory.values], { description: 'Categories of need it funds (empty: any).' }) categories!: string[];
  @Field(() => [String], { description: 'Area code prefixes it helps (empty: anywhere).' }) areaCodes!: string[];
  @Field(() => Float, { nullable: true, description: 'Smallest open amount in yuan it considers.' }) minAmount!: number | null;
  @Field(() => Float, { nullable: true, description: 'Largest open amount in yuan it considers.' }) maxAmount!: number | null;
}

@ObjectType({ description: 'Pledged, delivered and confirmed totals. Amounts are in yuan over needs stated in yuan; `pledges` counts the pledges still standing.' })
export class DonationTotals {
  @Field(() => Float, { description: 'Pledged and still standing (not expired or cancelled), yuan 认捐金额.' }) pledged!: number;
  @Field(() => Float, { description: 'Reported delivered by donors, yuan 捐赠金额.' }) delivered!: number;
  @Field(() => Float, { description: 'Delivered and confirmed received by a cadre, yuan 确认金额.' }) confirmed!: number;
  @Field(() => Int, { description: 'Pledges still standing.' }) pledges!: number;
}

@ObjectType({ implements: Node, description: 'A participant in social assistance 社会扶贫参与方: an enterprise, social organization, individual, designated unit 定点扶贫, east–west partner 东西扶贫协作 or army unit. A donor token whose `sub` is its subject acts as it.' })
export class Donor {
  @Field(() => ID, { description: 'Opaque global ID.' }) id!: string;
  @Field(() => String, { description: 'Name of the participant 名称.' }) name!: string;
  @Field(() => DonorKind.values, { description: 'Kind of participant 类型.' }) kind!: string;
  @Field(() => ID, { nullable: true, description: 'Global ID of the assistance unit that is the same body (it also sends cadres), if linked.' }) unitId!: string | null;
  @Field(() => String, { nullable: true, description: "The `sub` of the participant's donor token. Shown to admins, officials and the participant itself." }) subject!: string | null;
  @Field(() => DonorInterests, { description: 'Stated interests.' }) interests!: DonorInterests;
  @Field(() => Date, { description: 'When it was registered.' }) createdAt!: Date;
  key!: string;
}

@ObjectType({ implements: Node, description: 'A published need as donors see it: de-identified. The reference is random per need, so two needs of one household cannot be linked.' })
export class PublishedNeed {
  @Field(() => ID, { description: 'Opaque global ID (of the reference, not of the household or the need record).' }) id!: string;
  @Field(() => String, { description: 'Pseudonymous reference of this need 需求编号, random per need.' }) reference!: string;
  @Field(() => NeedCategory.values, { description: 'Category 需求类别.' }) category!: string;
  @Field(() => String, { description: 'Village code (12 digits).' }) villageCode!: string;
  @Field(() => String, { nullable: true, description: 'Village name 村.' }) villageName!: string | null;
  @Field(() => String, { nullable: true, description: 'Township name 乡镇.' }) townshipName!: string | null;
  @Field(() => String, { nullable: true, description: 'County name 县.' }) countyName!: string | null;
  @Field(() => Boolean, { description: 'Whether the need is of a poor village as a whole (no household).' }) forVillage!: boolean;
  @Field(() => Int, { nullable: true, description: "The household's size 家庭人口 (null for a village's need)." }) householdSize!: number | null;
  @Field(() => [Cause.values], { description: "The household's causes of poverty 致贫原因 that this category answers (empty for a village's need)." }) causes!: string[];
  @Field(() => Float, { nullable: true, description: 'Amount asked, yuan (null when items are asked).' }) amount!: number | null;
  @Field(() => String, { nullable: true, description: 'Items asked 物资 (null when an amount is asked).' }) items!: string | null;
  @Field(() => Int, { nullable: true, description: 'Number of items asked (null when an amount is asked).' }) quantity!: number | null;
  @Field(() => Float, { nullable: true, description: 'Amount still open, yuan: asked minus standing pledges (null when items are asked).' }) openAmount!: number | null;
  @Field(() => Int, { nullable: true, description: 'Items still open (null when an amount is asked).' }) openQuantity!: number | null;
  @Field(() => GraphQLLocalDate, { description: 'Deadline 截止日期: pledges are delivered by then.' }) deadline!: string;
  @Field(() => Int, { description: 'Days left until the deadline (0 = today): the urgency.' }) daysLeft!: number;
  @Field(() => String, { description: 'Short description 需求描述 (checked to name nobody).' }) description!: string;
  @Field(() => Date, { nullable: true, description: 'When it was published.' }) publishedAt!: Date | null;
}

@ObjectType({ description: 'Something that already funds what a need asks, for the reviewer to weigh.' })
export class NeedWarning {
  @Field(() => NeedWarningKind.values, { description: 'What funds it.' }) kind!: string;
  @Field(() => String, { description: 'What it is, in words.' }) message!: string;
  @Field(() => ID, { description: 'Global ID of the project link, measure or earlier need.' }) refId!: string;
}

@ObjectType({ implements: Node, description: "A need 需求 as the officials and cadres of its area see it: a household's or a poor village's, drafted by the village, checked by the township, reviewed and published by the county." })
export class Need {
  @Field(() => ID, { description: 'Opaque global ID.' }) id!: string;
  @Field(() => String, { description: 'The reference donors see.' }) reference!: string;
  @Field(() => ID, { nullable: true, description: 'Global ID of the household (null for a village need).' }) householdId!: string | null;
  @Field(() => String, { description: 'Village code.' }) villageCode!: string;
  @Field(() => NeedCategory.values, { description: 'Category 需求类别.' }) category!: string;
  @Field(() => Float, { nullable: true, description: 'Amount asked, yuan (null when items are asked).' }) amount!: number | null;
  @Field(() => String, { nullable: true, description: 'Items asked (null when an amount is asked).' }) items!: string | null;
  @Field(() => Int, { nullable: true, description: 'Number of items asked.' }) quantity!: number | null;
  @Field(() => Float, { description: 'Still open, in the need’s unit (yuan or items).' }) open!: number;
  @Field(() => GraphQLLocalDate, { description: 'Deadline.' }) deadline!: string;
  @Field(() => String, { description: 'Short description.' }) description!: string;
  @Field(() => NeedStatus.values, { description: 'Where it stands.' }) status!: string;
  @Field(() => String, { nullable: true, description: 'Why it was rejected or cancelled.' }) closedReason!: string | null;
  @Field(() => DonationTotals, { description: 'Pledged, delivered and confirmed, in the need’s unit.' }) totals!: DonationTotals;
  @Field(() => Date, { description: 'When it was drafted.' }) createdAt!: Date;
  key!: string;
  householdKey!: string | null;
  published!: PublishedNeed | null;
}

@ObjectType({ description: 'A delivery reported by the donor.' })
export class Delivery {
  @Field(() => GraphQLLocalDate, { description: 'Delivered on.' }) deliveredOn!: string;
  @Field(() => Float, { description: 'Delivered, in the need’s unit (yuan or items).' }) size!: number;
  @Field(() => String, { description: 'Evidence reference 凭证 (a receipt number, a transfer reference).' }) evidence!: string;
}

@ObjectType({ implements: Node, description: "A donor's pledge 认捐 against a published need." })
export class Pledge {
  @Field(() => ID, { description: 'Opaque global ID.' }) id!: string;
  @Field(() => Float, { nullable: true, description: 'Pledged yuan (null for items).' }) amount!: number | null;
  @Field(() => Int, { nullable: true, description: 'Pledged items (null for yuan).' }) quantity!: number | null;
  @Field(() => GraphQLLocalDate, { description: 'To be delivered by; undelivered after it, the pledge expires and its amount reopens.' }) deliverBy!: string;
  @Field(() => PledgeStatus.values, { description: 'Where it stands (EXPIRED is computed when read).' }) status!: string;
  @Field(() => Delivery, { nullable: true, description: 'The delivery, once reported.' }) delivery!: Delivery | null;
  @Field(() => GraphQLLocalDate, { nullable: true, description: 'When a cadre confirmed receipt.' }) confirmedOn!: string | null;
  @Field(() => GraphQLLocalDate, { nullable: true, description: "When the household's (or village's) acknowledgement 受助确认 was recorded." }) acknowledgedOn!: string | null;
  @Field(() => Date, { description: 'When pledged.' }) createdAt!: Date;
  key!: string;
  needKey!: string;
  donorKey!: string;
}

@ObjectType({ description: 'A recommended need, with why.' })
export class RecommendedNeed {
  @Field(() => PublishedNeed, { description: 'The need.' }) need!: PublishedNeed;
  @Field(() => Float, { description: 'Score (higher first).' }) score!: number;
  @Field(() => [String], { description: 'Why it is recommended, e.g. "in a category you fund (school aid)".' }) reasons!: string[];
}

@ObjectType({ simpleResolvers: true, description: 'A newly published need that matches your stated interests, with why.' })
export class NeedMatch {
  @Field(() => PublishedNeed, { description: 'The need, as published (what is open is as of the moment it is sent).' }) need!: PublishedNeed;
  @Field(() => [String], { description: 'Which of your interests it meets, in words, e.g. "in an area you help (433124)".' }) reasons!: string[];
}

@ObjectType({ simpleResolvers: true, description: 'One event of the `matchingNeeds` subscription: the match and its cursor.' })
export class NeedMatchEdge {
  @Field(() => NeedMatch, { description: 'The matching need.' }) node!: NeedMatch;
  @Field(() => String, { description: 'Opaque cursor: subscribe again with it as `after` to resume after a disconnect.' }) cursor!: string;
}

@ObjectType({ description: 'One category of a county ledger. In the public summary, cells with fewer than 5 needs are null and `suppressed`.' })
export class CategoryLedger {
  @Field(() => NeedCategory.values, { nullable: true, description: 'Category (null for the total).' }) category!: string | null;
  @Field(() => Boolean, { description: 'Whether the cell is withheld (fewer than 5 needs): its numbers are null.' }) suppressed!: boolean;
  @Field(() => Int, { nullable: true, description: 'Needs published (including later cancelled ones).' }) needs!: number | null;
  @Field(() => Float, { nullable: true, description: 'Share of those needs fully pledged, 0–1.' }) matchedShare!: number | null;
  @Field(() => Float, { nullable: true, description: 'Pledged and standing, yuan.' }) pledged!: number | null;
  @Field(() => Float, { nullable: true, description: 'Delivered, yuan.' }) delivered!: number | null;
  @Field(() => Float, { nullable: true, description: 'Confirmed received, yuan.' }) confirmed!: number | null;
}

@ObjectType({ description: 'What social assistance did in a county: per category and in all.' })
export class CountyDonationLedger {
  @Field(() => String, { description: 'County code (6 digits).' }) countyCode!: string;
  @Field(() => String, { nullable: true, description: 'County name.' }) countyName!: string | null;
  @Field(() => [CategoryLedger], { description: 'Per category (only categories with published needs).' }) categories!: CategoryLedger[];
  @Field(() => CategoryLedger, { description: 'All categories together (suppressed under 5 needs as well).' }) total!: CategoryLedger;
}

export const DonorConnection = Connection(Donor, 'Donor', 'participant');
export const NeedConnection = Connection(Need, 'Need', 'need');
export const PublishedNeedConnection = Connection(PublishedNeed, 'PublishedNeed', 'published need');
export const PledgeConnection = Connection(Pledge, 'Pledge', 'pledge');
