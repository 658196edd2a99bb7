/**
 * The national form's column layout 建档立卡信息采集表 for files in and out: one row per
 * member with the household's columns repeated, and the household's yearly records
 * 年度数据 on its rows (one year per row, or the same year repeated on every row).
 *
 * Contract: `COLUMNS` is the export's order. A header matches a column by its Chinese
 * name as on the form, its English key, or "中文 (key)" as the export writes; spaces and
 * full-width brackets are ignored. Each column says which part of the form it fills and how
 * its cell is read (bulk.cells.ts): a code list, a yes/no, a number, a date, a text.
 */
import {
  Cause, DilapidatedGrade, Education, Ethnicity, Fuel, Health, HouseholdAttribute, IdentificationStandard, LabourSkill,
  MigrantWork, PoliticalStatus, PovertyStatus, Relation, RoadType, Schooling, Sex, type CodeList,
} from '../../codes/index.js';

export type Part = 'key' | 'household' | 'member' | 'year';
export type Kind =
  | { t: 'code'; list: CodeList<never>; many?: boolean }
  | { t: 'bool' } | { t: 'int' } | { t: 'num' } | { t: 'date' } | { t: 'text' };

export interface Column {
  key: string;
  zh: string;
  part: Part;
  kind: Kind;
  /** Must be present in the header row (members and household), unless the part is absent. */
  required: boolean;
}

const code = (list: unknown, many = false): Kind => ({ t: 'code', list: list as CodeList<never>, many });
const B: Kind = { t: 'bool' };
const I: Kind = { t: 'int' };
const N: Kind = { t: 'num' };
const T: Kind = { t: 'text' };
const col = (part: Part, key: string, zh: string, kind: Kind, required = true): Column => ({ key, zh, part, kind, required });

export const COLUMNS: readonly Column[] = [
  col('key', 'householdNumber', '户编号', T, false),
  col('key', 'householdRef', '户序号', T, false),
  col('key', 'version', '版本号', I, false),
  col('household', 'villageCode', '村代码', T),
  col('household', 'identificationStandard', '识别标准', code(IdentificationStandard)),
  col('household', 'attribute', '贫困户属性', code(HouseholdAttribute)),
  col('household', 'mainCause', '主要致贫原因', code(Cause)),
  col('household', 'otherCauses', '其他致贫原因', code(Cause, true), false),
  col('household', 'status', '脱贫状态', code(PovertyStatus)),
  col('household', 'militaryFamily', '是否军烈属', B),
  col('household', 'oneChildFamily', '是否独生子女户', B),
  col('household', 'twoDaughterFamily', '是否双女户', B),
  col('household', 'plannedExitYear', '计划脱贫年度', I, false),
  col('household', 'firstIdentifiedDate', '首次识别日期', { t: 'date' }, false),
  col('household', 'exitYear', '脱贫年度', I, false),
  col('household', 'phone', '联系电话', T, false),
  col('household', 'bankName', '开户银行', T, false),
  col('household', 'bankAccount', '银行账号', T, false),
  col('member', 'name', '姓名', T),
  col('member', 'idNumber', '证件号码', T),
  col('member', 'sex', '性别', code(Sex)),
  col('member', 'relation', '与户主关系', code(Relation)),
  col('member', 'ethnicity', '民族', code(Ethnicity)),
  col('member', 'politicalStatus', '政治面貌', code(PoliticalStatus), false),
  col('member', 'education', '文化程度', code(Education)),
  col('member', 'schooling', '在校生状况', code(Schooling)),
  col('member', 'health', '健康状况', code(Health, true)),
  col('member', 'labourSkill', '劳动技能', code(LabourSkill)),
  col('member', 'migrantWork', '务工状况', code(MigrantWork)),
  col('member', 'migrantMonths', '务工时间(月)', I),
  col('member', 'speaksMandarin', '是否会讲普通话', B),
  col('member', 'activeSoldier', '是否现役军人', B),
  col('member', 'basicMedicalInsurance', '是否参加基本医疗保险', B),
  col('member', 'seriousIllnessInsurance', '是否参加大病保险', B),
  col('member', 'basicPensionInsurance', '是否参加基本养老保险', B),
  col('member', 'commercialMedicalInsurance', '是否参加商业补充医疗保险', B),
  col('member', 'accidentInsurance', '是否参加意外伤害保险', B),
  col('member', 'receivesDibao', '是否享受低保', B),
  col('member', 'destituteSupported', '是否特困供养', B),
  col('year', 'year', '年度', I),
  col('year', 'wage', '工资性收入', N),
  col('year', 'production', '生产经营性收入', N),
  col('year', 'propertyDividend', '资产收益扶贫分红收入', N),
  col('year', 'propertyOther', '其他财产性收入', N),
  col('year', 'transferFamilyPlanning', '计划生育金', N),
  col('year', 'transferDibao', '低保金', N),
  col('year', 'transferDestitute', '特困供养金', N),
  col('year', 'transferPension', '养老保险金', N),
  col('year', 'transferEcological', '生态补偿金', N),
  col('year', 'transferOther', '其他转移性收入', N),
  col('year', 'productionCost', '生产经营性支出', N),
  col('year', 'rigidSpending', '刚性支出', N, false),
  col('year', 'arableLandMu', '耕地面积(亩)', N),
  col('year', 'irrigatedLandMu', '有效灌溉面积(亩)', N),
  col('year', 'forestLandMu', '林地面积(亩)', N),
  col('year', 'grainToForestMu', '退耕还林面积(亩)', N),
  col('year', 'orchardMu', '林果面积(亩)', N),
  col('year', 'pastureMu', '牧草地面积(亩)', N),
  col('year', 'waterSurfaceMu', '水面面积(亩)', N),
  col('year', 'productionPower', '是否通生产用电', B),
  col('year', 'householdPower', '是否通生活用电', B),
  col('year', 'radioTv', '是否通广播电视', B),
  col('year', 'drinkingWaterDifficulty', '是否饮水困难', B),
  col('year', 'drinkingWaterSafe', '是否饮水安全', B),
  col('year', 'distanceToRoadKm', '与村主干路距离(公里)', N),
  col('year', 'roadType', '入户路类型', code(RoadType)),
  col('year', 'housingAreaM2', '住房面积(平方米)', N),
  col('year', 'dilapidatedHouse', '是否危房户', B),
  col('year', 'dilapidatedGrade', '危房级别', code(DilapidatedGrade), false),
  col('year', 'sanitaryToilet', '是否有卫生厕所', B),
  col('year', 'mainFuel', '主要燃料类型', code(Fuel)),
  col('year', 'inCooperative', '是否加入农民专业合作社', B),
  col('year', 'ledByEnterprise', '是否有龙头企业带动', B),
  col('year', 'ledByEntrepreneur', '是否有创业致富带头人带动', B),
];

/** Spaces dropped, full-width brackets made ASCII, lower case: how headers are compared. */
export const normaliseHeader = (h: string) =>
  h.replace(/^\uFEFF/, '').replace(/[\s\u3000]/g, '').replace(/（/g, '(').replace(/）/g, ')').toLowerCase();

const BY_HEADER = new Map<string, Column>();
for (const c of COLUMNS) {
  BY_HEADER.set(normaliseHeader(c.zh), c);
  BY_HEADER.set(normaliseHeader(c.key), c);
  BY_HEADER.set(normaliseHeader(`${c.zh} (${c.key})`), c);
}

/** The header as the export writes it: the form's Chinese name and the English key. */
export const headerOf = (c: Column, style: 'zh' | 'en' | 'both' = 'zh') => (style === 'zh' ? c.zh : style === 'en' ? c.key : `${c.zh} (${c.key})`);

export const columnOf = (header: string): Column | undefined => BY_HEADER.get(normaliseHeader(header));

export const byKey = new Map(COLUMNS.map((c) => [c.key, c]));
