/**
 * Area scope inside the query (DESIGN.md "Access"): one indexed prefix predicate on
 * the row's own area code, never a join chain and never a filter in JavaScript.
 *
 * A registered cadre (Caller.cadreId) reaches, besides the villages of their current
 * work teams (`areas`), the households they are currently paired with 结对帮扶: rows
 * about households take `householdScoped`, which adds that pairing as a subquery on
 * the same statement. A caller with no areas reaches nothing by area.
 */
import { and, gte, like, lt, or, sql, type AnyColumn, type SQL } from 'drizzle-orm';
import type { Caller } from './caller.js';
import { pairings } from '../db/schema/assistance.js';
import type { Params } from '../db/raw.js';

export function scoped(column: AnyColumn, caller: Caller): SQL {
  if (caller.areas.includes('')) return sql`true`;
  if (caller.areas.length === 0) return sql`false`;
  return or(...caller.areas.map((p) => like(column, `${p}%`)))!;
}

/** Scope narrowed by a requested area prefix (a filter), still inside the caller's scope. */
export function scopedTo(column: AnyColumn, caller: Caller, prefix: string | undefined): SQL {
  return prefix ? sql`(${scoped(column, caller)} and ${like(column, `${prefix}%`)})` : scoped(column, caller);
}

/**
 * `column = any(<the households a registered cadre is currently paired with>)`. The list is
 * one array computed once per statement (an InitPlan on pairings_cadre_idx; the cast makes
 * `= any` take the array, not the subquery's rows), so PostgreSQL
 * ORs an index scan of the key with the area's range (BitmapOr). Measured on 100,000
 * households and 60,000 pairings: 0.5 ms for a cadre's page, where `id in (subquery)`
 * became a filter over the whole number index (43 ms, growing with the table).
 */
export const pairedHouseholds = (column: AnyColumn, cadreId: string): SQL =>
  sql`${column} = any((select array_agg(${pairings.householdId}) from ${pairings} where ${pairings.cadreId} = ${cadreId} and ${pairings.endedOn} is null)::uuid[])`;

/** `column = any(<the villages of those households>)`: a cadre may read the village of a household they serve. */
export const pairedVillages = (column: AnyColumn, cadreId: string): SQL =>
  sql`${column} = any((select array_agg(distinct ${pairings.villageCode}) from ${pairings} where ${pairings.cadreId} = ${cadreId} and ${pairings.endedOn} is null)::text[])`;

/**
 * Scope of a row about a household (the household, its members, years, pairings, visits…):
 * its village in the caller's areas, or — for a registered cadre — the household paired with them.
 */
export function householdScoped(villageColumn: AnyColumn, householdIdColumn: AnyColumn, caller: Caller, prefix?: string): SQL {
  const own = scopedTo(villageColumn, caller, prefix);
  if (!caller.cadreId) return own;
  const paired = pairedHouseholds(householdIdColumn, caller.cadreId);
  return sql`(${own} or (${paired}${prefix ? sql` and ${like(villageColumn, `${prefix}%`)}` : sql``}))`;
}

/** Scope of a row about a village (the village, its surveys, work teams): in the caller's areas, or a village of a cadre's paired household. */
export function villageScoped(column: AnyColumn, caller: Caller, prefix?: string): SQL {
  const own = scopedTo(column, caller, prefix);
  return caller.cadreId ? sql`(${own} or ${pairedVillages(column, caller.cadreId)})` : own;
}

/** The code after a digit prefix at the same length ("433124" → "433125"); undefined for all nines. */
function nextPrefix(p: string): string | undefined {
  if (/^9*$/.test(p)) return undefined;
  return (BigInt(p) + 1n).toString().padStart(p.length, '0');
}

/**
 * Scope as a range on a key that begins with the area code (the household number
 * 户编号 begins with its village code): `key >= p and key < next(p)`. The key's
 * ordinary btree index then serves both the scope and the order of a page.
 * With `householdId`, a registered cadre's paired households are added (see above).
 */
export function scopedKeyRange(column: AnyColumn, caller: Caller, prefix?: string, householdId?: AnyColumn): SQL {
  const areas = caller.areas.includes('') ? sql`true` : caller.areas.length === 0 ? sql`false` : or(...caller.areas.map((p) => keyRange(column, p)))!;
  const own = prefix ? sql`(${areas} and ${keyRange(column, prefix)})` : areas;
  if (!householdId || !caller.cadreId) return own;
  const paired = pairedHouseholds(householdId, caller.cadreId);
  return sql`(${own} or (${paired}${prefix ? sql` and ${keyRange(column, prefix)}` : sql``}))`;
}

/** Keys beginning with a digit prefix, as an index range. */
export function keyRange(column: AnyColumn, prefix: string): SQL {
  if (prefix === '') return sql`true`;
  const next = nextPrefix(prefix);
  return and(gte(column, prefix), next ? lt(column, next) : undefined)!;
}

/**
 * Rows whose own area overlaps the caller's (for units and cadres, which carry the area
 * they work in): the row's area inside the caller's, or the caller's inside the row's
 * (a unit helping a whole prefecture is seen by that prefecture's county officials).
 */
export function overlapping(column: AnyColumn, caller: Caller): SQL {
  if (caller.areas.includes('')) return sql`true`;
  if (caller.areas.length === 0) return sql`false`;
  return or(...caller.areas.map((p) => sql`(${like(column, `${p}%`)} or ${p} like ${column} || '%')`))!;
}

/*
 * The same predicates as SQL text for the hand-written hot reads (db/raw.ts): each mirrors
 * the drizzle function of the same name above, over quoted column references and the
 * statement's parameters, so a raw read is scoped exactly like its drizzle twin.
 */
export const raw = {
  scoped(column: string, caller: Caller, p: Params): string {
    if (caller.areas.includes('')) return 'true';
    if (caller.areas.length === 0) return 'false';
    return `(${caller.areas.map((a) => `${column} like ${p.add(`${a}%`)}`).join(' or ')})`;
  },

  scopedTo(column: string, caller: Caller, prefix: string | undefined, p: Params): string {
    const own = raw.scoped(column, caller, p);
    return prefix ? `(${own} and ${column} like ${p.add(`${prefix}%`)})` : own;
  },

  pairedHouseholds: (column: string, cadreId: string, p: Params) =>
    `${column} = any((select array_agg(household_id) from pairings where cadre_id = ${p.add(cadreId)} and ended_on is null)::uuid[])`,

  pairedVillages: (column: string, cadreId: string, p: Params) =>
    `${column} = any((select array_agg(distinct village_code) from pairings where cadre_id = ${p.add(cadreId)} and ended_on is null)::text[])`,

  householdScoped(villageColumn: string, householdIdColumn: string, caller: Caller, p: Params, prefix?: string): string {
    const own = raw.scopedTo(villageColumn, caller, prefix, p);
    if (!caller.cadreId) return own;
    const paired = raw.pairedHouseholds(householdIdColumn, caller.cadreId, p);
    return `(${own} or (${paired}${prefix ? ` and ${villageColumn} like ${p.add(`${prefix}%`)}` : ''}))`;
  },

  villageScoped(column: string, caller: Caller, p: Params, prefix?: string): string {
    const own = raw.scopedTo(column, caller, prefix, p);
    return caller.cadreId ? `(${own} or ${raw.pairedVillages(column, caller.cadreId, p)})` : own;
  },

  keyRange(column: string, prefix: string, p: Params): string {
    if (prefix === '') return 'true';
    const next = nextPrefix(prefix);
    return next ? `(${column} >= ${p.add(prefix)} and ${column} < ${p.add(next)})` : `${column} >= ${p.add(prefix)}`;
  },

  scopedKeyRange(column: string, caller: Caller, p: Params, prefix?: string, householdId?: string): string {
    const areas = caller.areas.includes('') ? 'true' : caller.areas.length === 0 ? 'false'
      : `(${caller.areas.map((a) => raw.keyRange(column, a, p)).join(' or ')})`;
    const own = prefix ? `(${areas} and ${raw.keyRange(column, prefix, p)})` : areas;
    if (!householdId || !caller.cadreId) return own;
    const paired = raw.pairedHouseholds(householdId, caller.cadreId, p);
    return `(${own} or (${paired}${prefix ? ` and ${raw.keyRange(column, prefix, p)}` : ''}))`;
  },
};
