import { describe, it, expect } from 'vitest';
import { withCheckDigit } from '../member/id-number.js';
import { checkHousehold } from './consistency.js';
import type { HouseholdForm, MemberForm, Problem, YearForm } from './household.form.js';

const TODAY = new Date(2024, 5, 1); // 2024-06-01

const member = (m: Partial<MemberForm> & Pick<MemberForm, 'name' | 'idNumber' | 'sex' | 'relation'>): MemberForm => ({
  ethnicity: '01', politicalStatus: '13', education: '3', schooling: '00', health: ['01'], labourSkill: '01',
  migrantWork: '0', migrantMonths: 0, speaksMandarin: true, activeSoldier: false, basicMedicalInsurance: true,
  seriousIllnessInsurance: true, basicPensionInsurance: false, commercialMedicalInsurance: false,
  accidentInsurance: false, receivesDibao: false, destituteSupported: false, ...m,
});

const MOTHER_ID = withCheckDigit('52010219480229002'); // 520102194802290029, female, born 1948-02-29

/** A consistent 低保 household of five, on 2024-06-01; causes 因病 (main), 因学, 因残. */
const HOUSEHOLD: HouseholdForm = {
  villageCode: '520102001001', identificationStandard: '1', attribute: '04', mainCause: '01', otherCauses: ['03', '02'],
  status: '0', militaryFamily: false, oneChildFamily: false, twoDaughterFamily: false, plannedExitYear: 2025,
  members: [
    // head, male, 54, works outside the county 8 months
    member({ name: '张建国', idNumber: withCheckDigit('52010219700315001'), sex: '1', relation: '01', migrantWork: '3', migrantMonths: 8 }),
    // spouse, female, 51, chronic illness (bears out 因病)
    member({ name: '李秀英', idNumber: withCheckDigit('52010219720820002'), sex: '2', relation: '02', health: ['02'], receivesDibao: true }),
    // son, male, 17, in senior secondary year 3 (bears out 因学)
    member({ name: '张伟', idNumber: withCheckDigit('52010220060901003'), sex: '1', relation: '03', schooling: '13' }),
    // daughter, female, 10, in primary school, no labour ability (a child)
    member({ name: '张丽', idNumber: withCheckDigit('52010220140510004'), sex: '2', relation: '04', education: '2', schooling: '02', labourSkill: '04' }),
    // mother, female, 76, disability card category 1 grade 4 (bears out 因残), lost ability to work
    member({ name: '王桂兰', idNumber: `${MOTHER_ID}14`, sex: '2', relation: '12', education: '1', health: ['04'], labourSkill: '03' }),
  ],
};

/** 2023 record: per-capita net income (29,320 − 2,600) ÷ 5 = 5,344 (see income.test.ts). */
const YEAR: YearForm = {
  year: 2023,
  income: {
    wage: 18000, production: 6500, propertyDividend: 300, propertyOther: 120, transferFamilyPlanning: 60,
    transferDibao: 2400, transferDestitute: 0, transferPension: 1260, transferEcological: 480, transferOther: 200,
    productionCost: 2600,
  },
  conditions: {
    arableLandMu: 3.5, irrigatedLandMu: 1, forestLandMu: 2, grainToForestMu: 0, orchardMu: 0, pastureMu: 0,
    waterSurfaceMu: 0, productionPower: true, householdPower: true, radioTv: true, drinkingWaterDifficulty: false,
    drinkingWaterSafe: true, distanceToRoadKm: 0.8, roadType: '2', housingAreaM2: 85, dilapidatedHouse: false,
    sanitaryToilet: false, mainFuel: '1', inCooperative: true, ledByEnterprise: false, ledByEntrepreneur: false,
  },
};

/** Checks the worked example after `change`, with the year unless `withYear` is false. */
function check(change: (h: HouseholdForm, y: YearForm) => void = () => {}, withYear = true) {
  const h = structuredClone(HOUSEHOLD);
  const y = structuredClone(YEAR);
  change(h, y);
  return checkHousehold(h, withYear ? y : null, TODAY);
}
const brief = (ps: Problem[]) => ps.map((p) => `${p.rule} ${p.field}`);
/** Asserts the errors are exactly `expected` ("rule field") and there are no warnings; returns the errors. */
function errorsOnly(r: ReturnType<typeof check>, ...expected: string[]) {
  expect(brief(r.errors)).toEqual(expected);
  expect(r.warnings).toEqual([]);
  return r.errors;
}

describe('the worked example', () => {
  it('passes with no errors and no warnings', () => errorsOnly(check()));
  it('passes without a year record', () => errorsOnly(check(undefined, false)));
  it('uses the current date by default', () => {
    expect(checkHousehold(structuredClone(HOUSEHOLD), structuredClone(YEAR)).errors).toEqual([]);
  });
});

describe('R1 exactly one head', () => {
  it('no head', () => errorsOnly(check((h) => { h.members[0]!.relation = '99'; }), 'R1 members'));
  it('two heads', () => {
    const [e] = errorsOnly(check((h) => { h.members[2]!.relation = '01'; }), 'R1 members[2].relation');
    expect(e!.message).toContain('01 户主');
  });
  it('no members at all', () => {
    expect(brief(check((h) => { h.members = []; }).errors)).toContain('R1 members');
  });
});

describe('R2 sex', () => {
  it('disagrees with the parity of the ID 17th digit', () => {
    const [e] = errorsOnly(check((h) => { h.members[2]!.idNumber = withCheckDigit('52010220060901002'); }), 'R2 members[2].sex');
    expect(e!.message).toContain('2 女');
  });
  it('disagrees with the relation', () => {
    const [e] = errorsOnly(check((h) => { h.members[2]!.relation = '04'; }), 'R2 members[2].relation');
    expect(e!.message).toContain('04 之女');
    expect(e!.message).toContain('1 男');
  });
  it('is the same for head and spouse', () => {
    errorsOnly(check((h) => {
      h.members[1]!.idNumber = withCheckDigit('52010219720820001');
      h.members[1]!.sex = '1';
    }), 'R2 members[1].sex');
  });
  it('is unstated (9) though the ID says female', () => {
    errorsOnly(check((h) => { h.members[3]!.sex = '9'; }), 'R2 members[3].sex');
  });
});

describe('R3 ID numbers', () => {
  it('wrong check digit', () => {
    const [e] = errorsOnly(check((h) => { h.members[0]!.idNumber = '520102197003150016'; }), 'R3 members[0].idNumber');
    expect(e!.message).toContain('should be 5 but is 6');
  });
  it('wrong length', () => {
    errorsOnly(check((h) => { h.members[3]!.idNumber = h.members[3]!.idNumber.slice(0, 17); }), 'R3 members[3].idNumber');
  });
  it('the same ID twice', () => {
    errorsOnly(check((h) => { h.members.push({ ...h.members[1]!, name: '李秀英' }); }), 'R3 members[5].idNumber');
  });
  it('a disability card and the same person\'s resident ID', () => {
    errorsOnly(check((h) => { h.members.push({ ...h.members[4]!, relation: '99', idNumber: MOTHER_ID }); }), 'R3 members[5].idNumber');
  });
});

describe('R4 other causes', () => {
  it('more than two', () => errorsOnly(check((h) => { h.otherCauses.push('04'); }), 'R4 otherCauses'));
  it('repeats the main cause', () => {
    const [e] = errorsOnly(check((h) => { h.otherCauses = ['03', '01']; }), 'R4 otherCauses[1]');
    expect(e!.message).toContain('01 因病');
  });
  it('repeats itself', () => errorsOnly(check((h) => { h.otherCauses = ['03', '03']; }), 'R4 otherCauses[1]'));
});

describe('R5 因病 needs a member not only healthy', () => {
  it('no such member (the mother keeps her card for 因残)', () => {
    errorsOnly(check((h) => {
      h.members[1]!.health = ['01'];
      h.members[4]!.health = ['01'];
    }), 'R5 mainCause');
  });
  it('a disabled member is not only healthy', () => errorsOnly(check((h) => { h.members[1]!.health = ['01']; })));
  it('points at the other cause when 因病 is not the main one', () => {
    errorsOnly(check((h) => {
      h.mainCause = '04';
      h.otherCauses = ['01', '02'];
      h.members[1]!.health = ['01'];
      h.members[4]!.health = ['01'];
    }), 'R5 otherCauses[0]');
  });
});

describe('R6 因学 needs a member in senior secondary or above', () => {
  it('the only student is in grade 9', () => errorsOnly(check((h) => { h.members[2]!.schooling = '09'; }), 'R6 otherCauses[0]'));
  it('vocational secondary counts', () => errorsOnly(check((h) => { h.members[2]!.schooling = '21'; })));
});

describe('R7 因残 needs a disability card or health disabled', () => {
  it('neither', () => {
    errorsOnly(check((h) => {
      h.members[4]!.idNumber = MOTHER_ID;
      h.members[4]!.health = ['02'];
    }), 'R7 otherCauses[1]');
  });
  it('the card alone is enough', () => errorsOnly(check((h) => { h.members[4]!.health = ['02']; })));
  it('health disabled alone is enough', () => errorsOnly(check((h) => { h.members[4]!.idNumber = MOTHER_ID; })));
});

describe('R8 not both 低保 and 特困供养 income', () => {
  it('both, in a 低保 household', () => errorsOnly(check((_h, y) => { y.income.transferDestitute = 1200; }), 'R8 income.transferDestitute'));
  it('both, in a 特困供养 household', () => {
    errorsOnly(check((h, y) => { h.attribute = '06'; y.income.transferDestitute = 1200; }), 'R8 income.transferDibao');
  });
  it('is not checked without a year', () => errorsOnly(check((_h, y) => { y.income.transferDestitute = 1200; }, false)));
});

describe('R9 wage income iff someone worked away', () => {
  it('a migrant but no wage income', () => errorsOnly(check((_h, y) => { y.income.wage = 0; }), 'R9 income.wage'));
  it('wage income but no migrant', () => {
    errorsOnly(check((h) => {
      h.members[0]!.migrantWork = '0';
      h.members[0]!.migrantMonths = 0;
    }), 'R9 income.wage');
  });
});

describe('R10 months worked away', () => {
  it('more than 12', () => errorsOnly(check((h) => { h.members[0]!.migrantMonths = 13; }), 'R10 members[0].migrantMonths'));
  it('not whole', () => errorsOnly(check((h) => { h.members[0]!.migrantMonths = 7.5; }), 'R10 members[0].migrantMonths'));
  it('a member who lost the ability to work works away', () => {
    const [e] = errorsOnly(check((h) => {
      h.members[4]!.migrantWork = '1';
      h.members[4]!.migrantMonths = 3;
    }), 'R10 members[4].labourSkill');
    expect(e!.message).toContain('03 丧失劳动力');
  });
  it('months away without migrant work', () => errorsOnly(check((h) => { h.members[0]!.migrantWork = '0'; }), 'R10 members[0].migrantMonths'));
  it('migrant work without months', () => errorsOnly(check((h) => { h.members[1]!.migrantWork = '2'; }), 'R10 members[1].migrantMonths'));
});

describe('R11 warnings', () => {
  /** Asserts no errors and exactly the `expected` warnings. */
  function warningsOnly(r: ReturnType<typeof check>, ...expected: string[]) {
    expect(r.errors).toEqual([]);
    expect(brief(r.warnings)).toEqual(expected);
  }
  it('age 16-59, healthy, coded without labour ability', () => {
    warningsOnly(check((h) => { h.members[2]!.labourSkill = '04'; }), 'R11 members[2].labourSkill');
  });
  it.each([
    ['59 the day before the 60th birthday', '52010219640602002', ['R11 members[1].labourSkill']],
    ['60 on the birthday: past the labour ages', '52010219640601002', []],
  ])('age %s', (_name, first17, expected) => {
    warningsOnly(check((h) => {
      h.members[1]!.idNumber = withCheckDigit(first17);
      h.members[1]!.health = ['01'];
      h.members[1]!.labourSkill = '04';
    }), ...expected);
  });
  it('age 7-14 not in school', () => warningsOnly(check((h) => { h.members[3]!.schooling = '00'; }), 'R11 members[3].schooling'));
  it('age over 30 in school', () => warningsOnly(check((h) => { h.members[0]!.schooling = '11'; }), 'R11 members[0].schooling'));
  it('per-capita net income 0', () => {
    warningsOnly(check((_h, y) => { y.income.productionCost = 29320; }), 'R11 income');
  });
  it('per-capita net income above 30,000', () => {
    // (29,320 + 150,000 − 2,600) ÷ 5 = 35,344
    warningsOnly(check((_h, y) => { y.income.production += 150000; }), 'R11 income');
  });
  it('per-capita net income exactly 30,000 is no warning', () => {
    // net 26,720 + 123,280 = 150,000; ÷ 5 = 30,000
    warningsOnly(check((_h, y) => { y.income.production += 123280; }));
  });
});

describe('messages', () => {
  it('say what to do', () => {
    const r = check((h, y) => {
      h.members[0]!.relation = '99';
      h.otherCauses.push('04');
      y.income.transferDestitute = 1;
    });
    expect(r.errors.length).toBeGreaterThan(0);
    for (const p of r.errors) expect(p.message).toMatch(/: \S/);
  });
});
