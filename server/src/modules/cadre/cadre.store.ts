/**
 * SQL for units and cadres. Lists and lookups by ID are scoped in the query: admins
 * see all, officials the units and cadres whose area overlaps theirs, a registered
 * cadre themselves and their own unit. `relatedCadres` loads the cadres named by rows
 * the caller already reached (a pairing, a work team, a visit), so it is not scoped again.
 */
import { and, asc, count, eq, gt, ilike, inArray, like, sql, type SQL } from 'drizzle-orm';
import type { Caller } from '../../auth/caller.js';
import { overlapping } from '../../auth/scope.js';
import type { Tx } from '../../db/client.js';
import { assistanceUnits, cadres, workTeamMembers, workTeams } from '../../db/schema/index.js';
import { named } from '../../db/stats.js';

export type UnitRow = typeof assistanceUnits.$inferSelect;
export type CadreRow = typeof cadres.$inferSelect;
export interface UnitFilter { areaCode?: string; kind?: string }
export interface CadreFilter { areaCode?: string; unitKey?: string; name?: string }

function unitVisible(caller: Caller): SQL {
  if (caller.role !== 'cadre') return overlapping(assistanceUnits.areaCode, caller);
  return caller.cadreId ? sql`${assistanceUnits.id} = (select ${cadres.unitId} from ${cadres} where ${cadres.id} = ${caller.cadreId})` : sql`false`;
}

function cadreVisible(caller: Caller): SQL {
  if (caller.role !== 'cadre') return overlapping(cadres.areaCode, caller);
  return caller.cadreId ? eq(cadres.id, caller.cadreId) : sql`false`;
}

const unitWhere = (caller: Caller, f: UnitFilter) =>
  and(unitVisible(caller), f.areaCode ? like(assistanceUnits.areaCode, `${f.areaCode}%`) : undefined, f.kind ? eq(assistanceUnits.kind, f.kind) : undefined)!;

const escapeLike = (s: string) => s.replace(/[\\%_]/g, (c) => `\\${c}`);
const cadreWhere = (caller: Caller, f: CadreFilter) =>
  and(
    cadreVisible(caller),
    f.areaCode ? like(cadres.areaCode, `${f.areaCode}%`) : undefined,
    f.unitKey ? eq(cadres.unitId, f.unitKey) : undefined,
    f.name ? ilike(cadres.name, `%${escapeLike(f.name)}%`) : undefined,
  )!;

export const cadreStore = {
  /** A cadre token's scope (auth/cadre-scope.ts): the cadre and the villages of their current work teams. */
  scopeOf: (db: Tx, subject: string) =>
    named('cadre.scope', async () => {
      const result = (await db.execute(sql`select c.id, array(select distinct t.village_code from ${workTeamMembers} m join ${workTeams} t on t.id = m.team_id
        where m.cadre_id = c.id and t.ended_on is null order by 1) as villages from ${cadres} c where c.subject = ${subject}`)) as unknown as { rows: { id: string; villages: string[] }[] };
      return result.rows[0];
    }),

  unitsByIds: (db: Tx, caller: Caller, ids: readonly string[]) =>
    named('unit.byIds', () => db.select().from(assistanceUnits).where(and(unitVisible(caller), inArray(assistanceUnits.id, [...ids])))),

  /** Units named by rows the caller already reached (a cadre's unit, a team's sending unit). */
  relatedUnits: (db: Tx, ids: readonly string[]) =>
    named('unit.related', () => db.select().from(assistanceUnits).where(inArray(assistanceUnits.id, [...ids]))),

  unitPage: (db: Tx, caller: Caller, f: UnitFilter, after: string | undefined, limit: number) =>
    named('unit.page', () =>
      db.select().from(assistanceUnits).where(and(unitWhere(caller, f), after ? gt(assistanceUnits.id, after) : undefined)).orderBy(asc(assistanceUnits.id)).limit(limit),
    ),

  unitCount: (db: Tx, caller: Caller, f: UnitFilter) =>
    named('unit.count', async () => (await db.select({ n: count() }).from(assistanceUnits).where(unitWhere(caller, f)))[0].n),

  insertUnit: (db: Tx, row: typeof assistanceUnits.$inferInsert) => named('unit.insert', () => db.insert(assistanceUnits).values(row).returning()),

  cadresByIds: (db: Tx, caller: Caller, ids: readonly string[]) =>
    named('cadre.byIds', () => db.select().from(cadres).where(and(cadreVisible(caller), inArray(cadres.id, [...ids])))),

  /** Cadres named by rows the caller already reached (a pairing, a team, a visit). */
  relatedCadres: (db: Tx, ids: readonly string[]) =>
    named('cadre.related', () => db.select().from(cadres).where(inArray(cadres.id, [...ids]))),

  cadrePage: (db: Tx, caller: Caller, f: CadreFilter, after: string | undefined, limit: number) =>
    named('cadre.page', () =>
      db.select().from(cadres).where(and(cadreWhere(caller, f), after ? gt(cadres.id, after) : undefined)).orderBy(asc(cadres.id)).limit(limit),
    ),

  cadreCount: (db: Tx, caller: Caller, f: CadreFilter) =>
    named('cadre.count', async () => (await db.select({ n: count() }).from(cadres).where(cadreWhere(caller, f)))[0].n),

  insertCadre: (db: Tx, row: typeof cadres.$inferInsert) => named('cadre.insert', () => db.insert(cadres).values(row).returning()),

  bySubject: (db: Tx, subject: string) =>
    named('cadre.bySubject', async () => (await db.select({ id: cadres.id }).from(cadres).where(eq(cadres.subject, subject)))[0]),
};
