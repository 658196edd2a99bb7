/**
 * Rules of 扶贫小额信贷 poverty micro-credit (reference: "three brands"): a loan to a
 * registered household of at most the area's limit (50,000 yuan by default) for at
 * most its term (3 years), with no guarantee and no collateral, interest subsidised
 * by the treasury (the subsidy never above the rate); repayments never beyond the
 * principal; the county's risk-compensation fund is drawn only on an overdue loan and
 * only for what is still owed. Pure functions: each problem names the field.
 */
import type { FieldProblem } from '../../graphql/errors.js';
import { fen, type AssistanceLimits } from './limits.js';

export interface LoanTerms {
  bank: string;
  principal: number;
  termMonths: number;
  /** Annual interest rate, percent. */
  annualRate: number;
  /** Part of the rate paid by the treasury 财政贴息, percent. */
  interestSubsidyRate: number;
  guarantee: boolean;
  collateral: boolean;
  disbursedOn: string;
}

export interface Repayment {
  paidOn: string;
  amount: number;
}

export interface LoanState {
  principal: number;
  disbursedOn: string;
  status: string;
  repayments: Repayment[];
  compensation: { drawnOn: string; amount: number } | null;
}

const yuan = (n: number) => n.toLocaleString('en-US', { maximumFractionDigits: 2 });

export function loanTermProblems(t: LoanTerms, limits: AssistanceLimits, field: string): FieldProblem[] {
  const p: FieldProblem[] = [];
  if (!t.bank.trim() || t.bank.length > 200) p.push({ field: `${field}.bank`, reason: 'name the lending bank (1–200 characters)' });
  if (!(t.principal > 0)) p.push({ field: `${field}.principal`, reason: 'the principal must be more than 0 yuan' });
  else if (fen(t.principal) > fen(limits.microCreditMaxPrincipal)) {
    p.push({ field: `${field}.principal`, reason: `扶贫小额信贷 lends at most ${yuan(limits.microCreditMaxPrincipal)} yuan per household here; ${yuan(t.principal)} is more` });
  }
  if (!Number.isInteger(t.termMonths) || t.termMonths < 1) p.push({ field: `${field}.termMonths`, reason: 'the term is a whole number of months, at least 1' });
  else if (t.termMonths > limits.microCreditMaxTermMonths) {
    p.push({ field: `${field}.termMonths`, reason: `扶贫小额信贷 runs at most ${limits.microCreditMaxTermMonths} months (${limits.microCreditMaxTermMonths / 12} years) here; ${t.termMonths} months is longer` });
  }
  if (t.guarantee) p.push({ field: `${field}.guarantee`, reason: '扶贫小额信贷 is lent without a guarantee (免担保): a loan that needs one is not this product' });
  if (t.collateral) p.push({ field: `${field}.collateral`, reason: '扶贫小额信贷 is lent without collateral (免抵押): a loan that needs one is not this product' });
  if (!(t.annualRate >= 0 && t.annualRate <= 36)) p.push({ field: `${field}.annualRate`, reason: 'the annual rate is a percentage between 0 and 36' });
  if (!(t.interestSubsidyRate >= 0)) p.push({ field: `${field}.interestSubsidyRate`, reason: 'the interest subsidy is a percentage of at least 0' });
  else if (t.interestSubsidyRate > t.annualRate) p.push({ field: `${field}.interestSubsidyRate`, reason: `the treasury subsidises at most the whole rate (${t.annualRate}%), not ${t.interestSubsidyRate}%` });
  return p;
}

/** The date a loan falls due: the disbursement date plus the term (clamped to the month's last day). */
export function dueOn(disbursedOn: string, termMonths: number): string {
  const [y, m, d] = disbursedOn.split('-').map(Number);
  const months = m - 1 + termMonths;
  const year = y + Math.floor(months / 12);
  const month = (months % 12) + 1;
  const last = new Date(Date.UTC(year, month, 0)).getUTCDate();
  return `${year}-${String(month).padStart(2, '0')}-${String(Math.min(d, last)).padStart(2, '0')}`;
}

export const repaid = (s: LoanState) => s.repayments.reduce((sum, r) => sum + fen(r.amount), 0) / 100;
/** Principal still owed: principal − repayments − any risk compensation. */
export const outstanding = (s: LoanState) => (fen(s.principal) - fen(repaid(s)) - fen(s.compensation?.amount ?? 0)) / 100;

/** A repayment: positive, not before disbursement, not in the future, and never beyond what is owed. */
export function repaymentProblems(s: LoanState, r: Repayment, today: string): FieldProblem[] {
  if (s.status === 'repaid' || s.status === 'compensated') return [{ field: 'amount', reason: `the loan is settled (${s.status}): nothing is owed` }];
  if (!(r.amount > 0)) return [{ field: 'amount', reason: 'a repayment is more than 0 yuan' }];
  if (r.paidOn < s.disbursedOn) return [{ field: 'paidOn', reason: `${r.paidOn} is before the loan was disbursed (${s.disbursedOn})` }];
  if (r.paidOn > today) return [{ field: 'paidOn', reason: `${r.paidOn} is in the future: record a repayment once it is made` }];
  const owed = outstanding(s);
  if (fen(r.amount) > fen(owed)) return [{ field: 'amount', reason: `only ${yuan(owed)} yuan of the ${yuan(s.principal)} yuan principal is still owed; a repayment of ${yuan(r.amount)} yuan would go beyond the principal` }];
  return [];
}

/** The status after a repayment: repaid once nothing is owed, otherwise unchanged. */
export const statusAfterRepayment = (s: LoanState, r: Repayment) =>
  fen(outstanding({ ...s, repayments: [...s.repayments, r] })) === 0 ? 'repaid' : s.status;

/** A draw on the county risk-compensation fund 风险补偿金: only on an overdue loan, for at most what is owed, once. */
export function compensationProblems(s: LoanState, c: { drawnOn: string; amount: number }, today: string): FieldProblem[] {
  if (s.status !== 'overdue') return [{ field: 'measureId', reason: `the risk-compensation fund pays only on an overdue loan; this one is ${s.status} (mark it overdue first if the household defaulted)` }];
  if (s.compensation) return [{ field: 'measureId', reason: `the fund already paid ${yuan(s.compensation.amount)} yuan on ${s.compensation.drawnOn} for this loan: it is drawn once` }];
  if (!(c.amount > 0)) return [{ field: 'amount', reason: 'the amount drawn is more than 0 yuan' }];
  if (c.drawnOn < s.disbursedOn || c.drawnOn > today) return [{ field: 'drawnOn', reason: `give the date the fund paid, between ${s.disbursedOn} and today` }];
  const owed = outstanding(s);
  if (fen(c.amount) > fen(owed)) return [{ field: 'amount', reason: `only ${yuan(owed)} yuan is still owed: the fund covers no more than that` }];
  return [];
}
