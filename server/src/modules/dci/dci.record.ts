/**
 * Registry rows as DCI records (issue 17 item 3): a household 贫困户 is a `spdci:Group`
 * (identifier = household number 户编号, group type, place from the area codes, poverty
 * score of the active eligibility rule set, size, head, member list, registration and
 * last-update times); a member 家庭成员 is a `Member` with its `SRPerson`. Personal data
 * arrives already NULL from the store for a caller without the right (member.store,
 * household.store): such a record is pseudonymous — an opaque member id, no name, no ID
 * number, no birth date, no phone. Coded values keep their national codes, with a `label` in
 * the answer's locale (dci.locale.ts).
 */
import { toGlobalId } from '../../graphql/ids.js';
import { Cause, Health, HouseholdAttribute, PovertyStatus, RegisterStage, Relation, Sex } from '../../codes/index.js';
import type { HouseholdRow } from '../household/household.store.js';
import type { MemberRow } from '../member/member.store.js';
import { coded, ENGLISH, type Locale } from './dci.locale.js';

const iso = (d: Date | string | null | undefined) => (d == null ? undefined : new Date(d).toISOString());
const SEX: Record<string, string> = { [Sex.values.MALE]: 'male', [Sex.values.FEMALE]: 'female' };

export interface Score { score: number | null; ruleSet: string }

/** Area codes of a village code: province (2), prefecture (4), county (6), township (9), village (12). */
export function place(villageCode: string) {
  const [province, prefecture, county, township] = [2, 4, 6, 9].map((n) => villageCode.slice(0, n));
  return { '@type': 'Place', identifier: villageCode, address: { '@type': 'Address', country: 'CN', province_code: province, prefecture_code: prefecture, county_code: county, township_code: township, village_code: villageCode } };
}

export function toMemberRecord(m: MemberRow, l: Locale = ENGLISH) {
  const personal = m.idNumber !== null;
  const memberId = toGlobalId('Member', m.id);
  const identifiers = [{ '@type': 'Identifier', identifier_type: 'MEMBER_ID', identifier_value: memberId }];
  const person: Record<string, unknown> = {
    '@type': 'SRPerson',
    sex: SEX[m.sex] ?? 'unknown',
    age: m.age,
  };
  if (personal) {
    person.identifier = [{ '@type': 'Identifier', identifier_type: 'ID_NUMBER', identifier_value: m.idNumber }];
    // Chinese names: the surname is the first character (compound surnames are rare); the full name is kept whole too.
    person.name = { '@type': 'Name', surname: m.name!.slice(0, 1), given_name: m.name!.slice(1), full_name: m.name };
    person.birth_date = m.birthDate ?? undefined;
  }
  return {
    '@type': 'Member',
    '@id': `urn:jingzhun:member:${memberId}`,
    member_identifier: identifiers,
    demographic_info: person,
    relationship_head: m.relation === Relation.values.HEAD ? 'self' : Relation.text(m.relation, l.lang),
    is_disabled: m.health.includes(Health.values.DISABLED),
    education_level: m.education,
    employment_status: m.migrantWork,
    additional_attributes: [{ name: 'pseudonymous', value: !personal }, { name: 'village_code', value: m.villageCode }],
  };
}

export function toGroupRecord(h: HouseholdRow, members: MemberRow[], score: Score | null, l: Locale = ENGLISH) {
  const list = members.map((m) => toMemberRecord(m, l));
  const head = members.findIndex((m) => m.relation === Relation.values.HEAD);
  return {
    '@type': 'spdci:Group',
    '@id': `urn:jingzhun:household:${toGlobalId('Household', h.id)}`,
    group_identifier: [{ '@type': 'Identifier', identifier_type: 'HOUSEHOLD_NUMBER', identifier_value: h.number }],
    group_type: 'household',
    place: place(h.villageCode),
    poverty_score: score?.score ?? null,
    poverty_score_type: score ? `eligibility-rule-set:${score.ruleSet}` : null,
    group_size: h.memberCount,
    group_head_info: head >= 0 ? list[head] : null,
    member_list: list,
    registration_date: iso(h.createdAt),
    last_updated: iso(h.updatedAt),
    additional_attributes: [
      coded('status', PovertyStatus, h.status, l),
      coded('stage', RegisterStage, h.stage, l),
      coded('attribute', HouseholdAttribute, h.attribute, l),
      coded('main_cause', Cause, h.mainCause, l),
      { name: 'per_capita_income', value: h.latestPerCapitaNetIncome ?? null },
      { name: 'first_identified_date', value: h.firstIdentifiedDate ?? null },
    ],
  };
}
