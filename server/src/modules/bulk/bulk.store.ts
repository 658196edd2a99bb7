/**
 * SQL of bulk imports and exports, and nothing else: the job and its file's chunks, the
 * register lookups of a batch of households (villages of the area, people already
 * registered, households by number, their years), the county lock, and the per-village
 * number locks (the staged rows' SQL is bulk.staging.store.ts). Every
 * read of registry data is scoped by the caller's area in the statement.
 */
import { and, asc, eq, inArray, sql } from 'drizzle-orm';
import type { Caller } from '../../auth/caller.js';
import { householdScoped, scoped, scopedTo } from '../../auth/scope.js';
import type { Tx } from '../../db/client.js';
import { areas, householdYears, households, importChunks, importJobs, members } from '../../db/schema/index.js';
import { named } from '../../db/stats.js';

export type JobRow = typeof importJobs.$inferSelect;

export const bulkStore = {
  createJob: (db: Tx, row: typeof importJobs.$inferInsert) => named('bulk.createJob', async () => (await db.insert(importJobs).values(row).returning())[0]!),

  appendChunk: (db: Tx, jobId: string, seq: number, data: Buffer) =>
    named('bulk.appendChunk', () => db.insert(importChunks).values({ jobId, seq, data })),

  /** The file's chunks in order, one statement per chunk (about 1 MB each): never the whole file at once. */
  async *chunks(db: Tx, jobId: string): AsyncGenerator<Buffer> {
    for (let seq = 0; ; seq++) {
      const [c] = await named('bulk.chunk', () => db.select({ data: importChunks.data }).from(importChunks).where(and(eq(importChunks.jobId, jobId), eq(importChunks.seq, seq))));
      if (!c) return;
      yield Buffer.from(c.data);
    }
  },

  /** The job of this file for this area, if one was uploaded before (scoped to the caller's areas). */
  byHash: (db: Tx, caller: Caller, hash: string, areaCode: string) =>
    named('bulk.byHash', async () => (await db.select().from(importJobs).where(and(eq(importJobs.fileHash, hash), eq(importJobs.areaCode, areaCode), scoped(importJobs.areaCode, caller))))[0]),

  byId: (db: Tx, caller: Caller, id: string) =>
    named('bulk.byId', async () => (await db.select().from(importJobs).where(and(eq(importJobs.id, id), scoped(importJobs.areaCode, caller))))[0]),

  /** Locks the job row to the end of the transaction: two commits of one job run one after the other. */
  lockJob: (tx: Tx, caller: Caller, id: string) =>
    named('bulk.lockJob', async () => (await tx.select().from(importJobs).where(and(eq(importJobs.id, id), scoped(importJobs.areaCode, caller))).for('update'))[0]),

  update: (db: Tx, id: string, set: Partial<typeof importJobs.$inferInsert>) => named('bulk.updateJob', () => db.update(importJobs).set(set).where(eq(importJobs.id, id))),

  remove: (db: Tx, id: string) => named('bulk.removeJob', () => db.delete(importJobs).where(eq(importJobs.id, id))),

  /**
   * The county's import lock, held to the end of the transaction, or false when another
   * commit of the same county holds it (then this one is refused, never interleaved).
   */
  tryCountyLock: (tx: Tx, county: string) =>
    named('bulk.countyLock', async () => {
      const r = await tx.execute<{ ok: boolean }>(sql`select pg_try_advisory_xact_lock(hashtext(${'bulk-import:' + county})) as ok`);
      return Boolean((r as unknown as { rows: { ok: boolean }[] }).rows[0]?.ok);
    }),

  /** The villages (codes) under `areaCode` in the caller's scope. */
  villagesIn: (db: Tx, caller: Caller, areaCode: string) =>
    named('bulk.villagesIn', async () => new Set((await db.select({ code: areas.code }).from(areas).where(and(eq(areas.level, 5), scopedTo(areas.code, caller, areaCode)))).map((r) => r.code))),

  /** Households by number in the caller's scope (version and village for corrections); `lock` takes their rows FOR UPDATE. */
  byNumbers: (db: Tx, caller: Caller, numbers: string[], lock = false) =>
    named('bulk.byNumbers', () => {
      const q = db.select().from(households).where(and(householdScoped(households.villageCode, households.id, caller), inArray(households.number, numbers)));
      return lock ? q.for('update') : q;
    }),

  /** Whether any of these numbers exists outside the caller's scope (then it cannot be registered anew). */
  numbersTaken: (db: Tx, numbers: string[]) =>
    named('bulk.numbersTaken', async () => new Set((await db.select({ number: households.number }).from(households).where(inArray(households.number, numbers))).map((r) => r.number))),

  yearsOf: (db: Tx, ids: string[]) =>
    named('bulk.yearsOf', () => db.select().from(householdYears).where(inArray(householdYears.householdId, ids)).orderBy(asc(householdYears.householdId), asc(householdYears.year))),

  /** The per-village advisory locks of household numbers (household.store.ts `lastNumber` takes the same), held to the end of the transaction. */
  lockNumbers: (tx: Tx, villages: string[]) =>
    named('bulk.lockNumbers', () => tx.execute(sql`select pg_advisory_xact_lock(hashtext('household-number:' || v)) from unnest(${sql.raw(`'{${villages.join(',')}}'::text[]`)}) v`)),

  /** resident ID → member ID of these households' members (a correction keeps the member IDs of the same people). */
  memberIdsOf: (tx: Tx, householdIds: string[]) =>
    named('bulk.memberIds', async () => new Map((await tx.select({ id: members.id, residentId: members.residentId }).from(members)
      .where(inArray(members.householdId, householdIds))).map((r) => [r.residentId, r.id]))),

  /** Full member rows of these households in form order (writers only), for comparing a correction with the register. */
  membersOf: (db: Tx, householdIds: string[]) =>
    named('bulk.membersOf', () => db.select().from(members).where(inArray(members.householdId, householdIds)).orderBy(asc(members.householdId), asc(members.position))),
};
