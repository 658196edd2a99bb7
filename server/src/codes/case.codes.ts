/** Code lists of the procedures (issue 3): register stage, case kind, state, outcome, decisions. */
import { codeList } from './code-list.js';

export const RegisterStage = codeList('RegisterStage', 'Where a household stands in the register 建档立卡.', {
  CANDIDATE: ['CANDIDATE', '识别中', 'in an identification case, not yet registered'],
  REGISTERED: ['REGISTERED', '已建档立卡', 'registered'],
  REJECTED: ['REJECTED', '未通过识别', 'its identification case was rejected'],
  REMOVED: ['REMOVED', '错评清退', 'removed as wrongly registered'],
});

export const CaseKind = codeList('CaseKind', 'The procedure a case follows.', {
  HOUSEHOLD_IDENTIFICATION: ['HOUSEHOLD_IDENTIFICATION', '贫困户识别', 'identification of a poor household (两公示一公告)'],
  HOUSEHOLD_EXIT: ['HOUSEHOLD_EXIT', '贫困户退出', 'exit of a household from poverty'],
  HOUSEHOLD_RELAPSE: ['HOUSEHOLD_RELAPSE', '返贫', 'a household falling back into poverty'],
  HOUSEHOLD_REMOVAL: ['HOUSEHOLD_REMOVAL', '错评清退', 'removal of a wrongly registered household'],
  VILLAGE_IDENTIFICATION: ['VILLAGE_IDENTIFICATION', '贫困村识别', 'identification of a poor village'],
  VILLAGE_EXIT: ['VILLAGE_EXIT', '贫困村出列', 'exit of a poor village'],
});

export const CaseState = codeList('CaseState', 'The state of a case in its procedure (see each CaseKind).', {
  APPLIED: ['APPLIED', '已申请', 'application filed'],
  APPRAISED: ['APPRAISED', '已民主评议', 'appraised by the villager representatives'],
  FIRST_POSTING: ['FIRST_POSTING', '第一次公示', 'first posting in the village'],
  TOWNSHIP_REVIEWED: ['TOWNSHIP_REVIEWED', '乡镇已审核', 'reviewed by the township'],
  SECOND_POSTING: ['SECOND_POSTING', '第二次公示', 'second posting in the village'],
  APPROVED: ['APPROVED', '县已审定', 'approved by the county'],
  REGISTERED: ['REGISTERED', '已公告建档', 'announced and registered'],
  PROPOSED: ['PROPOSED', '已提出', 'proposed'],
  VERIFIED: ['VERIFIED', '已核实', 'verified by the village committee and work team'],
  CONSENTED: ['CONSENTED', '户已认可', 'the household agreed'],
  POSTING: ['POSTING', '公示中', 'posted in the village'],
  EXITED: ['EXITED', '已退出', 'announced and exited'],
  REPORTED: ['REPORTED', '已上报', 'reported'],
  RELAPSED: ['RELAPSED', '已返贫', 'relapse confirmed'],
  REMOVED: ['REMOVED', '已清退', 'removal confirmed'],
  REJECTED: ['REJECTED', '未通过', 'rejected'],
  WITHDRAWN: ['WITHDRAWN', '已撤回', 'withdrawn'],
});

export const CaseOutcome = codeList('CaseOutcome', 'How a case ended.', {
  APPROVED: ['APPROVED', '通过', 'the procedure reached its end'],
  REJECTED: ['REJECTED', '未通过', 'rejected at a step or by an upheld objection'],
  WITHDRAWN: ['WITHDRAWN', '撤回', 'withdrawn by who filed it'],
});

export const Decision = codeList('Decision', 'The decision a step records.', {
  APPROVE: ['APPROVE', '同意', 'approve: the case goes on'],
  REJECT: ['REJECT', '不同意', 'reject: the case ends'],
});

export const ObjectionResolution = codeList('ObjectionResolution', 'How an objection 异议 was resolved.', {
  UPHELD: ['UPHELD', '异议成立', 'upheld: the case returns or is rejected'],
  DISMISSED: ['DISMISSED', '异议不成立', 'dismissed, with a reason'],
});

export const UpheldConsequence = codeList('UpheldConsequence', 'What an upheld objection does to its case.', {
  RETURN: ['RETURN', '退回重评', 'the case returns to its first step'],
  REJECT: ['REJECT', '不予通过', 'the case is rejected'],
});

export const StepLevel = codeList('StepLevel', 'Who may take a step.', {
  VILLAGE: ['VILLAGE', '村', 'a cadre or official whose area covers the village'],
  TOWNSHIP: ['TOWNSHIP', '乡镇', 'an official of the township or above'],
  COUNTY: ['COUNTY', '县', 'an official of the county or above'],
});
