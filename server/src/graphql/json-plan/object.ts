/**
 * Plans one object of a JSON plan's answer: the columns its fields need go into the SELECT list
 * of the statement being built (`Build`), and a writer turns one result row into the object's
 * JSON text, the selected fields in response order. A module says how each field of its type
 * reads (`ObjectSql`): a stored column, written from its schema type by ./leaf.ts — used only for
 * a field the schema reads as a plain property (no resolver), so a field another module resolves
 * is never read as a column — or a field of its own (an ID, a relation). A to-one relation is a
 * LEFT JOIN of the same statement; a to-many one is a statement of its own, one per level, run
 * for all the rows of the level above (`Child`). One field a plan cannot read, and it is given up.
 */
import { isObjectType, type GraphQLField, type GraphQLObjectType } from 'graphql';
import type { AnyColumn } from 'drizzle-orm';
import { canSeePersonalData, type Caller } from '../../auth/caller.js';
import { Params } from '../../db/raw.js';
import { leaf, type Write } from './leaf.js';
import { selectionOf, type Operation, type Selected } from './selection.js';

export type Row = Record<string, unknown>;
/** Writes one object (or list) from a result row. */
export type Writer = (row: Row) => string;

/** A statement of a plan for the rows of the level above: its rows grouped by the key they belong to, once loaded. */
export interface Child {
  build: Build;
  /** The SQL, given the placeholder of the array of parent keys. */
  text: (keys: string) => string;
  /** The column of the parent rows that holds the key, and of this statement's rows. */
  parentKey: string;
  key: string;
  groups: Map<unknown, Row[]>;
}

/** One statement being planned: parameters, SELECT list, joins, and the statements of the level below. */
export interface Build {
  op: Operation;
  caller: Caller;
  p: Params;
  select: string[];
  joins: string[];
  children: Child[];
  alias: (prefix: string) => string;
}

export function newBuild(op: Operation, caller: Caller, alias?: Build['alias']): Build {
  let n = 0;
  return { op, caller, p: new Params(), select: [], joins: [], children: [], alias: alias ?? ((prefix) => `${prefix}${++n}`) };
}

/** Adds `expr` to the SELECT list and gives the key it is read by. */
export function column(b: Build, expr: string): string {
  const key = `c${b.select.length + 1}`;
  b.select.push(`${expr} as "${key}"`);
  return key;
}

/** A field written from one selected expression. */
export function valueOf(b: Build, expr: string, write: Write): Writer {
  const key = column(b, expr);
  return (r) => write(r[key]);
}

export interface ObjectSql {
  /** Stored columns by field name, as SQL over the row's alias ('null' for a masked one). */
  columns: (row: string, b: Build) => Record<string, string>;
  fields?: Record<string, (row: string, b: Build, f: Selected, field: GraphQLField<unknown, unknown>) => Writer | undefined>;
}

export function objectPlan(b: Build, type: GraphQLObjectType, sql: ObjectSql, row: string, selected: Selected[]): Writer | undefined {
  const fields = type.getFields();
  let columns: Record<string, string> | undefined;
  const keys: string[] = [];
  const writers: Writer[] = [];
  for (const f of selected) {
    let w: Writer | undefined;
    if (f.name === '__typename') {
      const name = JSON.stringify(type.name);
      w = () => name;
    } else {
      const field = fields[f.name];
      if (!field) return undefined;
      const special = sql.fields?.[f.name];
      if (special) w = special(row, b, f, field);
      else if (!field.resolve && Object.keys(f.args).length === 0) {
        columns ??= sql.columns(row, b);
        const expr = columns[f.name];
        const l = expr === undefined ? undefined : leaf(field.type);
        if (l) w = expr === 'null' ? () => 'null' : valueOf(b, l.sql(expr), l.write);
      }
    }
    if (!w) return undefined;
    keys.push(`${JSON.stringify(f.key)}:`);
    writers.push(w);
  }
  const n = writers.length;
  return (r) => {
    let out = '{';
    for (let i = 0; i < n; i++) out += (i ? ',' : '') + keys[i] + writers[i](r);
    return `${out}}`;
  };
}

/** The selection of a field whose type is an object type (a nested object or a list of them), or undefined. */
export function nestedSelection(b: Build, field: GraphQLField<unknown, unknown>, f: Selected): { type: GraphQLObjectType; selected: Selected[] } | undefined {
  let t = field.type as { ofType?: unknown };
  while (t && 'ofType' in t && t.ofType) t = t.ofType as { ofType?: unknown };
  if (!isObjectType(t)) return undefined;
  const selected = selectionOf(b.op, t, f.selectionSets);
  return selected && { type: t, selected };
}

/** A table's columns as `row."column"`, by drizzle key; the `masked` ones 'null' unless the caller may see personal data. */
export function storedColumns(table: Record<string, AnyColumn>, row: string, caller: Caller, masked: ReadonlySet<string>): Record<string, string> {
  const see = canSeePersonalData(caller);
  const out: Record<string, string> = {};
  for (const [key, c] of Object.entries(table)) out[key] = !see && masked.has(key) ? 'null' : `${row}."${c.name}"`;
  return out;
}

/**
 * A to-many field: a statement of its own (`text`, over `build`) for every row of this level,
 * keyed by `parentExpr` here and by `keyExpr` there; the field writes its group with `item`.
 */
export function childList(b: Build, parentExpr: string, child: Build, keyExpr: string, text: (keys: string) => string, item: Writer): Writer {
  const c: Child = { build: child, text, parentKey: column(b, parentExpr), key: column(child, keyExpr), groups: new Map() };
  b.children.push(c);
  return (r) => `[${(c.groups.get(r[c.parentKey]) ?? []).map(item).join(',')}]`;
}
