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
 * A subscription to REGISTER, UPDATE or DELETE gets only that type; ALL gets every one.
 */
export type DciEventType = 'REGISTER' | 'UPDATE' | 'DELETE';

/** The change-event types DCI subscriptions read from the feed. */
export const HOUSEHOLD_CHANGES = ['household.registered', 'household.corrected', 'household.yearRecorded', 'household.yearCorrected', 'household.statusChanged'];

/** The event types a subscription may ask for (reg_event_type, any namespace prefix dropped), and the change events each reads. */
export const SUBSCRIBABLE: Readonly<Record<string, string[]>> = {
  REGISTER: ['household.registered'],
  UPDATE: ['household.corrected', 'household.yearRecorded', 'household.yearCorrected', 'household.statusChanged'],
  DELETE: ['household.statusChanged'],
  ALL: HOUSEHOLD_CHANGES,
};

interface Payload {
  after?: { toStatus?: string | null; fromStatus?: string | null; toStage?: string | null; fromStage?: string | null; membersRemoved?: string[]; membersAdded?: string[] } | null;
}

export interface DciEvent { event: DciEventType; kind: string; members?: { removed: string[]; added: string[] } }

/** The DCI event of a change event, with what happened; null for an event DCI does not notify. */
export function classify(e: { type: string; payload: unknown }): DciEvent | null {
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

/** Whether a subscription to `subscribed` (REGISTER, UPDATE, DELETE or ALL) is notified of `event`. */
export const follows = (subscribed: string, event: DciEventType) => subscribed === 'ALL' || subscribed === event;
