/**
 * The validation report of an import 校验报告: every problem with its row, column, value,
 * rule and a reason a person can act on; errors block the commit, warnings (R11) do not.
 * Contract: `ReportBuilder` counts everything and keeps the first MAX_LISTED problems
 * (the rest are counted, so a file of 100,000 bad rows does not make a report of 100,000
 * lines in memory); `toReport()` is what the job stores and GET /imports/:id returns (its
 * type is bulk.contract.ts', shared with the SDK).
 */
import type { ImportProblem, ImportReport } from './bulk.contract.js';

export type RowProblem = ImportProblem;
export type Report = ImportReport;

export const MAX_LISTED = 10_000;

export class ReportBuilder {
  rows = 0;
  households = 0;
  members = 0;
  years = 0;
  corrections = 0;
  unchanged = 0;
  errors = 0;
  warnings = 0;
  readonly problems: RowProblem[] = [];
  constructor(readonly format: string, readonly encoding: string) {}

  add(p: RowProblem) {
    if (p.severity === 'ERROR') this.errors++;
    else this.warnings++;
    if (this.problems.length < MAX_LISTED) this.problems.push(p);
  }

  toReport(): Report {
    const { format, encoding, rows, households, members, years, corrections, unchanged, errors, warnings } = this;
    const problems = [...this.problems].sort((a, b) => a.row - b.row);
    return { format, encoding, rows, households, members, years, corrections, unchanged, errors, warnings, problems, unlisted: errors + warnings - problems.length };
  }
}

/** The report with problems found later (the commit's checks against the register): counted, listed in row order. */
export function withProblems(r: Report, found: readonly RowProblem[]): Report {
  const problems = [...r.problems, ...found].sort((a, b) => a.row - b.row).slice(0, MAX_LISTED);
  const errors = r.errors + found.filter((p) => p.severity === 'ERROR').length;
  const warnings = r.warnings + found.filter((p) => p.severity !== 'ERROR').length;
  return { ...r, errors, warnings, problems, unlisted: errors + warnings - problems.length };
}

/** The report's problems by row, for the downloadable copy of the file with an error column. */
export function problemsByRow(report: Report): Map<number, RowProblem[]> {
  const m = new Map<number, RowProblem[]>();
  for (const p of report.problems) m.set(p.row, [...(m.get(p.row) ?? []), p]);
  return m;
}

/** One cell of the report's error column: "证件号码: reason (R3); …". */
export const describe = (ps: readonly RowProblem[]) =>
  ps.map((p) => `${p.severity === 'WARNING' ? '[warning] ' : ''}${p.column ? `${p.column}: ` : ''}${p.reason} (${p.rule})`).join('; ');
