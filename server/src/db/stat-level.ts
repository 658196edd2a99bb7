/**
 * Which rows of a statistics aggregate (db/schema/statistics.ts) a read uses: the townships'
 * roll-up (level 4) when every unit it groups by is a township or larger and the caller's
 * scope is made of whole townships or larger; the villages' rows (level 5) otherwise — a
 * village's own figures, villages as child areas, poor-village status, or a caller scoped
 * to villages.
 */
import { sql, type SQL } from 'drizzle-orm';
import type { Caller } from '../auth/caller.js';

export function statLevel(caller: Caller, unitLength: number, needsVillages = false): SQL {
  const villages = needsVillages || unitLength > 9 || (!caller.areas.includes('') && caller.areas.some((a) => a.length > 9));
  return sql.raw(villages ? '5' : '4');
}
