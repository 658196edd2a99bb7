/**
 * One synthetic poor household (贫困户) of the 2014 registration, as the forms the API
 * itself validates: `generateHousehold(rng, village, ctx)` → household form, members with
 * their ID kind and birth date, and one year record, plus deterministic UUIDs.
 *
 * Contract: pure apart from `ctx.ids` (which hands out unique ID numbers); the same Rng
 * state and allocator state give the same household. Distributions: attribute 01/04/06 ≈
 * 70/22/8%; main cause illness ≈ 40%, lack of capital 15%, skills 12%, labour 10%,
 * disability 8%, schooling 5%, the rest spread; 0–2 other causes, distinct from the main;
 * status mostly 0 (未脱贫), ≈ 12% 1 (已脱贫, exited in the data year or the one before);
 * 1–7 members (mean ≈ 3.5); ethnicity mostly Miao, then Tujia and Han. Every household is
 * built to pass `checkHousehold(form, year)` with no errors (tests assert it).
 */
import { Cause as C, Ethnicity, HouseholdAttribute as A, IdentificationStandard, PovertyStatus } from '../codes/index.js';
import type { HouseholdForm, YearForm } from '../modules/household/household.form.js';
import { planFamily } from './family.js';
import type { IdAllocator } from './id-alloc.js';
import { generateYear } from './income-gen.js';
import { generateMember, type MemberDraft } from './member-gen.js';
import { surname } from './names.js';
import type { Rng } from './rng.js';

export interface GenContext {
  /** Income year (年度数据); ages are taken on 31 December of it. */
  year: number;
  /** 6-digit region code of the ID numbers (the county). */
  region: string;
  ids: IdAllocator;
}

export interface GeneratedHousehold {
  id: string;
  form: HouseholdForm;
  /** Parallel to form.members. */
  members: { id: string; idKind: '1' | '2'; birthDate: string }[];
  year: YearForm;
}

const MAIN_CAUSES = [[C.values.ILLNESS, 40], [C.values.LACK_OF_CAPITAL, 15], [C.values.LACK_OF_SKILLS, 12], [C.values.LACK_OF_LABOUR, 10],
  [C.values.DISABILITY, 8], [C.values.SCHOOLING, 5], [C.values.POOR_TRANSPORT, 2.5], [C.values.DISASTER, 2], [C.values.LACK_OF_DRIVE, 2],
  [C.values.LACK_OF_LAND, 1.5], [C.values.LACK_OF_WATER, 1], [C.values.OTHER, 1]] as const;
const DESTITUTE_CAUSES = [[C.values.LACK_OF_LABOUR, 50], [C.values.ILLNESS, 25], [C.values.DISABILITY, 20], [C.values.OTHER, 5]] as const;
const OTHER_CAUSES = [[C.values.LACK_OF_CAPITAL, 25], [C.values.LACK_OF_SKILLS, 20], [C.values.ILLNESS, 15], [C.values.LACK_OF_LABOUR, 12],
  [C.values.POOR_TRANSPORT, 8], [C.values.DISABILITY, 5], [C.values.SCHOOLING, 5], [C.values.LACK_OF_DRIVE, 4], [C.values.DISASTER, 3],
  [C.values.LACK_OF_LAND, 2], [C.values.LACK_OF_WATER, 2]] as const;
const SIZES = [[1, 7], [2, 15], [3, 21], [4, 25], [5, 18], [6, 10], [7, 4]] as const;
const ETHNICITIES = [[Ethnicity.values.MIAO, 72], [Ethnicity.values.TUJIA, 18], [Ethnicity.values.HAN, 9], [Ethnicity.values.DONG, 0.5], [Ethnicity.values.HUI, 0.5]] as const;
const BANKS = ['花垣县农村信用合作联社', '中国农业银行花垣县支行', '中国邮政储蓄银行花垣县支行'];

function causes(rng: Rng, attribute: string): { main: string; others: string[] } {
  const main = rng.weighted(attribute === A.values.DESTITUTE ? DESTITUTE_CAUSES : MAIN_CAUSES);
  const count = rng.weighted([[0, 35], [1, 40], [2, 25]] as const);
  const others: string[] = [];
  while (others.length < count) {
    const c = rng.weighted(OTHER_CAUSES);
    if (c !== main && !others.includes(c) && !(attribute === A.values.DESTITUTE && c === C.values.SCHOOLING)) others.push(c);
  }
  return { main, others };
}

/** Index of a member to bear an illness or disability: an adult (elders likelier), else anyone. */
function bearer(rng: Rng, ages: number[], minAge: number): number {
  const weights = ages.map((a, i) => [i, a >= minAge ? (a >= 55 ? 3 : 1) : 0.01] as const);
  return rng.weighted(weights);
}

export function generateHousehold(rng: Rng, villageCode: string, ctx: GenContext): GeneratedHousehold {
  const attribute = rng.weighted([[A.values.ORDINARY, 70], [A.values.DIBAO, 22], [A.values.DESTITUTE, 8]] as const);
  const destitute = attribute === A.values.DESTITUTE;
  const { main, others } = causes(rng, attribute);
  const all = [main, ...others];
  const student = all.includes(C.values.SCHOOLING);
  let size: number = destitute ? (rng.chance(0.8) ? 1 : 2) : rng.weighted(SIZES);
  const elderly = main === C.values.LACK_OF_LABOUR;
  if (elderly && size > 3) size = rng.int(1, 3);
  if (student) size = Math.max(size, 3);
  const people = planFamily(rng, size, { destitute, elderly, student });
  const ages = people.map((p) => p.age);
  const ill = all.includes(C.values.ILLNESS) ? bearer(rng, ages, 18) : -1;
  const disabled = all.includes(C.values.DISABILITY) ? bearer(rng, ages, 3) : -1;

  const headSurname = surname(rng);
  const spouse = people.find((p) => p.relation === '02');
  const spouseSurname = spouse ? surname(rng) : headSurname;
  const family = people[0]!.sex === '1' || !spouse ? headSurname : spouseSurname;
  const ethnicity = rng.weighted(ETHNICITIES);
  const dibao = attribute === A.values.DIBAO;
  const drafts: MemberDraft[] = people.map((p, i) => {
    const own = p.relation === '01' || p.relation === '11' || p.relation === '99' ? headSurname
      : p.relation === '02' ? spouseSurname
        : ['03', '04', '07', '08', '09', '10'].includes(p.relation) ? family : surname(rng);
    const eth = i > 0 && rng.chance(0.15) ? rng.weighted(ETHNICITIES) : ethnicity;
    return generateMember(rng, p, { ...ctx, ethnicity: eth, surname: own, dibao, destitute, ill: i === ill, disabled: i === disabled });
  });

  const exited = !destitute && rng.chance(0.12);
  const exitYear = exited ? Math.max(2014, ctx.year - rng.int(0, 1)) : null;
  const children = people.filter((p) => p.relation === '03' || p.relation === '04');
  const young = people[0]!.age < 50 && !!spouse;
  const oneChildFamily = young && children.length === 1 && rng.chance(0.3);
  const twoDaughterFamily = young && children.length === 2 && children.every((p) => p.sex === '2') && rng.chance(0.5);
  const form: HouseholdForm = {
    villageCode,
    identificationStandard: IdentificationStandard.values.NATIONAL,
    attribute,
    mainCause: main,
    otherCauses: others,
    status: exited ? PovertyStatus.values.EXITED_WITH_POLICY : PovertyStatus.values.NOT_OUT,
    militaryFamily: drafts.some((d) => d.form.activeSoldier) || rng.chance(0.01),
    oneChildFamily,
    twoDaughterFamily,
    plannedExitYear: exitYear ?? rng.weighted(plannedYears(ctx.year)),
    firstIdentifiedDate: `${Math.min(ctx.year, 2014)}-${String(rng.int(4, 10)).padStart(2, '0')}-${String(rng.int(1, 28)).padStart(2, '0')}`,
    exitYear,
    phone: rng.chance(0.85) ? `1${rng.pick(['3', '5', '8'])}${rng.digits(9)}` : null,
    bankName: null,
    bankAccount: null,
    members: drafts.map((d) => d.form),
  };
  if (rng.chance(0.9)) {
    form.bankName = rng.weighted([[BANKS[0]!, 70], [BANKS[1]!, 15], [BANKS[2]!, 15]] as const);
    form.bankAccount = `62${rng.digits(17)}`;
  }
  const year = generateYear(rng, {
    year: ctx.year, attribute, exited, familyPlanningAward: oneChildFamily || twoDaughterFamily, members: drafts,
  });
  return {
    id: rng.uuid(),
    form,
    members: drafts.map((d) => ({ id: rng.uuid(), idKind: d.idKind, birthDate: d.birthDate })),
    year,
  };
}

/** Planned exit years after `year`, up to 2020, the nearer ones likelier. */
function plannedYears(year: number): [number, number][] {
  const out: [number, number][] = [];
  for (let y = year + 1; y <= Math.max(year + 1, 2020); y++) out.push([y, Math.max(1, 2021 - y)]);
  return out;
}
