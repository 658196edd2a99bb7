/**
 * The national poverty line (现行扶贫标准), yuan per person per year at current
 * prices (reference: "Poverty line"). These are the defaults an admin will be able
 * to edit (issue "Precise identification", item 4); figures the reference marks
 * unverified are flagged so, and the registry treats them as data, not law.
 */
export interface PovertyLine {
  year: number;
  yuan: number;
  /** False where the reference marks the figure unverified. */
  verified: boolean;
}

export const NATIONAL_LINES: readonly PovertyLine[] = [
  { year: 2011, yuan: 2536, verified: true },
  { year: 2012, yuan: 2625, verified: true },
  { year: 2013, yuan: 2736, verified: true },
  { year: 2014, yuan: 2800, verified: true },
  { year: 2015, yuan: 2855, verified: true },
  { year: 2016, yuan: 2952, verified: true },
  { year: 2017, yuan: 2952, verified: false },
  { year: 2018, yuan: 2995, verified: false },
  { year: 2019, yuan: 3218, verified: false },
  { year: 2020, yuan: 4000, verified: false },
];

/** The line of a year from a table; undefined when the year has none (the caller says what to do). */
export function lineFor(year: number, lines: readonly PovertyLine[] = NATIONAL_LINES): PovertyLine | undefined {
  return lines.find((l) => l.year === year);
}
