/**
 * Valid household forms for tests, built as a cadre would fill them in. ID numbers
 * carry a correct GB 11643 check digit and are unique within a run.
 */
import type { ApplicationHouseholdInput, MemberInput, RegisterHouseholdInput, HouseholdYearInput } from '@jingzhun/sdk';

const WEIGHTS = [7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2];
const CHECK = '10X98765432';
export const checkDigit = (first17: string) => CHECK[first17.split('').reduce((s, d, i) => s + Number(d) * WEIGHTS[i], 0) % 11];

/**
 * Each test file runs in a worker of its own with its own counter, so the region
 * code is random per worker (1xxxxx, not a seeded county): two files never make
 * the same ID number for the same birth date.
 */
const region = `1${String(10000 + Math.floor(Math.random() * 90000))}`;
let serial = 0;
/** A valid resident ID: this worker's region, the given birth date, a sequence whose parity gives the sex. */
export function idNumber(birth: string, sex: 'MALE' | 'FEMALE'): string {
  serial = (serial + 1) % 499;
  const seq = String(serial * 2 + (sex === 'MALE' ? 1 : 0)).padStart(3, '0');
  const first17 = `${region}${birth.replaceAll('-', '')}${seq}`;
  return first17 + checkDigit(first17);
}

export function member(over: Partial<MemberInput> & { birth?: string } = {}): MemberInput {
  const { birth = '1970-05-04', ...rest } = over;
  const sex = (rest.sex ?? 'MALE') as 'MALE' | 'FEMALE';
  return {
    name: '测试',
    idNumber: idNumber(birth, sex),
    sex,
    relation: 'HEAD',
    ethnicity: 'MIAO',
    education: 'PRIMARY',
    schooling: 'NOT_IN_SCHOOL',
    health: ['HEALTHY'],
    labourSkill: 'ORDINARY',
    migrantWork: 'NONE',
    migrantMonths: 0,
    speaksMandarin: true,
    activeSoldier: false,
    basicMedicalInsurance: true,
    seriousIllnessInsurance: true,
    basicPensionInsurance: true,
    commercialMedicalInsurance: false,
    accidentInsurance: false,
    receivesDibao: false,
    destituteSupported: false,
    ...rest,
  };
}

/** A three-person household (head, spouse with a chronic illness, daughter in school) whose main cause is illness. */
export function household(villageCode: string, over: Partial<RegisterHouseholdInput> = {}): RegisterHouseholdInput {
  return {
    villageCode,
    identificationStandard: 'NATIONAL',
    attribute: 'ORDINARY',
    mainCause: 'ILLNESS',
    otherCauses: ['LACK_OF_CAPITAL'],
    status: 'NOT_OUT',
    militaryFamily: false,
    oneChildFamily: false,
    twoDaughterFamily: false,
    plannedExitYear: 2017,
    firstIdentifiedDate: '2014-10-15',
    phone: '13800000000',
    bankName: '花垣县农村信用合作联社',
    bankAccount: '6228480000000000000',
    members: [
      member({ name: '龙测试', relation: 'HEAD', sex: 'MALE', birth: '1968-03-02' }),
      member({ name: '石测试', relation: 'SPOUSE', sex: 'FEMALE', birth: '1970-07-21', health: ['CHRONIC_ILLNESS'], labourSkill: 'ORDINARY' }),
      member({ name: '龙小测', relation: 'DAUGHTER', sex: 'FEMALE', birth: '2012-09-10', schooling: 'GRADE_9', education: 'JUNIOR_SECONDARY', labourSkill: 'NONE' }),
    ],
    ...over,
  };
}

/** A year's income and conditions: wages 0 (no one works away), per-capita net income 2,000 yuan for 3 members. */
export function year(y: number, over: Partial<HouseholdYearInput['income']> = {}): HouseholdYearInput {
  return {
    year: y,
    income: {
      wage: 0, production: 5200, propertyDividend: 300, propertyOther: 0, transferFamilyPlanning: 0, transferDibao: 0,
      transferDestitute: 0, transferPension: 1500, transferEcological: 400, transferOther: 0, productionCost: 1400, ...over,
    },
    conditions: {
      arableLandMu: 2.5, irrigatedLandMu: 1, forestLandMu: 6, grainToForestMu: 0, orchardMu: 0.5, pastureMu: 0, waterSurfaceMu: 0,
      productionPower: true, householdPower: true, radioTv: true, drinkingWaterDifficulty: true, drinkingWaterSafe: false,
      distanceToRoadKm: 1.2, roadType: 'GRAVEL', housingAreaM2: 64, dilapidatedHouse: true, dilapidatedGrade: 'C',
      sanitaryToilet: false, mainFuel: 'FIREWOOD', inCooperative: false, ledByEnterprise: false, ledByEntrepreneur: false,
    },
  };
}

/**
 * A random day of `year` (YYYY-MM-DD, day 1–28). Test files run in parallel against
 * one server, each with its own `idNumber` serial; members born on random days keep
 * their ID numbers from meeting another file's, which would be a spurious CONFLICT.
 */
export function dayIn(y: number): string {
  const month = 1 + Math.floor(Math.random() * 12);
  const day = 1 + Math.floor(Math.random() * 28);
  return `${y}-${String(month).padStart(2, '0')}-${String(day).padStart(2, '0')}`;
}

/** `household()` whose members are born on random days of the same years, so their ID numbers are fresh. */
export function freshHousehold(villageCode: string, over: Partial<RegisterHouseholdInput> = {}): RegisterHouseholdInput {
  return household(villageCode, {
    members: [
      member({ name: '龙测试', relation: 'HEAD', sex: 'MALE', birth: dayIn(1968) }),
      member({ name: '石测试', relation: 'SPOUSE', sex: 'FEMALE', birth: dayIn(1970), health: ['CHRONIC_ILLNESS'], labourSkill: 'ORDINARY' }),
      member({ name: '龙小测', relation: 'DAUGHTER', sex: 'FEMALE', birth: dayIn(2011), schooling: 'GRADE_9', education: 'JUNIOR_SECONDARY', labourSkill: 'NONE' }),
    ],
    ...over,
  });
}

/** The form of an application 申请: `freshHousehold()` without the status, identification date and exit year the procedure sets. */
export function freshApplication(villageCode: string, over: Partial<ApplicationHouseholdInput> = {}): ApplicationHouseholdInput {
  const { status: _status, firstIdentifiedDate: _identified, exitYear: _exit, ...form } = freshHousehold(villageCode);
  return { ...form, ...over };
}
