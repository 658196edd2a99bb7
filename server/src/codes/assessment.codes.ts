/** Code lists of funds 扶贫资金, precise assessment 精准考核 and spot-check sampling 抽检核查 (reference "Assessment"). */
import { codeList } from './code-list.js';

export const FundSource = codeList('FundSource', 'Source of poverty-alleviation funds 资金来源 of an allocation.', {
  CENTRAL: ['central', '中央财政专项扶贫资金', 'central treasury special poverty-alleviation funds'],
  PROVINCIAL: ['provincial', '省级财政扶贫资金', 'provincial treasury'],
  MUNICIPAL: ['municipal', '市级财政扶贫资金', 'prefecture (municipal) treasury'],
  COUNTY: ['county', '县级财政扶贫资金', 'county treasury'],
  INTEGRATED: ['integrated', '统筹整合涉农资金', 'agriculture-related funds integrated at the county 统筹整合'],
  SOCIAL: ['social', '社会帮扶资金', 'social donations (units, donors, east–west partners)'],
});

export const FundFindingKind = codeList('FundFindingKind', 'Kind of problem found in the use of funds 资金问题.', {
  MISUSE: ['misuse', '违规使用', 'used for something not allowed'],
  IDLE: ['idle', '闲置滞留', 'left idle or held back'],
  FALSE_CLAIM: ['false_claim', '虚报冒领', 'falsely claimed'],
  OTHER: ['other', '其他', 'other'],
});

export const AssessmentHeading = codeList('AssessmentHeading', 'Heading of an assessment indicator 考核内容.', {
  IDENTIFICATION: ['identification', '精准识别', 'precision of identification'],
  ASSISTANCE: ['assistance', '精准帮扶', 'assistance'],
  FUNDS: ['funds', '资金管理', 'funds: use and supervision'],
  RESULTS: ['results', '减贫成效', 'results of poverty reduction'],
});

export const AssessmentComponent = codeList('AssessmentComponent', 'How an indicator is checked 考核方式; each has a weight in the scheme (e.g. 40 / 30 / 30).', {
  DAILY_INSPECTION: ['daily_inspection', '平时督查', 'daily inspection through the year'],
  ANNUAL_CHECK: ['annual_check', '年终考核', 'annual check of the register'],
  THIRD_PARTY: ['third_party', '第三方评估', 'third-party evaluation (spot checks)'],
});

export const AssessmentIndicator = codeList('AssessmentIndicator', 'Indicator of the county assessment 考核指标.', {
  WRONG_INCLUSION_RATE: ['wrong_inclusion_rate', '错评率', 'sampled registered people not meeting the standard ÷ sampled registered people'],
  MISSED_RATE: ['missed_rate', '漏评率', 'missed poor found ÷ sampled non-registered people'],
  PAIRING_COVERAGE: ['pairing_coverage', '帮扶责任人覆盖率', 'households with a responsible person ÷ registered households receiving policy'],
  WORK_TEAM_COVERAGE: ['work_team_coverage', '驻村工作队覆盖率', 'poor villages with a current work team ÷ poor villages'],
  MEASURES_COMPLETED: ['measures_completed', '帮扶措施落实率', "completed measures of the year ÷ the year's measures not cancelled"],
  SATISFACTION: ['satisfaction', '群众认可度', 'approving households ÷ surveyed households'],
  DISBURSEMENT_RATE: ['disbursement_rate', '资金支出进度', "spent ÷ allocated, the year's funds"],
  FUND_FINDINGS_SHARE: ['fund_findings_share', '资金问题金额占比', "yuan of findings ÷ allocated, the year's funds"],
  POOR_POPULATION_FALL: ['poor_population_fall', '贫困人口减少率', 'fall in poor people over the year ÷ poor people at the start'],
  INCOME_GROWTH: ['income_growth', '贫困户收入增长率', 'growth of the mean per-capita net income of registered households over the previous year'],
  EXIT_RATE: ['exit_rate', '脱贫率', 'people exited in the year ÷ poor people at the start'],
});

export const IndicatorSource = codeList('IndicatorSource', 'Where an indicator’s figures come from 数据来源.', {
  SPOT_CHECK: ['spot_check', '抽检核查', 'the recorded spot check of the county and year (recordSpotCheck)'],
  STAT_HOUSEHOLDS: ['stat_households', '户籍统计', 'maintained household counts (stat_households)'],
  STAT_PAIRINGS: ['stat_pairings', '结对帮扶统计', 'maintained counts of current pairings (stat_pairings) over stat_households'],
  WORK_TEAMS: ['work_teams', '驻村工作队', 'current work teams of poor villages'],
  STAT_MEASURES: ['stat_measures', '帮扶措施统计', 'maintained measure counts (stat_measures)'],
  FUND_ALLOCATIONS: ['fund_allocations', '资金下达与支出', 'fund allocations and their spent counters'],
  FUND_FINDINGS: ['fund_findings', '资金问题', 'recorded findings over fund allocations'],
  STAT_TRANSITIONS: ['stat_transitions', '状态变动统计', 'maintained status transitions (stat_transitions)'],
  STAT_INCOME: ['stat_income', '收入统计', 'maintained income sums (stat_income)'],
});

export const IndicatorDirection = codeList('IndicatorDirection', 'Which way an indicator is better.', {
  HIGHER: ['higher', '正向', 'higher is better'],
  LOWER: ['lower', '逆向', 'lower is better'],
});

export const Normalisation = codeList('Normalisation', 'How a raw value becomes a score from 0 to 100 标准化.', {
  MIN_MAX: ['min_max', '极值法', 'relative: the best county assessed scores 100, the worst 0 (all equal: 100)'],
  TARGET: ['target', '目标值法', 'absolute: 0 at `floor`, 100 at `target`, linear between, clamped'],
});

export const AssessmentGrade = codeList('AssessmentGrade', 'Grade 等次 of a county’s assessment; the lowest grade of a scheme is flagged for constraint 约束.', {
  GOOD: ['good', '好', 'good'],
  FAIRLY_GOOD: ['fairly_good', '较好', 'fairly good'],
  AVERAGE: ['average', '一般', 'average'],
  POOR: ['poor', '较差', 'poor'],
});

export const AssessmentStatus = codeList('AssessmentStatus', 'Where an assessment run stands.', {
  DRAFT: ['DRAFT', '草稿', 'computed, may be recomputed'],
  PUBLISHED: ['PUBLISHED', '已发布', 'frozen and published: never changes'],
});

export const SamplePurpose = codeList('SamplePurpose', 'Why a household is in a spot-check sample 抽样类别.', {
  PLANNED_EXIT: ['planned_exit', '计划脱贫户', "planned to exit this year (all of them)"],
  WHOLE_VILLAGE: ['whole_village', '整村抽查', 'in a village checked whole'],
  OTHER: ['other', '其他建档立卡户', 'drawn from the other registered households of its village'],
  SATISFACTION_WITH_LABOUR: ['satisfaction_with_labour', '有劳动力贫困户(满意度)', 'satisfaction survey: registered, with labour (the 5 of 5:3:2)'],
  SATISFACTION_WITHOUT_LABOUR: ['satisfaction_without_labour', '无劳动力贫困户(满意度)', 'satisfaction survey: registered, without labour (the 2 of 5:3:2)'],
});
