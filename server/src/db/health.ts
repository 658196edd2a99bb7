/** Named statements for readiness and start-up checks. */
import { count, sql } from 'drizzle-orm';
import type { Database } from './client.js';
import { households } from './schema/index.js';
import { named } from './stats.js';

/** The database answers. */
export const ping = (database: Database) => named('health.ping', () => database.db.execute(sql`select 1`));

/** Whether any household is registered (the demo county loads only into an empty registry). */
export const registryHasHouseholds = (database: Database) =>
  named('health.registryHasHouseholds', async () => (await database.db.select({ n: count() }).from(households).limit(1))[0].n > 0);
