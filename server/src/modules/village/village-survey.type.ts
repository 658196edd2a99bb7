/**
 * The yearly poor-village survey 贫困村信息采集 (reference: "Poor village"). One class
 * serves as the output type `VillageSurvey` and the input `VillageSurveyInput`.
 */
import { Field, Float, InputType, Int, ObjectType } from 'type-graphql';
import { YesNo } from '../../graphql/fields.js';

const n = (description: string) => Field(() => Int, { description });
const f = (description: string) => Field(() => Float, { description });
const b = YesNo;

@ObjectType('VillageSurvey', { description: "A village's survey for one year 贫困村年度信息; never overwritten." })
@InputType('VillageSurveyInput', { description: "A village's survey for one year 贫困村年度信息." })
export class VillageSurvey {
  @n('Survey year 年度.') year!: number;
  @n('Natural villages 自然村数.') naturalVillages!: number;
  @n('Villager groups 村民小组数.') villagerGroups!: number;
  @n('Households 总户数.') households!: number;
  @n('Population 总人口数.') population!: number;
  @n('Registered poor households 贫困户数.') poorHouseholds!: number;
  @n('Registered poor people 贫困人口数.') poorPopulation!: number;
  @n('Minimum-living-allowance households 低保户数.') dibaoHouseholds!: number;
  @n('Destitute-supported households 五保户数.') destituteHouseholds!: number;
  @n('Disabled people 残疾人数.') disabledPeople!: number;
  @n('Ethnic-minority population 少数民族人口数.') minorityPopulation!: number;
  @n('Labour force 劳动力人数.') labourForce!: number;
  @n('Migrant workers 外出务工人数.') migrantWorkers!: number;
  @f('Arable land, mu 耕地面积(亩).') arableLandMu!: number;
  @f('Forest land, mu 林地面积(亩).') forestLandMu!: number;
  @f('Per-capita net income, yuan 农民人均纯收入(元).') perCapitaNetIncome!: number;
  @f('Village collective income, yuan 村集体经济收入(元); 0 means none (一无).') collectiveIncome!: number;
  @n('Natural villages without a hardened road 未通硬化路的自然村数.') naturalVillagesWithoutHardenedRoad!: number;
  @b('Bus service reaches the village 通客运班车.') hasBusService!: boolean;
  @n('Households without safe drinking water 饮水不安全户数.') householdsWithoutSafeWater!: number;
  @n('Households without power 未通生活用电户数.') householdsWithoutPower!: number;
  @n('Dilapidated houses 危房户数.') dilapidatedHouses!: number;
  @b('Has a clinic 有卫生室.') hasClinic!: boolean;
  @b('Has a licensed village doctor 有执业(助理)医师.') hasVillageDoctor!: boolean;
  @b('Has a cultural room 有文化室.') hasCulturalRoom!: boolean;
  @b('Has broadband 通宽带.') hasBroadband!: boolean;
  @b('Has a resident work team 有驻村工作队.') hasWorkTeam!: boolean;
}
