/**
 * The reference's 11 consistency rules used on national data ("Consistency rules used on
 * national data", R1-R11) applied to one household form and, when given, one year's record.
 *
 * Contract: pure; returns every problem found, never throws on bad data. R1-R10 are errors,
 * R11 gives warnings. Rules needing the year (R8, R9, R11 income) are skipped without one.
 * Ages are completed years on `today` (default: now) from the ID's birth date; members whose
 * ID does not parse get an R3 error and no sex or age checks. Fields are input paths, e.g.
 * "members[0].idNumber"; messages say what is wrong and what to do, codes with their label.
 */
import { Cause, Health, HouseholdAttribute, LabourSkill, MigrantWork, Relation, Schooling, Sex } from '../../codes/index.js';
import { ageOn, parseIdNumber } from '../member/id-number.js';
import type { HouseholdForm, Problem, YearForm } from './household.form.js';
import { perCapitaNetIncome } from './income.js';

const R = Relation.values;
const MALE_RELATIONS = new Set<string>([R.SON, R.SON_IN_LAW, R.GRANDSON, R.DAUGHTERS_SON, R.FATHER, R.WIFES_FATHER,
  R.HUSBANDS_FATHER, R.GRANDFATHER, R.MATERNAL_GRANDFATHER]);
const FEMALE_RELATIONS = new Set<string>([R.DAUGHTER, R.DAUGHTER_IN_LAW, R.GRANDDAUGHTER, R.DAUGHTERS_DAUGHTER, R.MOTHER,
  R.WIFES_MOTHER, R.HUSBANDS_MOTHER, R.GRANDMOTHER, R.MATERNAL_GRANDMOTHER]);
/** Current schooling at senior secondary level or above: codes 11 高一 … 40 大专及以上. */
const SENIOR_OR_ABOVE = new Set<string>(Object.values(Schooling.values).filter((c) => Number(c) >= 11));
const NO_LABOUR = new Set<string>([LabourSkill.values.LOST_ABILITY, LabourSkill.values.NONE]);
const { HEALTHY, DISABLED } = Health.values;
const NOT_IN_SCHOOL = Schooling.values.NOT_IN_SCHOOL;
const NO_MIGRANT = MigrantWork.values.NONE;
const PER_CAPITA_CEILING = 30000;

/** Per-capita net income, or null when an amount is not a finite number (type checks report that). */
function safePerCapita(year: YearForm, members: number): number | null {
  try {
    return perCapitaNetIncome(year.income, members);
  } catch {
    return null;
  }
}

export function checkHousehold(
  form: HouseholdForm,
  year?: YearForm | null,
  today: Date = new Date(),
): { errors: Problem[]; warnings: Problem[] } {
  const errors: Problem[] = [];
  const warnings: Problem[] = [];
  const err = (rule: string, field: string, message: string) => errors.push({ rule, field, message });
  const warn = (field: string, message: string) => warnings.push({ rule: 'R11', field, message });
  const members = form.members;
  const m = (i: number) => `members[${i}]`;
  const ids = members.map((x) => parseIdNumber(x.idNumber, today));

  // R1 exactly one head.
  const heads = members.flatMap((x, i) => (x.relation === R.HEAD ? [i] : []));
  if (members.length === 0) err('R1', 'members', `the household has no members: enter at least the head (${Relation.label(R.HEAD)})`);
  else if (heads.length === 0) err('R1', 'members', `no member is coded ${Relation.label(R.HEAD)}: code exactly one member as the head`);
  for (const i of heads.slice(1)) {
    err('R1', `${m(i)}.relation`, `${m(i)} is coded ${Relation.label(R.HEAD)} but ${m(heads[0]!)} already is the head: a household has exactly one head; code this member's relation to the head`);
  }

  members.forEach((x, i) => {
    const id = ids[i]!;
    // R3 ID format, length and checksum.
    if (!id.ok) return void err('R3', `${m(i)}.idNumber`, id.reason);
    // R2 sex against the ID and against the relation.
    if (x.sex !== id.sex) {
      err('R2', `${m(i)}.sex`, `sex is ${Sex.label(x.sex)} but the ID number's 17th digit says ${Sex.label(id.sex)}: correct the sex or re-check the ID number`);
    }
    const implied = MALE_RELATIONS.has(x.relation) ? Sex.values.MALE : FEMALE_RELATIONS.has(x.relation) ? Sex.values.FEMALE : null;
    if (implied && x.sex !== implied && x.sex !== Sex.values.UNSTATED) {
      err('R2', `${m(i)}.relation`, `relation ${Relation.label(x.relation)} is for a ${implied === Sex.values.MALE ? 'man' : 'woman'} but sex is ${Sex.label(x.sex)}: correct the relation or the sex`);
    }
  });
  // R2 head and spouse differ in sex.
  const head = heads.length === 1 ? members[heads[0]!]! : undefined;
  members.forEach((x, i) => {
    if (head && x.relation === R.SPOUSE && x.sex === head.sex && x.sex !== Sex.values.UNSTATED) {
      err('R2', `${m(i)}.sex`, `the spouse (${Relation.label(R.SPOUSE)}) and the head have the same sex, ${Sex.label(x.sex)}: correct the sex or the relation of one of them`);
    }
  });
  // R3 each person once: a disability card and a resident ID of one person are the same person.
  const seen = new Map<string, number>();
  ids.forEach((id, i) => {
    const key = id.ok ? id.residentId : members[i]!.idNumber.trim().toUpperCase();
    const first = seen.get(key);
    if (first === undefined) return void seen.set(key, i);
    err('R3', `${m(i)}.idNumber`, `the ID number is the same person's as ${m(first)}: each person is registered once; remove the duplicate member or correct the number`);
  });

  // R4 other causes: at most two, distinct, never the main cause.
  const others = form.otherCauses;
  if (others.length > 2) {
    err('R4', 'otherCauses', `${others.length} other causes are given (${others.map(Cause.label).join(', ')}) but at most 2 are allowed: keep the two that weigh most`);
  }
  others.forEach((c, k) => {
    if (c === form.mainCause) err('R4', `otherCauses[${k}]`, `${Cause.label(c)} is already the main cause: remove it from the other causes`);
    else if (others.indexOf(c) < k) err('R4', `otherCauses[${k}]`, `${Cause.label(c)} is listed twice among the other causes: remove the repeat`);
  });

  // R5-R7 a cause needs a member who bears it out.
  const causeField = (c: string) => (form.mainCause === c ? 'mainCause' : `otherCauses[${others.indexOf(c)}]`);
  const hasCause = (c: string) => form.mainCause === c || others.includes(c);
  if (hasCause(Cause.values.ILLNESS) && !members.some((x) => x.health.some((h) => h !== HEALTHY))) {
    err('R5', causeField(Cause.values.ILLNESS), `cause ${Cause.label(Cause.values.ILLNESS)} needs a member whose health is not only ${Health.label(HEALTHY)}: record the ill member's health (e.g. ${Health.label(Health.values.CHRONIC_ILLNESS)}, ${Health.label(Health.values.SERIOUS_ILLNESS)}) or choose another cause`);
  }
  if (hasCause(Cause.values.SCHOOLING) && !members.some((x) => SENIOR_OR_ABOVE.has(x.schooling))) {
    err('R6', causeField(Cause.values.SCHOOLING), `cause ${Cause.label(Cause.values.SCHOOLING)} needs a member in school at senior secondary level or above (${Schooling.label(Schooling.values.SENIOR_1)} to ${Schooling.label(Schooling.values.COLLEGE)}): record that member's schooling or choose another cause`);
  }
  if (hasCause(Cause.values.DISABILITY) && !members.some((x, i) => (ids[i]!.ok && ids[i]!.kind === '2') || x.health.includes(DISABLED))) {
    err('R7', causeField(Cause.values.DISABILITY), `cause ${Cause.label(Cause.values.DISABILITY)} needs a member with a 20-digit disability card number or health ${Health.label(DISABLED)}: record that member's card or health, or choose another cause`);
  }

  // R10 months worked away and labour ability.
  members.forEach((x, i) => {
    const months = x.migrantMonths;
    if (!Number.isInteger(months) || months < 0 || months > 12) {
      return void err('R10', `${m(i)}.migrantMonths`, `months worked away is ${months} but must be a whole number from 0 to 12: correct it`);
    }
    if (NO_LABOUR.has(x.labourSkill) && (x.migrantWork !== NO_MIGRANT || months > 0)) {
      err('R10', `${m(i)}.labourSkill`, `a member coded ${LabourSkill.label(x.labourSkill)} cannot work away from home: set migrant work to ${MigrantWork.label(NO_MIGRANT)} and months to 0, or correct the labour skill`);
    } else if ((x.migrantWork === NO_MIGRANT) !== (months === 0)) {
      err('R10', `${m(i)}.migrantMonths`, x.migrantWork === NO_MIGRANT
        ? `migrant work is ${MigrantWork.label(NO_MIGRANT)} but months worked away is ${months}: record where the member worked or set the months to 0`
        : `migrant work is ${MigrantWork.label(x.migrantWork)} but months worked away is 0: enter the months worked or set migrant work to ${MigrantWork.label(NO_MIGRANT)}`);
    }
  });

  if (year) {
    const inc = year.income;
    // R8 not both 低保 and 特困供养 income.
    if (inc.transferDibao > 0 && inc.transferDestitute > 0) {
      const suspect = form.attribute === HouseholdAttribute.values.DESTITUTE ? 'transferDibao' : 'transferDestitute';
      err('R8', `income.${suspect}`, `the household has both 低保金 (${inc.transferDibao} yuan) and 特困供养金 (${inc.transferDestitute} yuan), but receives only one of them: keep the one matching its attribute ${HouseholdAttribute.label(form.attribute)} and set the other to 0`);
    }
    // R9 wage income > 0 iff some member worked > 0 months away.
    const migrants = members.flatMap((x, i) => (x.migrantMonths > 0 ? [m(i)] : []));
    if (inc.wage > 0 && migrants.length === 0) {
      err('R9', 'income.wage', `wage income 工资性收入 is ${inc.wage} yuan but no member worked any month away: record the members' migrant work and months, or correct the wage income`);
    } else if (inc.wage <= 0 && migrants.length > 0) {
      err('R9', 'income.wage', `${migrants.join(', ')} worked months away but wage income 工资性收入 is ${inc.wage}: enter the wage income or correct the months worked`);
    }
  }

  // R11 warnings.
  members.forEach((x, i) => {
    const id = ids[i]!;
    if (!id.ok) return;
    const age = ageOn(id.birthDate, today);
    const onlyHealthy = x.health.length > 0 && x.health.every((h) => h === HEALTHY);
    if (age >= 16 && age <= 59 && onlyHealthy && NO_LABOUR.has(x.labourSkill)) {
      warn(`${m(i)}.labourSkill`, `the member is ${age} and ${Health.label(HEALTHY)} but coded ${LabourSkill.label(x.labourSkill)}: check the labour skill or record the health problem`);
    }
    if (age >= 7 && age <= 14 && x.schooling === NOT_IN_SCHOOL) {
      warn(`${m(i)}.schooling`, `the member is ${age}, of compulsory-school age, but coded ${Schooling.label(NOT_IN_SCHOOL)}: check the schooling, and if the child has left school see that it returns`);
    }
    if (age > 30 && x.schooling !== NOT_IN_SCHOOL) {
      warn(`${m(i)}.schooling`, `the member is ${age} but coded in school (${Schooling.label(x.schooling)}): check the schooling; adults out of school are ${Schooling.label(NOT_IN_SCHOOL)}`);
    }
  });
  if (year && members.length > 0) {
    const perCapita = safePerCapita(year, members.length);
    if (perCapita !== null && (perCapita === 0 || perCapita > PER_CAPITA_CEILING)) {
      warn('income', `per-capita net income 人均纯收入 is ${perCapita} yuan${perCapita === 0 ? '' : `, above ${PER_CAPITA_CEILING}`}: check the income and cost amounts and the members`);
    }
  }
  return { errors, warnings };
}
