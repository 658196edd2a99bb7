/**
 * The validation report of an import 校验报告: every problem with its row, column, value,
 * rule and a reason a person can act on; errors block the commit, warnings (R11) do not.
 * Contract: `ReportBuilder` counts everything and keeps the first MAX_LISTED problems
 * (the rest are counted, so a file of 100,000 bad rows does not make a report of 100,000
 * lines in memory); `toReport()` is what the job stores and GET /imports/:id returns.
 */
export interface RowProblem {
  /** 1-based row of the file as a spreadsheet numbers it (the header is row 1); 0 for the file as a whole. */
  row: number;
  /** The column's header as the form names it (Chinese), or '' for the row or file. */
  column: string;
  /** The layout key of the column (bulk.columns.ts), e.g. "idNumber". */
  field: string;
  value: string;
  /** Rule identifier: R1–R11 (consistency), FORMAT, CODE, DUPLICATE_IN_FILE, REGISTERED, AREA, VERSION, HEADER, … */
  rule: string;
  reason: string;
  severity: 'ERROR' | 'WARNING';
}

export interface Report {
  format: string;
  encoding: string;
  rows: number;
  households: number;
  members: number;
  years: number;
  /** Households of the file that already are in the register (corrections by household number). */
  corrections: number;
  /** Households of the file exactly as the register has them (nothing is written for them). */
  unchanged: number;
  errors: number;
  warnings: number;
  /** The problems listed (the first MAX_LISTED), in file order. */
  problems: RowProblem[];
  /** Problems counted but not listed. */
  unlisted: number;
  /** Per village, the highest household number the file gives a new household (numbers for the others follow it). */
  highestGiven: Record<string, string>;
}

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
  readonly highestGiven: Record<string, string> = {};
  constructor(readonly format: string, readonly encoding: string) {}

  add(p: RowProblem) {
    if (p.severity === 'ERROR') this.errors++;
    else this.warnings++;
    if (this.problems.length < MAX_LISTED) this.problems.push(p);
  }

  toReport(): Report {
    const { format, encoding, rows, households, members, years, corrections, unchanged, errors, warnings, highestGiven } = this;
    const problems = [...this.problems].sort((a, b) => a.row - b.row);
    return { format, encoding, rows, households, members, years, corrections, unchanged, errors, warnings, problems, unlisted: errors + warnings - problems.length, highestGiven };
  }
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
