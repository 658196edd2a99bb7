/** Row ↔ form ↔ GraphQL shapes for households and members; one place for the field mapping. */
import { instanceWith } from '../../graphql/instance.js';
import { toGlobalId } from '../../graphql/ids.js';
import { Member } from '../member/member.type.js';
import type { MemberRow } from '../member/member.store.js';
import { CONDITION_KEYS, INCOME_KEYS, type HouseholdForm, type MemberForm, type YearForm } from './household.form.js';
import type { HouseholdRow, YearRow } from './household.store.js';
import { totalIncome } from './income.js';
import { Household } from './household.type.js';

export const toHousehold = (r: HouseholdRow) => instanceWith(Household, r, {
  __typename: 'Household' as const,
  id: toGlobalId('Household', r.id),
  key: r.id,
  causes: [r.mainCause, ...r.otherCauses],
});
export type HouseholdModel = ReturnType<typeof toHousehold>;

export const toMember = (r: MemberRow) => instanceWith(Member, r, { __typename: 'Member' as const, id: toGlobalId('Member', r.id) });

const pick = <T extends object, K extends keyof T>(o: T, keys: readonly K[]) =>
  Object.fromEntries(keys.map((k) => [k, o[k]])) as Pick<T, K>;

export function yearToForm(r: YearRow): YearForm {
  return { year: r.year, income: pick(r, INCOME_KEYS), conditions: pick(r, CONDITION_KEYS), rigidSpending: r.rigidSpending, migrantWork: r.migrantWork ?? null };
}

/** The flat table row of a year form (village and computed columns added by the caller). */
export const yearColumns = (y: YearForm) => ({ year: y.year, ...y.income, ...y.conditions, rigidSpending: y.rigidSpending ?? 0, migrantWork: y.migrantWork ?? null });

export const toHouseholdYear = (r: YearRow) => {
  const form = yearToForm(r);
  return {
    ...form, migrantWork: form.migrantWork?.map((w) => ({ ...w, memberId: toGlobalId('Member', w.memberId) })) ?? null, memberCount: r.memberCount, totalIncome: totalIncome(form.income), netIncome: r.netIncome, perCapitaNetIncome: r.perCapitaNetIncome,
    recordedAt: r.recordedAt, version: r.version ?? 1, householdKey: r.householdId as string | null,
  };
};

/** A member row (full, writers only) back to its form, for re-checking a household on correction. */
export function memberToForm(m: MemberForm): MemberForm {
  const { name, idNumber, sex, relation, ethnicity, politicalStatus, education, schooling, health, labourSkill, migrantWork,
    migrantMonths, speaksMandarin, activeSoldier, basicMedicalInsurance, seriousIllnessInsurance, basicPensionInsurance,
    commercialMedicalInsurance, accidentInsurance, receivesDibao, destituteSupported } = m;
  return { name, idNumber, sex, relation, ethnicity, politicalStatus, education, schooling, health, labourSkill, migrantWork,
    migrantMonths, speaksMandarin, activeSoldier, basicMedicalInsurance, seriousIllnessInsurance, basicPensionInsurance,
    commercialMedicalInsurance, accidentInsurance, receivesDibao, destituteSupported };
}

/** Household-level columns of a form (members, and the village, handled by the caller). */
export function householdColumns(f: Omit<HouseholdForm, 'members'>) {
  const { villageCode, identificationStandard, attribute, mainCause, otherCauses, status, militaryFamily, oneChildFamily,
    twoDaughterFamily, plannedExitYear, firstIdentifiedDate, exitYear, phone, bankName, bankAccount } = f;
  return { villageCode, identificationStandard, attribute, mainCause, otherCauses, status, militaryFamily, oneChildFamily,
    twoDaughterFamily, plannedExitYear: plannedExitYear ?? null, firstIdentifiedDate: firstIdentifiedDate ?? null,
    exitYear: exitYear ?? null, phone: phone ?? null, bankName: bankName ?? null, bankAccount: bankAccount ?? null };
}
