/**
 * One synthetic member (家庭成员) from a planned person: birth date and ID number, health,
 * education and schooling, labour, migrant work, insurance and assistance flags.
 *
 * Contract: pure apart from the IdAllocator; the result agrees with the consistency rules:
 * the ID's 17th digit matches the sex, schooling fits the age (every child of 7–14 is in
 * school, nobody over 21 is), members who lost or have no labour ability never work away,
 * migrant months are 0 exactly when migrant work is 无, and a forced illness or disability
 * shows in `health`. Disabled members carry a 20-digit disability card half of the time.
 */
import { Education as E, Health as H, LabourSkill as L, MigrantWork as M, PoliticalStatus as P, Schooling as S } from '../codes/index.js';
import type { MemberForm } from '../modules/household/household.form.js';
import type { Person } from './family.js';
import type { IdAllocator } from './id-alloc.js';
import { givenName } from './names.js';
import type { Rng } from './rng.js';

export interface MemberContext {
  year: number;
  region: string;
  ids: IdAllocator;
  ethnicity: string;
  surname: string;
  /** Household receives 低保 (attribute 04) / is supported as destitute (attribute 06). */
  dibao: boolean;
  destitute: boolean;
  ill?: boolean;
  disabled?: boolean;
}

export interface MemberDraft {
  form: MemberForm;
  idKind: '1' | '2';
  birthDate: string;
  age: number;
}

const pad = (n: number) => String(n).padStart(2, '0');
const DAYS = [31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31];

/** Schooling, education and whether in school, from the age on 31 August of the data year. */
function school(rng: Rng, schoolAge: number, age: number, student: boolean): { schooling: string; education: string } {
  if (schoolAge < 3) return { schooling: S.values.NOT_IN_SCHOOL, education: E.values.PRESCHOOL };
  if (schoolAge < 6) return { schooling: rng.chance(0.7) ? S.values.PRESCHOOL : S.values.NOT_IN_SCHOOL, education: E.values.PRESCHOOL };
  if (schoolAge < 12) return { schooling: S.values.PRIMARY, education: E.values.PRIMARY };
  if (schoolAge < 15) return { schooling: String(schoolAge - 5).padStart(2, '0'), education: E.values.JUNIOR_SECONDARY };
  if (schoolAge < 18 && (student || rng.chance(0.45))) {
    const y = schoolAge - 14; // year 1..3
    return { schooling: String((rng.chance(0.6) ? 10 : 20) + y), education: E.values.SENIOR_SECONDARY };
  }
  if (schoolAge < 21 && (student || (schoolAge >= 18 && rng.chance(0.12)))) {
    return { schooling: rng.chance(0.7) ? String(30 + schoolAge - 17) : S.values.COLLEGE, education: E.values.COLLEGE };
  }
  const edu = age < 22
    ? rng.weighted([[E.values.PRIMARY, 25], [E.values.JUNIOR_SECONDARY, 70], [schoolAge >= 18 ? E.values.SENIOR_SECONDARY : E.values.JUNIOR_SECONDARY, 5]] as const)
    : age >= 60
    ? rng.weighted([[E.values.ILLITERATE, 45], [E.values.PRIMARY, 45], [E.values.JUNIOR_SECONDARY, 10]] as const)
    : age >= 45
      ? rng.weighted([[E.values.ILLITERATE, 15], [E.values.PRIMARY, 45], [E.values.JUNIOR_SECONDARY, 35], [E.values.SENIOR_SECONDARY, 5]] as const)
      : rng.weighted([[E.values.ILLITERATE, 3], [E.values.PRIMARY, 22], [E.values.JUNIOR_SECONDARY, 58], [E.values.SENIOR_SECONDARY, 13], [E.values.COLLEGE, 4]] as const);
  return { schooling: S.values.NOT_IN_SCHOOL, education: edu };
}

function healthOf(rng: Rng, age: number, ctx: MemberContext): string[] {
  const band = age < 18 ? 0 : age < 45 ? 1 : age < 60 ? 2 : 3;
  const h: string[] = [];
  if (ctx.ill || rng.chance([0.02, 0.06, 0.15, 0.35][band]!)) h.push(rng.chance(ctx.ill ? 0.6 : 0.85) ? H.values.CHRONIC_ILLNESS : H.values.SERIOUS_ILLNESS);
  else if (rng.chance([0.01, 0.02, 0.04, 0.06][band]!)) h.push(H.values.SERIOUS_ILLNESS);
  if (ctx.disabled || rng.chance([0.015, 0.03, 0.05, 0.07][band]!)) h.push(H.values.DISABLED);
  return h.length ? h : [H.values.HEALTHY];
}

function labourOf(rng: Rng, age: number, health: string[], inSchool: boolean): string {
  if (age < 16) return L.values.NONE;
  if (inSchool) return L.values.ORDINARY;
  const serious = health.includes(H.values.SERIOUS_ILLNESS) || health.includes(H.values.DISABLED);
  if (serious) return rng.chance(0.65) ? L.values.LOST_ABILITY : L.values.ORDINARY;
  if (health.includes(H.values.CHRONIC_ILLNESS)) return rng.chance(0.25) ? L.values.LOST_ABILITY : L.values.ORDINARY;
  if (age < 60) return rng.chance(0.2) ? L.values.SKILLED : L.values.ORDINARY;
  if (age < 70) return rng.chance(0.6) ? L.values.ORDINARY : L.values.NONE;
  return rng.chance(0.15) ? L.values.ORDINARY : L.values.NONE;
}

export function generateMember(rng: Rng, p: Person, ctx: MemberContext): MemberDraft {
  const month = rng.int(1, 12);
  const born = `${ctx.year - p.age}-${pad(month)}-${pad(rng.int(1, DAYS[month - 1]!))}`;
  const resident = ctx.ids.allocate(ctx.region, born, p.sex);
  const birthDate = `${resident.slice(6, 10)}-${resident.slice(10, 12)}-${resident.slice(12, 14)}`;
  const schoolAge = p.age - (Number(birthDate.slice(5, 7)) >= 9 ? 1 : 0);
  const { schooling, education } = school(rng, schoolAge, p.age, p.student === true);
  const inSchool = schooling !== S.values.NOT_IN_SCHOOL;
  const health = healthOf(rng, p.age, ctx);
  const labourSkill = labourOf(rng, p.age, health, inSchool);
  const canWork = labourSkill === L.values.ORDINARY || labourSkill === L.values.SKILLED;
  const activeSoldier = p.sex === '1' && p.age >= 18 && p.age <= 24 && !inSchool && canWork && rng.chance(0.01);
  const away = canWork && !inSchool && !activeSoldier && p.age >= 18 && p.age <= 55 && rng.chance(p.age <= 40 ? 0.55 : 0.3);
  const disabled = health.includes(H.values.DISABLED);
  const card = disabled && rng.chance(0.5);
  const form: MemberForm = {
    name: ctx.surname + givenName(rng, p.sex),
    idNumber: card ? `${resident}${rng.int(1, 7)}${rng.int(1, 4)}` : resident,
    sex: p.sex,
    relation: p.relation,
    ethnicity: ctx.ethnicity,
    politicalStatus: p.age < 14 ? null
      : p.age >= 25 && rng.chance(0.03) ? P.values.CPC_MEMBER
        : p.age <= 28 && rng.chance(0.2) ? P.values.LEAGUE_MEMBER : P.values.MASSES,
    education,
    schooling,
    health,
    labourSkill,
    migrantWork: away
      ? rng.weighted([[M.values.WITHIN_TOWNSHIP, 10], [M.values.WITHIN_COUNTY, 15], [M.values.WITHIN_PROVINCE, 25], [M.values.OUTSIDE_PROVINCE, 50]] as const)
      : M.values.NONE,
    migrantMonths: away ? rng.weighted([[rng.int(2, 6), 30], [rng.int(7, 10), 45], [rng.int(11, 12), 25]] as const) : 0,
    speaksMandarin: p.age >= 3 && !(p.age >= 60 && education === E.values.ILLITERATE && rng.chance(0.6)),
    activeSoldier,
    basicMedicalInsurance: rng.chance(0.97),
    seriousIllnessInsurance: false,
    basicPensionInsurance: p.age >= 16 && !inSchool && rng.chance(p.age >= 60 ? 0.92 : 0.75),
    commercialMedicalInsurance: rng.chance(0.015),
    accidentInsurance: rng.chance(0.04),
    receivesDibao: ctx.dibao && (p.relation === '01' || rng.chance(0.85)),
    destituteSupported: ctx.destitute,
  };
  form.seriousIllnessInsurance = form.basicMedicalInsurance && rng.chance(0.95);
  return { form, idKind: card ? '2' : '1', birthDate, age: p.age };
}
