/**
 * Change-feed events as DCI registry events (issue 17 item 4). Each household event of the
 * feed is one of three DCI event types, and names what happened (`kind`):
 *
 * | change event | DCI event | kind |
 * | --- | --- | --- |
 * | household.registered | REGISTER | household.registered (建档立卡) |
 * | household.corrected | UPDATE | member.removed (减员) when members left, else member.added (增员) when members joined, else household.corrected |
 * | household.yearRecorded | UPDATE | household.yearRecorded (年度动态调整) |
 * | household.yearCorrected | UPDATE | household.yearCorrected (a yearly record corrected) |
 * | household.statusChanged to stage REMOVED | DELETE | household.removed (错评清退 / 剔除): the household leaves the register |
 * | household.statusChanged to status 1 or 4 | UPDATE | household.exited (脱贫) |
 * | household.statusChanged to status 3 | UPDATE | household.relapsed (返贫) |
 * | household.statusChanged otherwise | UPDATE | household.statusChanged |
 *
 * A subscription to REGISTER, UPDATE or DELETE gets only that type; ALL gets every one;
 * NewHouseHoldMember (the spec's own event) gets the corrections that add members 增员.
 *
 * The notification's `reg_event_type` must be one of the spec's notify enum (`REGISTER`,
 * `NewHouseHoldMember`; NotifyEventRequest), so it is `notify`: NewHouseHoldMember when the
 * correction added members, else REGISTER (the register's record as it now stands, which the
 * spec's note "the SR sends registration and updates events" allows). What happened is in the
 * extension fields beside it: `event_type` (REGISTER, UPDATE, DELETE: the type subscribed to)
 * and `event_kind`.
 */
export type DciEventType = 'REGISTER' | 'UPDATE' | 'DELETE';
/** The spec's notify `reg_event_type` enum (NotifyEventRequest.notify_event.data). */
export type NotifyEventType = 'REGISTER' | 'NewHouseHoldMember';

/** The change-event types DCI subscriptions read from the feed. */
export const HOUSEHOLD_CHANGES = ['household.registered', 'household.corrected', 'household.yearRecorded', 'household.yearCorrected', 'household.statusChanged'];

/** The event types a subscription may ask for (reg_event_type, any namespace prefix dropped), and the change events each reads. */
export const SUBSCRIBABLE: Readonly<Record<string, string[]>> = {
  REGISTER: ['household.registered'],
  UPDATE: ['household.corrected', 'household.yearRecorded', 'household.yearCorrected', 'household.statusChanged'],
  DELETE: ['household.statusChanged'],
  ALL: HOUSEHOLD_CHANGES,
  NewHouseHoldMember: ['household.corrected'],
};

interface Payload {
  after?: { toStatus?: string | null; fromStatus?: string | null; toStage?: string | null; fromStage?: string | null; membersRemoved?: string[]; membersAdded?: string[] } | null;
}

export interface DciEvent { event: DciEventType; notify: NotifyEventType; kind: string; members?: { removed: string[]; added: string[] } }

/** The DCI event of a change event, with what happened; null for an event DCI does not notify. */
export function classify(e: { type: string; payload: unknown }): DciEvent | null {
  const d = classifyKind(e);
  if (!d) return null;
  return { ...d, notify: d.members?.added.length ? 'NewHouseHoldMember' : 'REGISTER' };
}

function classifyKind(e: { type: string; payload: unknown }): Omit<DciEvent, 'notify'> | null {
  const after = (e.payload as Payload | null)?.after ?? {};
  switch (e.type) {
    case 'household.registered':
      return { event: 'REGISTER', kind: 'household.registered' };
    case 'household.yearRecorded':
      return { event: 'UPDATE', kind: 'household.yearRecorded' };
    case 'household.yearCorrected':
      return { event: 'UPDATE', kind: 'household.yearCorrected' };
    case 'household.corrected': {
      const members = { removed: after.membersRemoved ?? [], added: after.membersAdded ?? [] };
      if (members.removed.length) return { event: 'UPDATE', kind: 'member.removed', members };
      if (members.added.length) return { event: 'UPDATE', kind: 'member.added', members };
      return { event: 'UPDATE', kind: 'household.corrected' };
    }
    case 'household.statusChanged': {
      if (after.toStage === 'REMOVED' && after.fromStage !== 'REMOVED') return { event: 'DELETE', kind: 'household.removed' };
      const exited = (s: string | null | undefined) => s === '1' || s === '4';
      if (exited(after.toStatus) && !exited(after.fromStatus)) return { event: 'UPDATE', kind: 'household.exited' };
      if (after.toStatus === '3' && after.fromStatus !== '3') return { event: 'UPDATE', kind: 'household.relapsed' };
      return { event: 'UPDATE', kind: 'household.statusChanged' };
    }
    default:
      return null;
  }
}

/** Whether a subscription to `subscribed` (REGISTER, UPDATE, DELETE, ALL or NewHouseHoldMember) is notified of `d`. */
export const follows = (subscribed: string, d: Pick<DciEvent, 'event' | 'notify'>) =>
  subscribed === 'ALL' || subscribed === d.event || (subscribed === 'NewHouseHoldMember' && d.notify === 'NewHouseHoldMember');
