import { describe, expect, it } from 'vitest';
import type { Caller } from '../../auth/caller.js';
import { addDays, addYears, appraisalRefusal, dateRefusal, guaranteesOf, objectionDateRefusal, postingRefusal } from './case.rules.js';
import { levelRefusal, levelsOf, PROCEDURES, stepsFrom } from './procedures.js';

const VILLAGE = '433124110226';
const caller = (role: Caller['role'], areas: string[]): Caller => ({ id: 'x', role, areas });

describe('posting window (7 days from 2024-03-01: open 03-01 … 03-07)', () => {
  const p = { round: 'FIRST', startsOn: '2024-03-01', closesOn: addDays('2024-03-01', 7) };
  it('closes on the 8th day', () => expect(p.closesOn).toBe('2024-03-08'));
  it('refuses a step dated inside the window, naming the first allowed day', () => {
    expect(postingRefusal(p, '2024-03-07', 0)).toMatch(/until 2024-03-07.*2024-03-08 at the earliest/);
  });
  it('allows a step dated the day the window closes', () => expect(postingRefusal(p, '2024-03-08', 0)).toBeNull());
  it('an unresolved objection blocks the step even after the window', () => {
    expect(postingRefusal(p, '2024-03-20', 1)).toMatch(/1 objection raised during the posting is unresolved/);
  });
  it('objections are received inside the window only', () => {
    expect(objectionDateRefusal(p, '2024-03-07')).toBeNull();
    expect(objectionDateRefusal(p, '2024-03-08')).toMatch(/outside it/);
    expect(objectionDateRefusal(p, '2024-02-29')).toMatch(/outside it/);
  });
});

describe('step dates', () => {
  it('refuses the future and going backwards', () => {
    expect(dateRefusal('2024-05-02', '2024-05-01', null)).toMatch(/future/);
    expect(dateRefusal('2024-04-30', '2024-05-01', '2024-05-01')).toMatch(/before the case's previous step/);
    expect(dateRefusal('2024-05-01', '2024-05-01', '2024-05-01')).toBeNull();
    expect(dateRefusal('2024-13-01', '2025-01-01', null)).toMatch(/YYYY-MM-DD/);
    expect(dateRefusal('2023-02-29', '2025-01-01', null)).toMatch(/real date/);
    expect(dateRefusal('2024-02-29', '2025-01-01', null)).toBeNull();
  });
});

describe('policy end date, EXIT_POLICY_YEARS after the exit', () => {
  it('is the same day, or 28 February for an exit on 29 February', () => {
    expect(addYears('2020-06-30', 5)).toBe('2025-06-30');
    expect(addYears('2024-02-29', 5)).toBe('2029-02-28');
    expect(addYears('2024-02-29', 4)).toBe('2028-02-29');
  });
});

describe('democratic appraisal: the decision follows the majority', () => {
  it('23 for, 4 against carries APPROVE', () => expect(appraisalRefusal({ votesFor: 23, votesAgainst: 4, approve: true })).toBeNull());
  it('a tie does not carry APPROVE', () => {
    expect(appraisalRefusal({ votesFor: 10, votesAgainst: 10, approve: true })).toEqual({ field: 'input.decision', reason: expect.stringMatching(/carry REJECT/) });
  });
  it('no votes recorded', () => expect(appraisalRefusal({ votesFor: 0, votesAgainst: 0, approve: false })?.field).toBe('input.votesFor'));
});

describe('两不愁三保障 on 2024-09-01', () => {
  const base = { drinkingWaterDifficulty: false, drinkingWaterSafe: true, dilapidatedHouse: false };
  const adult = { birthDate: '1980-01-01', schooling: '00', basicMedicalInsurance: true };
  it('all guaranteed', () => {
    expect(guaranteesOf({ ...base, members: [adult, { birthDate: '2014-05-01', schooling: '02', basicMedicalInsurance: true }] }, '2024-09-01'))
      .toEqual({ foodAndClothing: true, compulsoryEducation: true, basicMedicalCare: true, safeHousing: true });
  });
  it('a 10-year-old out of school fails compulsory education; a 16-year-old does not', () => {
    const out = (birthDate: string) => guaranteesOf({ ...base, members: [adult, { birthDate, schooling: '00', basicMedicalInsurance: true }] }, '2024-09-01');
    expect(out('2014-05-01').compulsoryEducation).toBe(false);
    expect(out('2008-08-31').compulsoryEducation).toBe(true);
  });
  it('an uninsured member and a dilapidated house', () => {
    const g = guaranteesOf({ ...base, dilapidatedHouse: true, members: [{ ...adult, basicMedicalInsurance: false }] }, '2024-09-01');
    expect(g.basicMedicalCare).toBe(false);
    expect(g.safeHousing).toBe(false);
  });
});

describe('who may take a step', () => {
  it('a township official reviews; a cadre cannot; a county official approves', () => {
    expect(levelRefusal(caller('official', ['433124110']), 'TOWNSHIP', VILLAGE)).toBeNull();
    expect(levelRefusal(caller('cadre', [VILLAGE]), 'TOWNSHIP', VILLAGE)).toMatch(/official of the township or above; you are a cadre/);
    expect(levelRefusal(caller('official', ['433124110']), 'COUNTY', VILLAGE)).toMatch(/county or above; you are an official of 433124110/);
    expect(levelRefusal(caller('official', ['4331']), 'COUNTY', VILLAGE)).toBeNull();
    expect(levelRefusal(caller('admin', ['']), 'COUNTY', VILLAGE)).toBeNull();
  });
  it('levels of a township official', () => {
    expect(levelsOf(caller('official', ['433124110'])).map((l) => l.level)).toEqual(['VILLAGE', 'TOWNSHIP']);
  });
  it('identification has the 两公示一公告 order', () => {
    const order = [];
    let state = PROCEDURES.HOUSEHOLD_IDENTIFICATION.start;
    while (stepsFrom('HOUSEHOLD_IDENTIFICATION', state).length) {
      const [s] = stepsFrom('HOUSEHOLD_IDENTIFICATION', state);
      order.push(s.posting ? `post:${s.posting}` : s.action);
      state = s.to;
    }
    expect(order).toEqual(['appraise', 'post:FIRST', 'review', 'post:SECOND', 'approve', 'announce']);
    expect(state).toBe('REGISTERED');
  });
});
