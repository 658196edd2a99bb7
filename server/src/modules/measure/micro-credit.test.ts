import { describe, expect, it } from 'vitest';
import { NATIONAL_LIMITS, limitsAt } from './limits.js';
import { compensationProblems, dueOn, loanTermProblems, outstanding, repaymentProblems, statusAfterRepayment, type LoanState } from './micro-credit.js';

const terms = { bank: '花垣县农村信用合作联社', principal: 50_000, termMonths: 36, annualRate: 4.35, interestSubsidyRate: 4.35, guarantee: false, collateral: false, disbursedOn: '2016-04-15' };
const fields = (p: { field: string }[]) => p.map((x) => x.field);

describe('扶贫小额信贷 terms', () => {
  it('accepts 50,000 yuan over 36 months without guarantee or collateral', () => {
    expect(loanTermProblems(terms, NATIONAL_LIMITS, 'm')).toEqual([]);
  });

  it('refuses 50,000.01 yuan and 37 months, naming the limit', () => {
    const p = loanTermProblems({ ...terms, principal: 50_000.01, termMonths: 37 }, NATIONAL_LIMITS, 'm');
    expect(fields(p)).toEqual(['m.principal', 'm.termMonths']);
    expect(p[0].reason).toContain('at most 50,000 yuan');
    expect(p[1].reason).toContain('at most 36 months (3 years)');
  });

  it('refuses 60,000 yuan and 4 years (48 months)', () => {
    expect(fields(loanTermProblems({ ...terms, principal: 60_000 }, NATIONAL_LIMITS, 'm'))).toEqual(['m.principal']);
    expect(fields(loanTermProblems({ ...terms, termMonths: 48 }, NATIONAL_LIMITS, 'm'))).toEqual(['m.termMonths']);
  });

  it('refuses a guarantee, collateral, and a subsidy above the rate', () => {
    expect(fields(loanTermProblems({ ...terms, guarantee: true, collateral: true, interestSubsidyRate: 5 }, NATIONAL_LIMITS, 'm')))
      .toEqual(['m.guarantee', 'm.collateral', 'm.interestSubsidyRate']);
  });

  it('applies the limits of the longest matching area', () => {
    const rows = [{ areaCode: '43', microCreditMaxPrincipal: 40_000, microCreditMaxTermMonths: 24, relocationMaxM2PerPerson: 25 }, { areaCode: '433124', microCreditMaxPrincipal: 30_000, microCreditMaxTermMonths: 36, relocationMaxM2PerPerson: 25 }];
    expect(limitsAt(rows, '433124110226').microCreditMaxPrincipal).toBe(30_000);
    expect(limitsAt(rows, '433125100200').microCreditMaxTermMonths).toBe(24);
    expect(limitsAt(rows, '520100000000')).toBe(NATIONAL_LIMITS);
    expect(fields(loanTermProblems({ ...terms, principal: 30_000.01 }, limitsAt(rows, '433124110226'), 'm'))).toEqual(['m.principal']);
  });

  it('falls due after the term, on the last day of a shorter month', () => {
    expect(dueOn('2016-04-15', 36)).toBe('2019-04-15');
    expect(dueOn('2016-01-31', 1)).toBe('2016-02-29');
    expect(dueOn('2016-11-30', 3)).toBe('2017-02-28');
  });
});

describe('repayments and risk compensation', () => {
  const loan: LoanState = { principal: 50_000, disbursedOn: '2016-04-15', status: 'current', repayments: [{ paidOn: '2017-04-15', amount: 20_000 }], compensation: null };
  const today = '2018-01-01';

  it('accepts a repayment up to what is owed and settles the loan when nothing is left', () => {
    expect(outstanding(loan)).toBe(30_000);
    expect(repaymentProblems(loan, { paidOn: '2017-10-01', amount: 30_000 }, today)).toEqual([]);
    expect(statusAfterRepayment(loan, { paidOn: '2017-10-01', amount: 30_000 })).toBe('repaid');
    expect(statusAfterRepayment(loan, { paidOn: '2017-10-01', amount: 29_999.99 })).toBe('current');
  });

  it('refuses repayments beyond the principal, before disbursement, or in the future', () => {
    const beyond = repaymentProblems(loan, { paidOn: '2017-10-01', amount: 30_000.01 }, today);
    expect(beyond[0]).toMatchObject({ field: 'amount' });
    expect(beyond[0].reason).toContain('only 30,000 yuan of the 50,000 yuan principal is still owed');
    expect(fields(repaymentProblems(loan, { paidOn: '2016-04-14', amount: 1 }, today))).toEqual(['paidOn']);
    expect(fields(repaymentProblems(loan, { paidOn: '2018-01-02', amount: 1 }, today))).toEqual(['paidOn']);
    expect(fields(repaymentProblems({ ...loan, status: 'repaid' }, { paidOn: '2017-10-01', amount: 1 }, today))).toEqual(['amount']);
  });

  it('draws the county fund only on an overdue loan, once, for at most what is owed', () => {
    const overdue = { ...loan, status: 'overdue' };
    expect(compensationProblems(loan, { drawnOn: '2017-12-01', amount: 1 }, today)[0].reason).toContain('only on an overdue loan');
    expect(compensationProblems(overdue, { drawnOn: '2017-12-01', amount: 30_000 }, today)).toEqual([]);
    expect(fields(compensationProblems(overdue, { drawnOn: '2017-12-01', amount: 30_000.01 }, today))).toEqual(['amount']);
    expect(outstanding({ ...overdue, compensation: { drawnOn: '2017-12-01', amount: 30_000 } })).toBe(0);
    expect(fields(compensationProblems({ ...overdue, compensation: { drawnOn: '2017-12-01', amount: 100 } }, { drawnOn: '2017-12-02', amount: 1 }, today))).toEqual(['measureId']);
  });
});
