import { describe, it, expect } from 'vitest';
import type { IncomeForm } from './household.form.js';
import { netIncome, perCapitaNetIncome, propertyIncome, totalIncome, transferIncome } from './income.js';

const ZERO: IncomeForm = {
  wage: 0, production: 0, propertyDividend: 0, propertyOther: 0,
  transferFamilyPlanning: 0, transferDibao: 0, transferDestitute: 0, transferPension: 0,
  transferEcological: 0, transferOther: 0, productionCost: 0,
};

/**
 * Worked example, a household of 5, computed by hand:
 *   property 财产性 = 300 dividend + 120 other                                   =    420
 *   transfer 转移性 = 60 family planning + 2,400 低保 + 1,260 pension
 *                   + 480 ecological + 200 other                                =  4,400
 *   all income      = 18,000 wages + 6,500 production + 420 + 4,400              = 29,320
 *   net 纯收入      = 29,320 − 2,600 production costs                           = 26,720
 *   per capita      = 26,720 ÷ 5                                                 =  5,344.00
 */
const EXAMPLE: IncomeForm = {
  wage: 18000, production: 6500, propertyDividend: 300, propertyOther: 120,
  transferFamilyPlanning: 60, transferDibao: 2400, transferDestitute: 0, transferPension: 1260,
  transferEcological: 480, transferOther: 200, productionCost: 2600,
};

describe('income figures: worked example', () => {
  it('sums property income', () => expect(propertyIncome(EXAMPLE)).toBe(420));
  it('sums transfer income', () => expect(transferIncome(EXAMPLE)).toBe(4400));
  it('sums all income without subtracting costs', () => expect(totalIncome(EXAMPLE)).toBe(29320));
  it('subtracts production costs for net income', () => expect(netIncome(EXAMPLE)).toBe(26720));
  it('divides net income by the members', () => expect(perCapitaNetIncome(EXAMPLE, 5)).toBe(5344));
});

describe('each field counts once, in the right sum', () => {
  const fields = Object.keys(ZERO) as (keyof IncomeForm)[];
  it.each(fields)('%s', (field) => {
    const i = { ...ZERO, [field]: 100 };
    const isProperty = field.startsWith('property');
    const isTransfer = field.startsWith('transfer');
    const isCost = field === 'productionCost';
    expect(propertyIncome(i)).toBe(isProperty ? 100 : 0);
    expect(transferIncome(i)).toBe(isTransfer ? 100 : 0);
    expect(totalIncome(i)).toBe(isCost ? 0 : 100);
    expect(netIncome(i)).toBe(isCost ? -100 : 100);
  });
});

describe('cents and rounding (half away from zero)', () => {
  it('shows no floating-point noise: 0.1 + 0.2 = 0.3', () => {
    expect(totalIncome({ ...ZERO, wage: 0.1, production: 0.2 })).toBe(0.3);
  });

  it('takes each amount to the cent, half away from zero, despite its binary form', () => {
    // 1.005 is stored as 1.00499999999999989…; as a written amount it rounds to 1.01
    expect(totalIncome({ ...ZERO, wage: 1.005 })).toBe(1.01);
    expect(netIncome({ ...ZERO, productionCost: 1.005 })).toBe(-1.01);
    expect(totalIncome({ ...ZERO, wage: 1.004 })).toBe(1);
  });

  it('rounds per-capita income to the cent', () => {
    // 1,000 ÷ 3 = 333.333… → 333.33; 200 ÷ 3 = 66.666… → 66.67
    expect(perCapitaNetIncome({ ...ZERO, wage: 1000 }, 3)).toBe(333.33);
    expect(perCapitaNetIncome({ ...ZERO, wage: 200 }, 3)).toBe(66.67);
  });

  it('rounds an exact half cent away from zero', () => {
    // 2.01 ÷ 2 = 1.005 → 1.01 (a binary 1.005 would round down to 1.00)
    expect(perCapitaNetIncome({ ...ZERO, wage: 2.01 }, 2)).toBe(1.01);
    // 0.05 ÷ 2 = 0.025 → 0.03; −0.05 ÷ 2 = −0.025 → −0.03
    expect(perCapitaNetIncome({ ...ZERO, production: 0.05 }, 2)).toBe(0.03);
    expect(perCapitaNetIncome({ ...ZERO, productionCost: 0.05 }, 2)).toBe(-0.03);
  });

  it('gives a negative per-capita income when costs exceed income, and 0 (not −0) at break-even', () => {
    expect(perCapitaNetIncome({ ...ZERO, production: 1000, productionCost: 1600 }, 4)).toBe(-150);
    expect(Object.is(perCapitaNetIncome({ ...ZERO, production: 1000, productionCost: 1000 }, 4), 0)).toBe(true);
  });
});

describe('bad input', () => {
  it.each([0, -1, 2.5, Number.NaN])('throws RangeError for %s members', (members) => {
    expect(() => perCapitaNetIncome(EXAMPLE, members)).toThrow(RangeError);
  });

  it('throws RangeError for a non-finite amount, naming the field', () => {
    expect(() => totalIncome({ ...ZERO, transferOther: Number.NaN })).toThrow(/transferOther/);
    expect(() => netIncome({ ...ZERO, productionCost: Infinity })).toThrow(RangeError);
  });
});
