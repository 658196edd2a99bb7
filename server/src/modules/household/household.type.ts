/**
 * A registered household 贫困户 (reference: "Household form"). `HouseholdFields`
 * are the form fields shared with `RegisterHouseholdInput`; phone and bank data
 * are null for roles that may not see personal data.
 */
import { Field, ID, InputType, Int, ObjectType } from 'type-graphql';
import { GraphQLLocalDate } from 'graphql-scalars';
import { Cause, HouseholdAttribute, IdentificationStandard, PovertyStatus, RegisterStage } from '../../codes/index.js';
import { YesNo } from '../../graphql/fields.js';
import { Node } from '../node/node.type.js';


/**
 * The form fields a household's own data gives (not emitted on their own): shared by the
 * output type, the registration input and the application input. Status, identification
 * date and exit year are not among them: the procedure sets those (issue 15, item 9).
 */
@ObjectType('HouseholdApplicationFormFields', { simpleResolvers: true })
@InputType('HouseholdApplicationFormFieldsInput')
export class ApplicationFields {
  @Field(() => IdentificationStandard.values, { description: 'Identification standard 识别标准.' }) identificationStandard!: string;
  @Field(() => HouseholdAttribute.values, { description: 'Household attribute 贫困户属性.' }) attribute!: string;
  @Field(() => Cause.values, { description: 'Main cause of poverty 主要致贫原因: exactly one.' }) mainCause!: string;
  @Field(() => [Cause.values], { description: 'Other causes 其他致贫原因: at most two, never the main cause.' }) otherCauses!: string[];
  @YesNo('Military or martyr family 是否军烈属.') militaryFamily!: boolean;
  @YesNo('One-child family 是否独生子女户.') oneChildFamily!: boolean;
  @YesNo('Two-daughter family 是否双女户.') twoDaughterFamily!: boolean;
  @Field(() => Int, { nullable: true, description: 'Planned exit year 计划脱贫年度.' }) plannedExitYear?: number | null;
}

/** The whole form's household fields: the application's and those the procedure sets (status, dates, exit year). */
@ObjectType('HouseholdFormFields', { simpleResolvers: true })
@InputType('HouseholdFormFieldsInput')
export class HouseholdFields extends ApplicationFields {
  @Field(() => PovertyStatus.values, { description: 'Poverty status 脱贫状态.' }) status!: string;
  @Field(() => GraphQLLocalDate, { nullable: true, description: 'Date first identified as poor 首次识别日期 (YYYY-MM-DD).' }) firstIdentifiedDate?: string | null;
  @Field(() => Int, { nullable: true, description: 'Exit year 脱贫年度.' }) exitYear?: number | null;
}

@ObjectType({ implements: Node, simpleResolvers: true, description: 'A registered poor household 建档立卡贫困户.' })
export class Household extends HouseholdFields {
  @Field(() => ID, { description: 'Opaque global ID.' }) id!: string;
  @Field(() => String, { description: 'Household number 户编号: the village code and a 4-digit sequence; human-readable and stable.' }) number!: string;
  @Field(() => [Cause.values], { description: 'All causes, the main cause first 致贫原因.' }) causes!: string[];
  @Field(() => String, { nullable: true, description: 'Phone 联系电话; null if your role may not see personal data.' }) phone!: string | null;
  @Field(() => String, { nullable: true, description: 'Bank 开户银行; null if your role may not see personal data.' }) bankName!: string | null;
  @Field(() => String, { nullable: true, description: 'Bank account 银行账号; null if your role may not see personal data.' }) bankAccount!: string | null;
  @Field(() => Int, { description: 'Number of members 家庭人口数.' }) memberCount!: number;
  @Field(() => GraphQLLocalDate, { nullable: true, description: 'After an exit with policy (status 1): the day policies end 脱贫不脱政策, from which status 4 may be recorded (endExitPolicy).' }) exitPolicyEndsOn?: string | null;
  @Field(() => RegisterStage.values, { description: 'Where the household stands in the register: CANDIDATE while its identification case runs, then REGISTERED (or REJECTED); REMOVED after 错评清退.' }) stage!: string;
  @Field(() => GraphQLLocalDate, { nullable: true, description: 'When read with household(id:, asOf:): the date this view is as of (status, stage and exit year as they stood then). Null for today.' }) asOf?: string | null;
  @Field(() => Int, { description: 'Version, raised by every correction; pass it as expectedVersion to correct safely.' }) version!: number;
  @Field(() => Date, { description: 'When the household was registered in the system.' }) createdAt!: Date;
  @Field(() => Date, { description: 'When the household was last changed.' }) updatedAt!: Date;
  /** Village code, resolved to `village`. */
  villageCode!: string;
}

@ObjectType({ simpleResolvers: true, description: 'A consistency rule the data breaks without blocking the write (reference rule 11): check it with the household.' })
export class ConsistencyWarning {
  @Field(() => String, { description: 'Rule identifier, e.g. R11.' }) rule!: string;
  @Field(() => String, { description: 'Field path, e.g. members[2].schooling.' }) field!: string;
  @Field(() => String, { description: 'What looks wrong and what to check.' }) message!: string;
}

@ObjectType({ simpleResolvers: true, description: 'The result of a household write: the household as stored and any warnings.' })
export class HouseholdPayload {
  @Field(() => Household, { description: 'The household as stored.' }) household!: Household;
  @Field(() => [ConsistencyWarning], { description: 'Consistency warnings; errors would have refused the write.' }) warnings!: ConsistencyWarning[];
}
