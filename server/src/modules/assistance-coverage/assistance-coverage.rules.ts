/**
 * What "left without help" means (issue 4, item 7, the point of 精准), as SQL
 * predicates over one household or measure row — one place, read by the pages, the
 * counts and the counts by area:
 * - a registered household: stage REGISTERED and status 0 未脱贫 or 3 返贫;
 * - without a responsible person: no current pairing (ended_on IS NULL);
 * - whose main cause has no measure: no measure that is not cancelled and names the
 *   household's main cause among its causes — its own, or one for its whole village;
 * - a poor village without a work team: poverty status 1 贫困村 (not exited) and no
 *   current work team 驻村工作队 (ended_on IS NULL);
 * - an overdue measure: planned or in progress, and its end date has passed.
 */
import { sql, type SQL } from 'drizzle-orm';
import { PovertyStatus } from '../../codes/index.js';
import { households, measures, pairings, villages, workTeams } from '../../db/schema/index.js';
import { VillagePovertyStatus } from '../../codes/index.js';

export const registered = (): SQL =>
  sql`${households.stage} = 'REGISTERED' and ${households.status} in (${PovertyStatus.values.NOT_OUT}, ${PovertyStatus.values.RELAPSED})`;

export const unpaired = (): SQL =>
  sql`not exists (select 1 from ${pairings} p where p.household_id = ${households.id} and p.ended_on is null)`;

/** Two anti-joins, each served by an index: the household's own measures (measures_household_idx), the village's (measures_scope_idx). */
export const mainCauseUnaddressed = (): SQL =>
  sql`not exists (select 1 from ${measures} m where m.household_id = ${households.id} and m.status <> 'cancelled' and ${households.mainCause} = any(m.causes))
    and not exists (select 1 from ${measures} m where m.household_id is null and m.village_code = ${households.villageCode} and m.status <> 'cancelled' and ${households.mainCause} = any(m.causes))`;

export const overdue = (): SQL => sql`${measures.status} in ('planned', 'in_progress') and ${measures.endDate} < current_date`;

export const poorVillageWithoutTeam = (): SQL =>
  sql`${villages.povertyStatus} = ${VillagePovertyStatus.values.POOR}
    and not exists (select 1 from ${workTeams} w where w.village_code = ${villages.code} and w.ended_on is null)`;
