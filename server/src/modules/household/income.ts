/**
 * Household income figures (reference: "Household (贫困户) form", previous-year income):
 *   纯收入 net income = all income − 生产经营性支出 production costs
 *   人均纯收入 per-capita net income = net income ÷ household members
 *
 * Contract: pure functions over an IncomeForm in yuan. Every amount is taken to the cent
 * (half away from zero) and summed in integer cents, so floating-point noise never shows
 * in a figure (0.1 + 0.2 gives 0.3). Per-capita net income is rounded to the cent, half
 * away from zero (1.005 → 1.01, −1.005 → −1.01), computed exactly on integer cents.
 * Non-finite amounts and a member count that is not an integer ≥ 1 throw RangeError.
 */
import type { IncomeForm } from './household.form.js';

/** Integer cents of a yuan amount, half away from zero. */
function cents(yuan: number, field: string): number {
  if (!Number.isFinite(yuan)) throw new RangeError(`income.${field} must be a finite number of yuan, got ${yuan}`);
  // toFixed(6) strips representation noise (1.005 is stored as 1.00499999…) before rounding.
  const c = Number((Math.abs(yuan) * 100).toFixed(6));
  return Math.sign(yuan) * Math.round(c);
}

function sum(i: IncomeForm, fields: readonly (keyof IncomeForm)[]): number {
  return fields.reduce((acc, f) => acc + cents(i[f], f), 0);
}

const PROPERTY = ['propertyDividend', 'propertyOther'] as const;
const TRANSFER = [
  'transferFamilyPlanning',
  'transferDibao',
  'transferDestitute',
  'transferPension',
  'transferEcological',
  'transferOther',
] as const;
const ALL = ['wage', 'production', ...PROPERTY, ...TRANSFER] as const;

/** 财产性收入 property income (yuan) = 资产收益扶贫分红 asset-income dividends + 其他财产性收入 other. */
export function propertyIncome(i: IncomeForm): number {
  return sum(i, PROPERTY) / 100;
}

/**
 * 转移性收入 transfer income (yuan) = 计划生育金 family-planning + 低保金 minimum living allowance
 * + 特困供养金 destitute support + 养老保险金 pension + 生态补偿金 ecological compensation + 其他转移性收入 other.
 */
export function transferIncome(i: IncomeForm): number {
  return sum(i, TRANSFER) / 100;
}

/**
 * 年收入 all income (yuan) = 工资性收入 wages + 生产经营性收入 production and business
 * + 财产性收入 property + 转移性收入 transfers. Production costs are not subtracted.
 */
export function totalIncome(i: IncomeForm): number {
  return sum(i, ALL) / 100;
}

function netCents(i: IncomeForm): number {
  return sum(i, ALL) - cents(i.productionCost, 'productionCost');
}

/** 纯收入 net income (yuan) = all income − 生产经营性支出 production costs; may be negative. */
export function netIncome(i: IncomeForm): number {
  return netCents(i) / 100;
}

/**
 * 人均纯收入 per-capita net income (yuan) = net income ÷ members, rounded to the cent
 * half away from zero. `members` is the number of household members (家庭人口), an integer ≥ 1.
 */
export function perCapitaNetIncome(i: IncomeForm, members: number): number {
  if (!Number.isInteger(members) || members < 1) {
    throw new RangeError(`per-capita income needs at least one household member, got ${members}`);
  }
  const n = netCents(i);
  const abs = Math.abs(n);
  const q = Math.floor(abs / members);
  const rounded = 2 * (abs % members) >= members ? q + 1 : q;
  return (Math.sign(n) * rounded) / 100 + 0; // + 0 turns −0 into 0
}
