/**
 * Villages in a JSON plan (graphql/json-plan): a Village read as villageStore reads it (the
 * area with its poor-village record, the same scope) and written as the API answers it — for
 * `village(code:)` and, as a LEFT JOIN of the row's statement, a household's `village`.
 */
import type { GraphQLField } from 'graphql';
import { raw } from '../../auth/scope.js';
import type { Context } from '../../graphql/context.js';
import { toGlobalId } from '../../graphql/ids.js';
import { column, nestedSelection, objectPlan, valueOf, type Build, type ObjectSql, type Writer } from '../../graphql/json-plan/object.js';
import type { Selected } from '../../graphql/json-plan/selection.js';
import { selectRows } from '../../db/raw.js';
import { named } from '../../db/stats.js';
import { villageService } from './village.service.js';

/** A village row is the area `a` left-joined to its poor-village record `a_v`, as in villageStore. */
const VILLAGE: ObjectSql = {
  columns: (a) => ({
    code: `${a}.code`, name: `${a}.name`,
    povertyStatus: `coalesce(${a}_v.poverty_status, '0')`, identifiedYear: `${a}_v.identified_year`, exitYear: `${a}_v.exit_year`,
  }),
  fields: { id: (a, b) => valueOf(b, `${a}.code`, (code) => JSON.stringify(toGlobalId('Village', code as string))) },
};
const from = (a: string) => `areas ${a} left join villages ${a}_v on ${a}_v.code = ${a}.code`;

/** A row's `village` by its code: a LEFT JOIN, null outside the caller's scope (as the loader reads it). */
export function villageOfSql(b: Build, codeExpr: string, field: GraphQLField<unknown, unknown>, f: Selected): Writer | undefined {
  const nested = nestedSelection(b, field, f);
  const a = b.alias('a');
  const write = nested && objectPlan(b, nested.type, VILLAGE, a, nested.selected);
  if (!write) return undefined;
  b.joins.push(`left join (${from(a)}) on ${a}.code = ${codeExpr} and ${a}.level = 5 and ${raw.villageScoped(`${a}.code`, b.caller, b.p)}`);
  const present = column(b, `${a}.code`);
  return (r) => (r[present] == null ? 'null' : write(r));
}

/** `village(code:)`: the service's checks, then one statement; undefined when the plan cannot write it. */
export function villageRoot(ctx: Context, b: Build, field: GraphQLField<unknown, unknown>, f: Selected) {
  const code = f.args.code;
  if (typeof code !== 'string') return undefined;
  villageService.checkCode(ctx, code);
  const nested = nestedSelection(b, field, f);
  const write = nested && objectPlan(b, nested.type, VILLAGE, 'a', nested.selected);
  if (!write) return undefined;
  const text = `select ${b.select.join(', ')} from ${from('a')} ${b.joins.join(' ')} where a.level = 5 and ${raw.villageScoped('a.code', b.caller, b.p)} and a.code = ${b.p.add(code)}`;
  return { build: b, text, named: 'village.json', write: (rows: Record<string, unknown>[]) => (rows[0] ? write(rows[0]) : 'null') };
}
