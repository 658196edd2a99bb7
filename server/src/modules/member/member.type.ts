/**
 * A household member 家庭成员 (reference: "Member form"). `MemberFields` holds the
 * form fields shared by the output type `Member` and the input `MemberInput`.
 * Name and ID number are null for roles that may not see personal data.
 */
import { Field, ID, InputType, Int, ObjectType } from 'type-graphql';
import { GraphQLLocalDate } from 'graphql-scalars';
import {
  Education, Ethnicity, Health, IdKind, LabourSkill, MigrantWork, PoliticalStatus, Relation, Schooling, Sex,
} from '../../codes/index.js';
import { YesNo } from '../../graphql/fields.js';
import { Node } from '../node/node.type.js';


/** Shared form fields, inherited by the output and input types below (not emitted on their own). */
@ObjectType('MemberFormFields', { simpleResolvers: true })
@InputType('MemberFormFieldsInput')
export class MemberFields {
  @Field(() => Sex.values, { description: 'Sex 性别; must agree with the ID number.' }) sex!: string;
  @Field(() => Relation.values, { description: 'Relation to the head of household 与户主关系.' }) relation!: string;
  @Field(() => Ethnicity.values, { description: 'Ethnicity 民族.' }) ethnicity!: string;
  @Field(() => PoliticalStatus.values, { nullable: true, description: 'Political status 政治面貌.' }) politicalStatus?: string | null;
  @Field(() => Education.values, { description: 'Education 文化程度.' }) education!: string;
  @Field(() => Schooling.values, { description: 'Schooling status 在校生状况.' }) schooling!: string;
  @Field(() => [Health.values], { description: 'Health 健康状况: one or more.' }) health!: string[];
  @Field(() => LabourSkill.values, { description: 'Labour skill 劳动技能.' }) labourSkill!: string;
  @Field(() => MigrantWork.values, { description: 'Migrant work 务工状况.' }) migrantWork!: string;
  @Field(() => Int, { description: 'Months worked away from home last year 务工时间(月), 0–12.' }) migrantMonths!: number;
  @YesNo('Speaks Mandarin 是否会讲普通话.') speaksMandarin!: boolean;
  @YesNo('Active soldier 是否现役军人.') activeSoldier!: boolean;
  @YesNo('Has basic medical insurance (新农合/城乡居民基本医疗保险) 是否参加基本医疗保险.') basicMedicalInsurance!: boolean;
  @YesNo('Has serious-illness insurance 是否参加大病保险.') seriousIllnessInsurance!: boolean;
  @YesNo('Has basic pension insurance 是否参加城乡居民基本养老保险.') basicPensionInsurance!: boolean;
  @YesNo('Has commercial medical insurance 是否参加商业补充医疗保险.') commercialMedicalInsurance!: boolean;
  @YesNo('Has accident insurance 是否参加意外伤害保险.') accidentInsurance!: boolean;
  @YesNo('Receives the minimum living allowance 是否享受低保.') receivesDibao!: boolean;
  @YesNo('Destitute and supported by the state 是否特困供养.') destituteSupported!: boolean;
}

@InputType({ description: 'A member as entered on the form. On correction, members are matched to existing ones by ID number.' })
export class MemberInput extends MemberFields {
  @Field(() => String, { description: 'Name 姓名.' }) name!: string;
  @Field(() => String, { description: 'ID number 证件号码: 18-character resident ID (GB 11643) or 20-digit disability card.' }) idNumber!: string;
}

@ObjectType({ implements: Node, simpleResolvers: true, description: 'A member of a household 家庭成员.' })
export class Member extends MemberFields {
  @Field(() => ID, { description: 'Opaque global ID.' }) id!: string;
  @Field(() => String, { nullable: true, description: 'Name 姓名; null if your role may not see personal data.' }) name!: string | null;
  @Field(() => String, { nullable: true, description: 'ID number 证件号码; null if your role may not see personal data.' }) idNumber!: string | null;
  @Field(() => IdKind.values, { description: 'Kind of ID 证件类型.' }) idKind!: string;
  @Field(() => GraphQLLocalDate, { nullable: true, description: 'Birth date 出生日期 from the ID number; null if your role may not see personal data.' }) birthDate!: string | null;
  @Field(() => Int, { description: 'Age in completed years today, from the ID number 年龄.' }) age!: number;
  /** Owning household, resolved by `household`. */
  householdId!: string;
}
