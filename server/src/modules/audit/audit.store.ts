/** SQL for the audit trail and the change-event outbox. */
import { and, asc, count, desc, eq, lt, type SQL } from 'drizzle-orm';
import type { Caller } from '../../auth/caller.js';
import { scopedTo } from '../../auth/scope.js';
import type { Tx } from '../../db/client.js';
import { auditLog, changeEvents } from '../../db/schema/index.js';
import { named } from '../../db/stats.js';

export type AuditRow = typeof auditLog.$inferSelect;

export interface AuditFilter {
  areaCode?: string;
  entityId?: string;
  operation?: string;
}

function where(caller: Caller, f: AuditFilter): SQL | undefined {
  return and(
    scopedTo(auditLog.areaCode, caller, f.areaCode),
    f.entityId ? eq(auditLog.entityId, f.entityId) : undefined,
    f.operation ? eq(auditLog.operation, f.operation) : undefined,
  );
}

export const auditStore = {
  append: (db: Tx, row: typeof auditLog.$inferInsert) => named('audit.append', () => db.insert(auditLog).values(row)),

  appendChanges: (db: Tx, rows: (typeof changeEvents.$inferInsert)[]) =>
    named('change.append', () => db.insert(changeEvents).values(rows)),

  /** Newest first. */
  page: (db: Tx, caller: Caller, f: AuditFilter, before: number | undefined, limit: number) =>
    named('audit.page', () =>
      db.select().from(auditLog).where(and(where(caller, f), before ? lt(auditLog.id, before) : undefined)).orderBy(desc(auditLog.id)).limit(limit),
    ),

  byId: (db: Tx, caller: Caller, id: number) =>
    named('audit.byId', async () => (await db.select().from(auditLog).where(and(scopedTo(auditLog.areaCode, caller, undefined), eq(auditLog.id, id))))[0]),

  count: (db: Tx, caller: Caller, f: AuditFilter) =>
    named('audit.count', async () => (await db.select({ n: count() }).from(auditLog).where(where(caller, f)))[0].n),

  changesOf: (db: Tx, entityId: string) =>
    named('change.ofEntity', () => db.select().from(changeEvents).where(eq(changeEvents.entityId, entityId)).orderBy(asc(changeEvents.id))),
};
