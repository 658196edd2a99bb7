/**
 * Statistics as CSV for download (issue 10): `GET /statistics.csv?areaCode=433124&year=2016
 * &groupBy=CHILD_AREA,STATUS&part=register` with the same bearer token as /graphql. The
 * figures are the GraphQL answer itself — the operation below runs through the same
 * schema, context, access and suppression — flattened to one row per cell, the area's
 * total first. Parts: register, flows, incidence, income, monitoring.
 */
import { stringify } from 'csv-stringify/sync';
import { badInput } from '../../graphql/errors.js';

const KEY = 'key { areaCode areaName status stage attribute mainCause otherCause poorVillage ethnicity sex ageBand monitoringKind riskRemoved }';
const COUNT = '{ households people suppressed }';
const PARTS = {
  register: `register { total { ${KEY} registered ${COUNT} notOut ${COUNT} exited ${COUNT} relapsed ${COUNT} removed ${COUNT} candidates ${COUNT} } cells { ${KEY} registered ${COUNT} notOut ${COUNT} exited ${COUNT} relapsed ${COUNT} removed ${COUNT} candidates ${COUNT} } }`,
  flows: `flows { total { ${KEY} entered ${COUNT} exited ${COUNT} relapsed ${COUNT} removed ${COUNT} } cells { ${KEY} entered ${COUNT} exited ${COUNT} relapsed ${COUNT} removed ${COUNT} } }`,
  incidence: `incidence { total { ${KEY} poorPeople population incidence source note suppressed } cells { ${KEY} poorPeople population incidence source note suppressed } }`,
  income: `income { total { ${KEY} recorded ${COUNT} median mean previousMedian medianChange meanChange bands { from to count ${COUNT} } } cells { ${KEY} recorded ${COUNT} median mean previousMedian medianChange meanChange bands { from to count ${COUNT} } } }`,
  monitoring: `monitoring { cells { ${KEY} count ${COUNT} } }`,
} as const;
export type CsvPart = keyof typeof PARTS;

export interface CsvRequest { query: string; variables: Record<string, unknown>; part: CsvPart }

/** The GraphQL request a CSV download stands for, from the URL's parameters. */
export function csvRequest(params: URLSearchParams): CsvRequest {
  const part = (params.get('part') ?? 'register') as CsvPart;
  if (!(part in PARTS)) throw badInput([{ field: 'part', reason: `one of ${Object.keys(PARTS).join(', ')}` }]);
  const year = params.get('year');
  if (year !== null && !/^\d{4}$/.test(year)) throw badInput([{ field: 'year', reason: 'a year such as 2016' }]);
  const groupBy = params.get('groupBy')?.split(',').map((s) => s.trim()).filter(Boolean) ?? [];
  const input = { areaCode: params.get('areaCode') ?? '', year: year === null ? null : Number(year), groupBy };
  return { part, query: `query StatisticsCsv($input: StatisticsInput!) { statistics(input: $input) { ${PARTS[part]} } }`, variables: { input } };
}

type Cell = Record<string, unknown> & { key: Record<string, unknown> };

/** Flattens a cell: key fields, then each value (counts as <name>Households, <name>People, <name>Suppressed). */
function flatten(cell: Cell, total: boolean): Record<string, unknown> {
  const row: Record<string, unknown> = { cell: total ? 'TOTAL' : 'CELL' };
  for (const [k, v] of Object.entries(cell.key)) row[k] = v;
  for (const [k, v] of Object.entries(cell)) {
    if (k === 'key') continue;
    if (k === 'bands' && Array.isArray(v)) {
      for (const b of v as { from: number | null; to: number | null; count: Record<string, unknown> }[]) {
        row[`band_${b.from ?? 'min'}_${b.to ?? 'max'}_households`] = b.count.households;
      }
    } else if (v && typeof v === 'object') {
      for (const [kk, vv] of Object.entries(v)) row[`${k}${kk[0].toUpperCase()}${kk.slice(1)}`] = vv;
    } else row[k] = v;
  }
  return row;
}

/** The CSV of a part of the statistics answer. */
export function toCsv(part: CsvPart, statistics: Record<string, { total?: Cell; cells: Cell[] }>): string {
  const p = statistics[part];
  const rows = [...(p.total ? [flatten(p.total, true)] : []), ...p.cells.map((c) => flatten(c, false))];
  const columns = [...new Set(rows.flatMap((r) => Object.keys(r)))];
  return stringify(rows, { header: true, columns, cast: { boolean: (b) => (b ? 'true' : 'false') } });
}
