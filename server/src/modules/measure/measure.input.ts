/** Inputs of assistance plans and measures; the typed parts of the three brands and house renovation. */
import { Field, Float, ID, InputType, Int } from 'type-graphql';
import { GraphQLLocalDate } from 'graphql-scalars';
import { Cause, DilapidatedGrade, FundingSource, MeasureKind, RainDewSupport } from '../../codes/index.js';

@InputType({ description: '雨露计划: the member trained or at school and where.' })
export class RainDewInput {
  @Field(() => RainDewSupport.values, { description: 'Training or schooling.' }) support!: string;
  @Field(() => ID, { description: 'Global ID of the member (of this household).' }) memberId!: string;
  @Field(() => String, { description: 'The course, or school and major.' }) course!: string;
  @Field(() => String, { description: 'Training institution or school.' }) institution!: string;
  @Field(() => GraphQLLocalDate, { description: 'Enrolled on.' }) enrolledOn!: string;
  @Field(() => GraphQLLocalDate, { description: 'Expected end.' }) expectedEndOn!: string;
  @Field(() => GraphQLLocalDate, { nullable: true, description: 'Completed on, if already completed.' }) completedOn?: string | null;
  @Field(() => Boolean, { nullable: true, description: 'Employed afterwards (only with completedOn).' }) employedAfter?: boolean | null;
  @Field(() => String, { nullable: true, description: 'Employer afterwards (only when employedAfter).' }) employer?: string | null;
}

@InputType({ description: '扶贫小额信贷: the loan as disbursed. Refused beyond the area’s limits (50,000 yuan, 36 months by default) or with a guarantee or collateral.' })
export class MicroCreditInput {
  @Field(() => String, { description: 'Lending bank.' }) bank!: string;
  @Field(() => Float, { description: 'Principal, yuan.' }) principal!: number;
  @Field(() => Int, { description: 'Term, months.' }) termMonths!: number;
  @Field(() => Float, { description: 'Annual interest rate, percent.' }) annualRate!: number;
  @Field(() => Float, { description: 'Interest subsidised by the treasury, percent (at most the rate).' }) interestSubsidyRate!: number;
  @Field(() => Boolean, { nullable: true, description: 'Whether a guarantee is required (must be false; default false).' }) guarantee?: boolean | null;
  @Field(() => Boolean, { nullable: true, description: 'Whether collateral is required (must be false; default false).' }) collateral?: boolean | null;
  @Field(() => GraphQLLocalDate, { description: 'Disbursed on.' }) disbursedOn!: string;
}

@InputType({ description: '易地扶贫搬迁: the move.' })
export class RelocationInput {
  @Field(() => String, { description: 'Where the household moves from.' }) fromPlace!: string;
  @Field(() => String, { description: 'Resettlement site.' }) toSite!: string;
  @Field(() => String, { description: 'Statistical code of the site’s area (county, township or village).' }) toAreaCode!: string;
  @Field(() => Int, { description: 'People moved (1 to the household’s members).' }) peopleMoved!: number;
  @Field(() => Float, { description: 'Housing area, m².' }) housingAreaM2!: number;
  @Field(() => Float, { description: 'Relocation subsidy, yuan.' }) subsidy!: number;
  @Field(() => GraphQLLocalDate, { nullable: true, description: 'Moved on, if already moved.' }) movedOn?: string | null;
}

@InputType({ description: '危房改造: the house renovated.' })
export class HouseRenovationInput {
  @Field(() => DilapidatedGrade.values, { description: 'Grade of the dilapidated house (C or D).' }) grade!: string;
}

@InputType({ description: 'A new measure, for one household (householdId) or a whole village (villageCode): give exactly one. The typed part of its kind is required (rainDew, microCredit, relocation, houseRenovation), others refused.' })
export class RecordMeasureInput {
  @Field(() => ID, { nullable: true, description: 'The household helped (global ID).' }) householdId?: string | null;
  @Field(() => String, { nullable: true, description: 'The village helped as a whole (12-digit code).' }) villageCode?: string | null;
  @Field(() => Int, { description: 'Plan year.' }) year!: number;
  @Field(() => MeasureKind.values, { description: 'Kind.' }) kind!: string;
  @Field(() => String, { description: 'What is done, in a few words (1–200 characters).' }) title!: string;
  @Field(() => [Cause.values], { description: 'Causes it addresses: 1 to 3, distinct.' }) causes!: string[];
  @Field(() => ID, { nullable: true, description: 'The responsible cadre (global ID); the cadre must work in an area containing the target’s village.' }) responsibleCadreId?: string | null;
  @Field(() => Float, { description: 'Planned amount, yuan.' }) plannedAmount!: number;
  @Field(() => FundingSource.values, { description: 'Funding source.' }) fundingSource!: string;
  @Field(() => GraphQLLocalDate, { description: 'Planned start date.' }) startDate!: string;
  @Field(() => GraphQLLocalDate, { description: 'Planned end date.' }) endDate!: string;
  @Field(() => RainDewInput, { nullable: true, description: 'For kind RAIN_DEW.' }) rainDew?: RainDewInput | null;
  @Field(() => MicroCreditInput, { nullable: true, description: 'For kind MICRO_CREDIT.' }) microCredit?: MicroCreditInput | null;
  @Field(() => RelocationInput, { nullable: true, description: 'For kind RELOCATION.' }) relocation?: RelocationInput | null;
  @Field(() => HouseRenovationInput, { nullable: true, description: 'For kind HOUSE_RENOVATION.' }) houseRenovation?: HouseRenovationInput | null;
}

@InputType({ description: 'The plan of one household (householdId) or one village (villageCode) for a year: give exactly one. Setting it again replaces the goal.' })
export class SetAssistancePlanInput {
  @Field(() => ID, { nullable: true, description: 'The household (global ID).' }) householdId?: string | null;
  @Field(() => String, { nullable: true, description: 'The village (12-digit code).' }) villageCode?: string | null;
  @Field(() => Int, { description: 'Year.' }) year!: number;
  @Field(() => String, { description: 'What the plan sets out to achieve (1–2,000 characters).' }) goal!: string;
  @Field(() => Int, { nullable: true, description: 'Year the target should leave poverty.' }) exitTargetYear?: number | null;
}

@InputType({ description: 'A move of a measure along its lifecycle.' })
export class MeasureMoveInput {
  @Field(() => GraphQLLocalDate, { description: 'When it happened (not in the future, not before the planned start).' }) on!: string;
  @Field(() => Float, { nullable: true, description: 'Completing: the amount actually spent, yuan (required).' }) actualAmount?: number | null;
  @Field(() => String, { nullable: true, description: 'Cancelling: why (required, 1–500 characters).' }) reason?: string | null;
  @Field(() => Int, { nullable: true, description: 'The version you read: refused with CONFLICT if the measure changed since.' }) expectedVersion?: number | null;
}

@InputType({ description: 'Limits of the typed measures for an area (admins anywhere, officials inside their area).' })
export class AssistanceLimitsInput {
  @Field(() => String, { description: 'Area code (prefix) the limits apply in; the longest matching area wins.' }) areaCode!: string;
  @Field(() => Float, { description: 'Highest micro-credit principal, yuan (national: 50,000).' }) microCreditMaxPrincipal!: number;
  @Field(() => Int, { description: 'Longest micro-credit term, months (national: 36).' }) microCreditMaxTermMonths!: number;
  @Field(() => Float, { description: 'Largest relocation housing area per person moved, m² (national: 25).' }) relocationMaxM2PerPerson!: number;
  @Field(() => Int, { nullable: true, description: 'Youngest age at enrolment for 雨露计划 TRAINING (national default 16, unverified). Omitted: the national default.' }) rainDewTrainingMinAge?: number | null;
  @Field(() => Int, { nullable: true, description: 'Oldest age at enrolment for 雨露计划 TRAINING (national default 59, unverified). Omitted: the national default.' }) rainDewTrainingMaxAge?: number | null;
  @Field(() => Int, { nullable: true, description: 'Youngest age at enrolment for 雨露计划 SECONDARY_VOCATIONAL 中职 (national default 14, unverified). Omitted: the national default.' }) rainDewSecondaryMinAge?: number | null;
  @Field(() => Int, { nullable: true, description: 'Oldest age at enrolment for 雨露计划 SECONDARY_VOCATIONAL 中职 (national default 22, unverified). Omitted: the national default.' }) rainDewSecondaryMaxAge?: number | null;
  @Field(() => Int, { nullable: true, description: 'Youngest age at enrolment for 雨露计划 HIGHER_VOCATIONAL 高职 (national default 16, unverified). Omitted: the national default.' }) rainDewHigherMinAge?: number | null;
  @Field(() => Int, { nullable: true, description: 'Oldest age at enrolment for 雨露计划 HIGHER_VOCATIONAL 高职 (national default 30, unverified). Omitted: the national default.' }) rainDewHigherMaxAge?: number | null;
}

@InputType({ description: '雨露计划: what became of the trainee.' })
export class RainDewOutcomeInput {
  @Field(() => GraphQLLocalDate, { description: 'Completed on (not before enrolment, not in the future).' }) completedOn!: string;
  @Field(() => Boolean, { nullable: true, description: 'Employed afterwards, if known.' }) employedAfter?: boolean | null;
  @Field(() => String, { nullable: true, description: 'Employer, when employedAfter.' }) employer?: string | null;
}
