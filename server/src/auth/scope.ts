/**
 * Area scope inside the query (DESIGN.md "Access"): one indexed prefix predicate on
 * the row's own area code, never a join chain and never a filter in JavaScript.
 */
import { and, gte, like, lt, or, sql, type AnyColumn, type SQL } from 'drizzle-orm';
import type { Caller } from './caller.js';

export function scoped(column: AnyColumn, caller: Caller): SQL {
  if (caller.areas.includes('')) return sql`true`;
  return or(...caller.areas.map((p) => like(column, `${p}%`)))!;
}

/** Scope narrowed by a requested area prefix (a filter), still inside the caller's scope. */
export function scopedTo(column: AnyColumn, caller: Caller, prefix: string | undefined): SQL {
  return prefix ? sql`(${scoped(column, caller)} and ${like(column, `${prefix}%`)})` : scoped(column, caller);
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
 */
export function scopedKeyRange(column: AnyColumn, caller: Caller, prefix?: string): SQL {
  const own = caller.areas.includes('') ? sql`true` : or(...caller.areas.map((p) => keyRange(column, p)))!;
  return prefix ? sql`(${own} and ${keyRange(column, prefix)})` : own;
}

/** Keys beginning with a digit prefix, as an index range. */
export function keyRange(column: AnyColumn, prefix: string): SQL {
  if (prefix === '') return sql`true`;
  const next = nextPrefix(prefix);
  return and(gte(column, prefix), next ? lt(column, next) : undefined)!;
}
