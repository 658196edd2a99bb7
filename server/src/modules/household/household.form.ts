/**
 * The household form (建档立卡 贫困户信息采集表) as plain data, in national codes:
 * what the service validates, the consistency rules read and the store writes.
 * GraphQL inputs map onto these shapes one to one.
 */

/** Member form 家庭成员. Codes are the national codes of src/codes. */
export interface MemberForm {
  name: string;
  idNumber: string;
  sex: string;
  relation: string;
  ethnicity: string;
  politicalStatus?: string | null;
  education: string;
  schooling: string;
  /** One or more of Health codes. */
  health: string[];
  labourSkill: string;
  migrantWork: string;
  migrantMonths: number;
  speaksMandarin: boolean;
  activeSoldier: boolean;
  basicMedicalInsurance: boolean;
  seriousIllnessInsurance: boolean;
  basicPensionInsurance: boolean;
  commercialMedicalInsurance: boolean;
  accidentInsurance: boolean;
  receivesDibao: boolean;
  destituteSupported: boolean;
}

/** Household-level fields of the form. */
export interface HouseholdForm {
  villageCode: string;
  identificationStandard: string;
  attribute: string;
  mainCause: string;
  otherCauses: string[];
  status: string;
  militaryFamily: boolean;
  oneChildFamily: boolean;
  twoDaughterFamily: boolean;
  plannedExitYear?: number | null;
  firstIdentifiedDate?: string | null;
  exitYear?: number | null;
  phone?: string | null;
  bankName?: string | null;
  bankAccount?: string | null;
  members: MemberForm[];
}

/** Previous-year income 年收入 (yuan). */
export interface IncomeForm {
  wage: number;
  production: number;
  propertyDividend: number;
  propertyOther: number;
  transferFamilyPlanning: number;
  transferDibao: number;
  transferDestitute: number;
  transferPension: number;
  transferEcological: number;
  transferOther: number;
  productionCost: number;
}

/** Production and living conditions 生产生活条件 for one year. */
export interface ConditionsForm {
  arableLandMu: number;
  irrigatedLandMu: number;
  forestLandMu: number;
  grainToForestMu: number;
  orchardMu: number;
  pastureMu: number;
  waterSurfaceMu: number;
  productionPower: boolean;
  householdPower: boolean;
  radioTv: boolean;
  drinkingWaterDifficulty: boolean;
  drinkingWaterSafe: boolean;
  distanceToRoadKm: number;
  roadType: string;
  housingAreaM2: number;
  dilapidatedHouse: boolean;
  dilapidatedGrade?: string | null;
  sanitaryToilet: boolean;
  mainFuel: string;
  inCooperative: boolean;
  ledByEnterprise: boolean;
  ledByEntrepreneur: boolean;
}

/** One year's record 年度数据: income and conditions (corrected only with a reason, the old values kept). */
export interface YearForm {
  year: number;
  income: IncomeForm;
  conditions: ConditionsForm;
  /** Rigid spending 刚性支出 that year (illness, disability, disaster), yuan; not part of net income. Absent = 0. */
  rigidSpending?: number | null;
  /** The year's migrant work by member key (members not listed did not work away); absent: the members' form values stand. */
  migrantWork?: YearWork[] | null;
}

/** One member's migrant work in a year 务工情况: where and how many months (0–12). */
export interface YearWork {
  /** members.id */
  memberId: string;
  migrantWork: string;
  months: number;
}

/** A problem found in a form: the field path, the rule, and a reason a person can act on. */
export interface Problem {
  /** Field path in the input, e.g. "members[2].idNumber". */
  field: string;
  /** Rule identifier, e.g. "R3" for consistency rule 3 of the reference, or "ID_CHECKSUM". */
  rule: string;
  message: string;
}

/** The income fields in form order (one list for the mapper, the seeder and the table columns). */
export const INCOME_KEYS = ['wage', 'production', 'propertyDividend', 'propertyOther', 'transferFamilyPlanning', 'transferDibao',
  'transferDestitute', 'transferPension', 'transferEcological', 'transferOther', 'productionCost'] as const satisfies readonly (keyof IncomeForm)[];

/** The conditions fields in form order. */
export const CONDITION_KEYS = ['arableLandMu', 'irrigatedLandMu', 'forestLandMu', 'grainToForestMu', 'orchardMu', 'pastureMu',
  'waterSurfaceMu', 'productionPower', 'householdPower', 'radioTv', 'drinkingWaterDifficulty', 'drinkingWaterSafe',
  'distanceToRoadKm', 'roadType', 'housingAreaM2', 'dilapidatedHouse', 'dilapidatedGrade', 'sanitaryToilet', 'mainFuel',
  'inCooperative', 'ledByEnterprise', 'ledByEntrepreneur'] as const satisfies readonly (keyof ConditionsForm)[];
