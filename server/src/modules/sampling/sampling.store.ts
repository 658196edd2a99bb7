/**
 * SQL of spot-check sampling. The frame is the county's registered households in
 * household-number order (one range of the number index, scoped), each with whether it is
 * planned to exit in the year and whether a member can work (labour skill 01 or 02).
 */
import { and, asc, eq, gt, sql } from 'drizzle-orm';
import type { Caller } from '../../auth/caller.js';
import { scoped, scopedKeyRange } from '../../auth/scope.js';
import type { Tx } from '../../db/client.js';
import { households, spotCheckSampleItems, spotCheckSamples } from '../../db/schema/index.js';
import { named } from '../../db/stats.js';
import type { FrameHousehold } from './sample-rules.js';

export type SampleRow = typeof spotCheckSamples.$inferSelect;
export type ItemRow = typeof spotCheckSampleItems.$inferSelect & { number: string };

export const samplingStore = {
  frame: (db: Tx, caller: Caller, countyCode: string, year: number) =>
    named('sampling.frame', async (): Promise<FrameHousehold[]> => (await db.select({
      id: households.id, number: households.number, villageCode: households.villageCode,
      plannedExit: sql<boolean>`(${households.plannedExitYear} = ${year} and ${households.status} in ('0', '3'))`,
      hasLabour: sql<boolean>`exists (select 1 from members m where m.household_id = "households"."id" and m.labour_skill in ('01', '02'))`,
    }).from(households).where(and(scopedKeyRange(households.number, caller, countyCode), eq(households.stage, 'REGISTERED'))).orderBy(asc(households.number)))
      .map((r) => ({ ...r, plannedExit: Boolean(r.plannedExit), hasLabour: Boolean(r.hasLabour) }))),

  insertSample: (tx: Tx, row: typeof spotCheckSamples.$inferInsert) =>
    named('sampling.insertSample', async () => (await tx.insert(spotCheckSamples).values(row).returning())[0]),

  insertItems: async (tx: Tx, items: (typeof spotCheckSampleItems.$inferInsert)[]) => {
    for (let i = 0; i < items.length; i += 1000) await named('sampling.insertItems', () => tx.insert(spotCheckSampleItems).values(items.slice(i, i + 1000)));
  },

  sample: (db: Tx, caller: Caller, id: string) =>
    named('sampling.sample', async () => (await db.select().from(spotCheckSamples).where(and(eq(spotCheckSamples.id, id), scoped(spotCheckSamples.countyCode, caller)))).at(0)),

  counts: (db: Tx, id: string) =>
    named('sampling.counts', () => db.select({ purpose: spotCheckSampleItems.purpose, households: sql<number>`count(*)::int` }).from(spotCheckSampleItems)
      .where(eq(spotCheckSampleItems.sampleId, id)).groupBy(spotCheckSampleItems.purpose)),

  items: (db: Tx, id: string, after: number | undefined, limit: number) =>
    named('sampling.items', () => db.select({
      sampleId: spotCheckSampleItems.sampleId, ordinal: spotCheckSampleItems.ordinal, householdId: spotCheckSampleItems.householdId,
      villageCode: spotCheckSampleItems.villageCode, purpose: spotCheckSampleItems.purpose, number: households.number,
    }).from(spotCheckSampleItems).innerJoin(households, eq(households.id, spotCheckSampleItems.householdId))
      .where(and(eq(spotCheckSampleItems.sampleId, id), after !== undefined ? gt(spotCheckSampleItems.ordinal, after) : undefined))
      .orderBy(asc(spotCheckSampleItems.ordinal)).limit(limit)),
};
