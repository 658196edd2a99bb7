/**
 * The facts an eligibility rule set may test (issue 3, item 5): one flat record per
 * household and year, derived from the household row, that year's income and
 * conditions (household_years) and the members. Rule-set definitions name these facts;
 * nothing else of the registry is visible to a rule, so a definition is data, not code.
 *
 * Contract: `householdFacts` is pure; booleans stay booleans, codes are national codes
 * (strings, '' when absent), counts and amounts are numbers. Ages are members' ages today
 * (the age the register shows), not at the income year.
 */

export type FactKind = 'number' | 'boolean' | 'code';

/** Every fact with its kind and meaning (the meaning is shown in rule outcomes and errors). */
export const FACTS = {
  perCapitaNetIncome: ['number', '人均纯收入 per-capita net income of the year, yuan'],
  memberCount: ['number', '家庭人口 members counted for the year'],
  attribute: ['code', '贫困户属性 household attribute: 01, 04 or 06'],
  drinkingWaterSafe: ['boolean', '饮水安全 drinking water is safe'],
  drinkingWaterDifficulty: ['boolean', '饮水困难 difficulty obtaining drinking water'],
  dilapidatedHouse: ['boolean', '危房 lives in a dilapidated house'],
  dilapidatedGrade: ['code', '危房等级 grade of the dilapidated house: C, D or empty'],
  sanitaryToilet: ['boolean', '卫生厕所 has a sanitary toilet'],
  householdPower: ['boolean', '生活用电 has household power'],
  productionPower: ['boolean', '生产用电 has production power'],
  radioTv: ['boolean', '广播电视 has radio and TV'],
  inCooperative: ['boolean', '加入合作社 member of a cooperative'],
  housingAreaM2: ['number', '住房面积 housing area, m²'],
  housingAreaPerPerson: ['number', 'housing area per member, m²'],
  arableLandMu: ['number', '耕地 arable land, mu'],
  irrigatedLandMu: ['number', '有效灌溉 irrigated land, mu'],
  forestLandMu: ['number', '林地 forest land, mu'],
  distanceToRoadKm: ['number', '距村主干路距离 distance to the village main road, km'],
  roadType: ['code', '入户路类型 access road: 1 earth, 2 gravel, 3 cement, 4 asphalt'],
  mainFuel: ['code', '主要燃料 main fuel: 1 firewood, 2 dung, 3 coal, 4 clean, 9 other'],
  childrenOutOfSchool: ['number', '义务教育 members aged 6–15 not in school'],
  uninsuredMembers: ['number', '基本医疗 members without basic medical insurance'],
  seriouslyIllMembers: ['number', 'members with a serious illness'],
  chronicallyIllMembers: ['number', 'members with a chronic illness'],
  disabledMembers: ['number', 'members with a disability'],
  membersAbleToWork: ['number', 'members with ordinary or skilled labour'],
  labourShare: ['number', 'share of members able to work, 0–1'],
} as const satisfies Record<string, readonly [FactKind, string]>;

export type FactName = keyof typeof FACTS;
export const FACT_NAMES = Object.keys(FACTS) as [FactName, ...FactName[]];
export type FactValue = number | boolean | string;
export type Facts = Record<FactName, FactValue>;

export const factKind = (f: FactName): FactKind => FACTS[f][0];

/** What the facts are made of: the shapes of the household, year and member rows. */
export interface FactSources {
  household: { attribute: string };
  year: {
    perCapitaNetIncome: number; memberCount: number; drinkingWaterSafe: boolean; drinkingWaterDifficulty: boolean;
    dilapidatedHouse: boolean; dilapidatedGrade: string | null; sanitaryToilet: boolean; householdPower: boolean;
    productionPower: boolean; radioTv: boolean; inCooperative: boolean; housingAreaM2: number; arableLandMu: number;
    irrigatedLandMu: number; forestLandMu: number; distanceToRoadKm: number; roadType: string; mainFuel: string;
  };
  members: { age: number; schooling: string; basicMedicalInsurance: boolean; health: string[]; labourSkill: string }[];
}

const NOT_IN_SCHOOL = '00';
const CHRONIC = '02';
const SERIOUS = '03';
const DISABLED = '04';
const ABLE = new Set(['01', '02']);

const round2 = (n: number) => Math.round(n * 100) / 100;

/** The facts of one household and year. */
export function householdFacts({ household, year: y, members }: FactSources): Facts {
  const count = (p: (m: FactSources['members'][number]) => boolean) => members.filter(p).length;
  const able = count((m) => ABLE.has(m.labourSkill));
  return {
    perCapitaNetIncome: y.perCapitaNetIncome,
    memberCount: y.memberCount,
    attribute: household.attribute,
    drinkingWaterSafe: y.drinkingWaterSafe,
    drinkingWaterDifficulty: y.drinkingWaterDifficulty,
    dilapidatedHouse: y.dilapidatedHouse,
    dilapidatedGrade: y.dilapidatedGrade ?? '',
    sanitaryToilet: y.sanitaryToilet,
    householdPower: y.householdPower,
    productionPower: y.productionPower,
    radioTv: y.radioTv,
    inCooperative: y.inCooperative,
    housingAreaM2: y.housingAreaM2,
    housingAreaPerPerson: round2(y.housingAreaM2 / Math.max(1, y.memberCount)),
    arableLandMu: y.arableLandMu,
    irrigatedLandMu: y.irrigatedLandMu,
    forestLandMu: y.forestLandMu,
    distanceToRoadKm: y.distanceToRoadKm,
    roadType: y.roadType,
    mainFuel: y.mainFuel,
    childrenOutOfSchool: count((m) => m.age >= 6 && m.age <= 15 && m.schooling === NOT_IN_SCHOOL),
    uninsuredMembers: count((m) => !m.basicMedicalInsurance),
    seriouslyIllMembers: count((m) => m.health.includes(SERIOUS)),
    chronicallyIllMembers: count((m) => m.health.includes(CHRONIC)),
    disabledMembers: count((m) => m.health.includes(DISABLED)),
    membersAbleToWork: able,
    labourShare: members.length ? round2(able / members.length) : 0,
  };
}
