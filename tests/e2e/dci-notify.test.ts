/**
 * DCI notifications of each kind of register event (issue 17 item 4), delivered to a test
 * receiver on 127.0.0.1: a member removed 减员 (UPDATE, member.removed), a member added 增员
 * (the spec's NewHouseHoldMember), an exit 脱贫 (UPDATE, household.exited), a removal as wrongly
 * registered 错评清退 (DELETE, household.removed); a DELETE-only subscription gets the removal and
 * nothing else, a NewHouseHoldMember one only the addition; after unsubscribe nothing more
 * arrives. Notifications come in the subscription's locale. Every body received (notify and
 * on-subscribe) validates against the vendored spec's schema for its path and came as
 * application/json: `reg_event_type` is one of the spec's REGISTER / NewHouseHoldMember, what
 * happened is in `event_type` (REGISTER, UPDATE, DELETE) and `event_kind`.
 * Writes only in township 433124105.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { randomUUID } from 'node:crypto';
import type { Client, RegisterHouseholdInput } from '@jingzhun/sdk';
import { clientAs, token } from '../support/context.js';
import { freshHousehold, year } from '../support/forms.js';
import { daysAgo } from '../support/dates.js';
import { startReceiver, waitFor, type Receiver } from '../support/receiver.js';
import { attr, dciPost, envelope } from '../support/dci.js';
import { callbackProblems } from '../support/dci-spec.js';

const COUNTY = '433124';
const TOWNSHIP = '433124105';
let official: string;
let receiver: Receiver;
let county: Client;
let cadre: Client;
let a: { id: string; number: string; members: RegisterHouseholdInput['members'] };
let b: { id: string; number: string };
let all: string;
let deletes: string;
let newMembers: string;

/** Conditions that meet 两不愁三保障: safe water, no dilapidated house. */
const secure = { drinkingWaterDifficulty: false, drinkingWaterSafe: true, dilapidatedHouse: false, dilapidatedGrade: null };

/** The notify events received for a subscription. */
const eventsOf = (code: string) => receiver.got.map((g) => g.event as any)
  .filter((m) => m.header?.action === 'notify' && m.header.meta?.subscription_code === code)
  .flatMap((m) => m.message.notify_event);
const kindOf = (code: string, kind: string, number: string) => eventsOf(code).find((e: any) => e.data.event_kind === kind && e.data.reg_records.group_identifier[0].identifier_value === number);

async function subscribe(regEventType: string, numbers: string[], locale: string) {
  const r = await dciPost('/registry/subscribe', envelope('subscribe', {
    transaction_id: `t-${randomUUID()}`,
    subscribe_request: [{
      reference_id: 's-1', timestamp: new Date().toISOString(), locale,
      subscribe_criteria: { reg_event_type: regEventType, notify_record_type: 'Group', filter_type: 'predicate', filter: [{ expression1: { attribute_name: 'household_number', operator: 'in', attribute_value: numbers.join(',') } }] },
    }],
  }, { sender_uri: `${receiver.url}/notify` }), official);
  expect(r.json.message.ack_status).toBe('ACK');
  const on = await waitFor('on-subscribe', () => receiver.got.map((g) => g.event as any).find((m) => m.message?.correlation_id === r.json.message.correlation_id));
  return on.message.subscribe_response[0].subscriptions[0].code as string;
}

beforeAll(async () => {
  official = await token({ role: 'official', area: COUNTY, sub: `dci-notify-${randomUUID()}` });
  county = await clientAs({ role: 'official', area: COUNTY, sub: 'county-dci-notify' });
  receiver = await startReceiver();
  const village = (await county.villages({ filter: { areaCode: TOWNSHIP }, first: 1 })).villages.nodes[0]!.code;
  cadre = await clientAs({ role: 'cadre', area: village, sub: `cadre-dci-notify-${randomUUID()}` });
  const formA = freshHousehold(village);
  const ra = (await county.registerHousehold({ input: formA })).registerHousehold.household;
  a = { id: ra.id, number: ra.number, members: formA.members };
  const rb = (await county.registerHousehold({ input: freshHousehold(village) })).registerHousehold.household;
  b = { id: rb.id, number: rb.number };
  all = await subscribe('ALL', [a.number, b.number], 'zho');
  deletes = await subscribe('spdci:RegistryEventType:DELETE', [a.number, b.number], 'eng');
  newMembers = await subscribe('spdci:common:RegistryEventType:NewHouseHoldMember', [a.number], 'eng');
});
afterAll(() => receiver.close());

describe('notifications of register events', () => {
  it('a member removed 减员: UPDATE member.removed (reg_event_type REGISTER) with the member\'s id, the group one smaller', async () => {
    await county.correctHousehold({ id: a.id, input: { members: a.members.slice(0, 2) } });
    const e = await waitFor('member.removed', () => kindOf(all, 'member.removed', a.number));
    expect(e.data).toMatchObject({ reg_event_type: 'REGISTER', event_type: 'UPDATE', reg_record_type: 'Group', change_type: 'household.corrected', members_added: [] });
    expect(e.data.members_removed).toHaveLength(1);
    expect(e.data.reg_records.group_size).toBe(2);
    expect(e.data.reg_records.member_list.map((m: any) => m.member_identifier[0].identifier_value)).not.toContain(e.data.members_removed[0]);
    // In the subscription's locale: Chinese labels of the codes.
    expect(e.locale).toBe('zho');
    expect(e.data.reg_records.additional_attributes).toContainEqual({ name: 'status', value: '0', label: '未脱贫' });
  });

  it('a member added 增员: the spec\'s NewHouseHoldMember, to the ALL and the NewHouseHoldMember subscriptions', async () => {
    await county.correctHousehold({ id: a.id, input: { members: a.members } });
    for (const code of [all, newMembers]) {
      const e = await waitFor(`member.added (${code})`, () => kindOf(code, 'member.added', a.number));
      expect(e.data).toMatchObject({ reg_event_type: 'NewHouseHoldMember', event_type: 'UPDATE', change_type: 'household.corrected', members_removed: [] });
      expect(e.data.members_added).toHaveLength(1);
      expect(e.data.reg_records.group_size).toBe(3);
    }
    // The NewHouseHoldMember subscription did not hear of the removal before it.
    expect(eventsOf(newMembers).map((e: any) => e.data.event_kind)).toEqual(['member.added']);
  });

  it('an exit 脱贫: UPDATE household.exited, status 1', async () => {
    for (const y of [2017, 2018]) await cadre.recordHouseholdYear({ householdId: a.id, input: { ...year(y, { production: 8300 }), conditions: { ...year(y).conditions, ...secure } } });
    const caseId = (await cadre.proposeExit({ householdId: a.id, input: { year: 2018, date: daysAgo(40) } })).proposeExit.case.id;
    await cadre.appraiseCase({ caseId, input: { date: daysAgo(39), votesFor: 28, votesAgainst: 0, decision: 'APPROVE' } });
    await cadre.verifyExit({ caseId, input: { date: daysAgo(38) } });
    await cadre.recordExitConsent({ caseId, input: { date: daysAgo(37), consentedBy: '龙测试' } });
    await cadre.postCase({ caseId, input: { date: daysAgo(36) } });
    await county.announceCase({ caseId, input: { date: daysAgo(29) } });
    const e = await waitFor('household.exited', () => kindOf(all, 'household.exited', a.number));
    expect(e.data).toMatchObject({ reg_event_type: 'REGISTER', event_type: 'UPDATE', change_type: 'household.statusChanged' });
    expect(attr(e.data.reg_records, 'status')).toBe('1');
    // A yearly record is an UPDATE too.
    expect((await waitFor('household.yearRecorded', () => kindOf(all, 'household.yearRecorded', a.number))).data.event_type).toBe('UPDATE');
  });

  it('a removal 错评清退: DELETE household.removed, to the ALL and the DELETE subscriptions', async () => {
    const { proposeRemoval } = await cadre.proposeRemoval({ householdId: b.id, input: { year: 2019, reason: '家庭成员有财政供养人员' } });
    await county.approveCase({ caseId: proposeRemoval.case.id, input: { decision: 'APPROVE' } });
    for (const code of [all, deletes]) {
      const e = await waitFor(`household.removed (${code})`, () => kindOf(code, 'household.removed', b.number));
      expect(e.data).toMatchObject({ reg_event_type: 'REGISTER', event_type: 'DELETE', change_type: 'household.statusChanged' });
      expect(attr(e.data.reg_records, 'stage')).toBe('REMOVED');
    }
    const english = kindOf(deletes, 'household.removed', b.number);
    expect(english.locale).toBe('eng');
    expect(english.data.reg_records.additional_attributes).toContainEqual({ name: 'stage', value: 'REMOVED', label: 'removed as wrongly registered' });
    // The DELETE subscription heard of nothing else.
    expect(eventsOf(deletes).map((e: any) => e.data.event_type)).toEqual(['DELETE']);
  });

  it('after unsubscribe, nothing more arrives', async () => {
    const u = await dciPost('/registry/unsubscribe', envelope('unsubscribe', { transaction_id: `t-${randomUUID()}`, timestamp: new Date().toISOString(), subscription_codes: [all, deletes, newMembers] }), official);
    expect(u.status).toBe(200);
    const before = eventsOf(all).length;
    await county.correctHousehold({ id: a.id, input: { phone: '13900000009' } });
    // Another subscription, made after the correction, hears of the next change: the feed has moved on.
    const probe = await subscribe('UPDATE', [a.number], 'eng');
    await county.correctHousehold({ id: a.id, input: { phone: '13900000010' } });
    await waitFor('the probe\'s household.corrected', () => kindOf(probe, 'household.corrected', a.number));
    expect(eventsOf(all)).toHaveLength(before);
    expect(eventsOf(deletes)).toHaveLength(1);
  });

  it('every body received conforms to the spec\'s schema for its path, as application/json', () => {
    const notifies = receiver.got.filter((g) => (g.event as any).header?.action === 'notify');
    expect(notifies.length).toBeGreaterThanOrEqual(6);
    for (const g of receiver.got) {
      expect(g.headers['content-type']).toMatch(/^application\/json/);
      expect({ action: (g.event as any).header?.action, problems: callbackProblems(g.event) }).toEqual({ action: (g.event as any).header?.action, problems: [] });
    }
    // The spec's notify enum, whatever happened.
    const types = new Set(notifies.flatMap((g) => (g.event as any).message.notify_event.map((e: any) => e.data.reg_event_type)));
    expect([...types].sort()).toEqual(['NewHouseHoldMember', 'REGISTER']);
  });
});
