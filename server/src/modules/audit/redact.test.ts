/** Redaction of personal data in audit records and change events. */
import { describe, expect, it } from 'vitest';
import { redact, REDACTED } from './redact.js';

describe('redact', () => {
  it('replaces names, ID numbers, phones, bank data and birth dates at any depth, and keeps the rest', () => {
    const household = {
      number: '4331241102260001', phone: '13800000000', bankName: '信用社', bankAccount: '6228480000000000000', mainCause: '01',
      members: [{ name: '龙某', idNumber: '11010519491231002X', birthDate: '1949-12-31', sex: '2', health: ['01'] }],
    };
    expect(redact(household)).toEqual({
      number: '4331241102260001', phone: REDACTED, bankName: REDACTED, bankAccount: REDACTED, mainCause: '01',
      members: [{ name: REDACTED, idNumber: REDACTED, birthDate: REDACTED, sex: '2', health: ['01'] }],
    });
    expect(household.members[0].name).toBe('龙某');
  });

  it('keeps an absent personal field absent rather than marking it', () => {
    expect(redact({ phone: null, name: undefined })).toEqual({ phone: null, name: undefined });
  });
});
