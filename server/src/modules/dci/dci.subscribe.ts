/**
 * DCI subscriptions (issue 17 item 4): `reg_event_type` REGISTER (household.registered) or
 * UPDATE (corrections, yearly records, status changes — removals 错评清退 among them, which is
 * why DELETE is refused: the register never deletes a household), with a filter translated
 * like a search query (dci.query.ts) that a household must match when its event is notified.
 * A subscription keeps the subscriber's role and areas, so a notification carries what a
 * search by them would (scope and personal-data rules); its code is returned in on-subscribe
 * and cancels it in /registry/unsubscribe. Fed from the change feed by dci.dispatcher.ts.
 */
import { randomUUID } from 'node:crypto';
import type { Context } from '../../graphql/context.js';
import type { Tx } from '../../db/client.js';
import type { Header } from './dci.envelope.js';
import { translate } from './dci.query.js';
import { dciStore } from './dci.store.js';

export const EVENT_TYPES: Readonly<Record<string, string[]>> = {
  REGISTER: ['household.registered'],
  UPDATE: ['household.corrected', 'household.yearRecorded', 'household.yearCorrected', 'household.statusChanged'],
  ALL: ['household.registered', 'household.corrected', 'household.yearRecorded', 'household.yearCorrected', 'household.statusChanged'],
};

export interface SubscribeItem {
  reference_id: string;
  timestamp: string;
  locale?: string;
  subscribe_criteria: { reg_type?: string; reg_event_type: string; filter_type?: string; filter: unknown; notify_record_type: string };
}

const now = () => new Date().toISOString();
const eventName = (t: string) => t.replace(/^.*:/, '').toUpperCase();

export async function subscribeOne(tx: Tx, ctx: Context, header: Header, transactionId: string, item: SubscribeItem) {
  const c = item.subscribe_criteria;
  const base = { reference_id: item.reference_id, timestamp: now(), locale: item.locale ?? 'eng' };
  const reject = (code: string, reason: string) => ({ ...base, status: 'rjct' as const, status_reason_code: code, status_reason_message: reason.slice(0, 999), subscriptions: undefined });
  const event = eventName(c.reg_event_type);
  if (event === 'DELETE') return reject('rjct.notify_types.invalid', 'the register never deletes a household: a removal 错评清退 is a status change, notified as UPDATE');
  const types = EVENT_TYPES[event];
  if (!types) return reject('rjct.notify_types.invalid', `unknown reg_event_type "${c.reg_event_type.slice(0, 60)}": use REGISTER, UPDATE or ALL`);
  if (!['Group', 'spdci:Group'].includes(c.notify_record_type)) return reject('rjct.notify_details.invalid', `notify_record_type "${c.notify_record_type.slice(0, 60)}" is not served: notifications carry Group records`);
  const emptyFilter = c.filter && typeof c.filter === 'object' && !Array.isArray(c.filter) && Object.keys(c.filter).length === 0;
  if (!emptyFilter) {
    const q = translate(c.filter_type ?? 'expression', c.filter);
    if (!q.ok) return reject('rjct.notify_details.invalid', q.reason);
  }
  const code = `sub-${randomUUID()}`;
  await dciStore.insertSubscription(tx, {
    code, owner: ctx.caller.id, role: ctx.caller.role, areas: ctx.caller.areas, sector: ctx.caller.sector ?? null, senderId: header.sender_id,
    notifyUri: header.sender_uri ?? null, transactionId, eventType: event, changeTypes: types,
    filter: emptyFilter ? null : { type: c.filter_type ?? 'expression', query: c.filter },
  });
  return {
    ...base, status: 'succ' as const,
    subscriptions: [{ code, status: 'subscribe' as const, timestamp: now(), reg_type: c.reg_type, reg_event_type: event, filter_type: c.filter_type, filter: c.filter, notify_record_type: c.notify_record_type }],
  };
}

/** Cancels the caller's subscriptions; a code that is not theirs, or already cancelled, is reported as such. */
export async function unsubscribe(tx: Tx, owner: string, codes: string[]) {
  const cancelled = new Set((await dciStore.unsubscribe(tx, owner, codes)).map((r) => r.code));
  const known = new Map((await dciStore.subscriptionsOf(tx, owner, codes)).map((s) => [s.code, s.status]));
  const unknown = codes.filter((c) => !known.has(c));
  const already = codes.filter((c) => known.has(c) && !cancelled.has(c));
  const reason = unknown.length
    ? { status_reason_code: 'rjct.subscription_code.invalid', status_reason_message: `no subscription of yours with code ${unknown.join(', ').slice(0, 900)}` }
    : already.length ? { status_reason_code: 'rjct.event.already_unsubscribed', status_reason_message: `already cancelled: ${already.join(', ').slice(0, 900)}` } : {};
  return {
    status: (cancelled.size ? 'succ' : 'rjct') as 'succ' | 'rjct',
    ...reason,
    subscription_status: codes.filter((c) => known.has(c)).map((c) => ({ code: c, status: 'unsubscribe' as const })),
  };
}
