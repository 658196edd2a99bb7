/**
 * SQL for programmes and projects. Every read is limited in the query to the
 * caller's area and, for a ministry, to its own sector.
 */
import { and, asc, count, eq, gt, inArray, sql, type SQL } from 'drizzle-orm';
import type { Caller } from '../../auth/caller.js';
import { scopedTo } from '../../auth/scope.js';
import type { Tx } from '../../db/client.js';
import { programmes, projects } from '../../db/schema/index.js';
import { named } from '../../db/stats.js';

export type ProgrammeRow = typeof programmes.$inferSelect;
export type ProjectRow = typeof projects.$inferSelect;

export interface ProjectFilter {
  sector?: string;
  areaCode?: string;
  status?: string;
  programmeId?: string;
}

/** A ministry reaches its own sector only. */
const sectorOf = (caller: Caller, column: typeof projects.sector | typeof programmes.sector): SQL | undefined =>
  caller.role === 'ministry' ? eq(column, caller.sector!) : undefined;

function projectWhere(caller: Caller, f: ProjectFilter): SQL {
  return and(
    scopedTo(projects.areaCode, caller, f.areaCode),
    sectorOf(caller, projects.sector),
    f.sector ? eq(projects.sector, f.sector) : undefined,
    f.status ? eq(projects.status, f.status) : undefined,
    f.programmeId ? eq(projects.programmeId, f.programmeId) : undefined,
  )!;
}

function programmeWhere(caller: Caller, f: { sector?: string; year?: number; areaCode?: string }): SQL {
  return and(
    scopedTo(programmes.areaCode, caller, f.areaCode),
    sectorOf(caller, programmes.sector),
    f.sector ? eq(programmes.sector, f.sector) : undefined,
    f.year ? eq(programmes.year, f.year) : undefined,
  )!;
}

export const programmeStore = {
  programmesByIds: (db: Tx, caller: Caller, ids: readonly string[]) =>
    named('programme.byIds', () => db.select().from(programmes).where(and(programmeWhere(caller, {}), inArray(programmes.id, [...ids])))),

  programmePage: (db: Tx, caller: Caller, f: { sector?: string; year?: number; areaCode?: string }, after: string | undefined, limit: number) =>
    named('programme.page', () =>
      db.select().from(programmes).where(and(programmeWhere(caller, f), after ? gt(programmes.id, after) : undefined)).orderBy(asc(programmes.id)).limit(limit),
    ),

  programmeCount: (db: Tx, caller: Caller, f: { sector?: string; year?: number; areaCode?: string }) =>
    named('programme.count', async () => (await db.select({ n: count() }).from(programmes).where(programmeWhere(caller, f)))[0].n),

  insertProgramme: (db: Tx, row: typeof programmes.$inferInsert) => named('programme.insert', () => db.insert(programmes).values(row).returning()),

  projectsByIds: (db: Tx, caller: Caller, ids: readonly string[]) =>
    named('project.byIds', () => db.select().from(projects).where(and(projectWhere(caller, {}), inArray(projects.id, [...ids])))),

  projectPage: (db: Tx, caller: Caller, f: ProjectFilter, after: string | undefined, limit: number) =>
    named('project.page', () =>
      db.select().from(projects).where(and(projectWhere(caller, f), after ? gt(projects.id, after) : undefined)).orderBy(asc(projects.id)).limit(limit),
    ),

  projectCount: (db: Tx, caller: Caller, f: ProjectFilter) =>
    named('project.count', async () => (await db.select({ n: count() }).from(projects).where(projectWhere(caller, f)))[0].n),

  /** Locks a project the caller may change (scoped as any read). */
  lockProject: (db: Tx, caller: Caller, id: string) =>
    named('project.lock', async () => (await db.select().from(projects).where(and(projectWhere(caller, {}), eq(projects.id, id))).for('update'))[0]),

  insertProject: (db: Tx, row: typeof projects.$inferInsert) => named('project.insert', () => db.insert(projects).values(row).returning()),

  updateProject: (db: Tx, id: string, set: Partial<typeof projects.$inferInsert>) =>
    named('project.update', () =>
      db.update(projects).set({ ...set, version: sql`${projects.version} + 1`, updatedAt: new Date() }).where(eq(projects.id, id)).returning(),
    ),
};
