/**
 * DCI synchronous search (issue 17): each query type (idtype-value by household number and
 * by ID number through its keyed hash, expression, predicate), Group and Member records,
 * pagination, the caller's area scope, pseudonymous records for a role without personal
 * data, unknown attributes and id types (an empty result with a reason), and malformed
 * envelopes (400 with an ERR acknowledgement). Writes only in township 433124105.
 */
import { beforeAll, describe, expect, it } from 'vitest';
import type { Client } from '@jingzhun/sdk';
import { clientAs, token } from '../support/context.js';
import { household } from '../support/forms.js';
import { attr, dciPost, envelope, searchMessage, syncSearch } from '../support/dci.js';

const COUNTY = '433124';
const TOWNSHIP = '433124105';
let admin: Client;
let official: string;
let analyst: string;
let mine: { number: string; idNumbers: string[]; size: number };
let otherOfficial: string;

beforeAll(async () => {
  admin = await clientAs({ role: 'admin' });
  official = await token({ role: 'official', area: COUNTY });
  analyst = await token({ role: 'analyst', area: COUNTY });
  const village = (await admin.villages({ filter: { areaCode: TOWNSHIP }, first: 1 })).villages.nodes[0];
  const form = household(village.code);
  const { registerHousehold } = await admin.registerHousehold({ input: form });
  mine = { number: registerHousehold.household.number, idNumbers: form.members.map((m) => m.idNumber), size: form.members.length };
  otherOfficial = await token({ role: 'official', area: '433125' });
});

describe('idtype-value', () => {
  it('finds a household by its number as a DCI Group with its members', async () => {
    const a = await dciPost('/registry/sync/search', envelope('search', searchMessage({ query_type: 'idtype-value', query: { type: 'HOUSEHOLD_NUMBER', value: mine.number } })), official);
    expect(a.status).toBe(200);
    expect(a.type).toMatch(/^application\/json/);
    expect(a.json.header).toMatchObject({ action: 'on-search', status: 'succ', receiver_id: 'test.spmis' });
    const r = a.json.message.search_response[0];
    expect(a.json.message.correlation_id).toMatch(/^[0-9a-f-]{36}$/);
    expect(r).toMatchObject({ reference_id: 'ref-1', status: 'succ', pagination: { page_size: 20, page_number: 1, total_count: 1 } });
    const g = r.data.reg_records[0];
    expect(g.group_identifier[0]).toMatchObject({ identifier_type: 'HOUSEHOLD_NUMBER', identifier_value: mine.number });
    expect(g.group_size).toBe(mine.size);
    expect(g.member_list).toHaveLength(mine.size);
    expect(g.place.address.township_code).toBe(TOWNSHIP);
    expect(g.group_head_info.relationship_head).toBe('self');
    // An official sees personal data: the members' ID numbers.
    expect(g.member_list.map((m: any) => m.demographic_info.identifier[0].identifier_value).sort()).toEqual([...mine.idNumbers].sort());
  });

  it('finds a member by ID number through its keyed hash (Group and Member entities)', async () => {
    const group = await syncSearch(official, { query_type: 'idtype-value', query: { type: 'ID_NUMBER', value: mine.idNumbers[0] } });
    expect(group.data.reg_records.map((g: any) => g.group_identifier[0].identifier_value)).toEqual([mine.number]);
    const member = await syncSearch(official, { query_type: 'idtype-value', response_entity: 'Member', query: { type: 'ID_NUMBER', value: mine.idNumbers[0] } });
    expect(member.data.reg_record_type).toBe('Member');
    expect(member.data.reg_records).toHaveLength(1);
    expect(member.data.reg_records[0].demographic_info.identifier[0].identifier_value).toBe(mine.idNumbers[0]);
  });

  it('does not find a household outside the caller\'s area: as if it did not exist', async () => {
    // Our household, asked for by an official of the neighbouring county 保靖县.
    const r = await syncSearch(otherOfficial, { query_type: 'idtype-value', query: { type: 'HOUSEHOLD_NUMBER', value: mine.number } });
    expect(r).toMatchObject({ status: 'succ', pagination: { total_count: 0 } });
    expect(r.data.reg_records).toEqual([]);
    const nobody = await syncSearch(official, { query_type: 'idtype-value', query: { type: 'HOUSEHOLD_NUMBER', value: '433124999999999' } });
    expect(nobody).toMatchObject({ status: 'succ', pagination: { total_count: 0 } });
  });

  it('an unknown id type is an empty result with a reason, not a failed request', async () => {
    const r = await syncSearch(official, { query_type: 'idtype-value', query: { type: 'PASSPORT', value: 'E1234' } });
    expect(r).toMatchObject({ status: 'rjct', status_reason_code: 'rjct.search_criteria.invalid', pagination: { total_count: 0 } });
    expect(r.status_reason_message).toMatch(/unknown id type "PASSPORT"/);
    expect(r.data.reg_records).toEqual([]);
  });
});

describe('expression and predicate', () => {
  it('expression: $and of location and group size', async () => {
    const r = await syncSearch(official, {
      query_type: 'expression',
      query: { type: 'ns:org:QueryType:expression', value: { expression: { collection: 'Group', query: { $and: [{ location: { $eq: TOWNSHIP } }, { group_size: { $lt: 3 } }] } } } },
      pagination: { page_size: 50, page_number: 1 },
    });
    expect(r.status).toBe('succ');
    expect(r.pagination.total_count).toBeGreaterThan(0);
    expect(r.data.reg_records.length).toBe(Math.min(50, r.pagination.total_count));
    for (const g of r.data.reg_records) {
      expect(g.place.identifier.startsWith(TOWNSHIP)).toBe(true);
      expect(g.group_size).toBeLessThan(3);
    }
  });

  it('predicate: values as strings, and/or/not, in seq_num order', async () => {
    const r = await syncSearch(official, {
      query_type: 'predicate',
      query: [
        { seq_num: 2, expression1: { attribute_name: 'group_size', operator: 'ge', attribute_value: '4' }, condition: 'or', expression2: { attribute_name: 'group_size', operator: 'eq', attribute_value: '1' } },
        { seq_num: 1, expression1: { attribute_name: 'location', operator: 'eq', attribute_value: TOWNSHIP } },
      ],
      sort: [{ attribute_name: 'group_size', sort_order: 'desc' }],
      pagination: { page_size: 100 },
    });
    expect(r.status).toBe('succ');
    const sizes = r.data.reg_records.map((g: any) => g.group_size);
    expect(sizes.length).toBeGreaterThan(0);
    expect(sizes.every((s: number) => s >= 4 || s === 1)).toBe(true);
    expect([...sizes].sort((a, b) => b - a)).toEqual(sizes);
  });

  it('an expression and the equivalent predicate find the same households', async () => {
    const pagination = { page_size: 100 };
    const e = await syncSearch(official, { query_type: 'expression', pagination, query: { value: { expression: { query: { location: TOWNSHIP, $not: { group_size: { $gt: 2 } } } } } } });
    const p = await syncSearch(official, { query_type: 'predicate', pagination, query: [{ expression1: { attribute_name: 'location', operator: 'eq', attribute_value: TOWNSHIP }, condition: 'and', expression2: { attribute_name: 'group_size', operator: 'le', attribute_value: '2' } }] });
    expect(e.pagination.total_count).toBe(p.pagination.total_count);
    expect(e.data.reg_records.map((g: any) => g['@id'])).toEqual(p.data.reg_records.map((g: any) => g['@id']));
  });

  it('an unknown attribute, a wrong value or an unsearchable one is an empty result with its reason', async () => {
    const unknown = await syncSearch(official, { query_type: 'predicate', query: [{ expression1: { attribute_name: 'shoe_size', operator: 'eq', attribute_value: '42' } }] });
    expect(unknown).toMatchObject({ status: 'rjct', status_reason_code: 'rjct.search_criteria.invalid' });
    expect(unknown.status_reason_message).toMatch(/unknown attribute "shoe_size".*group_size/);
    const wrong = await syncSearch(official, { query_type: 'predicate', query: [{ expression1: { attribute_name: 'group_size', operator: 'gt', attribute_value: 'three' } }] });
    expect(wrong.status_reason_message).toMatch(/group_size takes a whole number/);
    const score = await syncSearch(official, { query_type: 'expression', query: { value: { expression: { query: { poverty_score: { $lt: 5 } } } } } });
    expect(score.status_reason_message).toMatch(/poverty_score .* cannot be searched/);
  });
});

describe('pagination', () => {
  const criteria = (page_size: number, page_number = 1) => ({ query_type: 'predicate', query: [{ expression1: { attribute_name: 'location', operator: 'eq', attribute_value: TOWNSHIP } }], pagination: { page_size, page_number } });

  it('pages do not overlap and count the same total', async () => {
    const [one, two] = [await syncSearch(official, criteria(5, 1)), await syncSearch(official, criteria(5, 2))];
    expect(one.pagination).toMatchObject({ page_size: 5, page_number: 1 });
    expect(two.pagination.total_count).toBe(one.pagination.total_count);
    const ids = [...one.data.reg_records, ...two.data.reg_records].map((g: any) => g['@id']);
    expect(new Set(ids).size).toBe(10);
  });

  it.each([0, -1, 2.5, 101])('page_size %s is refused with rjct.pagination.invalid', async (size) => {
    const r = await syncSearch(official, criteria(size));
    expect(r).toMatchObject({ status: 'rjct', status_reason_code: 'rjct.pagination.invalid' });
    expect(r.data.reg_records).toEqual([]);
  });

  it('page_number 0 is refused', async () => {
    expect(await syncSearch(official, criteria(5, 0))).toMatchObject({ status: 'rjct', status_reason_code: 'rjct.pagination.invalid' });
  });
});

describe('personal data', () => {
  it('an analyst gets pseudonymous records: no names, ID numbers or birth dates', async () => {
    const r = await syncSearch(analyst, { query_type: 'idtype-value', query: { type: 'HOUSEHOLD_NUMBER', value: mine.number } });
    const g = r.data.reg_records[0];
    expect(g.member_list).toHaveLength(mine.size);
    const text = JSON.stringify(g);
    for (const id of mine.idNumbers) expect(text).not.toContain(id);
    for (const m of g.member_list) {
      expect(m.demographic_info.name).toBeUndefined();
      expect(m.demographic_info.identifier).toBeUndefined();
      expect(m.demographic_info.birth_date).toBeUndefined();
      expect(m.member_identifier[0].identifier_type).toBe('MEMBER_ID');
      expect(m.additional_attributes).toContainEqual({ name: 'pseudonymous', value: true });
    }
  });

  it('a donor cannot search the registry: 403 ERR err.request.forbidden', async () => {
    const a = await dciPost('/registry/sync/search', envelope('search', searchMessage({ query_type: 'idtype-value', query: { type: 'HOUSEHOLD_NUMBER', value: mine.number } })), await token({ role: 'donor' }));
    expect(a.status).toBe(403);
    expect(a.json.message).toMatchObject({ ack_status: 'ERR', error: { code: 'err.request.forbidden' } });
  });
});

describe('locale', () => {
  const find = (locale: string) => {
    const m = searchMessage({ query_type: 'idtype-value', query: { type: 'HOUSEHOLD_NUMBER', value: mine.number } });
    m.search_request[0] = { ...m.search_request[0]!, locale };
    return dciPost('/registry/sync/search', envelope('search', m), official).then((a) => a.json.message.search_response[0]);
  };

  it('zho: the codes\' meanings and the relation to the head in Chinese; the codes themselves unchanged', async () => {
    const r = await find('zho');
    expect(r.locale).toBe('zho');
    const g = r.data.reg_records[0];
    expect(g.additional_attributes).toContainEqual({ name: 'status', value: '0', label: '未脱贫' });
    expect(g.additional_attributes).toContainEqual({ name: 'main_cause', value: '01', label: '因病' });
    expect(g.member_list.map((m: any) => m.relationship_head)).toEqual(['self', '配偶', '之女']);
  });

  it('eng, and any other well-formed code (fra), answer in English and say so', async () => {
    for (const locale of ['eng', 'fra']) {
      const r = await find(locale);
      expect(r.locale).toBe('eng');
      const g = r.data.reg_records[0];
      expect(g.additional_attributes).toContainEqual({ name: 'main_cause', value: '01', label: 'illness' });
      expect(g.additional_attributes).toContainEqual({ name: 'stage', value: 'REGISTERED', label: 'registered' });
      expect(g.member_list.map((m: any) => m.relationship_head)).toEqual(['self', 'spouse', 'daughter']);
    }
  });
});

describe('malformed requests', () => {
  // Built when the cases are collected, before beforeAll: any household number does.
  const ok = () => envelope('search', searchMessage({ query_type: 'idtype-value', query: { type: 'HOUSEHOLD_NUMBER', value: '4331241050010001' } }));

  it('without a token: 401 ERR err.request.unauthorized', async () => {
    const a = await dciPost('/registry/sync/search', ok());
    expect(a.status).toBe(401);
    expect(a.type).toMatch(/^application\/json/);
    expect(a.json.message).toMatchObject({ ack_status: 'ERR', error: { code: 'err.request.unauthorized' } });
  });

  it.each([
    ['not JSON', '{"header":', /not valid JSON/],
    ['no header', JSON.stringify({ message: {} }), /no header/],
    ['no message', JSON.stringify({ header: ok().header }), /no message/],
    ['the wrong action', JSON.stringify({ ...ok(), header: { ...ok().header, action: 'subscribe' } }), /header.action must be "search"/],
    ['a bad message_ts', JSON.stringify({ ...ok(), header: { ...ok().header, message_ts: 'yesterday' } }), /header.message_ts: must match format "date-time"/],
    ['no sender_id', JSON.stringify({ ...ok(), header: { ...ok().header, sender_id: undefined } }), /must have required property 'sender_id'/],
    ['no search_request', JSON.stringify({ ...ok(), message: { transaction_id: 't' } }), /message: must have required property 'search_request'/],
    ['an unknown query_type', JSON.stringify(envelope('search', searchMessage({ query_type: 'sql', query: {} }))), /query_type: must be equal to one of the allowed values \(idtype-value, expression, predicate\)/],
    ['a bad locale', JSON.stringify({ ...ok(), message: { ...ok().message, search_request: [{ ...ok().message.search_request[0], locale: 'english' }] } }), /locale: must match pattern/],
    ['a transaction_id over 99 characters', JSON.stringify({ ...ok(), message: { ...ok().message, transaction_id: 'x'.repeat(100) } }), /transaction_id: must NOT have more than 99 characters/],
  ])('with %s: 400 ERR err.request.bad saying what is wrong', async (_what, body, reason) => {
    const a = await dciPost('/registry/sync/search', body, official, true);
    expect(a.status).toBe(400);
    expect(a.type).toMatch(/^application\/json/);
    expect(a.json.message).toMatchObject({ ack_status: 'ERR', error: { code: 'err.request.bad' } });
    expect(a.json.message.error.message).toMatch(reason);
  });

  it('an encrypted message is refused with err.encryption.invalid', async () => {
    const a = await dciPost('/registry/sync/search', { ...ok(), header: { ...ok().header, is_msg_encrypted: true } }, official);
    expect(a.status).toBe(400);
    expect(a.json.message.error.code).toBe('err.encryption.invalid');
  });

  it('an unknown path under /dci is 404 JSON', async () => {
    const a = await dciPost('/registry/nothing', ok(), official);
    expect(a.status).toBe(404);
    expect(a.json.message.error.code).toBe('err.request.not_found');
  });
});

describe('audit', () => {
  it('every search is audited under its correlation id, without the query', async () => {
    const a = await dciPost('/registry/sync/search', envelope('search', searchMessage({ query_type: 'idtype-value', query: { type: 'ID_NUMBER', value: mine.idNumbers[0] } })), official);
    const correlationId = a.json.message.correlation_id;
    const { auditTrail } = await admin.auditTrail({ filter: { entityId: correlationId } });
    expect(auditTrail.nodes.map((n) => n.operation)).toEqual(['dci.syncSearch']);
    expect(JSON.stringify(auditTrail.nodes)).not.toContain(mine.idNumbers[0]);
  });
});
