/**
 * DCI asynchronous endpoints (issue 17): /registry/search acknowledges and POSTs on-search to
 * the sender_uri (a test receiver), retried after a failure; without a sender_uri the result
 * is kept for /registry/sync/txn/status and /registry/txn/status (txn-on-status callback);
 * subscribe returns its code in on-subscribe, notifies a registration in its filter's area,
 * and unsubscribe cancels it (every kind of event: dci-notify.test.ts). Every callback body received,
 * and the sync answers, validate against the vendored spec's schema for their path.
 * Writes only in township 433124105.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { randomUUID } from 'node:crypto';
import type { Client } from '@jingzhun/sdk';
import { clientAs, token } from '../support/context.js';
import { household } from '../support/forms.js';
import { startReceiver, waitFor, type Receiver } from '../support/receiver.js';
import { dciPost, envelope, searchMessage } from '../support/dci.js';
import { callbackProblems, syncProblems } from '../support/dci-spec.js';

const COUNTY = '433124';
const TOWNSHIP = '433124105';
let admin: Client;
let official: string;
let receiver: Receiver;
let village: string;
const bodies = () => receiver.got.map((g) => g.event as any);

beforeAll(async () => {
  admin = await clientAs({ role: 'admin' });
  official = await token({ role: 'official', area: COUNTY, sub: `dci-async-${randomUUID()}` });
  receiver = await startReceiver();
  village = (await admin.villages({ filter: { areaCode: TOWNSHIP }, first: 1 })).villages.nodes[0]!.code;
});
afterAll(() => receiver.close());

const byTownship = { query_type: 'predicate', query: [{ expression1: { attribute_name: 'location', operator: 'eq', attribute_value: TOWNSHIP } }], pagination: { page_size: 3 } };

describe('async search', () => {
  it('acknowledges, then POSTs on-search with the same correlation id to sender_uri', async () => {
    const message = searchMessage(byTownship);
    const a = await dciPost('/registry/search', envelope('search', message, { sender_uri: `${receiver.url}/on-search` }), official);
    expect(a.status).toBe(200);
    expect(a.type).toMatch(/^application\/json/);
    expect(a.json.message).toMatchObject({ ack_status: 'ACK' });
    const cid = a.json.message.correlation_id;
    const got = await waitFor('on-search', () => bodies().find((b) => b.message?.correlation_id === cid));
    expect(got.header).toMatchObject({ action: 'on-search', status: 'succ', receiver_id: 'test.spmis' });
    expect(got.message.transaction_id).toBe(message.transaction_id);
    expect(got.message.search_response[0]).toMatchObject({ reference_id: 'ref-1', status: 'succ', pagination: { page_size: 3 } });
    expect(got.message.search_response[0].data.reg_records).toHaveLength(3);
  });

  it('retries a callback the receiver refused', async () => {
    receiver.status = 503;
    const a = await dciPost('/registry/search', envelope('search', searchMessage(byTownship), { sender_uri: `${receiver.url}/retry` }), official);
    const cid = a.json.message.correlation_id;
    await waitFor('a refused attempt', () => receiver.got.find((g) => (g.event as any).message?.correlation_id === cid && g.answered === 503));
    receiver.status = 200;
    await waitFor('a delivered retry', () => receiver.got.find((g) => (g.event as any).message?.correlation_id === cid && g.answered === 200));
    expect(receiver.got.filter((g) => (g.event as any).message?.correlation_id === cid).length).toBeGreaterThanOrEqual(2);
  });

  it('a sender_uri the SSRF guard would refuse, or not http(s), is ERR err.sender_uri.invalid', async () => {
    const a = await dciPost('/registry/search', envelope('search', searchMessage(byTownship), { sender_uri: 'ftp://example.org/x' }), official);
    expect(a.status).toBe(400);
    expect(a.json.message.error.code).toBe('err.sender_uri.invalid');
  });

  it('repeating a message_id returns the first correlation id and does not search again', async () => {
    const e = envelope('search', searchMessage(byTownship));
    const [one, two] = [await dciPost('/registry/search', e, official), await dciPost('/registry/search', e, official)];
    expect(two.json.message.correlation_id).toBe(one.json.message.correlation_id);
  });
});

describe('txn status', () => {
  it('without sender_uri the result is kept: sync txn status by transaction id, correlation id or reference id', async () => {
    const message = searchMessage(byTownship, `ref-${randomUUID().slice(0, 8)}`);
    const a = await dciPost('/registry/search', envelope('search', message), official);
    expect(a.json.message.ack_status).toBe('ACK');
    const cid = a.json.message.correlation_id;
    const status = (attribute_type: string, attribute_value: unknown) => dciPost('/registry/sync/txn/status', envelope('txn-status', {
      transaction_id: `t-${randomUUID()}`,
      txnstatus_request: { reference_id: 'q-1', txn_type: 'search', attribute_type, attribute_value },
    }), official);
    for (const [type, value] of [['transaction_id', message.transaction_id], ['correlation_id', cid], ['reference_id_list', [message.search_request[0]!.reference_id]]] as const) {
      const s = await status(type, value);
      expect(s.status).toBe(200);
      expect(s.json.header.action).toBe('txn-on-status');
      expect(s.json.message.txnstatus_response).toMatchObject({ txn_type: 'search', status: 'succ', of_correlation_id: cid });
      expect(s.json.message.txnstatus_response.txn_status.search_response[0].data.reg_records).toHaveLength(3);
    }
  });

  it('another caller\'s transaction, or an unknown one, is 404 err.request.not_found', async () => {
    const message = searchMessage(byTownship);
    await dciPost('/registry/search', envelope('search', message), official);
    const other = await token({ role: 'official', area: COUNTY, sub: 'someone-else' });
    const s = await dciPost('/registry/sync/txn/status', envelope('txn-status', { transaction_id: 't', txnstatus_request: { reference_id: 'q', txn_type: 'search', attribute_type: 'transaction_id', attribute_value: message.transaction_id } }), other);
    expect(s.status).toBe(404);
    expect(s.json.message).toMatchObject({ ack_status: 'ERR', error: { code: 'err.request.not_found' } });
  });

  it('async txn status posts txn-on-status to sender_uri', async () => {
    const message = searchMessage(byTownship);
    await dciPost('/registry/search', envelope('search', message), official);
    const a = await dciPost('/registry/txn/status', envelope('txn-status', { transaction_id: `t-${randomUUID()}`, txnstatus_request: { reference_id: 'q', txn_type: 'search', attribute_type: 'transaction_id', attribute_value: message.transaction_id } }, { sender_uri: `${receiver.url}/txn` }), official);
    expect(a.json.message.ack_status).toBe('ACK');
    const got = await waitFor('txn-on-status', () => bodies().find((b) => b.message?.correlation_id === a.json.message.correlation_id));
    expect(got.header.action).toBe('txn-on-status');
    expect(got.message.txnstatus_response.txn_status.transaction_id).toBe(message.transaction_id);
  });
});

describe('subscriptions', () => {
  const subscribe = (criteria: Record<string, unknown>) => dciPost('/registry/subscribe', envelope('subscribe', {
    transaction_id: `t-${randomUUID()}`,
    subscribe_request: [{ reference_id: 's-1', timestamp: new Date().toISOString(), subscribe_criteria: { reg_type: 'ns:jingzhun:RegistryType:Social', notify_record_type: 'Group', ...criteria } }],
  }, { sender_uri: `${receiver.url}/notify` }), official);

  it('subscribe → on-subscribe with a code → notify of a registration → unsubscribe (a second time: NACK)', async () => {
    const a = await subscribe({ reg_event_type: 'REGISTER', filter_type: 'expression', filter: { value: { expression: { query: { location: { $eq: TOWNSHIP } } } } } });
    expect(a.json.message.ack_status).toBe('ACK');
    const on = await waitFor('on-subscribe', () => bodies().find((b) => b.message?.correlation_id === a.json.message.correlation_id));
    expect(on.header.action).toBe('on-subscribe');
    const code = on.message.subscribe_response[0].subscriptions[0].code;
    expect(code).toMatch(/^sub-/);

    const { registerHousehold } = await admin.registerHousehold({ input: household(village) });
    const number = registerHousehold.household.number;
    const note = await waitFor('notify', () => bodies().find((b) => b.header?.action === 'notify' && b.header.meta?.subscription_code === code
      && b.message.notify_event.some((e: any) => e.data.reg_records.group_identifier[0].identifier_value === number)));
    const event = note.message.notify_event.find((e: any) => e.data.reg_records.group_identifier[0].identifier_value === number);
    expect(event.data).toMatchObject({ reg_event_type: 'REGISTER', reg_record_type: 'Group' });

    const u = await dciPost('/registry/unsubscribe', envelope('unsubscribe', { transaction_id: `t-${randomUUID()}`, timestamp: new Date().toISOString(), subscription_codes: [code] }, { sender_uri: `${receiver.url}/unsub` }), official);
    expect(u.json.message.ack_status).toBe('ACK');
    const off = await waitFor('on-unsubscribe', () => bodies().find((b) => b.message?.correlation_id === u.json.message.correlation_id));
    expect(off.message).toMatchObject({ status: 'succ', subscription_status: [{ code, status: 'unsubscribe' }] });

    const again = await dciPost('/registry/sync/txn/status', envelope('txn-status', { transaction_id: 't', txnstatus_request: { reference_id: 'q', txn_type: 'subscribe', attribute_type: 'correlation_id', attribute_value: a.json.message.correlation_id } }), official);
    expect(again.json.message.txnstatus_response.txn_status.subscribe_response[0].subscriptions[0].code).toBe(code);

    // A second cancellation says so.
    const twice = await dciPost('/registry/unsubscribe', envelope('unsubscribe', { transaction_id: `t-${randomUUID()}`, timestamp: new Date().toISOString(), subscription_codes: [code, 'sub-unknown'] }), official);
    expect(twice.json.message.ack_status).toBe('NACK');
  });

  it('refuses an unknown event type and an unknown filter attribute with their reasons', async () => {
    const del = await subscribe({ reg_event_type: 'spdci-common:RegistryEventType:LiveBirth', filter: {} });
    const onDel = await waitFor('on-subscribe', () => bodies().find((b) => b.message?.correlation_id === del.json.message.correlation_id));
    expect(onDel.message.subscribe_response[0]).toMatchObject({ status: 'rjct', status_reason_code: 'rjct.notify_types.invalid' });
    const bad = await subscribe({ reg_event_type: 'UPDATE', filter_type: 'predicate', filter: [{ expression1: { attribute_name: 'colour', operator: 'eq', attribute_value: 'red' } }] });
    const onBad = await waitFor('on-subscribe', () => bodies().find((b) => b.message?.correlation_id === bad.json.message.correlation_id));
    expect(onBad.message.subscribe_response[0]).toMatchObject({ status: 'rjct', status_reason_code: 'rjct.notify_details.invalid' });
    expect(onBad.message.subscribe_response[0].status_reason_message).toMatch(/unknown attribute "colour"/);
  });

  it('a subscription needs a sender_uri', async () => {
    const a = await dciPost('/registry/subscribe', envelope('subscribe', { transaction_id: 't', subscribe_request: [{ reference_id: 's', timestamp: new Date().toISOString(), subscribe_criteria: { reg_event_type: 'REGISTER', filter: {}, notify_record_type: 'Group' } }] }), official);
    expect(a.status).toBe(400);
    expect(a.json.message.error.code).toBe('err.sender_uri.invalid');
  });
});

describe('the spec\'s body schemas', () => {
  it('every callback body received (on-search, on-subscribe, on-unsubscribe, txn-on-status, notify) conforms, as application/json', () => {
    const actions = new Set(bodies().map((b) => b.header?.action));
    expect([...actions].sort()).toEqual(['notify', 'on-search', 'on-subscribe', 'on-unsubscribe', 'txn-on-status']);
    for (const g of receiver.got) {
      expect(g.headers['content-type']).toMatch(/^application\/json/);
      expect({ action: (g.event as any).header?.action, problems: callbackProblems(g.event) }).toEqual({ action: (g.event as any).header?.action, problems: [] });
    }
  });

  it('the sync answers conform: a search (a refused request among them) and a txn status', async () => {
    const message = searchMessage(byTownship);
    message.search_request.push({ ...message.search_request[0], reference_id: 'ref-2', search_criteria: { ...message.search_request[0].search_criteria, pagination: { page_size: 0 } } } as never);
    const s = await dciPost('/registry/sync/search', envelope('search', message), official);
    expect(s.json.message.search_response.map((r: any) => r.status)).toEqual(['succ', 'rjct']);
    expect(syncProblems('/registry/sync/search', s.json)).toEqual([]);
    const t = await dciPost('/registry/sync/txn/status', envelope('txn-status', { transaction_id: `t-${randomUUID()}`, txnstatus_request: { reference_id: 'q', txn_type: 'search', attribute_type: 'transaction_id', attribute_value: message.transaction_id } }), official);
    expect(syncProblems('/registry/sync/txn/status', t.json)).toEqual([]);
  });
});
