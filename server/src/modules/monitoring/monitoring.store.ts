/**
 * SQL of monitoring 防返贫监测: settings, cases and help. Cases are scoped by the
 * household number they carry (it begins with the village code), as a range in the
 * query itself (auth/scope.ts), which is also the list order.
 */
import { and, asc, count, desc, eq, gt, inArray, or, sql, type SQL } from 'drizzle-orm';
import type { Caller } from '../../auth/caller.js';
import { scopedKeyRange } from '../../auth/scope.js';
import type { Tx } from '../../db/client.js';
import { households, monitoringCases, monitoringHelp, monitoringSettings } from '../../db/schema/index.js';
import { named } from '../../db/stats.js';

export type CaseRow = typeof monitoringCases.$inferSelect;
export type HelpRow = typeof monitoringHelp.$inferSelect;
export type SettingsRow = typeof monitoringSettings.$inferSelect;

export interface CaseFilter {
  kind?: string[];
  /** true: still monitored; false: risk removed. */
  open?: boolean;
}

function where(caller: Caller, area: string, f: CaseFilter): SQL {
  return and(
    scopedKeyRange(monitoringCases.householdNumber, caller, area, monitoringCases.householdId),
    f.kind?.length ? inArray(monitoringCases.kind, f.kind) : undefined,
    f.open === undefined ? undefined : eq(monitoringCases.status, f.open ? 'OPEN' : 'REMOVED'),
  )!;
}

export const monitoringStore = {
  /** The national row and the province's, the province's first. */
  settingsFor: (db: Tx, code: string) =>
    named('monitoring.settingsFor', () =>
      db.select().from(monitoringSettings).where(inArray(monitoringSettings.areaCode, ['', code.slice(0, 2)])).orderBy(desc(monitoringSettings.areaCode))),

  upsertSettings: (db: Tx, row: typeof monitoringSettings.$inferInsert) =>
    named('monitoring.upsertSettings', () =>
      db.insert(monitoringSettings).values(row).onConflictDoUpdate({
        target: monitoringSettings.areaCode,
        set: { incomeMultiple: row.incomeMultiple, fallShare: row.fallShare, scaleTarget: row.scaleTarget, scaleMax: row.scaleMax, updatedBy: row.updatedBy, updatedAt: new Date() },
      }).returning()),

  settingsRow: (db: Tx, areaCode: string) =>
    named('monitoring.settingsRow', async () => (await db.select().from(monitoringSettings).where(eq(monitoringSettings.areaCode, areaCode)).for('update'))[0]),

  /** A household's open case, locked. */
  openCaseOf: (db: Tx, householdId: string) =>
    named('monitoring.openCaseOf', async () =>
      (await db.select().from(monitoringCases).where(and(eq(monitoringCases.householdId, householdId), eq(monitoringCases.status, 'OPEN'))).for('update'))[0]),

  insertCase: (db: Tx, row: typeof monitoringCases.$inferInsert) => named('monitoring.insertCase', () => db.insert(monitoringCases).values(row).returning()),

  /** A case in the caller's area, locked for a change. */
  caseForUpdate: (db: Tx, caller: Caller, id: number) =>
    named('monitoring.caseForUpdate', async () =>
      (await db.select().from(monitoringCases).where(and(scopedKeyRange(monitoringCases.householdNumber, caller, undefined, monitoringCases.householdId), eq(monitoringCases.id, id))).for('update'))[0]),

  removeRisk: (db: Tx, id: number, set: { removedOn: string; removedHow: string; removalNote: string | null; removedBy: string }) =>
    named('monitoring.removeRisk', () => db.update(monitoringCases).set({ ...set, status: 'REMOVED' }).where(eq(monitoringCases.id, id)).returning()),

  /** Closes a household's open case as CONVERTED (it entered the register as poor). */
  convertOpen: (db: Tx, householdId: string, set: { removedOn: string; removalNote: string; removedBy: string }) =>
    named('monitoring.convertOpen', () => db.update(monitoringCases).set({ ...set, status: 'CONVERTED' }).where(and(eq(monitoringCases.householdId, householdId), eq(monitoringCases.status, 'OPEN'))).returning()),

  insertHelp: (db: Tx, row: typeof monitoringHelp.$inferInsert) => named('monitoring.insertHelp', () => db.insert(monitoringHelp).values(row).returning()),

  helpCount: (db: Tx, caseId: number) =>
    named('monitoring.helpCount', async () => (await db.select({ n: count() }).from(monitoringHelp).where(eq(monitoringHelp.caseId, caseId)))[0].n),

  byIds: (db: Tx, caller: Caller, ids: readonly number[]) =>
    named('monitoring.byIds', () => db.select().from(monitoringCases).where(and(scopedKeyRange(monitoringCases.householdNumber, caller, undefined, monitoringCases.householdId), inArray(monitoringCases.id, [...ids])))),

  /** Cases of households, the open one first, then the newest. */
  ofHouseholds: (db: Tx, caller: Caller, householdIds: readonly string[]) =>
    named('monitoring.ofHouseholds', () =>
      db.select().from(monitoringCases)
        .where(and(scopedKeyRange(monitoringCases.householdNumber, caller, undefined, monitoringCases.householdId), inArray(monitoringCases.householdId, [...householdIds])))
        .orderBy(asc(monitoringCases.householdId), desc(sql`${monitoringCases.status} = 'OPEN'`), desc(monitoringCases.id))),

  helpOf: (db: Tx, caller: Caller, caseIds: readonly number[]) =>
    named('monitoring.helpOf', () =>
      db.select({ help: monitoringHelp }).from(monitoringHelp)
        .innerJoin(monitoringCases, eq(monitoringCases.id, monitoringHelp.caseId))
        .where(and(scopedKeyRange(monitoringCases.householdNumber, caller, undefined, monitoringCases.householdId), inArray(monitoringHelp.caseId, [...caseIds])))
        .orderBy(asc(monitoringHelp.caseId), asc(monitoringHelp.givenOn), asc(monitoringHelp.recordedAt))
        .then((rows) => rows.map((r) => r.help))),

  /** A page of an area's cases in household-number order; cursor "number:id". */
  page: (db: Tx, caller: Caller, area: string, f: CaseFilter, after: { number: string; id: number } | undefined, limit: number) =>
    named('monitoring.page', () =>
      db.select().from(monitoringCases)
        .where(and(where(caller, area, f), after
          ? or(gt(monitoringCases.householdNumber, after.number), and(eq(monitoringCases.householdNumber, after.number), gt(monitoringCases.id, after.id)))
          : undefined))
        .orderBy(asc(monitoringCases.householdNumber), asc(monitoringCases.id)).limit(limit)),

  count: (db: Tx, caller: Caller, area: string, f: CaseFilter) =>
    named('monitoring.count', async () => (await db.select({ n: count() }).from(monitoringCases).where(where(caller, area, f)))[0].n),

  byKind: (db: Tx, caller: Caller, area: string) =>
    named('monitoring.byKind', () =>
      db.select({
        kind: monitoringCases.kind,
        open: sql<number>`(count(*) filter (where ${monitoringCases.status} = 'OPEN'))::int`,
        removed: sql<number>`(count(*) filter (where ${monitoringCases.status} = 'REMOVED'))::int`,
      }).from(monitoringCases).where(where(caller, area, {})).groupBy(monitoringCases.kind).orderBy(asc(monitoringCases.kind))),

  /**
   * (Drizzle writes a selected field's columns without their table, so the correlated
   * subquery names households.id in full.)
   * People in registered households of the area, and people in households monitored now
   * (any stage), both within the caller's area: one statement.
   */
  scale: (db: Tx, caller: Caller, area: string) =>
    named('monitoring.scale', async () => {
      const [row] = await db.select({
        registered: sql<number>`(coalesce(sum(${households.memberCount}) filter (where ${households.stage} = 'REGISTERED'), 0))::int`,
        monitored: sql<number>`(coalesce(sum(${households.memberCount}) filter (where exists (select 1 from ${monitoringCases} c where c.household_id = "households"."id" and c.status = 'OPEN')), 0))::int`,
      }).from(households).where(scopedKeyRange(households.number, caller, area));
      return { registered: Number(row.registered), monitored: Number(row.monitored) };
    }),
};
