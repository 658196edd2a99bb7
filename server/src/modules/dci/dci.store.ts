/**
 * SQL of the DCI interface: the search over households (the translated query ANDed with the
 * caller's area scope in the same statement, auth/scope.ts; personal columns NULL for roles
 * without the right, household.store's householdColumnsFor), transactions, subscriptions,
 * clients and the callback outbox. Each statement is named (db/stats.ts).
 */
import { and, arrayOverlaps, count, eq, inArray, sql, type SQL } from 'drizzle-orm';
import type { Caller } from '../../auth/caller.js';
import { householdScoped } from '../../auth/scope.js';
import type { Tx } from '../../db/client.js';
import { dciCallbacks, dciClients, dciSubscriptions, dciTransactions, households, members } from '../../db/schema/index.js';
import { named } from '../../db/stats.js';
import { householdColumnsFor, type HouseholdRow } from '../household/household.store.js';

export type TransactionRow = typeof dciTransactions.$inferSelect;
export type SubscriptionRow = typeof dciSubscriptions.$inferSelect;
export type ClientRow = typeof dciClients.$inferSelect;
export type CallbackRow = typeof dciCallbacks.$inferSelect;

const inScope = (caller: Caller) => householdScoped(households.villageCode, households.id, caller);

export const dciStore = {
  /** One page of households matching `where` in the caller's scope, and how many match in all. */
  searchGroups: (db: Tx, caller: Caller, where: SQL, order: SQL[], limit: number, offset: number) =>
    named('dci.searchGroups', async () => {
      const cond = and(inScope(caller), where);
      const [rows, [{ n }]] = await Promise.all([
        db.select(householdColumnsFor(caller)).from(households).where(cond).orderBy(...order).limit(limit).offset(offset) as Promise<HouseholdRow[]>,
        db.select({ n: count() }).from(households).where(cond),
      ]);
      return { rows, total: n };
    }),

  /** Member ids (in household order) of matching households in scope, narrowed by `member` (an ID-hash match) when given. */
  searchMembers: (db: Tx, caller: Caller, where: SQL, member: SQL | undefined, order: SQL[], limit: number, offset: number) =>
    named('dci.searchMembers', async () => {
      const cond = and(inScope(caller), where, member);
      const [rows, [{ n }]] = await Promise.all([
        db.select({ id: members.id }).from(members).innerJoin(households, eq(households.id, members.householdId)).where(cond)
          .orderBy(...order, members.position).limit(limit).offset(offset),
        db.select({ n: count() }).from(members).innerJoin(households, eq(households.id, members.householdId)).where(cond),
      ]);
      return { ids: rows.map((r) => r.id), total: n };
    }),

  insertTransaction: (db: Tx, row: typeof dciTransactions.$inferInsert) =>
    named('dci.insertTransaction', () => db.insert(dciTransactions).values(row).onConflictDoNothing().returning()),

  findTransactionByMessage: (db: Tx, owner: string, messageId: string) =>
    named('dci.transactionByMessage', () => db.select().from(dciTransactions).where(and(eq(dciTransactions.owner, owner), eq(dciTransactions.messageId, messageId)))),

  finishTransaction: (db: Tx, correlationId: string, status: string, response: unknown) =>
    named('dci.finishTransaction', () => db.update(dciTransactions).set({ status, response, updatedAt: sql`now()` }).where(eq(dciTransactions.correlationId, correlationId))),

  /** A caller's transactions by transaction id, correlation id or reference ids (only their own). */
  findTransactions: (db: Tx, owner: string, by: 'transaction_id' | 'correlation_id' | 'reference_id_list', value: string | string[]) =>
    named('dci.findTransactions', () =>
      db.select().from(dciTransactions).where(and(
        eq(dciTransactions.owner, owner),
        by === 'transaction_id' ? eq(dciTransactions.transactionId, String(value))
          : by === 'correlation_id' ? eq(dciTransactions.correlationId, String(value))
            : arrayOverlaps(dciTransactions.referenceIds, (Array.isArray(value) ? value : [value]).map(String)),
      )).orderBy(dciTransactions.createdAt).limit(20)),

  insertSubscription: (db: Tx, row: typeof dciSubscriptions.$inferInsert) =>
    named('dci.insertSubscription', () => db.insert(dciSubscriptions).values(row).returning()),

  /** The owner's active subscription to the same events, filter and address, if any (rjct.event.already_subscribed). */
  activeSubscription: (db: Tx, s: { owner: string; eventType: string; filter: unknown; notifyUri: string | null }) =>
    named('dci.activeSubscription', () =>
      db.select({ code: dciSubscriptions.code }).from(dciSubscriptions).where(and(
        eq(dciSubscriptions.owner, s.owner), eq(dciSubscriptions.status, 'subscribe'), eq(dciSubscriptions.eventType, s.eventType),
        s.filter === null ? sql`${dciSubscriptions.filter} is null` : sql`${dciSubscriptions.filter} = ${JSON.stringify(s.filter)}::jsonb`,
        s.notifyUri === null ? sql`${dciSubscriptions.notifyUri} is null` : eq(dciSubscriptions.notifyUri, s.notifyUri),
      )).limit(1)),

  /** Cancels the owner's subscriptions among `codes`; returns those that were active. */
  unsubscribe: (db: Tx, owner: string, codes: string[]) =>
    named('dci.unsubscribe', async () => !codes.length ? [] :
      db.update(dciSubscriptions).set({ status: 'unsubscribe', updatedAt: sql`now()` })
        .where(and(eq(dciSubscriptions.owner, owner), inArray(dciSubscriptions.code, codes), eq(dciSubscriptions.status, 'subscribe')))
        .returning({ code: dciSubscriptions.code })),

  subscriptionsOf: (db: Tx, owner: string, codes: string[]) =>
    named('dci.subscriptionsOf', () => db.select().from(dciSubscriptions).where(and(eq(dciSubscriptions.owner, owner), inArray(dciSubscriptions.code, codes)))),

  /** Active subscriptions with a notify address, claimed for one fan-out round (other replicas skip them). */
  claimSubscriptions: (db: Tx, limit: number) =>
    named('dci.claimSubscriptions', () =>
      db.select().from(dciSubscriptions)
        .where(sql`${dciSubscriptions.status} = 'subscribe' and ${dciSubscriptions.notifyUri} is not null`)
        .orderBy(dciSubscriptions.positionTxId).limit(limit).for('update', { skipLocked: true })),

  advanceSubscription: (db: Tx, code: string, txId: number, id: number) =>
    named('dci.advanceSubscription', () => db.update(dciSubscriptions).set({ positionTxId: txId, positionId: id }).where(eq(dciSubscriptions.code, code))),

  client: (db: Tx, clientId: string) =>
    named('dci.client', async () => (await db.select().from(dciClients).where(eq(dciClients.clientId, clientId)))[0]),

  upsertClient: (db: Tx, row: typeof dciClients.$inferInsert) =>
    named('dci.upsertClient', () => db.insert(dciClients).values(row).onConflictDoUpdate({ target: dciClients.clientId, set: { secretHash: row.secretHash, name: row.name, role: row.role, areas: row.areas, sector: row.sector ?? null, publicKey: row.publicKey ?? null } })),

  enqueue: (db: Tx, rows: (typeof dciCallbacks.$inferInsert)[]) =>
    named('dci.enqueueCallback', () => (rows.length ? db.insert(dciCallbacks).values(rows) : Promise.resolve())),

  /** Due callbacks, leased for `leaseMs` (attempts + 1) so no other replica sends them meanwhile. */
  claimCallbacks: (db: Tx, limit: number, leaseMs: number) =>
    named('dci.claimCallbacks', async () => {
      const due = await db.select({ id: dciCallbacks.id }).from(dciCallbacks)
        .where(sql`${dciCallbacks.status} = 'pending' and ${dciCallbacks.nextAt} <= now()`).orderBy(dciCallbacks.nextAt).limit(limit)
        .for('update', { skipLocked: true });
      if (!due.length) return [] as CallbackRow[];
      return db.update(dciCallbacks).set({ attempts: sql`${dciCallbacks.attempts} + 1`, nextAt: sql`now() + ${`${leaseMs} milliseconds`}::interval` })
        .where(inArray(dciCallbacks.id, due.map((d) => d.id))).returning();
    }),

  callbackDone: (db: Tx, id: number) =>
    named('dci.callbackDone', () => db.update(dciCallbacks).set({ status: 'delivered', lastError: null }).where(eq(dciCallbacks.id, id))),

  callbackFailed: (db: Tx, id: number, error: string, retryMs: number | null) =>
    named('dci.callbackFailed', () => db.update(dciCallbacks).set(retryMs === null
      ? { status: 'failed', lastError: error }
      : { lastError: error, nextAt: sql`now() + ${`${retryMs} milliseconds`}::interval` }).where(eq(dciCallbacks.id, id))),
};
