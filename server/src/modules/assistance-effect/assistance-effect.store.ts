/**
 * SQL of "does it work" (issue 4, item 8): for an area and a plan year, the registered
 * households helped by a measure of the year (not cancelled, a household's own),
 * grouped by their main cause and the measure's kind, and by cause over all kinds;
 * how many exited that year; and the change of per-capita net income from the year
 * before to the year, averaged over the households with both years recorded.
 * One set-based statement, scoped in the query.
 */
import { sql } from 'drizzle-orm';
import type { Caller } from '../../auth/caller.js';
import { householdScoped } from '../../auth/scope.js';
import type { Tx } from '../../db/client.js';
import { householdYears, households, measures } from '../../db/schema/index.js';
import { named } from '../../db/stats.js';
import { PovertyStatus } from '../../codes/index.js';

export interface EffectRow {
  cause: string;
  kind: string | null;
  households: number;
  exits: number;
  withIncome: number;
  before: number | null;
  after: number | null;
  change: number | null;
}

const OUT = [PovertyStatus.values.EXITED_WITH_POLICY, PovertyStatus.values.EXITED_POLICY_ENDED];

export const assistanceEffectStore = {
  rows: (db: Tx, caller: Caller, areaCode: string, year: number) =>
    named('assistanceEffect.rows', async () => {
      const stats = (alias: string) => sql.raw(`count(*)::int as households,
        count(*) filter (where ${alias}.exited)::int as exits,
        count(i.after - i.before)::int as "withIncome",
        round(avg(i.before)::numeric, 2)::float8 as before,
        round(avg(i.after)::numeric, 2)::float8 as after,
        round(avg(i.after - i.before)::numeric, 2)::float8 as change`);
      const result = await db.execute(sql`
        with assisted as (
          select distinct h.id, h.main_cause as cause, ${measures.kind} as kind, (h.status in (${OUT[0]}, ${OUT[1]}) and h.exit_year = ${year}) as exited
          from ${measures} join ${households} h on h.id = ${measures.householdId}
          where ${householdScoped(measures.villageCode, measures.householdId, caller, areaCode)} and ${measures.year} = ${year} and ${measures.status} <> 'cancelled' and h.stage = 'REGISTERED'
        ),
        helped as (select distinct id, cause, exited from assisted),
        inc as (
          select y.household_id,
            max(y.per_capita_net_income) filter (where y.year = ${year}) as after,
            max(y.per_capita_net_income) filter (where y.year = ${year - 1}) as before
          from ${householdYears} y
          where y.household_id in (select id from helped) and y.year in (${year - 1}, ${year})
          group by y.household_id
        )
        select a.cause, a.kind, ${stats('a')} from assisted a left join inc i on i.household_id = a.id group by a.cause, a.kind
        union all
        select h.cause, null as kind, ${stats('h')} from helped h left join inc i on i.household_id = h.id group by h.cause
        order by 1, 2 nulls first`);
      return (result as unknown as { rows: EffectRow[] }).rows;
    }),
};
