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

  it('covers residentId, and cuts ID and phone numbers out of free text under any key', () => {
    const link = { residentId: '11010519491231002X', unlinkReason: '龙某 (11010519491231002X, 139 1234 5678) moved away; call 0743-7221234', amount: 800 };
    expect(redact(link, 'ProjectLink')).toEqual({
      residentId: REDACTED, unlinkReason: '龙某 ([redacted], [redacted]) moved away; call [redacted]', amount: 800,
    });
  });

  it("keeps a programme's or a village's own name, not a person's name inside it", () => {
    expect(redact({ name: '2016年农村饮水安全巩固提升工程', budget: 1 }, 'Programme')).toEqual({ name: '2016年农村饮水安全巩固提升工程', budget: 1 });
    expect(redact({ name: '龙某', relation: 'HEAD' }, 'Member')).toEqual({ name: REDACTED, relation: 'HEAD' });
    expect(redact({ name: '十八洞村', head: { name: '龙某' } }, 'Village')).toEqual({ name: '十八洞村', head: { name: REDACTED } });
  });

  it('leaves identifiers that look like digits by chance: UUIDs, global IDs, household numbers, area codes', () => {
    const ids = { id: '13800138-0013-4800-8138-001380013800', gid: 'SG91c2Vob2xkOjEzODAwMTM4MDAxMw', number: '4331241102260001', villageCode: '433124110226' };
    expect(redact(ids)).toEqual(ids);
  });
});
