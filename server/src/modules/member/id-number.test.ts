import { describe, it, expect } from 'vitest';
import { ageOn, checkDigit, parseIdNumber, withCheckDigit } from './id-number.js';

const TODAY = new Date(2024, 5, 1); // 2024-06-01, local time

/** Published GB 11643 example: Beijing Chaoyang 110105, born 1949-12-31, sequence 002 (even: female). */
const EXAMPLE = '11010519491231002X';

describe('withCheckDigit / checkDigit (GB 11643 MOD 11-2)', () => {
  it('reproduces the published example by hand', () => {
    // weights 7 9 10 5 8 4 2 1 6 3 7 9 10 5 8 4 2 over 1 1 0 1 0 5 1 9 4 9 1 2 3 1 0 0 2:
    // 7+9+0+5+0+20+2+9+24+27+7+18+30+5+0+0+4 = 167; 167 mod 11 = 2; '10X98765432'[2] = 'X'
    expect(withCheckDigit('11010519491231002')).toBe(EXAMPLE);
  });

  it('gives digit check characters too', () => {
    // 5*7+2*9+0+1*5+0+2*4+1*2+9*1+7*6+0+0+3*9+1*10+5*5+0+0+1*2 = 183; 183 mod 11 = 7 → '5'
    expect(checkDigit('52010219700315001')).toBe('5');
  });

  it('rejects input that is not 17 digits', () => {
    expect(() => checkDigit('1101051949123100')).toThrow(RangeError);
    expect(() => checkDigit('1101051949123100A')).toThrow(RangeError);
  });
});

describe('parseIdNumber', () => {
  it('decodes the published example', () => {
    expect(parseIdNumber(EXAMPLE, TODAY)).toEqual({
      ok: true, kind: '1', residentId: EXAMPLE, birthDate: '1949-12-31', sex: '2', regionCode: '110105',
    });
  });

  it('accepts a lowercase x and surrounding spaces, normalising to X', () => {
    const r = parseIdNumber(' 11010519491231002x ', TODAY);
    expect(r).toMatchObject({ ok: true, residentId: EXAMPLE });
  });

  it('reads an odd 17th digit as male', () => {
    expect(parseIdNumber('520102197003150015', TODAY)).toMatchObject({ ok: true, sex: '1', birthDate: '1970-03-15', regionCode: '520102' });
  });

  it('decodes a 20-digit disability card: resident ID + category + grade', () => {
    const card = withCheckDigit('52010219480229002') + '14';
    expect(parseIdNumber(card, TODAY)).toEqual({
      ok: true, kind: '2', residentId: '520102194802290029', birthDate: '1948-02-29', sex: '2', regionCode: '520102',
    });
  });

  it('names the expected check digit when the checksum fails', () => {
    const r = parseIdNumber('110105194912310021', TODAY);
    expect(r.ok).toBe(false);
    if (!r.ok) expect(r.reason).toContain('should be X but is 1');
  });

  it.each([
    ['17 characters', '11010519491231002', 'has 17 characters'],
    ['19 characters', '11010519491231002X1', 'has 19 characters'],
    ['empty', '  ', 'empty'],
    ['a letter', '1101051949123100A2', 'only digits'],
    ['X before the 18th place', '1101051949123100X2', 'only digits'],
    ['X in a disability card suffix', EXAMPLE + '1X', 'only digits'],
  ])('rejects %s', (_name, value, reason) => {
    const r = parseIdNumber(value, TODAY);
    expect(r.ok).toBe(false);
    if (!r.ok) expect(r.reason).toContain(reason);
  });

  it.each([
    ['30 February', withCheckDigit('11010519490230002'), 'not a calendar date'],
    ['29 February of a common year', withCheckDigit('11010519490229002'), 'not a calendar date'],
    ['month 13', withCheckDigit('11010519491331002'), 'not a calendar date'],
    ['a birth before 1900', withCheckDigit('11010518991231002'), 'before 1900'],
    ['a birth after today', withCheckDigit('11010520240602002'), 'in the future'],
  ])('rejects %s even with a right checksum', (_name, value, reason) => {
    const r = parseIdNumber(value, TODAY);
    expect(r.ok).toBe(false);
    if (!r.ok) expect(r.reason).toContain(reason);
  });

  it('accepts a birth on today itself', () => {
    expect(parseIdNumber(withCheckDigit('11010520240601002'), TODAY).ok).toBe(true);
  });

  it.each([
    ['category 0', '01', '19th digit'],
    ['category 8', '81', '19th digit'],
    ['grade 0', '10', '20th digit'],
    ['grade 5', '15', '20th digit'],
  ])('rejects a disability card with %s', (_name, suffix, reason) => {
    const r = parseIdNumber(withCheckDigit('52010219480229002') + suffix, TODAY);
    expect(r.ok).toBe(false);
    if (!r.ok) expect(r.reason).toContain(reason);
  });

  it('checks the checksum of a disability card too', () => {
    expect(parseIdNumber('52010219480229002114', TODAY).ok).toBe(false);
  });
});

describe('ageOn (completed years)', () => {
  it('counts a birthday only once reached', () => {
    expect(ageOn('1970-03-15', '2024-03-14')).toBe(53);
    expect(ageOn('1970-03-15', '2024-03-15')).toBe(54);
    expect(ageOn('1970-03-15', '2024-12-31')).toBe(54);
  });

  it('reaches a 29 February birthday on 1 March in common years', () => {
    expect(ageOn('1948-02-29', '2023-02-28')).toBe(74);
    expect(ageOn('1948-02-29', '2023-03-01')).toBe(75);
    expect(ageOn('1948-02-29', '2024-02-29')).toBe(76);
  });

  it('takes a Date by its local calendar day', () => {
    expect(ageOn('2014-06-01', new Date(2024, 5, 1, 0, 0, 1))).toBe(10);
    expect(ageOn('2014-06-01', new Date(2024, 4, 31, 23, 59, 59))).toBe(9);
  });

  it('throws RangeError on a date that is not a calendar date', () => {
    expect(() => ageOn('1970-02-30', '2024-01-01')).toThrow(RangeError);
    expect(() => ageOn('1970-01-01', 'yesterday')).toThrow(RangeError);
  });
});
