/**
 * SQL for households and their yearly records. Every read is scoped to the
 * caller's area in the query itself, and personal columns are replaced by NULL in
 * the SELECT for roles that may not see them: such data never leaves the database.
 */
import { and, arrayContains, asc, count, desc, eq, getTableColumns, gt, gte, inArray, like, lte, or, sql, type AnyColumn, type SQL } from 'drizzle-orm';
import type { Caller } from '../../auth/caller.js';
import { canSeePersonalData } from '../../auth/caller.js';
import { householdScoped, keyRange, raw, scopedKeyRange } from '../../auth/scope.js';
import { columnAs, Params, selectRows } from '../../db/raw.js';
import type { Tx } from '../../db/client.js';
import { householdYears, households, statHouseholds } from '../../db/schema/index.js';
import { statLevel } from '../../db/stat-level.js';
import { named } from '../../db/stats.js';
import { memberStore, type MemberRow } from '../member/member.store.js';

export type HouseholdInsert = typeof households.$inferInsert;
export type YearRow = typeof householdYears.$inferSelect;

export interface HouseholdFilter {
  areaCode?: string;
  status?: string[];
  stage?: string[];
  attribute?: string[];
  cause?: string;
  mainCause?: string;
  year?: number;
  perCapitaIncomeMin?: number;
  perCapitaIncomeMax?: number;
}

const hidden = sql<string | null>`null`;

/** The household columns a caller may read: personal ones are NULL for roles that may not see them. */
export function householdColumnsFor(caller: Caller) {
  const see = canSeePersonalData(caller);
  const { phone, bankName, bankAccount, ...rest } = getTableColumns(households);
  return { ...rest, phone: see ? phone : hidden, bankName: see ? bankName : hidden, bankAccount: see ? bankAccount : hidden };
}
type HouseholdColumn = keyof ReturnType<typeof householdColumnsFor>;
/** Read with every narrow page: the keys, the cursor, the village and the causes. */
const ALWAYS: readonly HouseholdColumn[] = ['id', 'number', 'villageCode', 'mainCause', 'otherCauses'];
const PLAIN: readonly HouseholdColumn[] = [
  'identificationStandard', 'attribute', 'status', 'stage', 'militaryFamily', 'oneChildFamily', 'twoDaughterFamily', 'plannedExitYear',
  'firstIdentifiedDate', 'exitYear', 'exitPolicyEndsOn', 'phone', 'bankName', 'bankAccount', 'memberCount', 'version', 'createdAt', 'updatedAt',
];
/** The row columns each Household field needs beyond ALWAYS; a field not listed (another module's resolver) needs the whole row. */
const FIELD_COLUMNS: Readonly<Record<string, readonly HouseholdColumn[]>> = {
  ...Object.fromEntries(PLAIN.map((c) => [c, [c]])),
  id: [], number: [], mainCause: [], otherCauses: [], causes: [], village: [], members: [], years: [], asOf: [], __typename: [],
  year: ['latestYear', 'latestPerCapitaNetIncome'],
};

/** The columns a page must read for these selected Household fields; undefined: all of them. */
export function householdColumnsForFields(fields: Iterable<string>): HouseholdColumn[] | undefined {
  const cols = new Set(ALWAYS);
  for (const f of fields) {
    const need = FIELD_COLUMNS[f];
    if (!need) return undefined;
    for (const c of need) cols.add(c);
  }
  return [...cols];
}

export type HouseholdRow = Omit<typeof households.$inferSelect, 'phone' | 'bankName' | 'bankAccount'> & {
  phone: string | null;
  bankName: string | null;
  bankAccount: string | null;
};

function pick<T extends object>(all: T, keys: readonly (keyof T)[] | undefined): T {
  if (!keys) return all;
  const out = {} as T;
  for (const k of keys) out[k] = all[k];
  return out;
}

function incomeRange(col: typeof households.latestPerCapitaNetIncome, f: HouseholdFilter) {
  return and(
    f.perCapitaIncomeMin !== undefined ? gte(col, f.perCapitaIncomeMin) : undefined,
    f.perCapitaIncomeMax !== undefined ? lte(col, f.perCapitaIncomeMax) : undefined,
  );
}

function where(caller: Caller, f: HouseholdFilter): SQL {
  const yearCond =
    f.year !== undefined
      ? sql`exists (select 1 from ${householdYears} y where y.household_id = ${households.id} and y.year = ${f.year} ${
          f.perCapitaIncomeMin !== undefined ? sql`and y.per_capita_net_income >= ${f.perCapitaIncomeMin}` : sql``
        } ${f.perCapitaIncomeMax !== undefined ? sql`and y.per_capita_net_income <= ${f.perCapitaIncomeMax}` : sql``})`
      : incomeRange(households.latestPerCapitaNetIncome, f);
  return and(
    scopedKeyRange(households.number, caller, f.areaCode, households.id),
    f.status?.length ? inArray(households.status, f.status) : undefined,
    f.stage?.length ? inArray(households.stage, f.stage) : undefined,
    f.attribute?.length ? inArray(households.attribute, f.attribute) : undefined,
    f.mainCause ? eq(households.mainCause, f.mainCause) : undefined,
    f.cause ? or(eq(households.mainCause, f.cause), arrayContains(households.otherCauses, [f.cause])) : undefined,
    yearCond,
  )!;
}

/**
 * The SELECT list of a household read for these columns (all when undefined), personal
 * columns NULL for roles that may not see them — householdColumnsFor, as raw SQL (db/raw.ts).
 */
const selectLists = new Map<string, string>();
function householdSelect(caller: Caller, columns: readonly HouseholdColumn[] | undefined): string {
  const see = canSeePersonalData(caller);
  const key = `${see}:${columns?.join(',') ?? '*'}`;
  let list = selectLists.get(key);
  if (list === undefined) {
    const table = getTableColumns(households) as Record<string, AnyColumn>;
    const keys = columns ?? (Object.keys(householdColumnsFor(caller)) as HouseholdColumn[]);
    list = keys.map((k) => (!see && MASKED.has(k) ? `null as "${k}"` : columnAs(table[k], k))).join(', ');
    selectLists.set(key, list);
  }
  return list;
}
/** Household columns read as NULL by roles without the right to personal data. */
export const MASKED: ReadonlySet<string> = new Set(['phone', 'bankName', 'bankAccount']);

/** What a page may read with its rows (household.service.ts primes the loader with it). */
export interface PageIncludes {
  /** The members, with these columns (undefined: all), as the members loader of those columns would read them. */
  members?: { fields?: readonly string[] };
}
export const INCLUDED_MEMBERS = '__members';
export type Included = { [INCLUDED_MEMBERS]?: MemberRow[] };

/** Whether a page's filter is one the raw statement covers: by area (and cursor) only. */
const areaOnly = (f: HouseholdFilter) =>
  !f.status?.length && !f.stage?.length && !f.attribute?.length && !f.cause && !f.mainCause
  && f.year === undefined && f.perCapitaIncomeMin === undefined && f.perCapitaIncomeMax === undefined;

/** Whether a filter narrows by area only (then `count` reads stat_households). */
function byAreaOnly(caller: Caller, f: HouseholdFilter): boolean {
  return !caller.cadreId && (f.areaCode?.length ?? 0) <= 12 && !f.status?.length && !f.stage?.length && !f.attribute?.length && !f.cause && !f.mainCause
    && f.year === undefined && f.perCapitaIncomeMin === undefined && f.perCapitaIncomeMax === undefined;
}

export const householdStore = {
  /** A page in number order; with `columns` (from householdColumnsForFields) only those are read, the others are absent. */
  page: (db: Tx, caller: Caller, f: HouseholdFilter, after: string | undefined, limit: number, columns?: readonly HouseholdColumn[], include: PageIncludes = {}) =>
    areaOnly(f)
      ? named('household.page', () => {
          // The common page (an area, a cursor) as one prepared statement: the same scope and order as below,
          // with the rows' members as a json column when the service asks for them.
          const p = new Params();
          const extra = [
            include.members ? `, ${memberStore.membersJson(caller, p, 'households.id', include.members.fields)} as "${INCLUDED_MEMBERS}"` : '',
          ].join('');
          const scope = raw.scopedKeyRange('number', caller, p, f.areaCode, 'id');
          const cursor = after ? ` and number > ${p.add(after)}` : '';
          return selectRows<HouseholdRow & Included>(db, `select ${householdSelect(caller, columns)}${extra} from households where ${scope}${cursor} order by number limit ${p.add(limit)}`, p.values);
        })
      : named('household.page', () =>
      db.select(pick(householdColumnsFor(caller), columns)).from(households)
        .where(and(where(caller, f), after ? gt(households.number, after) : undefined))
        .orderBy(asc(households.number)).limit(limit) as Promise<HouseholdRow[]>,
    ),

  /**
   * How many households match. By area alone (no other filter, a caller scoped by area codes only)
   * it is the sum of the statistics aggregate's rows in range (stat_households, kept in every
   * write's transaction; the townships' roll-up where the scope allows) — the same scope predicate
   * on the area code, no household read; with any other filter, or a cadre's pairings, it counts rows.
   */
  count: (db: Tx, caller: Caller, f: HouseholdFilter) =>
    byAreaOnly(caller, f)
      ? named('household.countFromStatistics', async () =>
          (await db.select({ n: sql<number>`coalesce(sum(${statHouseholds.households}), 0)::int` }).from(statHouseholds)
            .where(and(sql`${statHouseholds.level} = ${statLevel(caller, f.areaCode?.length ?? 0)}`, scopedKeyRange(statHouseholds.villageCode, caller, f.areaCode))))[0].n)
      : named('household.count', async () => (await db.select({ n: count() }).from(households).where(where(caller, f)))[0].n),

  /** By ID (all columns), with the members as a json column when `include.members` is given (as for `page`). */
  byIds: (db: Tx, caller: Caller, ids: readonly string[], include: PageIncludes = {}) =>
    named('household.byIds', () => {
      const p = new Params();
      const extra = include.members ? `, ${memberStore.membersJson(caller, p, 'households.id', include.members.fields)} as "${INCLUDED_MEMBERS}"` : '';
      const scope = raw.householdScoped('village_code', 'id', caller, p);
      return selectRows<HouseholdRow & Included>(db, `select ${householdSelect(caller, undefined)}${extra} from households where ${scope} and id = any(${p.add(ids)}::uuid[])`, p.values);
    }),

  byNumbers: (db: Tx, caller: Caller, numbers: readonly string[]) =>
    named('household.byNumbers', () =>
      db.select(householdColumnsFor(caller)).from(households).where(and(householdScoped(households.villageCode, households.id, caller), inArray(households.number, [...numbers]))) as Promise<HouseholdRow[]>,
    ),

  /** Locks the household row for a correction (scoped, full columns: only writers reach this). */
  lockForUpdate: (db: Tx, caller: Caller, id: string) =>
    named('household.lockForUpdate', async () =>
      (await db.select().from(households).where(and(householdScoped(households.villageCode, households.id, caller), eq(households.id, id))).for('update'))[0],
    ),

  /**
   * The highest 户编号 in a village, under an advisory lock held to the end of the
   * transaction so that two registrations in one village are numbered in turn.
   */
  lastNumber: (db: Tx, villageCode: string) =>
    named('household.lastNumber', async () => {
      await db.execute(sql`select pg_advisory_xact_lock(hashtext(${'household-number:' + villageCode}))`);
      const [last] = await db.select({ number: households.number }).from(households)
        .where(keyRange(households.number, villageCode)).orderBy(desc(households.number)).limit(1);
      return last?.number ?? null;
    }),

  insert: (db: Tx, row: HouseholdInsert) => named('household.insert', () => db.insert(households).values(row).returning()),

  update: (db: Tx, id: string, set: Partial<HouseholdInsert>) =>
    named('household.update', () =>
      db.update(households).set({ ...set, version: sql`${households.version} + 1`, updatedAt: new Date() }).where(eq(households.id, id)).returning(),
    ),

  yearsOf: (db: Tx, caller: Caller, ids: readonly string[]) =>
    named('household.yearsOf', () =>
      db.select().from(householdYears)
        .where(and(householdScoped(householdYears.villageCode, householdYears.householdId, caller), inArray(householdYears.householdId, [...ids])))
        .orderBy(asc(householdYears.householdId), asc(householdYears.year)),
    ),

  /** The latest yearly record of each household (one index range per key on the primary key, newest first). */
  latestYearsOf: (db: Tx, caller: Caller, ids: readonly string[]) =>
    named('household.latestYearsOf', () =>
      db.selectDistinctOn([householdYears.householdId]).from(householdYears)
        .where(and(householdScoped(householdYears.villageCode, householdYears.householdId, caller), inArray(householdYears.householdId, [...ids])))
        .orderBy(asc(householdYears.householdId), desc(householdYears.year)),
    ),

  insertYear: (db: Tx, row: typeof householdYears.$inferInsert) =>
    named('household.insertYear', () => db.insert(householdYears).values(row).onConflictDoNothing().returning()),
};
