/**
 * The Group attributes a DCI query may name, and the household column each one is
 * (issue 17 item 2). `kind` says how a value is read (predicate values arrive as strings)
 * and which operators apply: numbers and dates compare, codes match exactly, an area code
 * matches as a prefix (location 433124 is the whole county). `poverty_score` is answered
 * in records but computed by the active eligibility rule set, so it cannot be searched.
 */
import type { AnyColumn } from 'drizzle-orm';
import { households } from '../../db/schema/index.js';

export type Kind = 'integer' | 'number' | 'date' | 'code' | 'area';

export interface Attribute {
  column: AnyColumn;
  kind: Kind;
  describe: string;
}

export const ATTRIBUTES: Readonly<Record<string, Attribute>> = {
  group_size: { column: households.memberCount, kind: 'integer', describe: 'number of members 家庭人口' },
  location: { column: households.villageCode, kind: 'area', describe: 'statistical area code (2–12 digits) the household lives in' },
  area_code: { column: households.villageCode, kind: 'area', describe: 'same as location' },
  per_capita_income: { column: households.latestPerCapitaNetIncome, kind: 'number', describe: 'latest per-capita net income 人均纯收入, yuan' },
  registration_date: { column: households.createdAt, kind: 'date', describe: 'when the household was registered' },
  last_updated: { column: households.updatedAt, kind: 'date', describe: 'when the household was last changed' },
  status: { column: households.status, kind: 'code', describe: 'poverty status code 贫困户状态' },
  stage: { column: households.stage, kind: 'code', describe: 'register stage: CANDIDATE, REGISTERED, REJECTED or REMOVED (错评清退)' },
  attribute: { column: households.attribute, kind: 'code', describe: 'household attribute code 贫困户属性' },
  main_cause: { column: households.mainCause, kind: 'code', describe: 'main cause of poverty code 主要致贫原因' },
  household_number: { column: households.number, kind: 'code', describe: 'household number 户编号' },
};

/** Attributes the records carry but a query cannot search, with why. */
export const NOT_SEARCHABLE: Readonly<Record<string, string>> = {
  poverty_score: 'poverty_score is computed from each household\'s data by the active eligibility rule set and cannot be searched; search per_capita_income, group_size or location instead',
};

export const KNOWN = Object.keys(ATTRIBUTES).join(', ');
