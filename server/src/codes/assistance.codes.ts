/**
 * Code lists of 精准帮扶 (reference: "Social participation"): the kinds of unit that
 * send cadres, and the roles in a village work team 驻村工作队. The registry's own
 * codes (no national code list is published for them): stable slugs, Chinese and
 * English in each description.
 */
import { codeList } from './code-list.js';

export const AssistanceUnitKind = codeList('AssistanceUnitKind', 'Kind of unit that sends cadres 帮扶单位类型.', {
  GOVERNMENT: ['government', '党政机关', 'Party or government body (local)'],
  DESIGNATED: ['designated', '定点扶贫单位', 'designated assistance unit (central or provincial body, state enterprise, university)'],
  EAST_WEST: ['east_west', '东西部扶贫协作', 'east–west partner province or city'],
  MILITARY: ['military', '军队和武警部队', 'army or armed police unit'],
  ENTERPRISE: ['enterprise', '企业', 'enterprise (private or state-owned), e.g. 万企帮万村'],
  SOCIAL_ORGANIZATION: ['social_organization', '社会组织', 'social organization (foundation, association, charity)'],
});

export const WorkTeamRole = codeList('WorkTeamRole', 'Role of a cadre in a village work team 驻村工作队.', {
  FIRST_SECRETARY: ['first_secretary', '第一书记', 'first secretary of the village Party branch, sent by the unit'],
  LEADER: ['leader', '队长', 'team leader (when not the first secretary)'],
  MEMBER: ['member', '队员', 'team member'],
});
