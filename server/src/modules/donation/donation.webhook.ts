/**
 * Donor webhooks (issue 11 item 4): what the dispatcher (modules/webhook/dispatcher.ts)
 * does differently for an endpoint a donor registered. Fan-out reads the feed's
 * `need.published` events after the endpoint's position (bounded by the round's horizon,
 * like every endpoint) and queues a delivery only for the needs that match the donor's
 * interests as they stand then (match.ts), while the position passes every event read.
 * The body is built when it is sent, from the need's published view only: the event's
 * id and time, the need as published now (null if it was cancelled since), and the
 * reasons — never the change event's own payload.
 */
import type { Tx } from '../../db/client.js';
import type { ChangeRow, FeedPosition } from '../change/change.store.js';
import { toGlobalId } from '../../graphql/ids.js';
import { donationStore } from './donation.store.js';
import { publishedJson, toPublished } from './donation.model.js';
import { matchOf } from './match.js';

/** The events of one fan-out round for a donor's endpoint: all read (for the position), and those to deliver. */
export async function donorFanOut(tx: Tx, subject: string, position: FeedPosition, bound: number, limit: number) {
  const read = await donationStore.publishedEvents(tx, position, limit, bound);
  if (!read.length) return { read, deliver: [] as number[] };
  const [donor, rows] = await Promise.all([donationStore.donorBySubject(tx, subject), donationStore.publishedByReferences(tx, read.map((e) => e.reference))]);
  const matching = new Set(rows.filter((r) => donor && matchOf(donor, toPublished(r))).map((r) => r.reference));
  return { read, deliver: read.filter((e) => matching.has(e.reference)).map((e) => e.id) };
}

/** The POSTed body of a donor's delivery. */
export async function donorBody(db: Tx, subject: string, event: ChangeRow): Promise<string> {
  const reference = (event.payload as { after?: { reference?: string } } | null)?.after?.reference ?? '';
  const [donor, row] = await Promise.all([donationStore.donorBySubject(db, subject), donationStore.publishedByReference(db, reference)]);
  const need = row ? toPublished(row) : null;
  return JSON.stringify({
    id: toGlobalId('ChangeEvent', String(event.id)),
    sequence: String(event.id),
    type: event.type,
    at: event.at,
    need: need && publishedJson(need),
    reasons: need && donor ? (matchOf(donor, need) ?? []) : [],
  });
}
