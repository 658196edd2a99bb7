/**
 * Which poverty line applies (reference "Poverty line", "Monitoring against falling
 * back"; issue 15, items 1 and 2). Pure.
 *
 * - Through the last national year (2020, LAST_NATIONAL_LINE_YEAR) a household is judged
 *   against the line of its identification standard: the national line, its province's
 *   or its city's.
 * - After it (the transition 过渡期, 2021–) the national line is no longer raised: the
 *   line is the monitoring line 防返贫监测线 its province sets for the year (a city's own
 *   line still applies to a household of the municipal standard).
 * - Who sets a line: an admin the national one; an admin or an official of the province
 *   (city) its own — said in every "missing line" message, so the reader knows whom to ask.
 * - Exit 稳定超过: per-capita net income above the line in each of the EXIT_INCOME_YEARS
 *   years ending with the exit year (default 2: the exit year and the year before).
 */
import { IdentificationStandard } from '../../codes/index.js';

const { PROVINCIAL, MUNICIPAL } = IdentificationStandard.values;

export type LineKind = 'POVERTY_LINE' | 'MONITORING_LINE';

/** The area whose line applies to a household of a village under a standard in a year. */
export function lineArea(standard: string, villageCode: string, year: number, lastNationalYear: number): string {
  if (standard === MUNICIPAL) return villageCode.slice(0, 4);
  if (standard === PROVINCIAL || year > lastNationalYear) return villageCode.slice(0, 2);
  return '';
}

/** A line of an area is a monitoring line after the last national year. */
export const lineKind = (year: number, lastNationalYear: number): LineKind => (year > lastNationalYear ? 'MONITORING_LINE' : 'POVERTY_LINE');

/** Why a line is missing and who can set it, in words a county official can act on. */
export function missingLine(area: string, year: number, lastNationalYear: number): string {
  if (area === '') return `there is no national poverty line for ${year}: an admin sets it (setPovertyLine with areaCode "")`;
  const what = area.length === 2 ? `province ${area}` : `city ${area}`;
  const kind = year > lastNationalYear
    ? `the monitoring line 防返贫监测线 of ${what} for ${year} (after ${lastNationalYear} the national line is no longer raised; each province sets its own)`
    : `the poverty line of ${what} for ${year}`;
  return `there is no line for this household: ${kind} is not set. An admin or an official of ${what} sets it (setPovertyLine with areaCode "${area}", year ${year})`;
}

/** The years whose income an exit in `exitYear` checks, oldest first. */
export const exitIncomeYears = (exitYear: number, years: number) => Array.from({ length: years }, (_, i) => exitYear - years + 1 + i);

export interface YearIncome {
  year: number;
  /** Null: no record of the year. */
  perCapitaNetIncome: number | null;
  /** Null: no line for the year. */
  line: number | null;
  /** The area of the line applied ('' national). */
  lineArea?: string;
  /** The reason to give when the line is missing. */
  missingLine?: string;
}

export interface IncomeFailure {
  test: 'income';
  year: number;
  reason: string;
}

/** Per-capita net income steadily above the line 稳定超过: each year must have a record, a line, and income above it. */
export function steadilyAbove(years: YearIncome[]): IncomeFailure[] {
  return years.flatMap((y): IncomeFailure[] => {
    if (y.perCapitaNetIncome == null) return [{ test: 'income', year: y.year, reason: `${y.year}: there is no income record (recordHouseholdYear); the exit needs income steadily above the line in ${years.map((x) => x.year).join(' and ')}` }];
    if (y.line == null) return [{ test: 'income', year: y.year, reason: `${y.year}: ${y.missingLine ?? 'there is no line'}` }];
    if (!(y.perCapitaNetIncome > y.line)) return [{ test: 'income', year: y.year, reason: `${y.year}: per-capita net income ${y.perCapitaNetIncome} yuan is not above the line of ${y.line} yuan` }];
    return [];
  });
}

/**
 * The income test of identification 识别: an application of year Y (the quota year) is judged
 * on the household's per-capita net income of Y − 1 (the 2013 line served the 2014
 * registration), which must not be above that year's line. Returns what blocks the test
 * (no record, no line) or its result.
 */
export function identificationIncome(applicationYear: number, record: { perCapitaNetIncome: number } | null, line: number | null, missing: string):
  { blocked: string } | { year: number; perCapitaNetIncome: number; line: number; qualifies: boolean; reason: string } {
  const year = applicationYear - 1;
  if (!record) return { blocked: `the identification standard judges an application of ${applicationYear} on the household's ${year} income: record it (recordHouseholdYear, year ${year}) before county approval` };
  if (line == null) return { blocked: missing };
  const qualifies = !(record.perCapitaNetIncome > line);
  return {
    year, perCapitaNetIncome: record.perCapitaNetIncome, line, qualifies,
    reason: `per-capita net income ${record.perCapitaNetIncome} yuan in ${year} is ${qualifies ? 'not above' : 'above'} the line of ${line} yuan`,
  };
}
