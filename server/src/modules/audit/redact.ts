/**
 * Personal-data redaction for the audit trail and change events: names, ID
 * numbers, phones and bank accounts never leave the record they belong to.
 */
export const PERSONAL_FIELDS: ReadonlySet<string> = new Set(['name', 'idNumber', 'phone', 'bankAccount', 'bankName', 'birthDate', 'consentedBy']);

export const REDACTED = '[redacted]';

/** Deep copy with every personal field replaced by "[redacted]" (null stays null). */
export function redact(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(redact);
  if (value && typeof value === 'object' && !(value instanceof Date)) {
    return Object.fromEntries(
      Object.entries(value).map(([k, v]) => [k, PERSONAL_FIELDS.has(k) && v != null ? REDACTED : redact(v)]),
    );
  }
  return value;
}
