/**
 * A household's yearly record 年度数据: income and production/living conditions.
 * `Income` and `Conditions` serve as output types and, with the suffix Input, as
 * the inputs of recordHouseholdYear and correctHouseholdYear; a correction's replaced
 * values are a HouseholdYearRevision (issue 15, item 7).
 */
import { Field, Float, ID, InputType, Int, ObjectType } from 'type-graphql';
import { DilapidatedGrade, Fuel, MigrantWork, RoadType } from '../../codes/index.js';
import { YesNo } from '../../graphql/fields.js';

const yuan = (d: string) => Field(() => Float, { description: `${d}, yuan 元.` });
const mu = (d: string) => Field(() => Float, { description: `${d}, mu 亩.` });

@ObjectType('Income', { simpleResolvers: true, description: "The previous year's income 年收入 by component, in yuan." })
@InputType('IncomeInput', { description: "The previous year's income 年收入 by component, in yuan; 0 where there is none." })
export class Income {
  @yuan('Wage income 工资性收入') wage!: number;
  @yuan('Production and business income 生产经营性收入') production!: number;
  @yuan('Property income: asset-income dividends 资产收益扶贫分红收入') propertyDividend!: number;
  @yuan('Property income: other 其他财产性收入') propertyOther!: number;
  @yuan('Transfer: family-planning money 计划生育金') transferFamilyPlanning!: number;
  @yuan('Transfer: minimum living allowance 低保金') transferDibao!: number;
  @yuan('Transfer: destitute support 特困供养金') transferDestitute!: number;
  @yuan('Transfer: pension 养老保险金') transferPension!: number;
  @yuan('Transfer: ecological compensation 生态补偿金') transferEcological!: number;
  @yuan('Transfer: other 其他转移性收入') transferOther!: number;
  @yuan('Production and business costs 生产经营性支出') productionCost!: number;
}

@ObjectType('Conditions', { simpleResolvers: true, description: 'Production and living conditions 生产生活条件 for the year.' })
@InputType('ConditionsInput', { description: 'Production and living conditions 生产生活条件 for the year.' })
export class Conditions {
  @mu('Arable land 耕地面积') arableLandMu!: number;
  @mu('Effectively irrigated land 有效灌溉面积') irrigatedLandMu!: number;
  @mu('Forest land 林地面积') forestLandMu!: number;
  @mu('Grain-to-forest land 退耕还林面积') grainToForestMu!: number;
  @mu('Orchards 林果面积') orchardMu!: number;
  @mu('Pasture 牧草地面积') pastureMu!: number;
  @mu('Water surface 水面面积') waterSurfaceMu!: number;
  @YesNo('Has production power 是否通生产用电.') productionPower!: boolean;
  @YesNo('Has household power 是否通生活用电.') householdPower!: boolean;
  @YesNo('Has radio and TV 是否通广播电视.') radioTv!: boolean;
  @YesNo('Has difficulty getting drinking water 饮水是否困难.') drinkingWaterDifficulty!: boolean;
  @YesNo('Drinking water is safe 饮水是否安全.') drinkingWaterSafe!: boolean;
  @Field(() => Float, { description: 'Distance to the village main road, km 与村主干路距离(公里).' }) distanceToRoadKm!: number;
  @Field(() => RoadType.values, { description: 'Type of the access road 入户路类型.' }) roadType!: string;
  @Field(() => Float, { description: 'Housing area, m² 住房面积(平方米).' }) housingAreaM2!: number;
  @YesNo('Lives in a dilapidated house 是否危房户.') dilapidatedHouse!: boolean;
  @Field(() => DilapidatedGrade.values, { nullable: true, description: 'Grade of the dilapidated house 危房等级; required when dilapidatedHouse is true.' })
  dilapidatedGrade?: string | null;
  @YesNo('Has a sanitary toilet 是否有卫生厕所.') sanitaryToilet!: boolean;
  @Field(() => Fuel.values, { description: 'Main cooking fuel 主要燃料类型.' }) mainFuel!: string;
  @YesNo('Member of a farmers’ cooperative 是否加入农民专业合作社.') inCooperative!: boolean;
  @YesNo('Led by a leading enterprise 是否有龙头企业带动.') ledByEnterprise!: boolean;
  @YesNo('Led by a local entrepreneur 是否有创业致富带头人带动.') ledByEntrepreneur!: boolean;
}

@ObjectType('MemberWork', { simpleResolvers: true, description: "One member's migrant work in a year 务工情况." })
@InputType('MemberWorkInput', { description: "One member's migrant work in the year 务工情况: where, and how many months." })
export class MemberWork {
  @Field(() => ID, { description: 'The member (Member.id) of this household.' }) memberId!: string;
  @Field(() => MigrantWork.values, { description: 'Where the member worked away 务工状况.' }) migrantWork!: string;
  @Field(() => Int, { description: 'Months worked away that year 务工时间(月), 0–12; 0 only with NONE.' }) months!: number;
}

@ObjectType({ simpleResolvers: true, description: "One year's record of a household 年度数据. Corrected only by correctHouseholdYear, with a reason; the values a correction replaced stay readable in `revisions`." })
export class HouseholdYear {
  @Field(() => Int, { description: 'The year the income was earned 年度.' }) year!: number;
  @Field(() => Int, { description: 'Members counted for per-capita income that year 家庭人口数.' }) memberCount!: number;
  @Field(() => Income, { description: 'Income by component 收入.' }) income!: Income;
  @Field(() => Float, { description: 'All income 总收入 = wages + production + property + transfers, yuan.' }) totalIncome!: number;
  @Field(() => Float, { description: 'Net income 家庭纯收入 = all income − production costs, yuan.' }) netIncome!: number;
  @Field(() => Float, { description: 'Per-capita net income 人均纯收入 = net income ÷ members, yuan.' }) perCapitaNetIncome!: number;
  @Field(() => Conditions, { description: 'Production and living conditions 生产生活条件.' }) conditions!: Conditions;
  @Field(() => Float, { description: 'Rigid spending 刚性支出 (illness, disability, disaster), yuan; 0 when none was recorded. Not part of net income; read by monitoring 防返贫监测.' }) rigidSpending!: number;
  @Field(() => [MemberWork], { nullable: true, description: "The year's migrant work by member (members not listed did not work away); null when the record gave none and the members' form values (Member.migrantWork, migrantMonths) stood for the year." }) migrantWork!: MemberWork[] | null;
  @Field(() => Date, { description: 'When the record was first entered.' }) recordedAt!: Date;
  @Field(() => Int, { description: 'Version of the record: 1 when recorded, raised by every correction; pass it as expectedVersion to correct it.' }) version!: number;
  /** The household whose record this is; null for the values of a revision (which has no revisions of its own). */
  householdKey!: string | null;
}

@ObjectType({ simpleResolvers: true, description: 'The values a correction of a yearly record replaced, and why it was corrected.' })
export class HouseholdYearRevision {
  @Field(() => Int, { description: 'The version these values were; the correction made the record version + 1.' }) version!: number;
  @Field(() => String, { description: 'Why the record was corrected.' }) reason!: string;
  @Field(() => String, { description: 'Who corrected it (token subject).' }) correctedBy!: string;
  @Field(() => Date, { description: 'When.' }) correctedAt!: Date;
  @Field(() => HouseholdYear, { description: 'The record as it stood before the correction (its `revisions` are empty).' }) previous!: HouseholdYear;
}

@InputType({ description: "One year's income and conditions for a household." })
export class HouseholdYearInput {
  @Field(() => Int, { description: 'The year the income was earned, 2013 or later, not in the future.' }) year!: number;
  @Field(() => Income, { description: 'Income by component.' }) income!: Income;
  @Field(() => Conditions, { description: 'Production and living conditions.' }) conditions!: Conditions;
  @Field(() => Float, { nullable: true, description: 'Rigid spending 刚性支出 that year on illness, disability or disaster, yuan (0 if omitted). Spending above net income flags the household for monitoring 防返贫监测.' })
  rigidSpending?: number | null;
  @Field(() => [MemberWork], { nullable: true, description: "The year's migrant work 务工情况 of the members who worked away (the others did not): the wage-income rule R9 and rule R10 read it instead of the members' form values, so a year's wages need no change of the member list. Omit it to let the members' form values stand for the year." })
  migrantWork?: MemberWork[] | null;
}

@InputType({ description: "A correction of one year's record: its whole new income and conditions, why, and the version you read." })
export class CorrectHouseholdYearInput extends HouseholdYearInput {
  @Field(() => String, { description: 'Why the record is corrected (1 to 2,000 characters), e.g. the survey or document the right figures come from.' }) reason!: string;
  @Field(() => Int, { description: "The record's version you read (HouseholdYear.version): refused with CONFLICT if it was corrected since." }) expectedVersion!: number;
}
