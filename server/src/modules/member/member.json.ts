/**
 * Members in a JSON plan (graphql/json-plan): a household's `members` read as memberStore
 * reads them (its columns, personal columns NULL for roles without the right, the same scope
 * and form order) — one statement for the members of all the households of the level above —
 * and written as the API answers them.
 */
import type { GraphQLField } from 'graphql';
import { getTableColumns, type AnyColumn } from 'drizzle-orm';
import { raw } from '../../auth/scope.js';
import { members } from '../../db/schema/index.js';
import { toGlobalId } from '../../graphql/ids.js';
import { childList, nestedSelection, newBuild, objectPlan, storedColumns, valueOf, type Build, type ObjectSql, type Writer } from '../../graphql/json-plan/object.js';
import type { Selected } from '../../graphql/json-plan/selection.js';
import { PERSONAL } from './member.store.js';

const TABLE = getTableColumns(members) as Record<string, AnyColumn>;

const MEMBER: ObjectSql = {
  columns: (m, b) => ({ ...storedColumns(TABLE, m, b.caller, PERSONAL), age: `date_part('year', age(current_date, ${m}.birth_date))::int` }),
  fields: { id: (m, b) => valueOf(b, `${m}.id`, (id) => JSON.stringify(toGlobalId('Member', id as string))) },
};

/** The members of the household row `householdRow` as a JSON list; undefined when a selected field is not plain. */
export function membersOfSql(b: Build, householdRow: string, field: GraphQLField<unknown, unknown>, f: Selected): Writer | undefined {
  if (Object.keys(f.args).length) return undefined;
  const nested = nestedSelection(b, field, f);
  const child = newBuild(b.op, b.caller, b.alias);
  const m = 'm';
  const item = nested && objectPlan(child, nested.type, MEMBER, m, nested.selected);
  if (!item) return undefined;
  const scope = raw.householdScoped(`${m}.village_code`, `${m}.household_id`, b.caller, child.p);
  const position = `${m}.position`;
  return childList(b, `${householdRow}.id`, child, `${m}.household_id`,
    (keys) => `select ${child.select.join(', ')} from members ${m} ${child.joins.join(' ')} where ${m}.household_id = any(${keys}::uuid[]) and ${scope} order by ${m}.household_id, ${position}`,
    item);
}
