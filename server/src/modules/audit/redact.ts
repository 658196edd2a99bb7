/**
 * Personal-data redaction for the audit trail and change events (issue 13 item 1): names,
 * ID numbers, phones, bank accounts and birth dates never leave the record they belong to.
 * - By what a field is: the personal fields are declared once (PERSONAL_FIELDS, the
 *   columns that hold them, `residentId` among them); `name` is personal except at the top
 *   of a record of an organisation or a place (a programme, a project, a unit, a village…).
 * - In free text anywhere (a step's note, an unlink reason, a visit note): ID numbers and
 *   phone numbers are replaced (lib/personal-patterns.ts), whatever the key.
 */
import { scrubText } from '../../lib/personal-patterns.js';

export const PERSONAL_FIELDS: ReadonlySet<string> = new Set([
  'name', 'idNumber', 'residentId', 'idHash', 'phone', 'bankAccount', 'bankName', 'birthDate', 'consentedBy', 'memberNames', 'names',
]);

/** Entity types whose own `name` is an organisation's or a place's, not a person's. */
export const ORGANISATION_NAMED: ReadonlySet<string> = new Set([
  'Programme', 'Project', 'AssistanceUnit', 'WorkTeam', 'Village', 'Area', 'EligibilityRuleSet', 'UpdateRound', 'AssistancePlan',
]);

export const REDACTED = '[redacted]';

function copy(value: unknown, keepName: boolean): unknown {
  if (typeof value === 'string') return scrubText(value, REDACTED);
  if (Array.isArray(value)) return value.map((v) => copy(v, false));
  if (value && typeof value === 'object' && !(value instanceof Date)) {
    return Object.fromEntries(
      Object.entries(value).map(([k, v]) => [k, v != null && PERSONAL_FIELDS.has(k) && !(keepName && k === 'name') ? REDACTED : copy(v, false)]),
    );
  }
  return value;
}

/** Deep copy with every personal field replaced by "[redacted]" (null stays null) and personal numbers cut from free text; `entityType` is the record's. */
export function redact(value: unknown, entityType?: string): unknown {
  return copy(value, entityType !== undefined && ORGANISATION_NAMED.has(entityType));
}
