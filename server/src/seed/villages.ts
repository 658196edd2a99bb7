/**
 * Poor villages (贫困村) of a seeded county: marks the newly chosen villages as poor
 * (poverty_status '1', identified 2014) and gives every poor village of the county that has
 * no survey for `year` one village_surveys row, consistent with its registered households.
 *
 * Contract: idempotent — villages rows already present are left as they are
 * (ON CONFLICT DO NOTHING) and existing surveys are never overwritten.
 */
import type { Database } from '../db/client.js';
import { copyRows } from '../db/copy.js';
import { rawQuery } from './raw-sql.js';
import type { Rng } from './rng.js';
import { generateSurvey, SURVEY_COLUMNS, type VillageStats } from './survey-gen.js';

const STATS_SQL = `
WITH hh AS (
  SELECT village_code, count(*)::int AS poor_households, sum(member_count)::int AS poor_population,
    (count(*) FILTER (WHERE attribute = '04'))::int AS dibao_households,
    (count(*) FILTER (WHERE attribute = '06'))::int AS destitute_households
  FROM households WHERE village_code = ANY($1::text[]) GROUP BY village_code),
mm AS (
  SELECT village_code, (count(*) FILTER (WHERE '04' = ANY(health) OR id_kind = '2'))::int AS disabled_people,
    (count(*) FILTER (WHERE ethnicity <> '01'))::int AS minority_population,
    (count(*) FILTER (WHERE labour_skill IN ('01', '02')))::int AS labour_force,
    (count(*) FILTER (WHERE migrant_months > 0))::int AS migrant_workers
  FROM members WHERE village_code = ANY($1::text[]) GROUP BY village_code),
yy AS (
  SELECT village_code, (count(*) FILTER (WHERE dilapidated_house))::int AS dilapidated_houses,
    (count(*) FILTER (WHERE NOT drinking_water_safe))::int AS without_safe_water,
    avg(per_capita_net_income)::float8 AS poor_per_capita_income
  FROM household_years WHERE village_code = ANY($1::text[]) AND year = $2 GROUP BY village_code)
SELECT * FROM hh LEFT JOIN mm USING (village_code) LEFT JOIN yy USING (village_code)`;

type StatsRow = { village_code: string } & Record<string, number | null>;

const camel = (s: string) => s.replace(/_([a-z])/g, (_, c: string) => c.toUpperCase());

export async function seedPoorVillages(
  database: Database,
  rng: Rng,
  opts: { county: string; year: number; newPoor: readonly string[] },
): Promise<{ marked: number; surveys: number }> {
  const { affected: marked } = opts.newPoor.length
    ? await rawQuery(database,
      `INSERT INTO villages (code, poverty_status, identified_year) SELECT unnest($1::text[]), '1', 2014 ON CONFLICT (code) DO NOTHING`,
      [opts.newPoor])
    : { affected: 0 };
  const poor = (await rawQuery<{ code: string }>(database,
    `SELECT v.code FROM villages v WHERE v.code LIKE $1 AND v.poverty_status = '1'
       AND NOT EXISTS (SELECT 1 FROM village_surveys s WHERE s.village_code = v.code AND s.year = $2) ORDER BY v.code`,
    [`${opts.county}%`, opts.year])).rows.map((r) => r.code);
  if (poor.length === 0) return { marked, surveys: 0 };
  const found = new Map((await rawQuery<StatsRow>(database, STATS_SQL, [poor, opts.year])).rows.map((r) => [r.village_code, r]));
  const rows = poor.map((code) => {
    const r = found.get(code);
    const stats = Object.fromEntries(['poor_households', 'poor_population', 'dibao_households', 'destitute_households',
      'disabled_people', 'minority_population', 'labour_force', 'migrant_workers', 'dilapidated_houses', 'without_safe_water',
      'poor_per_capita_income'].map((k) => [camel(k), Number(r?.[k] ?? 0)])) as unknown as VillageStats;
    return [code, opts.year, ...generateSurvey(rng, stats)];
  });
  await copyRows(database, 'village_surveys', ['village_code', 'year', ...SURVEY_COLUMNS], rows);
  return { marked, surveys: rows.length };
}
