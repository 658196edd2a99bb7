/**
 * SQL of bulk imports and exports, and nothing else: the job and its file's chunks, the
 * register lookups of a batch of households (villages of the area, people already
 * registered, households by number, their years), the county lock, and the writes of a
 * commit — COPY on the commit transaction's connection (db/copy.ts `copyRowsIn`). Every
 * read of registry data is scoped by the caller's area in the statement.
 */
import { and, asc, eq, getTableColumns, inArray, like, sql, type AnyColumn } from 'drizzle-orm';
import type { Caller } from '../../auth/caller.js';
import { householdScoped, scoped, scopedTo } from '../../auth/scope.js';
import type { Tx } from '../../db/client.js';
import { copyRowsIn } from '../../db/copy.js';
import { areas, householdYears, households, importChunks, importJobs, members, statusEvents } from '../../db/schema/index.js';
import { named } from '../../db/stats.js';

export type JobRow = typeof importJobs.$inferSelect;
type Table = typeof households | typeof members | typeof householdYears;

/** COPY `objects` (keys of the drizzle table) into the table, in column order of the first object. */
async function copyObjects(tx: Tx, table: Table, name: string, objects: Record<string, unknown>[]) {
  if (!objects.length) return;
  const cols = getTableColumns(table) as Record<string, AnyColumn>;
  const keys = Object.keys(objects[0]!);
  await copyRowsIn(tx, name, keys.map((k) => cols[k]!.name), objects.map((o) => keys.map((k) => o[k] as never)));
}

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

  /**
   * The highest household number of each village of the area, under the same per-village
   * advisory locks as a single registration (household.store.ts `lastNumber`), held to the end.
   */
  lastNumbers: (tx: Tx, villages: string[], areaCode: string) =>
    named('bulk.lastNumbers', async () => {
      await tx.execute(sql`select pg_advisory_xact_lock(hashtext('household-number:' || v)) from unnest(${sql.raw(`'{${villages.join(',')}}'::text[]`)}) v`);
      const rows = await tx.select({ village: households.villageCode, max: sql<string>`max(${households.number})` }).from(households)
        .where(like(households.number, `${areaCode}%`)).groupBy(households.villageCode);
      return new Map(rows.map((r) => [r.village, r.max]));
    }),

  copyHouseholds: (tx: Tx, rows: Record<string, unknown>[]) => named('bulk.copyHouseholds', () => copyObjects(tx, households, 'households', rows)),
  copyMembers: (tx: Tx, rows: Record<string, unknown>[]) => named('bulk.copyMembers', () => copyObjects(tx, members, 'members', rows)),
  copyYears: (tx: Tx, rows: Record<string, unknown>[]) => named('bulk.copyYears', () => copyObjects(tx, householdYears, 'household_years', rows)),

  /** resident ID → member ID of these households' members (a correction keeps the member IDs of the same people). */
  memberIdsOf: (tx: Tx, householdIds: string[]) =>
    named('bulk.memberIds', async () => new Map((await tx.select({ id: members.id, residentId: members.residentId }).from(members)
      .where(inArray(members.householdId, householdIds))).map((r) => [r.residentId, r.id]))),

  /** Full member rows of these households in form order (writers only), for comparing a correction with the register. */
  membersOf: (db: Tx, householdIds: string[]) =>
    named('bulk.membersOf', () => db.select().from(members).where(inArray(members.householdId, householdIds)).orderBy(asc(members.householdId), asc(members.position))),

  removeMembers: (tx: Tx, householdIds: string[]) => named('bulk.removeMembers', () => tx.delete(members).where(inArray(members.householdId, householdIds))),

  updateHousehold: (tx: Tx, id: string, set: Partial<typeof households.$inferInsert>) =>
    named('bulk.updateHousehold', () => tx.update(households).set({ ...set, version: sql`${households.version} + 1`, updatedAt: new Date() }).where(eq(households.id, id))),

  /**
   * The first status events of households just imported (as the history backfill writes them:
   * registration dated by the first identification, and the exit of an exited household).
   */
  historyOf: (tx: Tx, ids: string[], actor: string) =>
    named('bulk.history', async () => {
      // One array parameter (an array literal of UUIDs): drizzle would expand a JS array into a row.
      const list = sql`${`{${ids.join(',')}}`}::uuid[]`;
      await tx.execute(sql`insert into ${statusEvents} (id, subject_type, household_id, village_code, from_status, to_status, from_stage, to_stage, reason, effective_date, actor)
        select gen_random_uuid(), 'HOUSEHOLD', h.id, h.village_code, null, case when h.status in ('1', '4') then '0' else h.status end, null, h.stage,
          'registered by bulk import', coalesce(h.first_identified_date, current_date), ${actor} from households h where h.id = any(${list})`);
      await tx.execute(sql`insert into ${statusEvents} (id, subject_type, household_id, village_code, from_status, to_status, from_stage, to_stage, reason, effective_date, actor)
        select gen_random_uuid(), 'HOUSEHOLD', h.id, h.village_code, '0', h.status, h.stage, h.stage,
          'exited before the bulk import', make_date(coalesce(h.exit_year, extract(year from current_date)::int), 12, 31), ${actor} from households h where h.id = any(${list}) and h.status in ('1', '4')`);
    }),
};
