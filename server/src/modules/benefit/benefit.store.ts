/** SQL for project links. Reads are scoped by the link's village and, for a ministry, its sector. */
import { and, asc, count, eq, gt, inArray, isNull, sql, type SQL } from 'drizzle-orm';
import type { Caller } from '../../auth/caller.js';
import { householdScoped, scoped } from '../../auth/scope.js';
import type { Tx } from '../../db/client.js';
import { projectLinks } from '../../db/schema/index.js';
import { named } from '../../db/stats.js';

export type LinkRow = typeof projectLinks.$inferSelect;

const visible = (caller: Caller): SQL =>
  and(scoped(projectLinks.villageCode, caller), caller.role === 'ministry' ? eq(projectLinks.sector, caller.sector!) : undefined)!;

export const benefitStore = {
  byIds: (db: Tx, caller: Caller, ids: readonly string[]) =>
    named('link.byIds', () => db.select().from(projectLinks).where(and(visible(caller), inArray(projectLinks.id, [...ids])))),

  activeOfHouseholds: (db: Tx, caller: Caller, ids: readonly string[]) =>
    named('link.ofHouseholds', () =>
      // A household's links: scoped like the household itself (a cadre's paired households included).
      db.select().from(projectLinks).where(and(householdScoped(projectLinks.villageCode, projectLinks.householdId, caller),
        caller.role === 'ministry' ? eq(projectLinks.sector, caller.sector!) : undefined, isNull(projectLinks.unlinkedAt), inArray(projectLinks.householdId, [...ids])))
        .orderBy(asc(projectLinks.linkedAt)),
    ),

  activeOfVillages: (db: Tx, caller: Caller, codes: readonly string[]) =>
    named('link.ofVillages', () =>
      db.select().from(projectLinks)
        .where(and(visible(caller), isNull(projectLinks.unlinkedAt), isNull(projectLinks.householdId), inArray(projectLinks.villageCode, [...codes])))
        .orderBy(asc(projectLinks.linkedAt)),
    ),

  /** A page of a project's links in the order they were made (uuid v7-like order is not assumed: linked_at, id). */
  page: (db: Tx, caller: Caller, projectId: string, includeUnlinked: boolean, after: string | undefined, limit: number) =>
    named('link.page', () =>
      db.select().from(projectLinks)
        .where(and(visible(caller), eq(projectLinks.projectId, projectId), includeUnlinked ? undefined : isNull(projectLinks.unlinkedAt), after ? gt(projectLinks.id, after) : undefined))
        .orderBy(asc(projectLinks.id)).limit(limit),
    ),

  count: (db: Tx, caller: Caller, projectId: string, includeUnlinked: boolean) =>
    named('link.count', async () =>
      (await db.select({ n: count() }).from(projectLinks)
        .where(and(visible(caller), eq(projectLinks.projectId, projectId), includeUnlinked ? undefined : isNull(projectLinks.unlinkedAt))))[0].n,
    ),

  /** Active links per project, for the `beneficiaryCount` field of many projects at once. */
  activeCounts: (db: Tx, caller: Caller, projectIds: readonly string[]) =>
    named('link.activeCounts', () =>
      db.select({ projectId: projectLinks.projectId, n: count() }).from(projectLinks)
        .where(and(visible(caller), isNull(projectLinks.unlinkedAt), inArray(projectLinks.projectId, [...projectIds])))
        .groupBy(projectLinks.projectId),
    ),

  /** Active links of a project among these households and villages (for duplicate checks). */
  existing: (db: Tx, projectId: string, householdIds: string[], villageCodes: string[]) =>
    named('link.existing', () =>
      db.select({ householdId: projectLinks.householdId, villageCode: projectLinks.villageCode }).from(projectLinks)
        .where(and(eq(projectLinks.projectId, projectId), isNull(projectLinks.unlinkedAt),
          sql`(${projectLinks.householdId} = any(${sql.param(householdIds)}::uuid[]) or (${projectLinks.householdId} is null and ${projectLinks.villageCode} = any(${sql.param(villageCodes)}::text[])))`)),
    ),

  insert: (db: Tx, rows: (typeof projectLinks.$inferInsert)[]) => named('link.insert', () => db.insert(projectLinks).values(rows).returning()),

  lockActive: (db: Tx, caller: Caller, id: string) =>
    named('link.lock', async () => (await db.select().from(projectLinks).where(and(visible(caller), eq(projectLinks.id, id), isNull(projectLinks.unlinkedAt))).for('update'))[0]),

  unlink: (db: Tx, id: string, by: string, reason: string) =>
    named('link.unlink', () => db.update(projectLinks).set({ unlinkedAt: new Date(), unlinkedBy: by, unlinkReason: reason }).where(eq(projectLinks.id, id)).returning()),
};
