/**
 * Code lists of the annual update round and of monitoring against falling back into
 * poverty 防返贫监测 (reference: "Monitoring against falling back"). The kinds are the
 * three of the 2020 policy; risk-type and removal codes follow the later monitoring
 * system's headings (codes unverified: treat them as this registry's own).
 */
import { codeList } from './code-list.js';

export const MonitoringKind = codeList('MonitoringKind', 'Kind of monitored household 监测对象类型.', {
  UNSTABLE_EXITED: ['1', '脱贫不稳定户', 'exited household whose exit is not stable'],
  MARGINAL_AT_RISK: ['2', '边缘易致贫户', 'household on the margin, at risk of falling into poverty'],
  SUDDEN_HARDSHIP: ['3', '突发严重困难户', 'household in sudden severe hardship'],
});

export const MonitoringTrigger = codeList('MonitoringTrigger', 'What flagged a household for monitoring 监测预警条件.', {
  LOW_INCOME: ['LOW_INCOME', '收入低于监测线', 'per-capita net income under the configured multiple of the poverty line'],
  RIGID_SPENDING: ['RIGID_SPENDING', '刚性支出超过收入', 'rigid spending (illness, disability, disaster) above net income'],
  INCOME_FALL: ['INCOME_FALL', '收入大幅缩减', 'per-capita net income fell by at least the configured share year on year'],
});

export const RiskType = codeList('RiskType', 'Type of risk of a monitored household 风险类型 (codes unverified).', {
  ILLNESS: ['01', '因病', 'illness'],
  DISABILITY: ['02', '因残', 'disability'],
  SCHOOLING: ['03', '因学', 'schooling costs'],
  DISASTER: ['04', '因灾', 'natural disaster'],
  ACCIDENT: ['05', '因意外事故', 'accident'],
  BUSINESS_FAILURE: ['06', '因产业项目失败', 'failed production or business'],
  UNSTABLE_EMPLOYMENT: ['07', '因务工就业不稳', 'unstable employment'],
  LACK_OF_LABOUR: ['08', '缺劳动力', 'lack of labour'],
  HOUSING: ['09', '住房出现安全问题', 'unsafe housing'],
  DRINKING_WATER: ['10', '饮水安全问题', 'unsafe drinking water'],
  HIGH_SPENDING: ['11', '家庭刚性支出较大', 'high rigid spending'],
  OTHER: ['99', '其他', 'other'],
});

export const RiskRemoval = codeList('RiskRemoval', 'How a monitored household’s risk was removed 风险消除方式 (codes unverified).', {
  ASSISTED: ['1', '帮扶消除', 'removed through the help given'],
  NATURAL: ['2', '自然消除', 'removed without help (income recovered, hardship passed)'],
});

export const CaseStatus = codeList('MonitoringStatus', 'Whether a household is still monitored.', {
  OPEN: ['OPEN', '监测中', 'monitored: the risk is not yet removed'],
  REMOVED: ['REMOVED', '风险已消除', 'the risk was removed'],
  CONVERTED: ['CONVERTED', '纳入贫困户', 'closed because the household entered the register as poor (identification announced or relapse approved): it is helped as a poor household'],
});

export const MonitoringSource = codeList('MonitoringSource', 'How a household came to be monitored.', {
  YEARLY_UPDATE: ['YEARLY_UPDATE', '年度数据预警', 'flagged by the triggers of a yearly record'],
  REPORTED: ['REPORTED', '干部上报', 'reported by a cadre or official (e.g. sudden hardship)'],
});
