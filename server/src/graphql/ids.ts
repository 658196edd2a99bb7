/**
 * Opaque global IDs for Relay `node(id:)`: base64url of "Type:key". Clients never
 * parse them; the national household number 户编号 is a separate field.
 */
import { badInput } from './errors.js';

export type NodeType =
  | 'Area' | 'Village' | 'Household' | 'Member' | 'AuditEntry' | 'Programme' | 'Project' | 'ProjectLink' | 'ChangeEvent'
  | 'WebhookEndpoint' | 'WebhookDelivery'
  | 'UpdateRound' | 'MonitoringCase'
  | 'EligibilityRuleSet'
  | 'Case' | 'CaseStep' | 'CaseDocument' | 'Posting' | 'Objection' | 'StatusEvent'
  | 'AssistanceUnit' | 'Cadre' | 'WorkTeam' | 'Pairing' | 'Visit'
  | 'Measure' | 'AssistancePlan'
  | 'FundAllocation' | 'FundSpending' | 'FundFinding' | 'AssessmentScheme' | 'Assessment' | 'SpotCheckSample';

export const toGlobalId = (type: NodeType, key: string) => Buffer.from(`${type}:${key}`).toString('base64url');

export function fromGlobalId(id: string): { type: NodeType; key: string } | null {
  const decoded = Buffer.from(id, 'base64url').toString('utf8');
  const i = decoded.indexOf(':');
  if (i < 1) return null;
  return { type: decoded.slice(0, i) as NodeType, key: decoded.slice(i + 1) };
}

export const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/;
const UUID_KEYED: ReadonlySet<NodeType> = new Set([
  'Household', 'Member', 'Programme', 'Project', 'ProjectLink', 'WebhookEndpoint', 'WebhookDelivery',
  'UpdateRound',
  'EligibilityRuleSet',
  'Case', 'CaseStep', 'CaseDocument', 'Posting', 'Objection', 'StatusEvent',
  'AssistanceUnit', 'Cadre', 'WorkTeam', 'Pairing', 'Visit',
  'Measure', 'AssistancePlan',
  'FundAllocation', 'FundSpending', 'FundFinding', 'AssessmentScheme', 'Assessment', 'SpotCheckSample',
]);

/** Decodes an ID argument of a known type; a malformed ID is bad input, a well-formed unknown one is NOT_FOUND later. */
export function keyOf(type: NodeType, id: string, field = 'id'): string {
  const g = fromGlobalId(id);
  const ok = g?.type === type && (UUID_KEYED.has(type) ? UUID.test(g.key) : true);
  if (!ok) throw badInput([{ field, reason: `"${id}" is not a ${type} ID: pass the id field of a ${type} as returned by the API` }]);
  return g!.key;
}
