/**
 * The audit record and the change event of every accepted write (DESIGN.md
 * "Every accepted write appends an audit record and a change event in the same
 * transaction"). Services call `recordWrite` with their transaction handle. A write
 * with change events also notifies `jingzhun_changes`, delivered at commit to every
 * server process, which wakes its change-feed subscribers (modules/change/change.listener.ts).
 */
import { canReadAudit } from '../../auth/caller.js';
import type { Tx } from '../../db/client.js';
import { decodeCursor, pageSize, toPage } from '../../graphql/connection.js';
import type { Context } from '../../graphql/context.js';
import { forbidden } from '../../graphql/errors.js';
import { checkAreaCode } from '../area/area.service.js';
import { toGlobalId } from '../../graphql/ids.js';
import { changeStore } from '../change/change.store.js';
import { auditStore, type AuditFilter, type AuditRow } from './audit.store.js';
import { redact } from './redact.js';

export interface Write {
  /** e.g. "registerHousehold" — the mutation that made it. */
  operation: string;
  /** Change-event type, e.g. "household.registered". */
  event: string;
  entityType: string;
  /** Global ID of the entity. */
  entityId: string;
  areaCode: string;
  /** The sector that owns the record, for a programme's, project's or link's write: its event is for that sector's ministries only. */
  sector?: string;
  before: unknown;
  after: unknown;
}

export async function recordWrite(tx: Tx, ctx: Context, w: Write): Promise<void> {
  await recordBatchWrite(tx, ctx, w, [{ event: w.event, entityType: w.entityType, entityId: w.entityId, areaCode: w.areaCode, sector: w.sector, after: w.after }]);
}

/** One change event of a batch write. */
export type Change = Pick<Write, 'event' | 'entityType' | 'entityId' | 'areaCode' | 'sector' | 'after'>;

/** A write of many records at once (a batch): one audit record, one change event per record changed. */
export async function recordBatchWrite(tx: Tx, ctx: Context, w: Omit<Write, 'event'>, changes: Change[]): Promise<void> {
  await auditStore.append(tx, {
    actor: ctx.caller.id,
    role: ctx.caller.role,
    operation: w.operation,
    entityType: w.entityType,
    entityId: w.entityId,
    areaCode: w.areaCode,
    before: redact(w.before, w.entityType) ?? null,
    after: redact(w.after, w.entityType) ?? null,
    requestId: ctx.requestId,
  });
  if (!changes.length) return;
  await auditStore.appendChanges(tx, changes.map((c) => ({
    type: c.event,
    entityType: c.entityType,
    entityId: c.entityId,
    areaCode: c.areaCode,
    sector: c.sector ?? null,
    payload: { operation: w.operation, after: redact(c.after, c.entityType) ?? null },
  })));
  // One per write transaction is enough: PostgreSQL folds identical notifications of a transaction.
  await changeStore.notify(tx);
}

/**
 * Change events of a write whose audit record is written by the operation itself (e.g. the
 * status change a case step causes, recorded with the step): the events and the notify only.
 */
export async function recordChanges(tx: Tx, operation: string, changes: Change[]): Promise<void> {
  await auditStore.appendChanges(tx, changes.map((c) => ({
    type: c.event, entityType: c.entityType, entityId: c.entityId, areaCode: c.areaCode, sector: c.sector ?? null,
    payload: { operation, after: redact(c.after, c.entityType) ?? null },
  })));
  await changeStore.notify(tx);
}

export const toAuditEntry = (r: AuditRow) => ({
  __typename: 'AuditEntry' as const,
  id: toGlobalId('AuditEntry', String(r.id)),
  at: r.at,
  actor: r.actor,
  role: r.role,
  operation: r.operation,
  entityType: r.entityType,
  entityId: r.entityId,
  areaCode: r.areaCode,
  before: r.before,
  after: r.after,
  requestId: r.requestId,
});

export const auditService = {
  /** One record by its global ID's key; null outside the caller's area or role. */
  async byKey(ctx: Context, key: string) {
    if (!canReadAudit(ctx.caller) || !/^[1-9]\d{0,15}$/.test(key)) return null;
    const row = await auditStore.byId(ctx.db, ctx.caller, Number(key));
    return row ? toAuditEntry(row) : null;
  },

  async page(ctx: Context, f: AuditFilter & { first?: number | null; after?: string | null }) {
    if (!canReadAudit(ctx.caller)) throw forbidden('only officials and admins can read the audit trail');
    const size = pageSize(f.first);
    if (f.areaCode) checkAreaCode(f.areaCode, 'filter.areaCode', { prefix: true });
    const cursor = decodeCursor(f.after, /^[1-9]\d{0,15}$/);
    const before = cursor === undefined ? undefined : Number(cursor);
    const rows = await auditStore.page(ctx.db, ctx.caller, f, before, size + 1);
    return toPage(rows, size, (r) => String(r.id), toAuditEntry, () => auditStore.count(ctx.db, ctx.caller, f), cursor);
  },
};
