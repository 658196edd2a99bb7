/**
 * Table rows (COPY column order) of a generated household: `households`, `members` and
 * `household_years`. Contract: pure; the column lists below and the cells returned by the
 * row functions are parallel arrays, in the names of the migration (snake_case).
 */
import { netIncome, perCapitaNetIncome } from '../modules/household/income.js';
import type { GeneratedHousehold } from './household.gen.js';
import { CONDITION_KEYS, INCOME_KEYS } from '../modules/household/household.form.js';

export const HOUSEHOLD_COLUMNS = ['id', 'number', 'village_code', 'identification_standard', 'attribute', 'main_cause',
  'other_causes', 'status', 'military_family', 'one_child_family', 'two_daughter_family', 'planned_exit_year',
  'first_identified_date', 'exit_year', 'phone', 'bank_name', 'bank_account', 'member_count', 'latest_year',
  'latest_per_capita_net_income'];

export const MEMBER_COLUMNS = ['id', 'household_id', 'village_code', 'position', 'name', 'id_number', 'resident_id', 'id_kind', 'birth_date',
  'sex', 'relation', 'ethnicity', 'political_status', 'education', 'schooling', 'health', 'labour_skill', 'migrant_work',
  'migrant_months', 'speaks_mandarin', 'active_soldier', 'basic_medical_insurance', 'serious_illness_insurance',
  'basic_pension_insurance', 'commercial_medical_insurance', 'accident_insurance', 'receives_dibao', 'destitute_supported'];

const INCOME = INCOME_KEYS;
const CONDITIONS = CONDITION_KEYS;

const snake = (s: string) => s.replace(/[A-Z]/g, (c) => `_${c.toLowerCase()}`);

export const YEAR_COLUMNS = ['household_id', 'year', 'village_code', 'member_count', ...INCOME.map(snake), 'net_income',
  'per_capita_net_income', ...CONDITIONS.map(snake)];

type Cell = string | number | boolean | null | readonly string[];

export function householdRow(g: GeneratedHousehold, number: string): Cell[] {
  const f = g.form;
  return [g.id, number, f.villageCode, f.identificationStandard, f.attribute, f.mainCause, f.otherCauses, f.status,
    f.militaryFamily, f.oneChildFamily, f.twoDaughterFamily, f.plannedExitYear ?? null, f.firstIdentifiedDate ?? null,
    f.exitYear ?? null, f.phone ?? null, f.bankName ?? null, f.bankAccount ?? null, f.members.length, g.year.year,
    perCapitaNetIncome(g.year.income, f.members.length)];
}

export function memberRows(g: GeneratedHousehold): Cell[][] {
  return g.form.members.map((m, i) => {
    const x = g.members[i]!;
    return [x.id, g.id, g.form.villageCode, i, m.name, m.idNumber, m.idNumber.slice(0, 18), x.idKind, x.birthDate, m.sex, m.relation, m.ethnicity,
      m.politicalStatus ?? null, m.education, m.schooling, m.health, m.labourSkill, m.migrantWork, m.migrantMonths,
      m.speaksMandarin, m.activeSoldier, m.basicMedicalInsurance, m.seriousIllnessInsurance, m.basicPensionInsurance,
      m.commercialMedicalInsurance, m.accidentInsurance, m.receivesDibao, m.destituteSupported];
  });
}

export function yearRow(g: GeneratedHousehold): Cell[] {
  const { income, conditions } = g.year;
  const n = g.form.members.length;
  return [g.id, g.year.year, g.form.villageCode, n, ...INCOME.map((k) => income[k]), netIncome(income),
    perCapitaNetIncome(income, n), ...CONDITIONS.map((k) => conditions[k] ?? null)];
}
