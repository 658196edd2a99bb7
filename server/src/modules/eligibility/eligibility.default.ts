/**
 * The rule set seeded ACTIVE by migration (so Household.eligibility works out of the
 * box): the national income test of 2014 — per-capita net income not above the national
 * line of the year (reference: "Poverty line") — or a failing 两不愁三保障 guarantee
 * (reference: "Exit": safe housing, safe drinking water, compulsory education, basic
 * medical care). A unit test checks that the migration seeds exactly this definition.
 */
export const DEFAULT_RULE_SET_ID = '00000000-0000-4000-8000-000000002014';
export const DEFAULT_RULE_SET_NAME = 'national-2014';

export const DEFAULT_DEFINITION = {
  incomeTest: { multipleOfLine: 1 },
  guarantees: [
    { code: 'SAFE_HOUSING', label: '住房安全有保障 safe housing: not a dilapidated house', fact: 'dilapidatedHouse', failsWhen: { op: 'eq', value: true } },
    { code: 'SAFE_WATER', label: '饮水安全有保障 safe drinking water', fact: 'drinkingWaterSafe', failsWhen: { op: 'eq', value: false } },
    { code: 'COMPULSORY_EDUCATION', label: '义务教育有保障 no child aged 6–15 out of school', fact: 'childrenOutOfSchool', failsWhen: { op: 'gt', value: 0 } },
    { code: 'BASIC_MEDICAL', label: '基本医疗有保障 every member has basic medical insurance', fact: 'uninsuredMembers', failsWhen: { op: 'gt', value: 0 } },
  ],
  proxyMeans: null,
  combine: 'ANY',
} as const;
