/**
 * The bulk paths' answers as clients read them (issue 16): an import job, its validation
 * report 校验报告 with each problem's row, column, value, rule and reason, and what a commit
 * wrote. One definition for the server (bulk.report.ts, bulk.service.ts) and the SDK: `pnpm
 * --filter @jingzhun/sdk generate` copies this file to sdk/src/generated/bulk.ts, and
 * `pnpm check:contract` fails when the two differ. Types only, no imports.
 */

/** One problem of an import: the row and column of the file, the value, the rule and what to do. */
export interface ImportProblem {
  /** 1-based row of the file as a spreadsheet numbers it (the header is row 1); 0 for the file as a whole. */
  row: number;
  /** The column's header as the form names it (Chinese), e.g. 证件号码, or '' for the row or file. */
  column: string;
  /** The layout key of the column, e.g. idNumber. */
  field: string;
  value: string;
  /** Rule identifier: R1–R11 (consistency), FORMAT, CODE, DUPLICATE_IN_FILE, REGISTERED, AREA, VERSION, STATUS, YEAR_RECORDED, HEADER, … */
  rule: string;
  reason: string;
  /** Errors block the commit, warnings (R11) do not. */
  severity: 'ERROR' | 'WARNING';
}

export interface ImportReport {
  format: string;
  /** UTF-8, GB18030 (a GBK file of an older tool, decoded) or xlsx. */
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
  /** The problems listed (at most 10,000), in file order. */
  problems: ImportProblem[];
  /** Problems counted but not listed. */
  unlisted: number;
}

/** What a commit wrote. */
export interface ImportResult {
  registered: number;
  corrected: number;
  members: number;
  years: number;
  warnings: number;
}

export interface ImportJob {
  id: string;
  /** The area the file is for: a county, or a township or village of it. */
  areaCode: string;
  /** VALID or INVALID after the upload's validation; COMMITTED once committed. */
  status: 'VALID' | 'INVALID' | 'COMMITTED';
  fileName: string | null;
  /** SHA-256 of the file (hex): the same file for the same area is the same job. */
  fileHash: string;
  size: number;
  createdAt: string;
  committedAt: string | null;
  /** True when the same file had been uploaded for this area before: the same job. */
  reused?: boolean;
  report: ImportReport;
  result: ImportResult | null;
}
