/**
 * Rows → households: the consecutive rows sharing a 户编号 (or 户序号) are one household;
 * its household cells come from its first row and must not differ on the others; its
 * members are the rows that have one, in file order; its yearly records are the distinct
 * 年度 of its rows (one year repeated on several rows must say the same). Contract: the
 * `Grouper` is fed rows in file order and hands out each household when the next one
 * begins (and the last on `end()`), so only one household is held at a time. A household
 * whose rows are not together is refused (its key seen before).
 */
import type { HouseholdForm, MemberForm, YearForm } from '../household/household.form.js';
import { CONDITION_KEYS, INCOME_KEYS } from '../household/household.form.js';
import { byKey } from './bulk.columns.js';
import { problem, type ParsedRow } from './bulk.row.js';
import type { RowProblem } from './bulk.report.js';

export interface HouseholdGroup {
  key: string;
  number: string | null;
  version: number | null;
  firstRow: number;
  rows: number[];
  form: HouseholdForm;
  /** File row of each member, parallel to form.members. */
  memberRows: number[];
  years: { form: YearForm; row: number }[];
  problems: RowProblem[];
}

const pick = (o: Record<string, unknown>, keys: readonly string[]) => Object.fromEntries(keys.map((k) => [k, o[k]]));

function toYear(y: Record<string, unknown>): YearForm {
  return {
    year: y.year as number,
    income: pick(y, INCOME_KEYS) as unknown as YearForm['income'],
    conditions: pick(y, CONDITION_KEYS) as unknown as YearForm['conditions'],
    rigidSpending: (y.rigidSpending as number | null) ?? null,
  };
}

const same = (a: unknown, b: unknown) => JSON.stringify(a) === JSON.stringify(b);

function build(rows: ParsedRow[]): HouseholdGroup {
  const first = rows[0]!;
  const problems = rows.flatMap((r) => r.problems);
  for (const r of rows.slice(1)) {
    for (const [k, t] of Object.entries(r.householdText)) {
      if (t && t !== first.householdText[k]) {
        problems.push(problem(r.row, byKey.get(k), t, 'REPEATED', `differs from row ${first.row} of the same household ("${first.householdText[k]}"): the household's columns must be the same on all its rows, or empty`));
      }
    }
    if (r.version !== null && r.version !== first.version) problems.push(problem(r.row, byKey.get('version'), String(r.version), 'REPEATED', `differs from row ${first.row} of the same household`));
  }
  const members = rows.filter((r) => r.member);
  const years: HouseholdGroup['years'] = [];
  for (const r of rows) {
    if (!r.year) continue;
    const y = toYear(r.year);
    const prior = years.find((x) => x.form.year === y.year);
    if (!prior) years.push({ form: y, row: r.row });
    else if (!same(prior.form, y)) problems.push(problem(r.row, byKey.get('year'), String(y.year), 'REPEATED', `the year ${y.year} is on row ${prior.row} too, with other values: give a year once per household, or the same values`));
  }
  const form = { ...first.household, otherCauses: (first.household.otherCauses as string[] | null) ?? [], members: members.map((r) => r.member as unknown as MemberForm) } as HouseholdForm;
  return { key: first.key, number: first.number, version: first.version, firstRow: first.row, rows: rows.map((r) => r.row), form, memberRows: members.map((r) => r.row), years, problems };
}

export class Grouper {
  private current: ParsedRow[] = [];
  private readonly seen = new Set<string>();

  /** Adds a row; returns the household that ended before it, if any. */
  push(r: ParsedRow): HouseholdGroup | undefined {
    if (!r.key) {
      // A row without a key: a household of its own, with the row's problem.
      const done = this.end();
      this.current = [r];
      const lone = this.end();
      return done ?? lone;
    }
    const cur = this.current[0];
    if (cur && cur.key === r.key) {
      this.current.push(r);
      return undefined;
    }
    const done = this.end();
    if (this.seen.has(r.key)) {
      r.problems.push(problem(r.row, byKey.get(r.number ? 'householdNumber' : 'householdRef'), r.key.replace(/^ref:/, ''), 'NOT_TOGETHER',
        'this household\'s rows are not together: rows of one household must follow one another (sort the file by 户编号/户序号)'));
    }
    this.seen.add(r.key);
    this.current = [r];
    return done;
  }

  end(): HouseholdGroup | undefined {
    if (!this.current.length) return undefined;
    const g = build(this.current);
    this.current = [];
    return g;
  }
}
