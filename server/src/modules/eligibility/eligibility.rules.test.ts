/** Hand-worked examples of every eligibility rule and of the income flip amount. */
import { describe, expect, it } from 'vitest';
import { parseDefinition, type Definition } from './eligibility.definition.js';
import { householdFacts, type Facts } from './eligibility.facts.js';
import { changeOf, evaluate, incomeChangeToFlip, isEligible, onRegister } from './eligibility.rules.js';
import { DEFAULT_DEFINITION } from './eligibility.default.js';

const def = (json: unknown): Definition => {
  const r = parseDefinition(json, 'definition');
  if (!r.ok) throw new Error(JSON.stringify(r.problems));
  return r.definition;
};

/** Three members, 64 m², safe water, sound house, no toilet, everyone insured and in school. */
function facts(over: Partial<Facts> = {}): Facts {
  const f = householdFacts({
    household: { attribute: '01' },
    year: {
      perCapitaNetIncome: 2000, memberCount: 3, drinkingWaterSafe: true, drinkingWaterDifficulty: false, dilapidatedHouse: false,
      dilapidatedGrade: null, sanitaryToilet: false, householdPower: true, productionPower: true, radioTv: true, inCooperative: false,
      housingAreaM2: 64, arableLandMu: 2.5, irrigatedLandMu: 1, forestLandMu: 6, distanceToRoadKm: 1.2, roadType: '2', mainFuel: '1',
    },
    members: [
      { age: 56, schooling: '00', basicMedicalInsurance: true, health: ['01'], labourSkill: '01' },
      { age: 54, schooling: '00', basicMedicalInsurance: true, health: ['02'], labourSkill: '01' },
      { age: 14, schooling: '09', basicMedicalInsurance: true, health: ['01'], labourSkill: '04' },
    ],
  });
  return { ...f, ...over };
}
const IN_433124 = { line: 2855, villageCode: '433124110226' };
const ELSEWHERE = { line: 2855, villageCode: '433125100201' };

describe('facts', () => {
  it('derives member counts and per-person housing', () => {
    const f = facts();
    expect(f).toMatchObject({ housingAreaPerPerson: 21.33, childrenOutOfSchool: 0, uninsuredMembers: 0, chronicallyIllMembers: 1, membersAbleToWork: 2, labourShare: 0.67 });
  });
});

describe('income test: per-capita net income not above multipleOfLine × line', () => {
  const incomeOnly = def({ incomeTest: { multipleOfLine: 1 } });
  it('is met at and just under the line, not just over it', () => {
    expect(isEligible(incomeOnly, facts({ perCapitaNetIncome: 2854.99 }), IN_433124)).toBe(true);
    expect(isEligible(incomeOnly, facts({ perCapitaNetIncome: 2855 }), IN_433124)).toBe(true);
    expect(isEligible(incomeOnly, facts({ perCapitaNetIncome: 2855.01 }), IN_433124)).toBe(false);
  });
  it('scales the line: 1.5 × 2855 = 4282.50', () => {
    const monitoring = def({ incomeTest: { multipleOfLine: 1.5 } });
    const d = evaluate(monitoring, facts({ perCapitaNetIncome: 4282.5 }), IN_433124);
    expect(d).toMatchObject({ eligible: true, threshold: 4282.5, incomeChangeToFlip: 0.01 });
  });
  it('gives the income flip: 2,000 needs +855.01 to rise above 2,855; 3,000 needs −145.00 to reach it', () => {
    expect(incomeChangeToFlip(incomeOnly, facts({ perCapitaNetIncome: 2000 }), IN_433124)).toBe(855.01);
    expect(incomeChangeToFlip(incomeOnly, facts({ perCapitaNetIncome: 3000 }), IN_433124)).toBe(-145);
  });
  it('explains its inputs', () => {
    const d = evaluate(incomeOnly, facts(), IN_433124);
    expect(d.rules).toEqual([expect.objectContaining({
      code: 'INCOME', kind: 'INCOME_TEST', met: true, supportsDecision: true, condition: 'perCapitaNetIncome ≤ 2855',
      inputs: [{ name: 'perCapitaNetIncome', value: 2000 }, { name: 'line', value: 2855 }, { name: 'multipleOfLine', value: 1 }],
    })]);
  });
});

describe('guarantees (两不愁三保障)', () => {
  const national = def(DEFAULT_DEFINITION);
  it('a dilapidated house makes a household above the line eligible, and no income change can flip it', () => {
    const d = evaluate(national, facts({ perCapitaNetIncome: 5000, dilapidatedHouse: true }), IN_433124);
    expect(d.eligible).toBe(true);
    expect(d.rules.find((r) => r.code === 'SAFE_HOUSING')).toMatchObject({ met: true, supportsDecision: true });
    expect(d.rules.find((r) => r.code === 'INCOME')).toMatchObject({ met: false, supportsDecision: false });
    expect(d.incomeChangeToFlip).toBeNull();
  });
  it('a child of 6–15 out of school fails compulsory education; an uninsured member fails basic medical care', () => {
    expect(isEligible(national, facts({ perCapitaNetIncome: 5000, childrenOutOfSchool: 1 }), IN_433124)).toBe(true);
    expect(isEligible(national, facts({ perCapitaNetIncome: 5000, uninsuredMembers: 2 }), IN_433124)).toBe(true);
    expect(isEligible(national, facts({ perCapitaNetIncome: 5000 }), IN_433124)).toBe(false);
  });
  it('compares codes with in', () => {
    const grade = def({ guarantees: [{ code: 'GRADE_D', label: 'D-grade house', fact: 'dilapidatedGrade', failsWhen: { op: 'in', value: ['D'] } }] });
    expect(isEligible(grade, facts({ dilapidatedGrade: 'D' }), IN_433124)).toBe(true);
    expect(isEligible(grade, facts({ dilapidatedGrade: 'C' }), IN_433124)).toBe(false);
  });
});

describe('proxy means: weights, area overrides, cut-offs into groups', () => {
  // score = 1 × min(housing per person, 40) + 10 × toilet + 0.01 × income; A < 30 ≤ B < 50 ≤ C < 70 ≤ D; A and B eligible.
  const pmt = (over: object = {}) => def({
    proxyMeans: {
      indicators: [
        { code: 'HOUSING', fact: 'housingAreaPerPerson', weight: 1, cap: 40 },
        { code: 'TOILET', fact: 'sanitaryToilet', weight: 10 },
        { code: 'INCOME', fact: 'perCapitaNetIncome', weight: 0.01 },
      ],
      areaWeights: [{ areaPrefix: '4331', weights: { TOILET: 20 } }, { areaPrefix: '433124', weights: { TOILET: 5 } }],
      groups: [{ name: 'A', below: 30 }, { name: 'B', below: 50 }, { name: 'C', below: 70 }, { name: 'D' }],
      eligibleGroups: ['A', 'B'],
    },
    ...over,
  });
  it('21.33 + 20 (toilet, 4331 override) + 20 (income 2,000) = 61.33 is group C, not eligible', () => {
    const d = evaluate(pmt(), facts({ sanitaryToilet: true }), ELSEWHERE);
    expect(d).toMatchObject({ eligible: false, score: 61.33, group: 'C' });
    expect(d.rules.find((r) => r.code === 'TOILET')).toMatchObject({ points: 20, inputs: expect.arrayContaining([{ name: 'weightFromArea', value: '4331' }]) });
  });
  it('the longer 433124 override (toilet 5) gives 46.33: group B, eligible', () => {
    const d = evaluate(pmt(), facts({ sanitaryToilet: true }), IN_433124);
    expect(d).toMatchObject({ eligible: true, score: 46.33, group: 'B' });
  });
  it('income enters the score: 61.33 falls below 50 at income 866.99, a change of −1,133.01', () => {
    expect(incomeChangeToFlip(pmt(), facts({ sanitaryToilet: true }), ELSEWHERE)).toBe(-1133.01);
    // 46.33 reaches 50 at income 2,367: +367 flips to C
    expect(incomeChangeToFlip(pmt(), facts({ sanitaryToilet: true }), IN_433124)).toBe(367);
  });
  it('a capped income term stops the score rising: no income change lifts group A above 40', () => {
    const capped = def({
      proxyMeans: {
        indicators: [{ code: 'INCOME', fact: 'perCapitaNetIncome', weight: 0.01, cap: 2500 }, { code: 'TOILET', fact: 'sanitaryToilet', weight: 30 }],
        groups: [{ name: 'A', below: 40 }, { name: 'B' }], eligibleGroups: ['A'],
      },
    });
    expect(incomeChangeToFlip(capped, facts({ sanitaryToilet: false }), IN_433124)).toBeNull();
    // 30 + 20 = 50 (B); below 40 needs income under 1,000: −1,000.01
    expect(incomeChangeToFlip(capped, facts({ sanitaryToilet: true }), IN_433124)).toBe(-1000.01);
  });
  it('combines with the income test: ANY eligible when either finds poverty, ALL only when both do', () => {
    const any = pmt({ incomeTest: { multipleOfLine: 1 } });
    const all = pmt({ incomeTest: { multipleOfLine: 1 }, combine: 'ALL' });
    const f = facts({ sanitaryToilet: true });
    expect(isEligible(any, f, ELSEWHERE)).toBe(true);
    expect(isEligible(all, f, ELSEWHERE)).toBe(false);
    // ANY: the income test holds until +855.01; at income 2,855.01 the score is 69.88, still C → flips at +855.01
    expect(incomeChangeToFlip(any, f, ELSEWHERE)).toBe(855.01);
    // ALL: group B needs score < 50, income < 866.99: −1,133.01 (the income test then holds too)
    expect(incomeChangeToFlip(all, f, ELSEWHERE)).toBe(-1133.01);
  });
});

describe("today's register: REGISTERED with status 0 or 3", () => {
  it('counts registered households not yet out or relapsed, and nobody else', () => {
    expect(onRegister({ stage: 'REGISTERED', status: '0' })).toBe(true);
    expect(onRegister({ stage: 'REGISTERED', status: '3' })).toBe(true);
    expect(onRegister({ stage: 'REGISTERED', status: '1' })).toBe(false);
    expect(onRegister({ stage: 'CANDIDATE', status: '0' })).toBe(false);
    expect(onRegister({ stage: 'REMOVED', status: '0' })).toBe(false);
  });
  it('an eligible household off the register enters; an ineligible one on it leaves', () => {
    expect([changeOf(true, false), changeOf(false, true), changeOf(true, true), changeOf(false, false)]).toEqual(['ENTERS', 'LEAVES', 'STAYS_IN', 'STAYS_OUT']);
  });
});
