/**
 * SQL for cases, their steps, postings, objections and documents. Every read is
 * limited to the caller's area by a predicate on the case's village code — or, for a
 * registered cadre, on the household they are paired with (auth/scope.ts); the parts of a
 * case are read only for cases in that scope.
 */
import { and, asc, count, desc, eq, gt, inArray, isNull, like, lte, or, sql, type AnyColumn, type SQL } from 'drizzle-orm';
import type { Caller } from '../../auth/caller.js';
import { householdScoped, scopedTo } from '../../auth/scope.js';
import type { Tx } from '../../db/client.js';
import { caseDocuments, cases, caseSteps, objections, postings } from '../../db/schema/index.js';
import { named } from '../../db/stats.js';

export type CaseRow = typeof cases.$inferSelect;
export type StepRow = typeof caseSteps.$inferSelect;
export type PostingRow = typeof postings.$inferSelect;
export type ObjectionRow = typeof objections.$inferSelect;
export type DocumentRow = typeof caseDocuments.$inferSelect;

/** States a caller can act in, with the area prefixes where they can: the "waiting for me" predicate. */
export interface Waiting {
  states: { kind: string; state: string; afterPosting: boolean }[];
  prefixes: string[];
}

/** The cases a caller may see. */
const caseScope = (caller: Caller) => householdScoped(cases.villageCode, cases.householdId, caller);
/** Rows belonging to a case the caller may see. */
const ofVisibleCase = (db: Tx, column: AnyColumn, caller: Caller) => inArray(column, db.select({ id: cases.id }).from(cases).where(caseScope(caller)));

function waitingWhere(caller: Caller, w: Waiting[], today: string): SQL {
  const parts = w.filter((l) => l.prefixes.length).flatMap(({ states, prefixes }) =>
    states.map(({ kind, state, afterPosting }) => and(
      eq(cases.kind, kind), eq(cases.state, state),
      or(...prefixes.map((p) => like(cases.villageCode, `${p}%`))),
      afterPosting
        ? sql`(select max(${postings.closesOn}) from ${postings} where ${postings.caseId} = ${cases.id}) <= ${today}::date`
        : undefined,
    )),
  );
  return and(caseScope(caller), parts.length ? or(...parts) : sql`false`)!;
}

export const caseStore = {
  insert: (tx: Tx, row: typeof cases.$inferInsert) => named('case.insert', () => tx.insert(cases).values(row).returning()),

  /** The case, locked for the step about to be taken; undefined outside the caller's area. */
  lockForUpdate: (tx: Tx, caller: Caller, id: string) =>
    named('case.lockForUpdate', async () =>
      (await tx.select().from(cases).where(and(eq(cases.id, id), caseScope(caller))).for('update'))[0]),

  update: (tx: Tx, id: string, set: Partial<typeof cases.$inferInsert>) =>
    named('case.update', () => tx.update(cases).set({ ...set, version: sql`${cases.version} + 1`, updatedAt: new Date() }).where(eq(cases.id, id)).returning()),

  byIds: (db: Tx, caller: Caller, ids: readonly string[]) =>
    named('case.byIds', () => db.select().from(cases).where(and(inArray(cases.id, [...ids]), caseScope(caller)))),

  /** Open cases of a household (for "one open case of a kind at a time"). */
  openOf: (tx: Tx, householdId: string) =>
    named('case.openOf', () => tx.select().from(cases).where(and(eq(cases.householdId, householdId), isNull(cases.outcome)))),

  /** Serialises the opening of a village's cases of a kind until the transaction ends. */
  lockVillageCases: (tx: Tx, villageCode: string, kind: string) =>
    named('case.lockVillageCases', () => tx.execute(sql`select pg_advisory_xact_lock(hashtext(${`case:${villageCode}:${kind}`}))`)),

  openOfVillage: (tx: Tx, villageCode: string, kind: string) =>
    named('case.openOfVillage', () => tx.select().from(cases).where(and(eq(cases.villageCode, villageCode), eq(cases.kind, kind), isNull(cases.outcome)))),

  byHouseholds: (db: Tx, caller: Caller, ids: readonly string[]) =>
    named('case.byHouseholds', () => db.select().from(cases)
      .where(and(inArray(cases.householdId, [...ids]), caseScope(caller))).orderBy(asc(cases.createdAt))),

  waiting: (db: Tx, caller: Caller, w: Waiting[], today: string, after: string | undefined, limit: number) =>
    named('case.waiting', () => db.select().from(cases)
      .where(and(waitingWhere(caller, w, today), after ? gt(cases.id, after) : undefined)).orderBy(asc(cases.id)).limit(limit)),

  waitingCount: (db: Tx, caller: Caller, w: Waiting[], today: string) =>
    named('case.waitingCount', async () => (await db.select({ n: count() }).from(cases).where(waitingWhere(caller, w, today)))[0].n),

  insertStep: (tx: Tx, row: typeof caseSteps.$inferInsert) => named('case.insertStep', () => tx.insert(caseSteps).values(row).returning()),

  lastStep: (tx: Tx, caseId: string) =>
    named('case.lastStep', async () => (await tx.select().from(caseSteps).where(eq(caseSteps.caseId, caseId)).orderBy(desc(caseSteps.takenAt), desc(caseSteps.effectiveDate)).limit(1))[0]),

  stepsOf: (db: Tx, caller: Caller, caseIds: readonly string[]) =>
    named('case.stepsOf', () => db.select().from(caseSteps)
      .where(and(inArray(caseSteps.caseId, [...caseIds]), ofVisibleCase(db, caseSteps.caseId, caller))).orderBy(asc(caseSteps.takenAt))),

  insertDocuments: (tx: Tx, rows: (typeof caseDocuments.$inferInsert)[]) =>
    named('case.insertDocuments', () => (rows.length ? tx.insert(caseDocuments).values(rows).returning() : Promise.resolve([]))),

  documentsOf: (db: Tx, caller: Caller, caseIds: readonly string[]) =>
    named('case.documentsOf', () => db.select().from(caseDocuments)
      .where(and(inArray(caseDocuments.caseId, [...caseIds]), ofVisibleCase(db, caseDocuments.caseId, caller))).orderBy(asc(caseDocuments.addedAt))),

  insertPosting: (tx: Tx, row: typeof postings.$inferInsert) => named('case.insertPosting', () => tx.insert(postings).values(row).returning()),

  latestPosting: (tx: Tx, caseId: string) =>
    named('case.latestPosting', async () => (await tx.select().from(postings).where(eq(postings.caseId, caseId)).orderBy(desc(postings.createdAt)).limit(1))[0]),

  postingsOf: (db: Tx, caller: Caller, caseIds: readonly string[]) =>
    named('case.postingsOf', () => db.select().from(postings)
      .where(and(inArray(postings.caseId, [...caseIds]), ofVisibleCase(db, postings.caseId, caller))).orderBy(asc(postings.createdAt))),

  /** Postings open on a day in the villages under an area prefix. */
  openPostings: (db: Tx, caller: Caller, areaCode: string, today: string, after: string | undefined, limit: number) =>
    named('case.openPostings', () => db.select().from(postings)
      .where(and(scopedTo(postings.villageCode, caller, areaCode), lte(postings.startsOn, today), gt(postings.closesOn, today), after ? gt(postings.id, after) : undefined))
      .orderBy(asc(postings.id)).limit(limit)),

  openPostingsCount: (db: Tx, caller: Caller, areaCode: string, today: string) =>
    named('case.openPostingsCount', async () => (await db.select({ n: count() }).from(postings)
      .where(and(scopedTo(postings.villageCode, caller, areaCode), lte(postings.startsOn, today), gt(postings.closesOn, today))))[0].n),

  insertObjection: (tx: Tx, row: typeof objections.$inferInsert) => named('case.insertObjection', () => tx.insert(objections).values(row).returning()),

  lockObjection: (tx: Tx, caller: Caller, id: string) =>
    named('case.lockObjection', async () =>
      (await tx.select().from(objections).where(and(eq(objections.id, id), ofVisibleCase(tx, objections.caseId, caller))).for('update'))[0]),

  resolveObjection: (tx: Tx, id: string, set: Partial<typeof objections.$inferInsert>) =>
    named('case.resolveObjection', () => tx.update(objections).set(set).where(eq(objections.id, id)).returning()),

  unresolvedCount: (tx: Tx, caseId: string) =>
    named('case.unresolvedCount', async () => (await tx.select({ n: count() }).from(objections).where(and(eq(objections.caseId, caseId), isNull(objections.resolution))))[0].n),

  objectionsOf: (db: Tx, caller: Caller, postingIds: readonly string[]) =>
    named('case.objectionsOf', () => db.select().from(objections)
      .where(and(inArray(objections.postingId, [...postingIds]), ofVisibleCase(db, objections.caseId, caller))).orderBy(asc(objections.raisedOn))),
};
