/**
 * DCI subscriptions (issue 17 item 4): `reg_event_type` REGISTER, UPDATE, DELETE, ALL or the spec's NewHouseHoldMember (any
 * namespace prefix dropped: `spdci:RegistryEventType:UPDATE` is UPDATE), what each means in
 * the register is dci.events.ts (DELETE: removed as wrongly registered 错评清退), with a filter
 * translated like a search query (dci.query.ts) that a household must match when its event is
 * notified. A subscription keeps the subscriber's role and areas, so a notification carries
 * what a search by them would (scope and personal-data rules), and its locale (dci.locale.ts);
 * its code is returned in on-subscribe and cancels it in /registry/unsubscribe.
 *
 * Refused per request, with the spec's reasons: an unknown event type (rjct.notify_types.invalid),
 * a record type other than Group, another reg_type or a filter that cannot be translated
 * (rjct.notify_details.invalid), an ID number in the filter that is not valid
 * (rjct.person_id.invalid), the same subscription already active (rjct.event.already_subscribed,
 * with its code), and the reference id and timestamp checks of dci.items.ts. Unsubscribing a
 * code that is not the caller's is rjct.subscription_code.invalid (another client's code is not
 * told apart from an unknown one); one made by another sender_id of the same client is
 * rjct.requester.invalid; one already cancelled is rjct.event.already_unsubscribed.
 */
import { randomUUID } from 'node:crypto';
import type { Context } from '../../graphql/context.js';
import type { Tx } from '../../db/client.js';
import type { Header } from './dci.envelope.js';
import { SUBSCRIBABLE } from './dci.events.js';
import { isOurRegType, itemProblem, REG_TYPE } from './dci.items.js';
import { answerLocale } from './dci.locale.js';
import { translate } from './dci.query.js';
import { dciStore } from './dci.store.js';

export interface SubscribeItem {
  reference_id: string;
  timestamp: string;
  locale?: string;
  subscribe_criteria: { reg_type?: string; reg_event_type: string; filter_type?: string; filter: unknown; notify_record_type: string };
}

const now = () => new Date().toISOString();
/** The subscribable event type named by `t` (namespace prefix dropped, any case), or the name as given when there is none. */
const eventName = (t: string) => {
  const bare = t.replace(/^.*:/, '');
  return Object.keys(SUBSCRIBABLE).find((k) => k.toLowerCase() === bare.toLowerCase()) ?? bare.toUpperCase();
};
const isEmpty = (f: unknown) => !!f && typeof f === 'object' && !Array.isArray(f) && Object.keys(f).length === 0;

export async function subscribeOne(tx: Tx, ctx: Context, header: Header, transactionId: string, item: SubscribeItem, seen: Set<string>) {
  const c = item.subscribe_criteria;
  const locale = answerLocale(item.locale).locale;
  const base = { reference_id: item.reference_id, timestamp: now(), locale };
  const reject = (code: string, reason: string) => ({ ...base, status: 'rjct' as const, status_reason_code: code, status_reason_message: reason.slice(0, 999), subscriptions: undefined });
  const problem = itemProblem(item, seen);
  if (problem) return reject(problem.code, problem.reason);
  const event = eventName(c.reg_event_type);
  const types = SUBSCRIBABLE[event];
  if (!types) return reject('rjct.notify_types.invalid', `unknown reg_event_type "${c.reg_event_type.slice(0, 60)}": use ${Object.keys(SUBSCRIBABLE).join(', ')}`);
  if (!isOurRegType(c.reg_type)) return reject('rjct.notify_details.invalid', `unknown reg_type "${String(c.reg_type).slice(0, 60)}": this registry is ${REG_TYPE}`);
  if (!['Group', 'spdci:Group'].includes(c.notify_record_type)) return reject('rjct.notify_details.invalid', `notify_record_type "${c.notify_record_type.slice(0, 60)}" is not served: notifications carry Group records`);
  const filter = isEmpty(c.filter) ? null : { type: c.filter_type ?? 'expression', query: c.filter };
  if (filter) {
    const q = translate(filter.type, filter.query);
    if (!q.ok) return reject(q.personId ? 'rjct.person_id.invalid' : 'rjct.notify_details.invalid', q.reason);
  }
  const notifyUri = header.sender_uri ?? null;
  const [same] = await dciStore.activeSubscription(tx, { owner: ctx.caller.id, eventType: event, filter, notifyUri });
  if (same) return reject('rjct.event.already_subscribed', `you already have this subscription: ${same.code} (unsubscribe it first to change it)`);
  const code = `sub-${randomUUID()}`;
  await dciStore.insertSubscription(tx, {
    code, owner: ctx.caller.id, role: ctx.caller.role, areas: ctx.caller.areas, sector: ctx.caller.sector ?? null, senderId: header.sender_id,
    notifyUri, transactionId, eventType: event, changeTypes: types, filter, locale,
  });
  return {
    ...base, status: 'succ' as const,
    subscriptions: [{ code, status: 'subscribe' as const, timestamp: now(), reg_type: c.reg_type, reg_event_type: event, filter_type: c.filter_type, filter: c.filter, notify_record_type: c.notify_record_type }],
  };
}

/** Cancels the caller's subscriptions among `codes` made by this sender; reports the others with the spec's reason. */
export async function unsubscribe(tx: Tx, owner: string, senderId: string, codes: string[]) {
  const known = new Map((await dciStore.subscriptionsOf(tx, owner, codes)).map((s) => [s.code, s]));
  const bySender = codes.filter((c) => known.get(c)?.senderId === senderId);
  const cancelled = new Set((await dciStore.unsubscribe(tx, owner, bySender)).map((r) => r.code));
  const unknown = codes.filter((c) => !known.has(c));
  const otherSender = codes.filter((c) => known.has(c) && known.get(c)!.senderId !== senderId);
  const already = bySender.filter((c) => !cancelled.has(c));
  const list = (l: string[]) => l.join(', ').slice(0, 900);
  const reason = unknown.length ? { status_reason_code: 'rjct.subscription_code.invalid', status_reason_message: `no subscription of yours with code ${list(unknown)}` }
    : otherSender.length ? { status_reason_code: 'rjct.requester.invalid', status_reason_message: `made by another sender_id than ${senderId.slice(0, 99)}: ${list(otherSender)}; unsubscribe as the sender that subscribed` }
      : already.length ? { status_reason_code: 'rjct.event.already_unsubscribed', status_reason_message: `already cancelled: ${list(already)}` } : {};
  return {
    status: (cancelled.size ? 'succ' : 'rjct') as 'succ' | 'rjct',
    ...reason,
    subscription_status: codes.filter((c) => known.has(c)).map((c) => ({ code: c, status: cancelled.has(c) || known.get(c)!.status === 'unsubscribe' ? 'unsubscribe' as const : 'subscribe' as const })),
  };
}
