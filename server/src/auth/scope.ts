/**
 * Area scope inside the query (DESIGN.md "Access"): one indexed prefix predicate on
 * the row's own area code, never a join chain and never a filter in JavaScript.
 */
import { like, or, sql, type AnyColumn, type SQL } from 'drizzle-orm';
import type { Caller } from './caller.js';

export function scoped(column: AnyColumn, caller: Caller): SQL {
  if (caller.areas.includes('')) return sql`true`;
  return or(...caller.areas.map((p) => like(column, `${p}%`)))!;
}

/** Scope narrowed by a requested area prefix (a filter), still inside the caller's scope. */
export function scopedTo(column: AnyColumn, caller: Caller, prefix: string | undefined): SQL {
  return prefix ? sql`(${scoped(column, caller)} and ${like(column, `${prefix}%`)})` : scoped(column, caller);
}
