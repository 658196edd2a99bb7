/**
 * SQL of social participation. Every statement is named (db/stats.ts). Needs and pledges
 * are scoped for officials and cadres by their own village code (auth/scope.ts
 * householdScoped: a cadre also reaches the needs of the households paired with them);
 * donors read only PUBLISHED needs and the pledges whose donor_id is theirs, as a
 * predicate of the same statement.
 *
 * A pledge counts against its need while it is DELIVERED or CONFIRMED, or PLEDGED and not
 * past its delivery date: expiry is computed at read time (ACTIVE below), never swept, so
 * the amount of an undelivered pledge reopens the day after its date on every replica.
 */
import { and, eq, inArray, sql, type SQL } from 'drizzle-orm';
import type { Caller } from '../../auth/caller.js';
import { householdScoped } from '../../auth/scope.js';
import type { Tx } from '../../db/client.js';
import { changeEvents, donors, households, measures, members, needs, pledges, projectLinks, villages } from '../../db/schema/index.js';
import { named } from '../../db/stats.js';
import { finished, type FeedPosition } from '../change/change.store.js';

export type DonorRow = typeof donors.$inferSelect;
export type PledgeRow = typeof pledges.$inferSelect;

/** Whether a pledge row (alias p) still counts against its need. */
const ACTIVE_TEXT = `(p.status in ('DELIVERED', 'CONFIRMED') or (p.status = 'PLEDGED' and p.deliver_by >= current_date))`;
const ACTIVE = sql.raw(ACTIVE_TEXT);

/** A need with its totals, area names and what a published view shows of its household. */
export interface NeedRow {
  id: string;
  reference: string;
  householdId: string | null;
  villageCode: string;
  category: string;
  target: number;
  items: string | null;
  deadline: string;
  description: string;
  status: string;
  closedReason: string | null;
  publishedAt: Date | null;
  createdAt: Date;
  version: number;
  committed: number;
  delivered: number;
  confirmed: number;
  /** Pledges still standing. */
  standing: number;
  villageName: string | null;
  townshipName: string | null;
  countyName: string | null;
  householdSize: number | null;
  householdCauses: string[] | null;
}

const NEED_SELECT = sql.raw(`select n.id, n.reference, n.household_id, n.village_code, n.category, n.target, n.items, n.deadline::text as deadline,
  n.description, n.status, n.closed_reason, n.published_at, n.created_at, n.version,
  t.committed, t.delivered, t.confirmed, t.standing,
  v.name as village_name, tw.name as township_name, c.name as county_name,
  h.member_count as household_size, case when h.id is null then null else array_prepend(h.main_cause, h.other_causes) end as household_causes
  from needs n
  left join lateral (select coalesce(sum(p.size) filter (where ${ACTIVE_TEXT}), 0) as committed,
    coalesce(sum(p.delivered_size) filter (where p.status in ('DELIVERED', 'CONFIRMED')), 0) as delivered,
    coalesce(sum(p.delivered_size) filter (where p.status = 'CONFIRMED'), 0) as confirmed,
    count(*) filter (where ${ACTIVE_TEXT}) as standing
    from pledges p where p.need_id = n.id) t on true
  left join areas v on v.code = n.village_code
  left join areas tw on tw.code = left(n.village_code, 9)
  left join areas c on c.code = left(n.village_code, 6)
  left join households h on h.id = n.household_id`);

const num = (v: unknown) => (v == null ? 0 : Number(v));
function toNeedRow(r: Record<string, unknown>): NeedRow {
  return {
    id: r.id as string, reference: r.reference as string, householdId: (r.household_id as string | null) ?? null, villageCode: r.village_code as string,
    category: r.category as string, target: Number(r.target), items: (r.items as string | null) ?? null, deadline: r.deadline as string,
    description: r.description as string, status: r.status as string, closedReason: (r.closed_reason as string | null) ?? null,
    publishedAt: r.published_at ? new Date(r.published_at as string) : null, createdAt: new Date(r.created_at as string), version: Number(r.version),
    committed: num(r.committed), delivered: num(r.delivered), confirmed: num(r.confirmed), standing: num(r.standing),
    villageName: (r.village_name as string | null) ?? null, townshipName: (r.township_name as string | null) ?? null, countyName: (r.county_name as string | null) ?? null,
    householdSize: r.household_size == null ? null : Number(r.household_size), householdCauses: (r.household_causes as string[] | null) ?? null,
  };
}

async function rows(db: Tx, q: SQL): Promise<Record<string, unknown>[]> {
  // Both drivers (pg and PGlite) answer `execute` with `{ rows }`.
  return ((await db.execute(q)) as unknown as { rows: Record<string, unknown>[] }).rows;
}

/** The scope of a need row (alias n) for an official or cadre. */
const needScope = (caller: Caller) => householdScoped(sql.raw('n.village_code') as never, sql.raw('n.household_id') as never, caller);

export interface PublishedFilter {
  areaCode?: string;
  categories?: string[];
  minOpenAmount?: number;
  maxOpenAmount?: number;
  deadlineBefore?: string;
  dueWithinDays?: number;
  includeFullyPledged?: boolean;
}

function publishedWhere(f: PublishedFilter): SQL {
  const parts: SQL[] = [sql`n.status = 'PUBLISHED'`, sql`n.deadline >= current_date`];
  if (f.areaCode) parts.push(sql`n.village_code like ${`${f.areaCode}%`}`);
  if (f.categories?.length) parts.push(sql`n.category = any(${`{${f.categories.join(',')}}`}::text[])`);
  if (!f.includeFullyPledged) parts.push(sql`t.committed < n.target`);
  if (f.minOpenAmount != null) parts.push(sql`n.items is null and n.target - t.committed >= ${f.minOpenAmount}`);
  if (f.maxOpenAmount != null) parts.push(sql`n.items is null and n.target - t.committed <= ${f.maxOpenAmount}`);
  if (f.deadlineBefore) parts.push(sql`n.deadline <= ${f.deadlineBefore}::date`);
  if (f.dueWithinDays != null) parts.push(sql`n.deadline <= current_date + ${f.dueWithinDays}::int`);
  return sql.join(parts, sql` and `);
}

export const donationStore = {
  // ---- donors
  insertDonor: (db: Tx, row: typeof donors.$inferInsert) => named('donor.insert', () => db.insert(donors).values(row).returning()),
  donorBySubject: (db: Tx, subject: string) => named('donor.bySubject', async () => (await db.select().from(donors).where(eq(donors.subject, subject)))[0]),
  donorsByIds: (db: Tx, ids: readonly string[]) => named('donor.byIds', () => db.select().from(donors).where(inArray(donors.id, [...ids]))),
  donorPage: (db: Tx, after: string | undefined, limit: number) =>
    named('donor.page', () => db.select().from(donors).where(after ? sql`${donors.id} > ${after}` : undefined).orderBy(donors.id).limit(limit)),
  donorCount: (db: Tx) => named('donor.count', async () => Number((await rows(db, sql`select count(*) as n from donors`))[0].n)),
  updateInterests: (db: Tx, id: string, v: Pick<DonorRow, 'interestCategories' | 'interestAreas' | 'interestMinAmount' | 'interestMaxAmount'>) =>
    named('donor.updateInterests', () => db.update(donors).set(v).where(eq(donors.id, id)).returning()),

  // ---- what a need is drafted for
  /** A registered household in the caller's scope, with its members' names (for the description check). */
  householdForNeed: (db: Tx, caller: Caller, id: string) =>
    named('need.household', async () => {
      const r = await rows(db, sql`select ${households.id} as id, ${households.villageCode} as village_code, ${households.stage} as stage,
        array(select ${members.name} from ${members} where ${members.householdId} = ${households.id}) as names
        from ${households} where ${households.id} = ${id} and ${householdScoped(households.villageCode, households.id, caller)}`);
      return r[0] as { id: string; village_code: string; stage: string; names: string[] } | undefined;
    }),
  villageStatus: (db: Tx, code: string) =>
    named('need.village', async () => (await db.select({ status: villages.povertyStatus }).from(villages).where(eq(villages.code, code)))[0]?.status ?? null),

  insertNeed: (db: Tx, row: typeof needs.$inferInsert) => named('need.insert', () => db.insert(needs).values(row).returning()),

  // ---- needs as officials and cadres read them
  needsByIds: (db: Tx, caller: Caller, ids: readonly string[]) =>
    named('need.byIds', async () => (await rows(db, sql`${NEED_SELECT} where n.id = any(${`{${ids.join(',')}}`}::uuid[]) and ${needScope(caller)}`)).map(toNeedRow)),
  /** Needs named by rows the caller already reached (a donor's own pledges). */
  relatedNeeds: (db: Tx, ids: readonly string[]) =>
    named('need.related', async () => (await rows(db, sql`${NEED_SELECT} where n.id = any(${`{${ids.join(',')}}`}::uuid[])`)).map(toNeedRow)),
  /** Locks the need row for a state change or a pledge; the caller's scope applies (donors pass none: published only). */
  lockNeed: (db: Tx, by: { id: string } | { reference: string }) =>
    named('need.lock', async () => (await rows(db, sql`select id, status, village_code, household_id, category, target, items, deadline::text as deadline, reference from needs
      where ${'id' in by ? sql`id = ${by.id}` : sql`reference = ${by.reference}`} for update`))[0] as
      | { id: string; status: string; village_code: string; household_id: string | null; category: string; target: string; items: string | null; deadline: string; reference: string }
      | undefined),
  /**
   * Locks the need of a pledge, before the pledge itself: every write that touches a need and
   * its pledges locks the need first (pledge, cancel, delivery, receipt), so two never deadlock.
   */
  lockNeedOfPledge: (db: Tx, pledgeId: string) =>
    named('need.lockOfPledge', async () => (await rows(db, sql`select id, items, reference from needs where id = (select need_id from pledges where id = ${pledgeId}) for update`))[0] as
      | { id: string; items: string | null; reference: string }
      | undefined),
  committedOf: (db: Tx, needId: string) =>
    named('need.committed', async () => Number((await rows(db, sql`select coalesce(sum(p.size) filter (where ${ACTIVE}), 0) as c from pledges p where p.need_id = ${needId}`))[0].c)),
  setNeedStatus: (db: Tx, id: string, v: { status: string; closedReason?: string | null; checkedBy?: string; reviewedBy?: string; publishedAt?: Date }) =>
    named('need.setStatus', () => db.update(needs).set({ ...v, version: sql`${needs.version} + 1`, updatedAt: new Date() }).where(eq(needs.id, id)).returning()),
  needPage: (db: Tx, caller: Caller, f: { areaCode?: string; status?: string; category?: string }, after: string | undefined, limit: number) =>
    named('need.page', async () => (await rows(db, sql`${NEED_SELECT} where ${needScope(caller)}
      ${f.areaCode ? sql`and n.village_code like ${`${f.areaCode}%`}` : sql``} ${f.status ? sql`and n.status = ${f.status}` : sql``} ${f.category ? sql`and n.category = ${f.category}` : sql``}
      ${after ? sql`and n.id > ${after}` : sql``} order by n.id limit ${limit}`)).map(toNeedRow)),
  needCount: (db: Tx, caller: Caller, f: { areaCode?: string; status?: string; category?: string }) =>
    named('need.count', async () => Number((await rows(db, sql`select count(*) as n from needs n where ${needScope(caller)}
      ${f.areaCode ? sql`and n.village_code like ${`${f.areaCode}%`}` : sql``} ${f.status ? sql`and n.status = ${f.status}` : sql``} ${f.category ? sql`and n.category = ${f.category}` : sql``}`))[0].n)),

  // ---- published needs (every token may read them; nothing personal is selected into the view)
  publishedByReference: (db: Tx, reference: string) =>
    named('published.byReference', async () => (await rows(db, sql`${NEED_SELECT} where n.reference = ${reference} and n.status = 'PUBLISHED'`)).map(toNeedRow)[0]),
  publishedByReferences: (db: Tx, refs: readonly string[]) =>
    named('published.byReferences', async () => (await rows(db, sql`${NEED_SELECT} where n.reference = any(${`{${refs.join(',')}}`}::text[]) and n.status = 'PUBLISHED'`)).map(toNeedRow)),
  publishedPage: (db: Tx, f: PublishedFilter, after: { deadline: string; id: string } | undefined, limit: number) =>
    named('published.page', async () => (await rows(db, sql`${NEED_SELECT} where ${publishedWhere(f)}
      ${after ? sql`and (n.deadline, n.id) > (${after.deadline}::date, ${after.id}::uuid)` : sql``} order by n.deadline, n.id limit ${limit}`)).map(toNeedRow)),
  publishedCount: (db: Tx, f: PublishedFilter) =>
    named('published.count', async () => Number((await rows(db, sql`select count(*) as n from needs n
      left join lateral (select coalesce(sum(p.size) filter (where ${ACTIVE}), 0) as committed from pledges p where p.need_id = n.id) t on true where ${publishedWhere(f)}`))[0].n)),
  /**
   * The feed's `need.published` events after `after`, in feed order `(tx_id, id)` and
   * gap-free like the change feed (change.store.ts): what the `matchingNeeds` subscription
   * and donor webhooks read, national (a donor is not area-bound), by the partial index
   * change_events_need_published_idx; `bound`, the webhook round's horizon. Only the need's
   * reference is read from the event.
   */
  publishedEvents: (db: Tx, after: FeedPosition, limit: number, bound?: number) =>
    named('published.events', () =>
      db.select({ id: changeEvents.id, txId: changeEvents.txId, reference: sql<string>`${changeEvents.payload}->'after'->>'reference'` }).from(changeEvents)
        .where(and(
          eq(changeEvents.type, 'need.published'), finished(),
          bound === undefined ? undefined : sql`${changeEvents.txId} < ${bound}::bigint`,
          sql`(${changeEvents.txId}, ${changeEvents.id}) > (${after.txId}::bigint, ${after.id}::bigint)`,
        ))
        .orderBy(changeEvents.txId, changeEvents.id).limit(limit)),
  /** Candidates for a donor's recommendations: open published needs, soonest first, at most `limit`. */
  candidates: (db: Tx, limit: number) =>
    named('published.candidates', async () => (await rows(db, sql`${NEED_SELECT} where ${publishedWhere({})} order by n.deadline, n.id limit ${limit}`)).map(toNeedRow)),
  /** What a donor gave before: categories and counties of its pledges that did not expire or get cancelled. */
  givingOf: (db: Tx, donorId: string) =>
    named('donor.giving', async () => (await rows(db, sql`select n.category, left(n.village_code, 6) as county, count(*) as n from pledges p join needs n on n.id = p.need_id
      where p.donor_id = ${donorId} and p.status <> 'CANCELLED' group by 1, 2`)).map((r) => ({ category: r.category as string, county: r.county as string, n: Number(r.n) }))),

  // ---- pledges
  insertPledge: (db: Tx, row: typeof pledges.$inferInsert) => named('pledge.insert', () => db.insert(pledges).values(row).returning()),
  /** A pledge for a write, locked: a donor's own (donorId), or one in an official's or cadre's scope. */
  lockPledge: (db: Tx, id: string, who: { donorId: string } | { caller: Caller }) =>
    named('pledge.lock', async () => {
      const scope = 'donorId' in who ? eq(pledges.donorId, who.donorId) : householdScoped(pledges.villageCode, sql`(select household_id from needs where needs.id = ${pledges.needId})` as never, who.caller);
      return (await db.select().from(pledges).where(and(eq(pledges.id, id), scope)).for('update'))[0];
    }),
  updatePledge: (db: Tx, id: string, v: Partial<typeof pledges.$inferInsert>) =>
    named('pledge.update', () => db.update(pledges).set({ ...v, updatedAt: new Date() }).where(eq(pledges.id, id)).returning()),
  cancelOpenPledges: (db: Tx, needId: string) =>
    named('pledge.cancelOpen', () => db.update(pledges).set({ status: 'CANCELLED', updatedAt: new Date() }).where(and(eq(pledges.needId, needId), eq(pledges.status, 'PLEDGED'))).returning({ id: pledges.id })),
  pledgesOfDonor: (db: Tx, donorId: string, ids: readonly string[]) =>
    named('pledge.ofDonor', () => db.select().from(pledges).where(and(eq(pledges.donorId, donorId), inArray(pledges.id, [...ids])))),
  /** A page of a donor's pledges, oldest first (keyset on created_at, id: pledges_donor_idx). */
  donorPledgePage: (db: Tx, donorId: string, after: { at: string; id: string } | undefined, limit: number) =>
    named('pledge.donorPage', () => db.select().from(pledges)
      .where(and(eq(pledges.donorId, donorId), after ? sql`(${pledges.createdAt}, ${pledges.id}) > (${after.at}::timestamptz, ${after.id}::uuid)` : undefined))
      .orderBy(pledges.createdAt, pledges.id).limit(limit)),
  donorPledgeCount: (db: Tx, donorId: string) =>
    named('pledge.donorCount', async () => Number((await rows(db, sql`select count(*) as n from pledges where donor_id = ${donorId}`))[0].n)),
  pledgesInScope: (db: Tx, caller: Caller, ids: readonly string[]) =>
    named('pledge.byIds', () => db.select().from(pledges).where(and(inArray(pledges.id, [...ids]), householdScoped(pledges.villageCode, sql`(select household_id from needs where needs.id = ${pledges.needId})` as never, caller)))),
  /** The pledges of needs the caller already reached. */
  pledgesOfNeeds: (db: Tx, needIds: readonly string[]) =>
    named('pledge.ofNeeds', () => db.select().from(pledges).where(inArray(pledges.needId, [...needIds])).orderBy(pledges.createdAt, pledges.id)),

  // ---- the reviewer's warnings: what else funds the same household in the same category
  projectLinksOf: (db: Tx, householdIds: readonly string[]) =>
    named('need.warnProjects', () => db.select({ id: projectLinks.id, householdId: projectLinks.householdId, sector: projectLinks.sector, amount: projectLinks.amount, benefitDate: projectLinks.benefitDate })
      .from(projectLinks).where(and(inArray(projectLinks.householdId, [...householdIds]), sql`${projectLinks.unlinkedAt} is null`))),
  measuresOf: (db: Tx, householdIds: readonly string[]) =>
    named('need.warnMeasures', () => db.select({ id: measures.id, householdId: measures.householdId, kind: measures.kind, title: measures.title, plannedAmount: measures.plannedAmount, year: measures.year })
      .from(measures).where(and(inArray(measures.householdId, [...householdIds]), sql`${measures.status} <> 'cancelled'`))),
  pledgedNeedsOf: (db: Tx, householdIds: readonly string[]) =>
    named('need.warnPledges', async () => (await rows(db, sql`select n.id, n.household_id, n.category, n.reference, sum(p.size) as committed, n.items from needs n join pledges p on p.need_id = n.id
      where n.household_id = any(${`{${householdIds.join(',')}}`}::uuid[]) and ${ACTIVE} group by n.id`)).map((r) => ({ id: r.id as string, householdId: r.household_id as string, category: r.category as string, reference: r.reference as string, committed: Number(r.committed), items: r.items as string | null }))),

  // ---- ledgers
  /** Per category of a county: needs published (ever), of them matched (fully pledged), and the amounts in yuan. */
  countyLedger: (db: Tx, county: string) =>
    named('ledger.county', async () => (await rows(db, sql`select n.category, count(*) as needs, count(*) filter (where t.committed >= n.target) as matched,
      coalesce(sum(t.committed) filter (where n.items is null), 0) as pledged, coalesce(sum(t.delivered) filter (where n.items is null), 0) as delivered,
      coalesce(sum(t.confirmed) filter (where n.items is null), 0) as confirmed
      from needs n left join lateral (select coalesce(sum(p.size) filter (where ${ACTIVE}), 0) as committed,
        coalesce(sum(p.delivered_size) filter (where p.status in ('DELIVERED', 'CONFIRMED')), 0) as delivered,
        coalesce(sum(p.delivered_size) filter (where p.status = 'CONFIRMED'), 0) as confirmed from pledges p where p.need_id = n.id) t on true
      where n.village_code like ${`${county}%`} and (n.status = 'PUBLISHED' or (n.status = 'CANCELLED' and n.published_at is not null)) group by n.category order by n.category`))
      .map((r) => ({ category: r.category as string, needs: Number(r.needs), matched: Number(r.matched), pledged: num(r.pledged), delivered: num(r.delivered), confirmed: num(r.confirmed) }))),
  donorLedger: (db: Tx, donorId: string) =>
    named('ledger.donor', async () => {
      const [r] = await rows(db, sql`select coalesce(sum(p.size) filter (where ${ACTIVE} and n.items is null), 0) as pledged,
        coalesce(sum(p.delivered_size) filter (where p.status in ('DELIVERED', 'CONFIRMED') and n.items is null), 0) as delivered,
        coalesce(sum(p.delivered_size) filter (where p.status = 'CONFIRMED' and n.items is null), 0) as confirmed, count(*) filter (where ${ACTIVE}) as pledges
        from pledges p join needs n on n.id = p.need_id where p.donor_id = ${donorId}`);
      return { pledged: num(r.pledged), delivered: num(r.delivered), confirmed: num(r.confirmed), pledges: num(r.pledges) };
    }),
  areaName: (db: Tx, code: string) => named('area.name', async () => ((await rows(db, sql`select name from areas where code = ${code}`))[0]?.name as string | undefined) ?? null),
};
