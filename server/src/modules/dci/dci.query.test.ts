/** Worked examples of DCI query translation (dci.query.ts): the SQL each query becomes, and the reasons for those it refuses. */
import { describe, expect, it } from 'vitest';
import { PgDialect } from 'drizzle-orm/pg-core';
import type { SQL } from 'drizzle-orm';
import { sortColumns, translate } from './dci.query.js';
import { idHash } from '../../lib/id-hash.js';
import { withCheckDigit } from '../member/id-number.js';

const dialect = new PgDialect();
const render = (s: SQL) => { const { sql, params } = dialect.sqlToQuery(s); return { sql, params }; };
function sqlOf(type: string, query: unknown) {
  const t = translate(type, query);
  if (!t.ok) throw new Error(t.reason);
  return render(t.where);
}
const reason = (type: string, query: unknown) => {
  const t = translate(type, query);
  return t.ok ? 'accepted' : t.reason;
};

describe('idtype-value', () => {
  it('a household number is an equality on households.number', () => {
    expect(sqlOf('idtype-value', { type: 'HOUSEHOLD_NUMBER', value: '4331241050010001' })).toEqual({ sql: '"households"."number" = $1', params: ['4331241050010001'] });
  });

  it('an ID number becomes its keyed hash: the number itself is not in the SQL', () => {
    const id = withCheckDigit('43312419800101001');
    const q = sqlOf('idtype-value', { type: 'NID', value: id.toLowerCase() });
    expect(q.sql).toBe('exists (select 1 from "members" where "members"."household_id" = "households"."id" and "members"."id_hash" = $1)');
    expect(q.params).toEqual([idHash(id)]);
    expect(JSON.stringify(q)).not.toContain(id);
  });

  it('an invalid ID number or an unknown id type is refused with a reason', () => {
    expect(reason('idtype-value', { type: 'ID_NUMBER', value: '123' })).toMatch(/the ID number is not valid: the ID number has 3 characters/);
    expect(reason('idtype-value', { type: 'PASSPORT', value: 'E1' })).toMatch(/unknown id type "PASSPORT": use HOUSEHOLD_NUMBER/);
  });
});

describe('expression', () => {
  it('the spec example: $and of $lt and $eq (poverty_score is not searchable)', () => {
    const q = { value: { expression: { collection: 'Group', query: { $and: [{ group_size: { $lt: 5 } }, { location: { $eq: '433124105' } }] } } } };
    expect(sqlOf('expression', q)).toEqual({ sql: '("households"."member_count" < $1 and "households"."village_code" like $2)', params: [5, '433124105%'] });
    const spec = { value: { expression: { query: { $and: [{ poverty_score: { $lt: 5 } }] } } } };
    expect(reason('expression', spec)).toMatch(/poverty_score is computed .* cannot be searched/);
  });

  it('$or, $not, $in and the implicit $eq; several keys are ANDed', () => {
    const q = { value: { expression: { query: { $or: [{ status: '1' }, { $not: { group_size: { $gte: 6 } } }], location: { $in: ['433124105', '433124106'] } } } } };
    expect(sqlOf('expression', q)).toEqual({
      sql: '(("households"."status" = $1 or not "households"."member_count" >= $2) and ("households"."village_code" like $3 or "households"."village_code" like $4))',
      params: ['1', 6, '433124105%', '433124106%'],
    });
  });

  it('dates compare as timestamps', () => {
    expect(sqlOf('expression', { value: { expression: { query: { last_updated: { $gte: '2026-01-01' } } } } })).toEqual({ sql: '"households"."updated_at" >= $1::timestamptz', params: ['2026-01-01'] });
  });

  it('refuses an unknown attribute, operator, collection, a code compared with $lt and an area with $gt', () => {
    const e = (query: unknown) => reason('expression', { value: { expression: { query } } });
    expect(e({ shoe_size: 4 })).toMatch(/unknown attribute "shoe_size": searchable Group attributes are group_size, location/);
    expect(e({ group_size: { $regex: 'x' } })).toMatch(/unknown operator "\$regex" on group_size/);
    expect(e({ status: { $lt: '2' } })).toMatch(/status is a code: compare it with eq, ne or in/);
    expect(e({ location: { $gt: '43' } })).toMatch(/location is an area code/);
    expect(e({ location: '4331' + '2' })).toMatch(/2, 4, 6, 9 or 12-digit/);
    expect(reason('expression', { value: { expression: { collection: 'Vehicle', query: {} } } })).toMatch(/unknown collection "Vehicle"/);
  });
});

describe('predicate', () => {
  const p = (name: string, operator: string, value: string) => ({ attribute_name: name, operator, attribute_value: value });

  it('string values read by the attribute; items ANDed in seq_num order; or / not within an item', () => {
    const q = [
      { seq_num: 2, expression1: p('group_size', 'ge', '4'), condition: 'or', expression2: p('per_capita_income', 'lt', '2300.5') },
      { seq_num: 1, expression1: p('location', 'eq', '433124') },
      { seq_num: 3, expression1: p('main_cause', 'eq', '03'), condition: 'not' },
    ];
    expect(sqlOf('predicate', q)).toEqual({
      sql: '("households"."village_code" like $1 and ("households"."member_count" >= $2 or "households"."latest_per_capita_net_income" < $3) and not "households"."main_cause" = $4)',
      params: ['433124%', 4, '2300.5', '03'], // numeric columns bind as text (drizzle's numeric mapping)
    });
  });

  it('e1 not e2 is e1 and not e2; in takes a comma-separated string', () => {
    expect(sqlOf('predicate', [{ expression1: p('group_size', 'in', '1,2'), condition: 'not', expression2: p('status', 'eq', '3') }])).toEqual({
      sql: '("households"."member_count" in ($1, $2) and not "households"."status" = $3)', params: [1, 2, '3'],
    });
  });

  it('refuses a value of the wrong form, a condition without expression2 and an empty list', () => {
    expect(reason('predicate', [{ expression1: p('group_size', 'gt', '3.5') }])).toMatch(/group_size takes a whole number, not "3.5"/);
    expect(reason('predicate', [{ expression1: p('group_size', 'gt', '3'), condition: 'or' }])).toMatch(/needs an expression2/);
    expect(reason('predicate', [])).toMatch(/empty/);
    expect(reason('graphql', {})).toMatch(/unknown query type "graphql"/);
  });
});

describe('sort', () => {
  it('named attributes, then the household number for a stable order', () => {
    const s = sortColumns([{ attribute_name: 'group_size', sort_order: 'desc' }]);
    expect(s.ok && s.order.map((o) => render(o).sql)).toEqual(['"households"."member_count" desc nulls last', '"households"."number" asc']);
    expect(sortColumns([{ attribute_name: 'colour' }])).toMatchObject({ ok: false, reason: expect.stringMatching(/cannot sort by "colour"/) });
  });
});
