/**
 * Every refusal the DCI specification defines, black-box (issue 17): transport (method,
 * content type, body size), authorisation (expired or foreign token), the header's own codes
 * (version, sender_id, receiver_id, sender_uri), the message (batch size), each request of a
 * batch with the spec's status reasons (rjct.reference_id.*, rjct.timestamp.invalid, reg_type,
 * sort, pagination), subscribe and unsubscribe reasons, txn status and the token endpoint.
 * server/src/modules/dci/README.md lists each case with its code and the test that pins it.
 * Every answer is application/json and arrives well within 15 s; a malformed envelope changes
 * nothing. Writes only in township 433124105 (subscriptions; no household is written).
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { randomUUID } from 'node:crypto';
import { SignJWT } from 'jose';
import { server, token } from '../support/context.js';
import { startReceiver, type Receiver } from '../support/receiver.js';
import { base, envelope, searchMessage } from '../support/dci.js';
import { checkDigit } from '../support/forms.js';

const COUNTY = '433124';
/** A resident ID of 花垣县 whose check digit is wrong. */
const WRONG_ID = `43312419680302123${checkDigit('43312419680302123') === '0' ? '1' : '0'}`;
const TOWNSHIP = '433124105';
let official: string;
let receiver: Receiver;

/** Every answer of this file: status, content type and how long it took. */
const answers: { path: string; status: number; type: string; ms: number }[] = [];

async function ask(path: string, body: unknown, o: { bearer?: string; type?: string; method?: string } = {}) {
  const started = Date.now();
  const res = await fetch(`${base()}${path}`, {
    method: o.method ?? 'POST',
    headers: { ...(o.type !== '' && { 'content-type': o.type ?? 'application/json' }), ...(o.bearer && { authorization: `Bearer ${o.bearer}` }) },
    body: o.method === 'GET' ? undefined : typeof body === 'string' ? body : JSON.stringify(body),
  });
  const text = await res.text();
  const a = { status: res.status, type: res.headers.get('content-type') ?? '', json: JSON.parse(text) as any };
  answers.push({ path, status: a.status, type: a.type, ms: Date.now() - started });
  return a;
}

const byTownship = { query_type: 'predicate', query: [{ expression1: { attribute_name: 'location', operator: 'eq', attribute_value: TOWNSHIP } }], pagination: { page_size: 2 } };
const search = (header: Record<string, unknown> = {}, message = searchMessage(byTownship)) => envelope('search', message, header);
const errOf = (a: { json: any }) => a.json.message.error.code;

/** The stored answer of an earlier transaction of the official's, by its correlation id. */
async function stored(correlationId: string, txnType = 'receipt', bearer = official) {
  const s = await ask('/registry/sync/txn/status', envelope('txn-status', { transaction_id: `t-${randomUUID()}`, txnstatus_request: { reference_id: 'q', txn_type: txnType, attribute_type: 'correlation_id', attribute_value: correlationId } }), { bearer });
  expect(s.status).toBe(200);
  return s.json.message.txnstatus_response.txn_status;
}

beforeAll(async () => {
  official = await token({ role: 'official', area: COUNTY, sub: `dci-refusals-${randomUUID()}` });
  receiver = await startReceiver();
});
afterAll(() => receiver.close());

describe('transport', () => {
  it('GET is 405 ERR err.request.bad', async () => {
    const a = await ask('/registry/sync/search', null, { method: 'GET', bearer: official });
    expect(a.status).toBe(405);
    expect(a.json.message).toMatchObject({ ack_status: 'ERR', error: { code: 'err.request.bad' } });
  });

  it('a content type other than application/json is 415 ERR err.request.bad', async () => {
    const a = await ask('/registry/sync/search', JSON.stringify(search()), { bearer: official, type: 'text/plain' });
    expect(a.status).toBe(415);
    expect(errOf(a)).toBe('err.request.bad');
    expect(a.json.message.error.message).toMatch(/application\/json/);
    expect((await ask('/registry/sync/search', JSON.stringify(search()), { bearer: official, type: '' })).status).toBe(415);
  });

  it('a body over 1,000,000 bytes is 413 ERR err.request.bad', async () => {
    const a = await ask('/registry/sync/search', `{"pad": "${'x'.repeat(1_000_001)}"}`, { bearer: official });
    expect(a.status).toBe(413);
    expect(errOf(a)).toBe('err.request.bad');
  });
});

describe('authorisation', () => {
  it('an expired token, or one signed by someone else, is 401 err.request.unauthorized', async () => {
    const now = Math.floor(Date.now() / 1000);
    const expired = await new SignJWT({ role: 'official', area: COUNTY, sub: 'dci-expired' }).setProtectedHeader({ alg: 'HS256' })
      .setIssuer('jingzhun').setAudience('jingzhun-api').setIssuedAt(now - 120).setExpirationTime(now - 60).sign(new TextEncoder().encode(server().secret));
    for (const bearer of [expired, 'not.a.token']) {
      const a = await ask('/registry/sync/search', search(), { bearer });
      expect(a.status).toBe(401);
      expect(a.json.message).toMatchObject({ ack_status: 'ERR', error: { code: 'err.request.unauthorized' } });
    }
  });

  it('a signature that is not a string is 400 err.request.bad', async () => {
    const a = await ask('/registry/sync/search', { ...search(), signature: { alg: 'ed25519' } }, { bearer: official });
    expect(a.status).toBe(400);
    expect(a.json.message.error).toMatchObject({ code: 'err.request.bad', message: expect.stringMatching(/signature must be a string/) });
  });
});

describe('the header', () => {
  it.each([
    ['version 2.0.0', 'err.version.not_supported', { version: '2.0.0' }, /speaks DCI 1.0.0/],
    ['a sender_id of 100 characters', 'err.sender_id.invalid', { sender_id: 's'.repeat(100) }, /sender_id must be 1–99/],
    ['an empty receiver_id', 'err.receiver_id.invalid', { receiver_id: '' }, /receiver_id must be 1–99/],
    ['a sender_uri that is not a URI', 'err.sender_uri.invalid', { sender_uri: 'not a uri' }, /sender_uri: must match format "uri"/],
    ['a message_ts an hour ahead', 'err.request.bad', { message_ts: new Date(Date.now() + 3_600_000).toISOString() }, /message_ts .* is in the future/],
  ])('%s: 400 ERR %s', async (_what, code, header, reason) => {
    const a = await ask('/registry/search', search(header), { bearer: official });
    expect(a.status).toBe(400);
    expect(a.json.message).toMatchObject({ ack_status: 'ERR', error: { code } });
    expect(a.json.message.error.message).toMatch(reason);
  });
});

describe('the message', () => {
  it('more than 20 requests in one message, or none, is 400 err.request.bad', async () => {
    const one = searchMessage(byTownship).search_request[0]!;
    const many = { transaction_id: `t-${randomUUID()}`, search_request: Array.from({ length: 21 }, (_, i) => ({ ...one, reference_id: `r-${i}` })) };
    const a = await ask('/registry/sync/search', search({}, many), { bearer: official });
    expect(a.status).toBe(400);
    expect(a.json.message.error).toMatchObject({ code: 'err.request.bad', message: expect.stringMatching(/at most 20/) });
    const none = await ask('/registry/sync/search', search({}, { transaction_id: 't', search_request: [] }), { bearer: official });
    expect(none.status).toBe(400);
    expect(none.json.message.error.message).toMatch(/search_request is empty/);
  });

  it('a txn_type the spec does not define is 400 err.request.bad', async () => {
    const a = await ask('/registry/sync/txn/status', envelope('txn-status', { transaction_id: 't', txnstatus_request: { reference_id: 'q', txn_type: 'disburse', attribute_type: 'transaction_id', attribute_value: 't' } }), { bearer: official });
    expect(a.status).toBe(400);
    expect(a.json.message.error.message).toMatch(/txn_type: must be equal to one of the allowed values \(search, subscribe, receipt\)/);
  });
});

describe('each search request of a batch', () => {
  it('a repeated reference_id is rjct.reference_id.duplicate for the repeat; the first runs', async () => {
    const one = searchMessage(byTownship).search_request[0]!;
    const a = await ask('/registry/sync/search', search({}, { transaction_id: `t-${randomUUID()}`, search_request: [one, one] }), { bearer: official });
    expect(a.status).toBe(200);
    const [first, repeat] = a.json.message.search_response;
    expect(first).toMatchObject({ reference_id: 'ref-1', status: 'succ' });
    expect(repeat).toMatchObject({ reference_id: 'ref-1', status: 'rjct', status_reason_code: 'rjct.reference_id.duplicate' });
    expect(a.json.header).toMatchObject({ status: 'succ', total_count: 2, completed_count: 2 });
  });

  it.each([
    ['a reference_id of 100 characters', 'rjct.reference_id.invalid', { reference_id: 'r'.repeat(100) }, {}, /reference_id must be 1–99/],
    ['a timestamp an hour ahead', 'rjct.timestamp.invalid', { timestamp: new Date(Date.now() + 3_600_000).toISOString() }, {}, /in the future/],
    ['another registry type', 'rjct.search_criteria.invalid', {}, { reg_type: 'ns:org:RegistryType:Civil' }, /unknown reg_type "ns:org:RegistryType:Civil"/],
    ['a sort by an unknown attribute', 'rjct.sort.invalid', {}, { sort: [{ attribute_name: 'shoe_size', sort_order: 'asc' }] }, /cannot sort by "shoe_size"/],
    ['page_number 100,001', 'rjct.pagination.invalid', {}, { pagination: { page_size: 10, page_number: 100_001 } }, /page_number counts from 1 to 100000/],
  ])('%s is %s, with no records', async (_what, code, item, criteria, reason) => {
    const m = searchMessage({ ...byTownship, ...criteria });
    m.search_request[0] = { ...m.search_request[0]!, ...item };
    const a = await ask('/registry/sync/search', search({}, m), { bearer: official });
    expect(a.status).toBe(200);
    const r = a.json.message.search_response[0];
    expect(r).toMatchObject({ status: 'rjct', status_reason_code: code, pagination: { total_count: 0 } });
    expect(r.status_reason_message).toMatch(reason);
    expect(r.data.reg_records).toEqual([]);
  });

  it('reg_type in another namespace (ns:org:RegistryType:Social) is this registry', async () => {
    const a = await ask('/registry/sync/search', search({}, searchMessage({ ...byTownship, reg_type: 'ns:org:RegistryType:Social' })), { bearer: official });
    expect(a.json.message.search_response[0].status).toBe('succ');
  });
});

describe('subscribe and unsubscribe', () => {
  const criteria = (c: Record<string, unknown>) => ({ reg_type: 'ns:jingzhun:RegistryType:Social', notify_record_type: 'Group', reg_event_type: 'UPDATE', filter_type: 'predicate', filter: [{ expression1: { attribute_name: 'location', operator: 'eq', attribute_value: TOWNSHIP } }], ...c });
  const subscribe = async (c: Record<string, unknown>, locale = 'eng') => {
    const a = await ask('/registry/subscribe', envelope('subscribe', { transaction_id: `t-${randomUUID()}`, subscribe_request: [{ reference_id: 's-1', timestamp: new Date().toISOString(), locale, subscribe_criteria: criteria(c) }] }, { sender_uri: `${receiver.url}/refusals` }), { bearer: official });
    expect(a.json.message.ack_status).toBe('ACK');
    return (await stored(a.json.message.correlation_id, 'subscribe')).subscribe_response[0];
  };
  const unsubscribe = async (codes: string[], senderId = 'test.spmis', bearer = official) => {
    const a = await ask('/registry/unsubscribe', envelope('unsubscribe', { transaction_id: `t-${randomUUID()}`, timestamp: new Date().toISOString(), subscription_codes: codes }, { sender_id: senderId }), { bearer });
    expect(a.status).toBe(200);
    return stored(a.json.message.correlation_id, 'receipt', bearer);
  };

  it.each([
    ['an unknown reg_event_type', 'rjct.notify_types.invalid', { reg_event_type: 'spdci:RegistryEventType:LiveBirth' }, /unknown reg_event_type .*REGISTER, UPDATE, DELETE, ALL/],
    ['notify_record_type Member', 'rjct.notify_details.invalid', { notify_record_type: 'Member' }, /notifications carry Group records/],
    ['another registry type', 'rjct.notify_details.invalid', { reg_type: 'ns:org:RegistryType:Civil' }, /unknown reg_type/],
    ['a filter ID number that fails its checksum', 'rjct.person_id.invalid', { filter_type: 'idtype-value', filter: { type: 'ID_NUMBER', value: WRONG_ID } }, /ID number is not valid/],
  ])('%s is %s', async (_what, code, c, reason) => {
    const r = await subscribe(c);
    expect(r).toMatchObject({ status: 'rjct', status_reason_code: code });
    expect(r.status_reason_message).toMatch(reason);
  });

  it('a malformed locale is 400 err.request.bad', async () => {
    const a = await ask('/registry/subscribe', envelope('subscribe', { transaction_id: 't', subscribe_request: [{ reference_id: 's', timestamp: new Date().toISOString(), locale: 'zh-CN', subscribe_criteria: criteria({}) }] }, { sender_uri: `${receiver.url}/refusals` }), { bearer: official });
    expect(a.status).toBe(400);
    expect(a.json.message.error.message).toMatch(/locale: must match pattern/);
  });

  it('the same subscription twice is rjct.event.already_subscribed, naming the first', async () => {
    const first = await subscribe({ reg_event_type: 'DELETE' });
    expect(first.status).toBe('succ');
    const code = first.subscriptions[0].code;
    const again = await subscribe({ reg_event_type: 'DELETE' });
    expect(again).toMatchObject({ status: 'rjct', status_reason_code: 'rjct.event.already_subscribed' });
    expect(again.status_reason_message).toContain(code);
    await unsubscribe([code]);
  });

  it('unsubscribe: an unknown code, another sender\'s and a cancelled one, each with its reason', async () => {
    const code = (await subscribe({ reg_event_type: 'REGISTER' })).subscriptions[0].code;
    expect(await unsubscribe(['sub-unknown'])).toMatchObject({ status: 'rjct', status_reason_code: 'rjct.subscription_code.invalid' });
    // The same client under another sender_id did not subscribe it: it stays.
    expect(await unsubscribe([code], 'other.spmis')).toMatchObject({ status: 'rjct', status_reason_code: 'rjct.requester.invalid', subscription_status: [{ code, status: 'subscribe' }] });
    expect(await unsubscribe([code])).toMatchObject({ status: 'succ', subscription_status: [{ code, status: 'unsubscribe' }] });
    expect(await unsubscribe([code])).toMatchObject({ status: 'rjct', status_reason_code: 'rjct.event.already_unsubscribed' });
    // Another caller's code is not told apart from an unknown one.
    const other = await token({ role: 'official', area: COUNTY, sub: `dci-refusals-other-${randomUUID()}` });
    expect(await unsubscribe([code], 'test.spmis', other)).toMatchObject({ status: 'rjct', status_reason_code: 'rjct.subscription_code.invalid', subscription_status: [] });
  });
});

describe('the token endpoint', () => {
  const tokenAsk = (body: string, type = 'application/x-www-form-urlencoded') => ask('/oauth2/client/token', body, { type });

  it('without client_id or client_secret: 400 invalid_request', async () => {
    const a = await tokenAsk('grant_type=client_credentials&client_id=someone');
    expect(a).toMatchObject({ status: 400, json: { error: 'invalid_request' } });
  });

  it('a body that is neither a form nor JSON: 400 invalid_request', async () => {
    const a = await tokenAsk('grant_type=client_credentials', 'text/plain');
    expect(a).toMatchObject({ status: 400, json: { error: 'invalid_request', error_description: expect.stringMatching(/x-www-form-urlencoded/) } });
  });
});

describe('a malformed envelope changes nothing', () => {
  it('is 400 ERR saying what is wrong; its transaction is unknown afterwards and no callback is sent', async () => {
    const message = searchMessage(byTownship);
    const e = search({ sender_uri: `${receiver.url}/malformed` }, message);
    const a = await ask('/registry/search', { ...e, header: { ...e.header, total_count: 'one' } }, { bearer: official });
    expect(a.status).toBe(400);
    expect(a.json.message).toMatchObject({ ack_status: 'ERR', correlation_id: '', error: { code: 'err.request.bad', message: expect.stringMatching(/header.total_count: must be integer/) } });
    const s = await ask('/registry/sync/txn/status', envelope('txn-status', { transaction_id: 't', txnstatus_request: { reference_id: 'q', txn_type: 'search', attribute_type: 'transaction_id', attribute_value: message.transaction_id } }), { bearer: official });
    expect(s.status).toBe(404);
    // The dispatcher polls every 100 ms in tests: a queued callback would have gone by now.
    await new Promise((r) => setTimeout(r, 1500));
    expect(receiver.got.filter((g) => g.body.includes(message.transaction_id))).toEqual([]);
  });
});

describe('every answer', () => {
  it('of this file was application/json, each within 15 s', () => {
    expect(answers.length).toBeGreaterThan(30);
    for (const a of answers) {
      expect(a.type, `${a.path} ${a.status}`).toMatch(/^application\/json/);
      expect(a.ms, `${a.path} ${a.status}`).toBeLessThan(15_000);
    }
  });
});
