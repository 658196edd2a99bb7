/**
 * DCI query → SQL over the household store (issue 17 item 2). Pure: returns a drizzle SQL
 * condition on `households` (and, for an ID-number lookup of members, on `members`), or a
 * reason the query cannot be answered — an unknown attribute, id type or operator, or a value
 * of the wrong form — which the service turns into an empty result with that status reason,
 * never a failure of the whole request. Scope is not added here: the store ANDs the caller's
 * area into the same statement (auth/scope.ts).
 *
 * - idtype-value `{type, value}`: HOUSEHOLD_NUMBER (户编号) exactly; ID_NUMBER / NID / UIN
 *   through the keyed hash of the resident ID (lib/id-hash.ts), never the number in clear.
 * - expression `{type, value: {expression: {collection, query}}}`: `$and`/`$or` (arrays),
 *   `$not`, and `{attr: {$eq|$ne|$lt|$lte|$gt|$gte|$in: v}}` or `{attr: v}` (= `$eq`);
 *   several keys in one object are ANDed.
 * - predicate `[{seq_num, expression1, condition, expression2}]`: items in seq_num order,
 *   ANDed; within an item `e1 and e2`, `e1 or e2`, `not e1` (no e2) or `e1 and not e2`.
 *   Operators gt lt eq ge le in; values are strings read by the attribute's kind.
 */
import { and, eq, gt, gte, inArray, lt, lte, ne, not, or, sql, type AnyColumn, type SQL } from 'drizzle-orm';
import { households, members } from '../../db/schema/index.js';
import { idHash } from '../../lib/id-hash.js';
import { parseIdNumber } from '../member/id-number.js';
import { ATTRIBUTES, KNOWN, NOT_SEARCHABLE, type Attribute } from './dci.attributes.js';

/** A refusal says whether it is about a person's ID number (a subscription answers that with rjct.person_id.invalid). */
export type Translated = { ok: true; where: SQL; member?: SQL } | { ok: false; code: 'rjct.search_criteria.invalid'; reason: string; personId: boolean };

class Refused extends Error {
  constructor(message: string, readonly personId = false) { super(message); }
}
const refuse = (reason: string, personId = false): never => { throw new Refused(reason, personId); };

const MAX_CONDITIONS = 50;
const MAX_DEPTH = 8;

const HOUSEHOLD_NUMBER = new Set(['household_number', 'hhn', 'group_id']);
const ID_NUMBER = new Set(['id_number', 'nid', 'uin', 'nationalid', 'resident_id']);

function attribute(name: unknown): Attribute {
  const n = String(name);
  if (NOT_SEARCHABLE[n]) refuse(NOT_SEARCHABLE[n]);
  const a = ATTRIBUTES[n];
  if (!a) refuse(`unknown attribute "${n.slice(0, 60)}": searchable Group attributes are ${KNOWN}`);
  return a!;
}

/** A value read by the attribute's kind (strings from predicates, JSON values from expressions). */
function value(a: Attribute, name: string, v: unknown): string | number {
  const s = typeof v === 'string' ? v.trim() : v;
  switch (a.kind) {
    case 'integer': {
      const n = typeof s === 'number' ? s : typeof s === 'string' && /^-?\d+$/.test(s) ? Number(s) : NaN;
      return Number.isSafeInteger(n) ? n : refuse(`${name} takes a whole number, not ${JSON.stringify(v)}`);
    }
    case 'number': {
      const n = typeof s === 'number' ? s : typeof s === 'string' && /^-?\d+(\.\d+)?$/.test(s) ? Number(s) : NaN;
      return Number.isFinite(n) ? n : refuse(`${name} takes a number, not ${JSON.stringify(v)}`);
    }
    case 'date':
      return typeof s === 'string' && /^\d{4}-\d{2}-\d{2}([T ][\d:.]+(Z|[+-]\d{2}:?\d{2})?)?$/.test(s) && !Number.isNaN(Date.parse(s))
        ? s : refuse(`${name} takes an ISO 8601 date or timestamp, not ${JSON.stringify(v)}`);
    case 'area':
      return typeof s === 'string' && /^(\d{2}|\d{4}|\d{6}|\d{9}|\d{12})$/.test(s) ? s : refuse(`${name} takes a 2, 4, 6, 9 or 12-digit statistical area code, not ${JSON.stringify(v)}`);
    case 'code':
      return typeof s === 'string' || typeof s === 'number' ? String(s).slice(0, 99) : refuse(`${name} takes a code (a string), not ${JSON.stringify(v)}`);
  }
}

const OPS: Record<string, string> = { $eq: 'eq', $ne: 'ne', $lt: 'lt', $lte: 'le', $gt: 'gt', $gte: 'ge', $in: 'in', eq: 'eq', lt: 'lt', gt: 'gt', ge: 'ge', le: 'le', in: 'in' };

/** One comparison `name op v` as SQL. */
export function comparison(name: string, op: string, v: unknown): SQL {
  const a = attribute(name);
  const o = OPS[op] ?? refuse(`unknown operator "${String(op).slice(0, 20)}" on ${name}: use $eq $ne $lt $lte $gt $gte $in (expression) or eq lt gt le ge in (predicate)`);
  if (o === 'in') {
    const list = Array.isArray(v) ? v : typeof v === 'string' ? v.split(',') : refuse(`${name} in takes a list (or a comma-separated string)`);
    if (list.length === 0 || list.length > 100) refuse(`${name} in takes 1–100 values`);
    const values = list.map((x) => value(a, name, x));
    return a.kind === 'area' ? or(...values.map((x) => prefix(a.column, String(x))))! : inArray(a.column, values);
  }
  const x = value(a, name, v);
  if (a.kind === 'area') {
    if (o === 'eq') return prefix(a.column, String(x));
    if (o === 'ne') return not(prefix(a.column, String(x)));
    refuse(`${name} is an area code: compare it with eq, ne or in (a code matches every area inside it)`);
  }
  if (a.kind === 'code' && o !== 'eq' && o !== 'ne') refuse(`${name} is a code: compare it with eq, ne or in`);
  const col = a.column;
  const fn = { eq, ne, lt, le: lte, gt, ge: gte }[o as 'eq'];
  return a.kind === 'date' ? fn(col, sql`${x}::timestamptz` as never) : fn(col, x as never);
}

const prefix = (col: AnyColumn, code: string) => sql`${col} like ${`${code}%`}`;

/** The expression query language (`$and`, `$or`, `$not`, `{attr: {$op: v}}`). */
export function expression(node: unknown, count = { n: 0 }, depth = 0): SQL {
  if (depth > MAX_DEPTH) refuse(`the expression nests deeper than ${MAX_DEPTH} levels`);
  if (!node || typeof node !== 'object' || Array.isArray(node)) refuse('an expression is an object such as {"$and": [{"group_size": {"$lt": 5}}]}');
  const parts = Object.entries(node as Record<string, unknown>).map(([k, v]): SQL => {
    if (k === '$and' || k === '$or') {
      if (!Array.isArray(v) || v.length === 0) refuse(`${k} takes a non-empty list of expressions`);
      const subs = (v as unknown[]).map((x) => expression(x, count, depth + 1));
      return (k === '$and' ? and(...subs) : or(...subs))!;
    }
    if (k === '$not') return not(expression(v, count, depth + 1));
    if (++count.n > MAX_CONDITIONS) refuse(`at most ${MAX_CONDITIONS} conditions in one query`);
    if (v && typeof v === 'object' && !Array.isArray(v)) {
      const ops = Object.entries(v as Record<string, unknown>);
      if (!ops.length) refuse(`${k} has no operator: write {"${k}": {"$eq": …}}`);
      return and(...ops.map(([op, x]) => comparison(k, op, x)))!;
    }
    return comparison(k, '$eq', v);
  });
  if (!parts.length) refuse('the expression is empty');
  return and(...parts)!;
}

interface PredicateItem { seq_num?: number; expression1: { attribute_name: string; operator: string; attribute_value: unknown }; condition?: 'and' | 'or' | 'not'; expression2?: PredicateItem['expression1'] }

export function predicate(items: PredicateItem[]): SQL {
  if (!items.length) refuse('the predicate list is empty');
  if (items.length > MAX_CONDITIONS) refuse(`at most ${MAX_CONDITIONS} predicates in one query`);
  const one = (e: PredicateItem['expression1']) => comparison(e.attribute_name, e.operator, e.attribute_value);
  const sorted = [...items].sort((a, b) => (a.seq_num ?? 0) - (b.seq_num ?? 0));
  return and(...sorted.map((it) => {
    const e1 = one(it.expression1);
    if (!it.expression2) {
      if (it.condition === 'not') return not(e1);
      if (it.condition) refuse(`condition "${it.condition}" of seq_num ${it.seq_num ?? '?'} needs an expression2`);
      return e1;
    }
    const e2 = one(it.expression2);
    if (it.condition === 'or') return or(e1, e2)!;
    if (it.condition === 'not') return and(e1, not(e2))!;
    return and(e1, e2)!;
  }))!;
}

/** idtype-value: a household number, or an ID number through its keyed hash. */
export function idTypeValue(q: { type?: unknown; value?: unknown }): { where: SQL; member?: SQL } {
  const type = String(q.type ?? '').toLowerCase().replace(/^.*:/, '');
  const v = typeof q.value === 'string' || typeof q.value === 'number' ? String(q.value).trim() : refuse('idtype-value takes {"type": "…", "value": "…"} with a string value');
  if (HOUSEHOLD_NUMBER.has(type)) return { where: eq(households.number, v) };
  if (ID_NUMBER.has(type)) {
    const parsed = parseIdNumber(v);
    if (!parsed.ok) refuse(`the ID number is not valid: ${parsed.reason}`, true);
    const hash = idHash((parsed as { residentId: string }).residentId);
    return {
      where: sql`exists (select 1 from ${members} where ${members.householdId} = ${households.id} and ${members.idHash} = ${hash})`,
      member: eq(members.idHash, hash),
    };
  }
  return refuse(`unknown id type "${String(q.type).slice(0, 40)}": use HOUSEHOLD_NUMBER (户编号) or ID_NUMBER (resident ID 身份证号)`);
}

/** Translates one search criteria's query (or a subscription's filter) by its query type. */
export function translate(queryType: string, query: unknown): Translated {
  try {
    if (queryType === 'idtype-value') {
      if (!query || typeof query !== 'object' || Array.isArray(query)) refuse('idtype-value takes {"type": "…", "value": "…"}');
      return { ok: true, ...idTypeValue(query as { type?: unknown; value?: unknown }) };
    }
    if (queryType === 'expression') {
      const q = query as { value?: { expression?: { collection?: unknown; query?: unknown } | unknown } };
      const exp = (q?.value as { expression?: unknown })?.expression;
      const body = exp && typeof exp === 'object' && 'query' in exp ? (exp as { query: unknown }).query : exp;
      const collection = exp && typeof exp === 'object' ? (exp as { collection?: unknown }).collection : undefined;
      if (collection !== undefined && collection !== 'Group' && collection !== 'Member') refuse(`unknown collection "${String(collection)}": search Group (or Member)`);
      if (body === undefined) refuse('an expression query is {"type": "expression", "value": {"expression": {"collection": "Group", "query": {…}}}}');
      return { ok: true, where: expression(body) };
    }
    if (queryType === 'predicate') {
      if (!Array.isArray(query)) refuse('a predicate query is a list of {"expression1": {"attribute_name", "operator", "attribute_value"}, …}');
      return { ok: true, where: predicate(query as PredicateItem[]) };
    }
    return refuse(`unknown query type "${queryType}": use idtype-value, expression or predicate`);
  } catch (e) {
    if (e instanceof Refused) return { ok: false, code: 'rjct.search_criteria.invalid', reason: e.message, personId: e.personId };
    throw e;
  }
}

/** Sort keys: attribute names of ATTRIBUTES, asc or desc; an unknown one is refused (rjct.sort.invalid). */
export function sortColumns(sort: { attribute_name?: string; sort_order?: 'asc' | 'desc' }[] | undefined): { ok: true; order: SQL[] } | { ok: false; reason: string } {
  const order: SQL[] = [];
  for (const s of sort ?? []) {
    const a = ATTRIBUTES[String(s.attribute_name)];
    if (!a) return { ok: false, reason: `cannot sort by "${String(s.attribute_name).slice(0, 60)}": sort by one of ${KNOWN}` };
    order.push(s.sort_order === 'desc' ? sql`${a.column} desc nulls last` : sql`${a.column} asc nulls last`);
  }
  order.push(sql`${households.number} asc`);
  return { ok: true, order };
}
