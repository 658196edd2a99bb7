/**
 * Seeding synthetic poor households into the real villages of a county (default 花垣县
 * 433124), for demos, tests and load measurements.
 *
 * Contract: `seedHouseholds(database, { county?, households, seed?, year?, onProgress? })`
 * adds `households` households with their members and one `household_years` record for
 * `year` (default 2015), bulk-loaded with COPY in batches of 5,000, and returns how many
 * households and members it added. The villages (areas of level 5 under the county) must
 * exist, else it throws. Every household passes `checkHousehold` with no errors (it is
 * checked; a rare failure is regenerated, a repeated one throws). Deterministic: the same
 * seed on the same database state gives the same rows; the stream is salted with the
 * number of households already in the county, so seeding again adds different people.
 * Household numbers continue after each village's highest, ID numbers skip those already
 * in `members`, so repeated seeding never collides. The first seed of a county marks about
 * 20% of its villages as poor villages (identified 2014); every poor village without a
 * survey for `year` gets one built from its registered households. Not atomic: a failure
 * midway leaves the batches loaded so far (each batch is whole: households, then members,
 * then years).
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { MIGRATIONS_FOLDER } from '../db/migrate.js';
import type { Database } from '../db/client.js';
import { copyRows } from '../db/copy.js';
import { checkHousehold } from '../modules/household/consistency.js';
import { type GeneratedHousehold, generateHousehold } from './household.gen.js';
import { IdAllocator } from './id-alloc.js';
import { rawQuery } from './raw-sql.js';
import { Rng } from './rng.js';
import { HOUSEHOLD_COLUMNS, householdRow, MEMBER_COLUMNS, memberRows, YEAR_COLUMNS, yearRow } from './rows.js';
import { seedPoorVillages } from './villages.js';
import { choosePoorVillages, type VillageArea, VillagePicker } from './village-picker.js';

export interface SeedHouseholdsOptions {
  /** 6-digit county code; default 433124 花垣县. */
  county?: string;
  households: number;
  seed?: number;
  /** Income year of the household_years rows; default 2015. */
  year?: number;
  onProgress?: (done: number, total: number) => void;
}

const BATCH = 5_000;
const ATTEMPTS = 3;

interface Numbered {
  g: GeneratedHousehold;
  number: string;
}

async function countyState(database: Database, county: string) {
  const like = [`${county}%`];
  const villages = (await rawQuery<VillageArea>(database, `SELECT code, name FROM areas WHERE level = 5 AND code LIKE $1 ORDER BY code`, like)).rows;
  const numbers = await rawQuery<{ village_code: string; max: string; n: number }>(database,
    `SELECT village_code, max(number) AS max, count(*)::int AS n FROM households WHERE village_code LIKE $1 GROUP BY village_code`, like);
  const ids = await rawQuery<{ id_number: string }>(database, `SELECT resident_id AS id_number FROM members WHERE resident_id LIKE $1`, like);
  const poor = await rawQuery<{ code: string }>(database, `SELECT code FROM villages WHERE code LIKE $1 AND poverty_status = '1'`, like);
  return {
    villages,
    lastSeq: new Map(numbers.rows.map((r) => [r.village_code, Number(r.max.slice(12)) || 0])),
    existing: numbers.rows.reduce((s, r) => s + r.n, 0),
    idNumbers: ids.rows.map((r) => r.id_number),
    poor: poor.rows.map((r) => r.code),
  };
}

/** A household that passes the consistency rules, regenerated if it does not. */
function checkedHousehold(rng: Rng, villageCode: string, ctx: Parameters<typeof generateHousehold>[2], today: Date): GeneratedHousehold {
  for (let attempt = 1; ; attempt++) {
    const g = generateHousehold(rng, villageCode, ctx);
    const { errors } = checkHousehold(g.form, g.year, today);
    if (errors.length === 0) return g;
    if (attempt === ATTEMPTS) {
      throw new Error(`the seed generator produced an inconsistent household ${ATTEMPTS} times: ${errors.map((e) => `${e.rule} ${e.field}: ${e.message}`).join('; ')}`);
    }
  }
}

async function load(database: Database, batch: Numbered[]): Promise<number> {
  await copyRows(database, 'households', HOUSEHOLD_COLUMNS, batch.map((b) => householdRow(b.g, b.number)));
  const members = batch.flatMap((b) => memberRows(b.g));
  await copyRows(database, 'members', MEMBER_COLUMNS, members);
  await copyRows(database, 'household_years', YEAR_COLUMNS, batch.map((b) => yearRow(b.g)));
  return members.length;
}

/** Status events for households that have none: the migration named status_history_backfill. */
const HISTORY_BACKFILL = () => join(MIGRATIONS_FOLDER, readdirSync(MIGRATIONS_FOLDER).find((f) => f.endsWith('_status_history_backfill.sql'))!);

export async function seedHouseholds(database: Database, opts: SeedHouseholdsOptions): Promise<{ households: number; members: number }> {
  const county = opts.county ?? '433124';
  const year = opts.year ?? 2015;
  const total = opts.households;
  if (!/^\d{6}$/.test(county)) throw new Error(`county must be a 6-digit area code, got "${county}"`);
  if (!Number.isInteger(total) || total < 0) throw new Error(`households must be a whole number ≥ 0, got ${total}`);
  if (!Number.isInteger(year) || year < 2013 || year > new Date().getFullYear()) throw new Error(`year must be between 2013 and this year, got ${year}`);

  const state = await countyState(database, county);
  if (state.villages.length === 0) {
    throw new Error(`no villages of county ${county} in the areas table: import the areas first (importAreas with prefix "${county}", or source "demo" for 433124)`);
  }
  const rng = new Rng(opts.seed ?? 1, state.existing);
  const newPoor = state.poor.length ? [] : choosePoorVillages(rng, state.villages);
  const picker = new VillagePicker(rng, state.villages, new Set([...state.poor, ...newPoor]), state.lastSeq);
  const ctx = { year, region: county, ids: new IdAllocator(state.idNumbers) };
  const today = new Date();

  let members = 0;
  let loaded = 0;
  let pending: Promise<void> = Promise.resolve();
  for (let generated = 0; generated < total; ) {
    const batch: Numbered[] = [];
    for (const end = Math.min(total, generated + BATCH); generated < end; generated++) {
      const { villageCode, number } = picker.pick();
      batch.push({ g: checkedHousehold(rng, villageCode, ctx, today), number });
    }
    await pending; // the previous batch loads while this one is generated
    pending = load(database, batch).then((n) => {
      members += n;
      loaded += batch.length;
      opts.onProgress?.(loaded, total);
    });
    pending.catch(() => undefined); // awaited on the next turn; keeps a failure from counting as unhandled meanwhile
  }
  await pending;
  await seedPoorVillages(database, rng, { county, year, newPoor });
  // The history of the households just loaded: the same statements as the migration that began it.
  for (const statement of readFileSync(HISTORY_BACKFILL(), 'utf8').split('--> statement-breakpoint')) await rawQuery(database, statement);
  // Fresh planner statistics after a bulk load, so the first queries use the indexes.
  await rawQuery(database, 'ANALYZE households, members, household_years, villages, village_surveys');
  return { households: total, members };
}
