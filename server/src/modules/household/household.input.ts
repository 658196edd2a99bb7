/** Inputs of the household mutations and the `households` filter. */
import { Field, Float, InputType, Int } from 'type-graphql';
import { GraphQLLocalDate } from 'graphql-scalars';
import { Cause, HouseholdAttribute, IdentificationStandard, PovertyStatus, RegisterStage } from '../../codes/index.js';
import { MemberInput } from '../member/member.type.js';
import { ApplicationFields } from './household.type.js';

@InputType({ description: 'The household form of an application 申请: household fields, contact and bank data, and every member. No status, identification date or exit year: the procedure sets them (a candidate is NOT_OUT, identified when announced).' })
export class ApplicationHouseholdInput extends ApplicationFields {
  @Field(() => String, { description: '12-digit code of the village the household lives in; must be in your area.' }) villageCode!: string;
  @Field(() => String, { nullable: true, description: 'Phone 联系电话.' }) phone?: string | null;
  @Field(() => String, { nullable: true, description: 'Bank 开户银行.' }) bankName?: string | null;
  @Field(() => String, { nullable: true, description: 'Bank account 银行账号.' }) bankAccount?: string | null;
  @Field(() => [MemberInput], { description: 'Every member, the head (户主) among them.' }) members!: MemberInput[];
}

@InputType({ description: 'The household form as a cadre enters it for a household already identified (data entry): the application form with its status, identification date and exit year.' })
export class RegisterHouseholdInput extends ApplicationHouseholdInput {
  @Field(() => PovertyStatus.values, { description: 'Poverty status 脱贫状态.' }) status!: string;
  @Field(() => GraphQLLocalDate, { nullable: true, description: 'Date first identified as poor 首次识别日期 (YYYY-MM-DD).' }) firstIdentifiedDate?: string | null;
  @Field(() => Int, { nullable: true, description: 'Exit year 脱贫年度.' }) exitYear?: number | null;
}

@InputType({ description: 'A correction of a household: give only what changes. `members`, if given, is the whole new member list; members are matched to existing ones by ID number.' })
export class CorrectHouseholdInput {
  @Field(() => IdentificationStandard.values, { nullable: true, description: 'Identification standard 识别标准.' }) identificationStandard?: string;
  @Field(() => HouseholdAttribute.values, { nullable: true, description: 'Household attribute 贫困户属性.' }) attribute?: string;
  @Field(() => Cause.values, { nullable: true, description: 'Main cause 主要致贫原因.' }) mainCause?: string;
  @Field(() => [Cause.values], { nullable: true, description: 'Other causes 其他致贫原因 (the whole new list).' }) otherCauses?: string[];
  @Field(() => Boolean, { nullable: true, description: 'Military or martyr family.' }) militaryFamily?: boolean;
  @Field(() => Boolean, { nullable: true, description: 'One-child family.' }) oneChildFamily?: boolean;
  @Field(() => Boolean, { nullable: true, description: 'Two-daughter family.' }) twoDaughterFamily?: boolean;
  @Field(() => Int, { nullable: true, description: 'Planned exit year.' }) plannedExitYear?: number;
  @Field(() => GraphQLLocalDate, { nullable: true, description: 'Date first identified.' }) firstIdentifiedDate?: string;
  @Field(() => String, { nullable: true, description: 'Phone.' }) phone?: string;
  @Field(() => String, { nullable: true, description: 'Bank.' }) bankName?: string;
  @Field(() => String, { nullable: true, description: 'Bank account.' }) bankAccount?: string;
  @Field(() => [MemberInput], { nullable: true, description: 'The whole new member list.' }) members?: MemberInput[];
}

@InputType({ description: 'Which households to list; all given conditions must hold. Always limited to your area.' })
export class HouseholdFilterInput {
  @Field(() => String, { nullable: true, description: 'Area code prefix, e.g. 433124 for 花垣县 or a 12-digit village code.' }) areaCode?: string;
  @Field(() => [PovertyStatus.values], { nullable: true, description: 'Any of these poverty statuses.' }) status?: string[];
  @Field(() => [RegisterStage.values], { nullable: true, description: 'Any of these register stages (default: every stage; give [REGISTERED] for the register proper).' }) stage?: string[];
  @Field(() => [HouseholdAttribute.values], { nullable: true, description: 'Any of these attributes.' }) attribute?: string[];
  @Field(() => Cause.values, { nullable: true, description: 'Households with this cause, main or other.' }) cause?: string;
  @Field(() => Cause.values, { nullable: true, description: 'Households with this main cause.' }) mainCause?: string;
  @Field(() => Int, { nullable: true, description: 'Households with a record for this year; the income range then applies to that year.' }) year?: number;
  @Field(() => Float, { nullable: true, description: 'Per-capita net income at least this (yuan); the latest year unless `year` is given.' }) perCapitaIncomeMin?: number;
  @Field(() => Float, { nullable: true, description: 'Per-capita net income at most this (yuan); the latest year unless `year` is given.' }) perCapitaIncomeMax?: number;
}
