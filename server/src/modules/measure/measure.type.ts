/**
 * GraphQL types of assistance plans and measures 帮扶计划与措施, with the typed parts of
 * the three brands (雨露计划, 扶贫小额信贷, 易地扶贫搬迁) and of house renovation.
 */
import { Field, Float, ID, Int, ObjectType } from 'type-graphql';
import { GraphQLLocalDate } from 'graphql-scalars';
import { Node } from '../node/node.type.js';
import { AssistanceRoute, Cause, DilapidatedGrade, FundingSource, LoanStatus, MeasureKind, MeasureStatus, RainDewSupport } from '../../codes/index.js';

@ObjectType({ description: 'A cadre 帮扶干部 as named on a measure or as a household’s responsible person 帮扶责任人.' })
export class ResponsiblePerson {
  @Field(() => ID, { description: 'Global ID of the cadre.' }) cadreId!: string;
  @Field(() => String, { nullable: true, description: 'Name; null if your role may not see personal data.' }) name!: string | null;
  @Field(() => String, { nullable: true, description: 'Phone; null if your role may not see personal data or none is known.' }) phone!: string | null;
  @Field(() => String, { nullable: true, description: 'Post or title 职务.' }) title!: string | null;
  @Field(() => String, { description: 'The unit that sent the cadre 帮扶单位.' }) unitName!: string;
  @Field(() => GraphQLLocalDate, { nullable: true, description: 'Since when the cadre is the household’s responsible person (null on a measure).' }) since!: string | null;
}

@ObjectType({ description: '雨露计划 Rain-Dew Plan: a member’s vocational training or schooling supported by the plan.' })
export class RainDewDetails {
  @Field(() => RainDewSupport.values, { description: 'Training or schooling.' }) support!: string;
  @Field(() => ID, { description: 'Global ID of the member trained or at school.' }) memberId!: string;
  @Field(() => String, { description: 'The course, or school and major.' }) course!: string;
  @Field(() => String, { description: 'Training institution or school.' }) institution!: string;
  @Field(() => GraphQLLocalDate, { description: 'Enrolled on.' }) enrolledOn!: string;
  @Field(() => GraphQLLocalDate, { description: 'Expected end.' }) expectedEndOn!: string;
  @Field(() => GraphQLLocalDate, { nullable: true, description: 'Completed on; null until completed.' }) completedOn!: string | null;
  @Field(() => Boolean, { nullable: true, description: 'Employed afterwards; null until known.' }) employedAfter!: boolean | null;
  @Field(() => String, { nullable: true, description: 'Employer afterwards, if employed.' }) employer!: string | null;
}

@ObjectType({ description: 'One repayment of a micro-credit loan.' })
export class LoanRepayment {
  @Field(() => GraphQLLocalDate, { description: 'Paid on.' }) paidOn!: string;
  @Field(() => Float, { description: 'Amount of principal repaid, yuan.' }) amount!: number;
}

@ObjectType({ description: 'A draw on the county’s risk-compensation fund 风险补偿金 for a defaulted loan.' })
export class RiskCompensation {
  @Field(() => GraphQLLocalDate, { description: 'When the fund paid.' }) drawnOn!: string;
  @Field(() => Float, { description: 'Amount paid by the fund, yuan.' }) amount!: number;
}

@ObjectType({ description: '扶贫小额信贷 poverty micro-credit: within the area’s limits (50,000 yuan, 3 years by default), no guarantee, no collateral, interest subsidised.' })
export class MicroCreditLoan {
  @Field(() => String, { description: 'Lending bank.' }) bank!: string;
  @Field(() => Float, { description: 'Principal, yuan.' }) principal!: number;
  @Field(() => Int, { description: 'Term, months.' }) termMonths!: number;
  @Field(() => Float, { description: 'Annual interest rate, percent.' }) annualRate!: number;
  @Field(() => Float, { description: 'Interest subsidised by the treasury 财政贴息, percent.' }) interestSubsidyRate!: number;
  @Field(() => Boolean, { description: 'Guarantee required (always false for this product).' }) guarantee!: boolean;
  @Field(() => Boolean, { description: 'Collateral required (always false for this product).' }) collateral!: boolean;
  @Field(() => GraphQLLocalDate, { description: 'Disbursed on 放款日期.' }) disbursedOn!: string;
  @Field(() => GraphQLLocalDate, { description: 'Falls due on: disbursement plus the term.' }) dueOn!: string;
  @Field(() => LoanStatus.values, { description: 'Current, overdue, repaid, or compensated by the county fund.' }) status!: string;
  @Field(() => [LoanRepayment], { description: 'Repayments in the order recorded.' }) repayments!: LoanRepayment[];
  @Field(() => Float, { description: 'Principal repaid so far, yuan.' }) repaid!: number;
  @Field(() => Float, { description: 'Principal still owed, yuan (after repayments and any risk compensation).' }) outstanding!: number;
  @Field(() => RiskCompensation, { nullable: true, description: 'What the county risk-compensation fund paid, if the household defaulted.' }) riskCompensation!: RiskCompensation | null;
}

@ObjectType({ description: '易地扶贫搬迁 poverty relocation: from a place that cannot sustain a living to a resettlement site.' })
export class RelocationDetails {
  @Field(() => String, { description: 'Where the household moves from 迁出地.' }) fromPlace!: string;
  @Field(() => String, { description: 'Resettlement site 安置点.' }) toSite!: string;
  @Field(() => String, { description: 'Statistical code of the resettlement site’s area.' }) toAreaCode!: string;
  @Field(() => Int, { description: 'People moved 搬迁人数.' }) peopleMoved!: number;
  @Field(() => Float, { description: 'Housing area, m² (within the area’s limit per person, 25 m² by default).' }) housingAreaM2!: number;
  @Field(() => Float, { description: 'Relocation subsidy, yuan.' }) subsidy!: number;
  @Field(() => GraphQLLocalDate, { nullable: true, description: 'Moved on 搬迁入住日期; null until moved.' }) movedOn!: string | null;
}

@ObjectType({ description: '危房改造 dilapidated-house renovation.' })
export class HouseRenovationDetails {
  @Field(() => DilapidatedGrade.values, { description: 'Grade of the house renovated (C or D).' }) grade!: string;
}

@ObjectType({ implements: Node, description: 'An assistance measure 帮扶措施 for a household or a whole village: what, against which causes, by whom, with which money, and where it stands.' })
export class Measure extends Node {
  @Field(() => ID, { description: 'Opaque global ID.' }) declare id: string;
  @Field(() => MeasureKind.values, { description: 'Kind of measure.' }) kind!: string;
  @Field(() => AssistanceRoute.values, { nullable: true, description: 'The route of 五个一批 it belongs to; null for guarantee and condition measures (water, housing, health, infrastructure).' }) route!: string | null;
  @Field(() => String, { description: 'What is done, in a few words.' }) title!: string;
  @Field(() => [Cause.values], { description: 'Causes of poverty it addresses 针对致贫原因.' }) causes!: string[];
  @Field(() => String, { description: 'Village of the target (the household’s village, or the village itself).' }) villageCode!: string;
  @Field(() => Boolean, { description: 'Whether it helps the whole village rather than one household.' }) villageWide!: boolean;
  @Field(() => Int, { description: 'Plan year it belongs to.' }) year!: number;
  @Field(() => Float, { description: 'Planned amount, yuan.' }) plannedAmount!: number;
  @Field(() => Float, { nullable: true, description: 'Amount actually spent, yuan; set when completed.' }) actualAmount!: number | null;
  @Field(() => FundingSource.values, { description: 'Funding source 资金来源.' }) fundingSource!: string;
  @Field(() => GraphQLLocalDate, { description: 'Planned start date.' }) startDate!: string;
  @Field(() => GraphQLLocalDate, { description: 'Planned end date; open measures past it are listed by assistanceCoverage.' }) endDate!: string;
  @Field(() => MeasureStatus.values, { description: 'Where it stands.' }) status!: string;
  @Field(() => GraphQLLocalDate, { nullable: true, description: 'When it actually started.' }) startedOn!: string | null;
  @Field(() => GraphQLLocalDate, { nullable: true, description: 'When it was completed.' }) completedOn!: string | null;
  @Field(() => GraphQLLocalDate, { nullable: true, description: 'When it was cancelled.' }) cancelledOn!: string | null;
  @Field(() => String, { nullable: true, description: 'Why it was cancelled.' }) cancelReason!: string | null;
  @Field(() => RainDewDetails, { nullable: true, description: 'The 雨露计划 part (kind RAIN_DEW).' }) rainDew!: RainDewDetails | null;
  @Field(() => MicroCreditLoan, { nullable: true, description: 'The loan (kind MICRO_CREDIT).' }) microCredit!: MicroCreditLoan | null;
  @Field(() => RelocationDetails, { nullable: true, description: 'The move (kind RELOCATION).' }) relocation!: RelocationDetails | null;
  @Field(() => HouseRenovationDetails, { nullable: true, description: 'The house (kind HOUSE_RENOVATION).' }) houseRenovation!: HouseRenovationDetails | null;
  @Field(() => Int, { description: 'Version, raised by every change; pass it as expectedVersion to change safely.' }) version!: number;
  @Field(() => Date, { description: 'When it was recorded.' }) createdAt!: Date;
  /** Keys for the field resolvers (household, responsibleCadre). */
  key!: string;
  householdKey!: string | null;
  responsibleCadreKey!: string | null;
}

@ObjectType({ implements: Node, description: 'An assistance plan 帮扶计划 of a household or a poor village for one year.' })
export class AssistancePlan extends Node {
  @Field(() => ID, { description: 'Opaque global ID.' }) declare id: string;
  @Field(() => String, { description: 'Village of the target.' }) villageCode!: string;
  @Field(() => Boolean, { description: 'Whether it is the plan of a whole village rather than one household.' }) villageWide!: boolean;
  @Field(() => Int, { description: 'Year.' }) year!: number;
  @Field(() => String, { description: 'What the plan sets out to achieve 帮扶目标.' }) goal!: string;
  @Field(() => Int, { nullable: true, description: 'Year the target should leave poverty 计划脱贫(出列)年度.' }) exitTargetYear!: number | null;
  @Field(() => Int, { description: 'Version, raised by every change.' }) version!: number;
  @Field(() => Date, { description: 'When it was last changed.' }) updatedAt!: Date;
  key!: string;
  householdKey!: string | null;
}

@ObjectType({ description: 'Limits of the typed measures that apply in an area (national defaults unless an area sets its own).' })
export class AssistanceLimitsInForce {
  @Field(() => String, { description: 'The area whose limits apply (the longest prefix set; empty for the national defaults).' }) areaCode!: string;
  @Field(() => Float, { description: 'Highest micro-credit principal, yuan.' }) microCreditMaxPrincipal!: number;
  @Field(() => Int, { description: 'Longest micro-credit term, months.' }) microCreditMaxTermMonths!: number;
  @Field(() => Float, { description: 'Largest relocation housing area per person moved, m².' }) relocationMaxM2PerPerson!: number;
  @Field(() => Int, { description: 'Youngest age at enrolment for 雨露计划 TRAINING. National default 16, unverified.' }) rainDewTrainingMinAge!: number;
  @Field(() => Int, { description: 'Oldest age at enrolment for 雨露计划 TRAINING. National default 59, unverified.' }) rainDewTrainingMaxAge!: number;
  @Field(() => Int, { description: 'Youngest age at enrolment for 雨露计划 SECONDARY_VOCATIONAL 中职. National default 14, unverified.' }) rainDewSecondaryMinAge!: number;
  @Field(() => Int, { description: 'Oldest age at enrolment for 雨露计划 SECONDARY_VOCATIONAL 中职. National default 22, unverified.' }) rainDewSecondaryMaxAge!: number;
  @Field(() => Int, { description: 'Youngest age at enrolment for 雨露计划 HIGHER_VOCATIONAL 高职. National default 16, unverified.' }) rainDewHigherMinAge!: number;
  @Field(() => Int, { description: 'Oldest age at enrolment for 雨露计划 HIGHER_VOCATIONAL 高职. National default 30, unverified.' }) rainDewHigherMaxAge!: number;
}
