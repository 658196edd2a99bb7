/**
 * Households in a JSON plan (graphql/json-plan): the common reads — `households(filter:
 * { areaCode }, first, after)`, `household(id:)` and `node(id:)` of a household, with their
 * village, members and latest-year summary — read in one statement per level and written as
 * JSON without resolvers. The service's checks run first (role, filter, page size, cursor, ID)
 * and the SQL carries the scope and masking of householdStore's reads, so the answer is the one
 * the resolvers give (tests/e2e/json-plan.test.ts compares the two on every shape).
 */
import type { GraphQLField, GraphQLObjectType } from 'graphql';
import { getTableColumns, type AnyColumn } from 'drizzle-orm';
import { raw } from '../../auth/scope.js';
import { households } from '../../db/schema/index.js';
import type { Context } from '../../graphql/context.js';
import { fromGlobalId, keyOf, toGlobalId, UUID } from '../../graphql/ids.js';
import { planConnection } from '../../graphql/json-plan/connection.js';
import { column, nestedSelection, objectPlan, storedColumns, valueOf, type Build, type ObjectSql, type Row } from '../../graphql/json-plan/object.js';
import type { RootPlan } from '../../graphql/json-plan/plan.js';
import { selectionOf, type Selected } from '../../graphql/json-plan/selection.js';
import { requireRegistryReader } from '../../auth/require.js';
import { membersOfSql } from '../member/member.json.js';
import { villageOfSql } from '../village/village.json.js';
import { householdService } from './household.service.js';
import { MASKED } from './household.store.js';

const TABLE = getTableColumns(households) as Record<string, AnyColumn>;

/** The HouseholdYear fields the household row answers for its latest year (householdService.year, LATEST_YEAR_SUMMARY). */
const LATEST_YEAR: ObjectSql = { columns: (h) => ({ year: `${h}.latest_year`, perCapitaNetIncome: `${h}.latest_per_capita_net_income` }) };

const HOUSEHOLD: ObjectSql = {
  // `asOf` is null: a plan reads today's household (household(id:, asOf:) is not planned).
  columns: (h, b) => ({ ...storedColumns(TABLE, h, b.caller, MASKED), causes: `array_prepend(${h}.main_cause, ${h}.other_causes)`, asOf: 'null' }),
  fields: {
    id: (h, b) => valueOf(b, `${h}.id`, (id) => JSON.stringify(toGlobalId('Household', id as string))),
    village: (h, b, f, field) => villageOfSql(b, `${h}.village_code`, field, f),
    members: (h, b, f, field) => membersOfSql(b, h, field, f),
    // The latest year's summary from the household row; any other year is not planned.
    year: (h, b, f, field) => {
      if (Object.values(f.args).some((v) => v != null)) return undefined;
      const nested = nestedSelection(b, field, f);
      const write = nested && objectPlan(b, nested.type, LATEST_YEAR, h, nested.selected);
      if (!write) return undefined;
      const present = column(b, `${h}.latest_year`);
      return (r) => (r[present] == null ? 'null' : write(r));
    },
  },
};

const householdType = (b: Build) => b.op.schema.getType('Household') as GraphQLObjectType;

/** `households(filter: { areaCode }, first, after)`: a page in number order, as householdStore.page reads it. */
export const householdsRoot: RootPlan = (ctx, b, field, f) => {
  const filter = (f.args.filter ?? {}) as Record<string, unknown>;
  if (Object.entries(filter).some(([k, v]) => k !== 'areaCode' && v != null)) return undefined;
  const areaCode = filter.areaCode == null ? undefined : String(filter.areaCode);
  const { size, after } = householdService.checkPage(ctx, { areaCode, first: f.args.first as number | undefined, after: f.args.after as string | undefined });
  const number = column(b, 'h.number');
  const write = planConnection(b.op, field, f, (type, sel) => objectPlan(b, type, HOUSEHOLD, 'h', sel), (r: Row) => r[number] as string);
  if (!write) return undefined;
  const p = b.p;
  const scope = raw.scopedKeyRange('h.number', b.caller, p, areaCode, 'h.id');
  const text = `select ${b.select.join(', ')} from households h ${b.joins.join(' ')} where ${scope}${after ? ` and h.number > ${p.add(after)}` : ''} order by h.number limit ${p.add(size + 1)}`;
  return { build: b, text, named: 'household.pageJson', write: (rows) => write(rows, size, after) };
};

/** `household(id:)` (today, no `asOf`) and `node(id:)` of a household: one scoped statement (and one for its members). */
function byId(ctx: Context, b: Build, f: Selected, id: string) {
  requireRegistryReader(ctx.caller);
  const key = keyOf('Household', id);
  const sel = selectionOf(b.op, householdType(b), f.selectionSets);
  const write = sel && objectPlan(b, householdType(b), HOUSEHOLD, 'h', sel);
  if (!write) return undefined;
  const text = `select ${b.select.join(', ')} from households h ${b.joins.join(' ')} where ${raw.householdScoped('h.village_code', 'h.id', b.caller, b.p)} and h.id = ${b.p.add(key)}`;
  return { build: b, text, named: 'household.byIdJson', write: (rows: Row[]) => (rows[0] ? write(rows[0]) : 'null') };
}

export const householdRoot: RootPlan = (ctx, b, _field, f) =>
  f.args.asOf != null || typeof f.args.id !== 'string' ? undefined : byId(ctx, b, f, f.args.id);

/** `node(id:)`: planned for a household's ID only (other types run on the executor). */
export const nodeRoot: RootPlan = (ctx, b, _field: GraphQLField<unknown, unknown>, f) => {
  const id = f.args.id;
  const g = typeof id === 'string' ? fromGlobalId(id) : null;
  return g?.type === 'Household' && UUID.test(g.key) ? byId(ctx, b, f, id as string) : undefined;
};
