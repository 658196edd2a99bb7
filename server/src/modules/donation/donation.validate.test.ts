import { describe, expect, it } from 'vitest';
import { effectiveStatus, needProblems, personalDataIn } from './donation.validate.js';

describe('a need description', () => {
  it('refuses an ID number, a phone and a member name, and accepts a plain one', () => {
    expect(personalDataIn('学生身份证433124200501011234', [])).toMatch(/ID number/);
    expect(personalDataIn('请联系 139 1234 5678', [])).toMatch(/phone/);
    expect(personalDataIn('call 0743-1234567', [])).toMatch(/phone/);
    expect(personalDataIn('张小明上初中需要书本', ['张小明'])).toMatch(/name/);
    expect(personalDataIn('长子上初中，需要书本和校服，家中因病缺钱', ['张小明', '李'])).toBeNull();
    expect(personalDataIn('需要 2000 元', [])).toBeNull();
  });
});

describe('a need form', () => {
  it('wants an amount or items with a quantity, and a deadline ahead', () => {
    const base = { deadline: '2027-06-30', description: 'books' };
    expect(needProblems({ ...base, amount: 1000 }, '2026-12-07')).toEqual([]);
    expect(needProblems({ ...base, items: '棉被', quantity: 3 }, '2026-12-07')).toEqual([]);
    expect(needProblems({ ...base }, '2026-12-07')[0].field).toBe('input.amount');
    expect(needProblems({ ...base, amount: 5, items: 'x', quantity: 1 }, '2026-12-07')[0].field).toBe('input.amount');
    expect(needProblems({ ...base, items: 'x', quantity: 0 }, '2026-12-07')[0].field).toBe('input.quantity');
    expect(needProblems({ ...base, amount: 1, deadline: '2026-12-07' }, '2026-12-07')[0].field).toBe('input.deadline');
    expect(needProblems({ ...base, amount: 1.234 }, '2026-12-07')[0].field).toBe('input.amount');
  });
});

describe('a pledge', () => {
  it('expires at read time when undelivered past its date', () => {
    expect(effectiveStatus({ status: 'PLEDGED', deliverBy: '2026-12-06' }, '2026-12-07')).toBe('EXPIRED');
    expect(effectiveStatus({ status: 'PLEDGED', deliverBy: '2026-12-07' }, '2026-12-07')).toBe('PLEDGED');
    expect(effectiveStatus({ status: 'DELIVERED', deliverBy: '2026-12-01' }, '2026-12-07')).toBe('DELIVERED');
  });
});
