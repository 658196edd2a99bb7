/**
 * The life of a 扶贫小额信贷 loan after disbursement: repayments (never beyond the
 * principal; the loan is repaid when nothing is owed), a default (overdue), and the
 * county risk-compensation fund drawn on an overdue loan. Rules in ./micro-credit.ts;
 * each write locks the measure, is audited and announced in one transaction.
 */
import { requireRegistryWriter } from '../../auth/require.js';
import type { Context } from '../../graphql/context.js';
import { ApiError, badInput } from '../../graphql/errors.js';
import { keyOf } from '../../graphql/ids.js';
import type { Loan } from './details.js';
import { compensationProblems, outstanding, repaymentProblems, statusAfterRepayment } from './micro-credit.js';
import type { StoredDetails } from './measure.mapper.js';
import { measureStore, type MeasureRow } from './measure.store.js';
import { lockMeasure, writeMeasure } from './measure.service.js';
import { orThrow, today } from './measure.validate.js';

type Tx = Parameters<typeof measureStore.lock>[0];

function loanOf(row: MeasureRow): Loan {
  const loan = (row.details as StoredDetails | null)?.microCredit;
  if (row.kind !== 'micro_credit' || !loan) throw badInput([{ field: 'measureId', reason: 'this measure is not a micro-credit loan (kind MICRO_CREDIT)' }]);
  if (row.status === 'cancelled') throw badInput([{ field: 'measureId', reason: 'this loan measure was cancelled: nothing more is recorded on it' }]);
  return loan;
}

async function change(ctx: Context, measureId: string, operation: string, event: string, apply: (loan: Loan) => Loan) {
  requireRegistryWriter(ctx.caller);
  const key = keyOf('Measure', measureId, 'measureId');
  return ctx.db.transaction(async (tx: Tx) => {
    const before = await lockMeasure(tx, ctx, measureId, key);
    const loan = apply(loanOf(before));
    const row = await measureStore.update(tx, key, { details: { ...(before.details as StoredDetails), microCredit: loan } });
    return writeMeasure(tx, ctx, operation, event, before, row);
  });
}

export const loanService = {
  repay: (ctx: Context, measureId: string, paidOn: string, amount: number) =>
    change(ctx, measureId, 'recordLoanRepayment', 'measure.loanRepaid', (loan) => {
      const r = { paidOn, amount };
      orThrow(repaymentProblems(loan, r, today()));
      return { ...loan, status: statusAfterRepayment(loan, r), repayments: [...loan.repayments, r] };
    }),

  markOverdue: (ctx: Context, measureId: string, on: string) =>
    change(ctx, measureId, 'markLoanOverdue', 'measure.loanOverdue', (loan) => {
      if (loan.status !== 'current') throw new ApiError('INVALID_TRANSITION', `only a current loan can become overdue; this one is ${loan.status}`, { from: loan.status.toUpperCase(), to: 'OVERDUE', reason: `the loan is ${loan.status}` });
      orThrow(on < loan.disbursedOn || on > today() ? [{ field: 'on', reason: `give the date the household defaulted, between ${loan.disbursedOn} and today` }] : []);
      return { ...loan, status: 'overdue' };
    }),

  compensate: (ctx: Context, measureId: string, drawnOn: string, amount: number) =>
    change(ctx, measureId, 'drawRiskCompensation', 'measure.riskCompensated', (loan) => {
      const c = { drawnOn, amount };
      orThrow(compensationProblems(loan, c, today()));
      const after = { ...loan, compensation: c };
      return { ...after, status: outstanding(after) === 0 ? 'compensated' : loan.status };
    }),
};
