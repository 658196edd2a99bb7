/**
 * Assistance code lists 精准帮扶 (reference: "Assistance (帮扶)"): the five routes
 * 五个一批, the measure kinds (the measure headings of later systems and the three
 * brands 雨露计划, 扶贫小额信贷, 易地扶贫搬迁), the lifecycle of a measure, funding
 * sources, and the kinds and states of the typed measures.
 */
import { codeList } from './code-list.js';

export const AssistanceRoute = codeList('AssistanceRoute', 'The five routes out of poverty 五个一批.', {
  PRODUCTION: ['production', '发展生产脱贫一批', 'develop production'],
  RELOCATION: ['relocation', '易地搬迁脱贫一批', 'relocate'],
  ECOLOGICAL: ['ecological', '生态补偿脱贫一批', 'ecological compensation'],
  EDUCATION: ['education', '发展教育脱贫一批', 'education'],
  SOCIAL_SECURITY: ['social_security', '社会保障兜底一批', 'social-security safety net'],
});

/** Kind code → route code (null: a guarantee or condition measure outside the five routes, e.g. drinking water). */
export const MeasureKind = codeList('MeasureKind', 'Kind of an assistance measure 帮扶措施类别 (the measure headings and the three brands).', {
  INDUSTRY: ['industry', '产业帮扶', 'industry (production support)'],
  EMPLOYMENT: ['employment', '就业帮扶', 'employment, migrant-work placement'],
  MICRO_CREDIT: ['micro_credit', '扶贫小额信贷', 'poverty micro-credit (brand)'],
  PUBLIC_WELFARE_JOB: ['public_welfare_job', '公益岗位', 'public-welfare job'],
  RAIN_DEW: ['rain_dew', '雨露计划', 'Rain-Dew Plan: vocational training or schooling support (brand)'],
  EDUCATION: ['education', '教育帮扶', 'compulsory and other education support'],
  RELOCATION: ['relocation', '易地扶贫搬迁', 'poverty relocation (brand)'],
  ECOLOGICAL_COMPENSATION: ['ecological_compensation', '生态补偿', 'ecological compensation, e.g. forest-ranger jobs'],
  SOCIAL_SECURITY: ['social_security', '社会保障兜底', 'social-security safety net (低保, 特困供养)'],
  HOUSE_RENOVATION: ['house_renovation', '危房改造', 'dilapidated-house renovation (housing safety)'],
  DRINKING_WATER: ['drinking_water', '饮水安全', 'drinking-water safety'],
  HEALTH: ['health', '健康扶贫', 'health: medical insurance and assistance'],
  INFRASTRUCTURE: ['infrastructure', '基础设施', 'infrastructure, production and living conditions'],
  OTHER: ['other', '其他', 'other'],
});

export const ROUTE_OF_KIND: Record<string, string | null> = {
  industry: 'production', employment: 'production', micro_credit: 'production', public_welfare_job: 'production',
  rain_dew: 'education', education: 'education', relocation: 'relocation', ecological_compensation: 'ecological',
  social_security: 'social_security', house_renovation: null, drinking_water: null, health: null, infrastructure: null, other: null,
};

export const MeasureStatus = codeList('MeasureStatus', 'Where a measure stands: planned → in progress → completed, or cancelled with a reason.', {
  PLANNED: ['planned', '计划', 'planned, not started'],
  IN_PROGRESS: ['in_progress', '实施中', 'being carried out'],
  COMPLETED: ['completed', '已完成', 'completed'],
  CANCELLED: ['cancelled', '已取消', 'cancelled (with a reason)'],
});

export const FundingSource = codeList('FundingSource', 'Where the money of a measure comes from 资金来源.', {
  CENTRAL: ['central', '中央财政', 'central treasury'],
  PROVINCIAL: ['provincial', '省级财政', 'provincial treasury'],
  LOCAL: ['local', '市县财政', 'prefecture or county treasury'],
  CREDIT: ['credit', '信贷资金', 'bank credit'],
  SOCIAL: ['social', '社会帮扶资金', 'social assistance funds (units, donors, east–west partners)'],
  HOUSEHOLD: ['household', '群众自筹', "the household's own money"],
  OTHER: ['other', '其他', 'other'],
});

export const RainDewSupport = codeList('RainDewSupport', 'What the Rain-Dew Plan 雨露计划 pays for.', {
  TRAINING: ['training', '职业技能培训', 'vocational skills training (a course)'],
  SECONDARY_VOCATIONAL: ['secondary_vocational', '中职教育', 'secondary vocational schooling'],
  HIGHER_VOCATIONAL: ['higher_vocational', '高职教育', 'higher vocational schooling'],
});

export const LoanStatus = codeList('LoanStatus', 'Where a micro-credit loan 扶贫小额信贷 stands.', {
  CURRENT: ['current', '正常', 'current: repaying on schedule'],
  OVERDUE: ['overdue', '逾期', 'overdue'],
  REPAID: ['repaid', '已还清', 'repaid in full by the household'],
  COMPENSATED: ['compensated', '风险补偿', 'defaulted; the rest covered by the county risk-compensation fund'],
});
