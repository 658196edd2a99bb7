/**
 * The change feed through the SDK: every accepted write is an event, read in order
 * from a cursor, once, without personal data, limited to the caller's area and not
 * for donors; `follow()` delivers the events of writes made while it runs and
 * resumes from its last cursor after a network error.
 */
import { beforeAll, describe, expect, it } from 'vitest';
import {
  BadUserInputError, follow, ForbiddenError, NetworkError,
  type ChangeFilterInput, type ChangesQueryVariables, type Client, type FollowedEvent,
} from '@jingzhun/sdk';
import { clientAs } from '../support/context.js';
import { freshHousehold, year } from '../support/forms.js';
import { take } from '../support/take.js';

const COUNTY = '433124';
const OTHER = '433125';

let admin: Client;
let official: Client;
/** Villages other test files leave alone (they write in the county's first ones). */
let village: string;
let followVillage: string;

type Event = FollowedEvent;

/** Every event after `after` that the feed returns now, page by page. */
async function drain(client: Client, after: string | null, filter?: ChangeFilterInput, first = 100) {
  const events: Event[] = [];
  for (;;) {
    const { changes } = await client.changes({ after, first, filter });
    events.push(...changes.edges.map((e) => ({ ...e.node, cursor: e.cursor })));
    after = changes.pageInfo.endCursor ?? after;
    if (!changes.pageInfo.hasNextPage) return { events, end: after };
  }
}

/** The feed's current end: a cursor before any write made from now on. */
const feedEnd = async (client: Client) => (await drain(client, null)).end;

/** Polls until at least `n` events follow `after` (another run's open transaction may hold the feed back a moment). */
async function eventsAfter(client: Client, after: string | null, filter: ChangeFilterInput, n: number) {
  const deadline = Date.now() + 20_000;
  for (;;) {
    const { events } = await drain(client, after, filter);
    if (events.length >= n || Date.now() > deadline) return events;
    await new Promise((r) => setTimeout(r, 200));
  }
}

async function register(villageCode: string) {
  const form = freshHousehold(villageCode);
  const { registerHousehold } = await official.registerHousehold({ input: form });
  return { id: registerHousehold.household.id, form };
}

beforeAll(async () => {
  admin = await clientAs({ role: 'admin' });
  official = await clientAs({ role: 'official', area: COUNTY, sub: 'official-changes' });
  const { villages } = await admin.villages({ filter: { areaCode: COUNTY }, first: 100 });
  village = villages.nodes.at(-1)!.code;
  followVillage = villages.nodes.at(-2)!.code;
  expect(village).toMatch(/^433124\d{6}$/);
  expect(followVillage).not.toBe(village);
});

describe('changes', () => {
  let start: string | null;
  let h: { id: string; form: ReturnType<typeof freshHousehold> };
  let mine: Event[];

  beforeAll(async () => {
    start = await feedEnd(admin);
    h = await register(village);
    await official.recordHouseholdYear({ householdId: h.id, input: year(2015) });
    mine = await eventsAfter(admin, start, { areaCode: village }, 2);
  });

  it('returns the events of a registration and a yearly record, in order, from the cursor before them', async () => {
    expect(mine.map((e) => e.type)).toEqual(['household.registered', 'household.yearRecorded']);
    for (const e of mine) expect(e).toMatchObject({ entityType: 'Household', entityId: h.id, areaCode: village });
    expect(Number(mine[0].sequence)).toBeLessThan(Number(mine[1].sequence));
    expect(mine[0].payload).toMatchObject({ operation: 'registerHousehold' });
    expect(new Date(mine[1].at).getTime()).toBeGreaterThanOrEqual(new Date(mine[0].at).getTime());
    expect((await admin.node({ id: mine[0].id })).node).toEqual({ id: mine[0].id, __typename: 'ChangeEvent' });
  });

  it('carries no name, ID number, phone or bank account in the payload', async () => {
    const text = JSON.stringify(mine.map((e) => e.payload));
    const personal = [h.form.phone!, h.form.bankAccount!, ...h.form.members.flatMap((m) => [m.name, m.idNumber])];
    expect(personal.length).toBe(8);
    for (const value of personal) expect(text).not.toContain(value);
    expect(text).toContain('[redacted]');
  });

  it('gives every event once, in the same order, when paged one at a time', async () => {
    const more = await register(village);
    await official.recordHouseholdYear({ householdId: more.id, input: year(2016) });
    const all = await eventsAfter(admin, start, { areaCode: village }, 4);
    expect(all.map((e) => e.entityId)).toEqual([h.id, h.id, more.id, more.id]);
    const { events: byOne } = await drain(admin, start, { areaCode: village }, 1);
    expect(byOne.map((e) => e.id)).toEqual(all.map((e) => e.id));
    expect(new Set(byOne.map((e) => e.id)).size).toBe(4);
    // Resuming from any event's cursor gives exactly the ones after it.
    expect((await drain(admin, byOne[1].cursor, { areaCode: village })).events.map((e) => e.id)).toEqual(all.slice(2).map((e) => e.id));
  });

  it('filters by type', async () => {
    const { events } = await drain(admin, start, { areaCode: village, types: ['household.yearRecorded'] });
    expect(events.length).toBeGreaterThanOrEqual(1);
    expect(events.every((e) => e.type === 'household.yearRecorded')).toBe(true);
    expect(events[0].id).toBe(mine[1].id);
  });

  it('shows an official of another county nothing of this county, and refuses a donor', async () => {
    const other = await clientAs({ role: 'official', area: OTHER, sub: 'official-433125' });
    const { events } = await drain(other, start);
    expect(events.filter((e) => !e.areaCode.startsWith(OTHER))).toEqual([]);
    expect((await drain(other, start, { areaCode: village })).events).toEqual([]);
    expect((await other.node({ id: mine[0].id })).node).toBeNull();
    // The same events are there for the county's own official.
    expect((await drain(official, start, { areaCode: village })).events.map((e) => e.id)).toEqual(expect.arrayContaining(mine.map((e) => e.id)));
    const donor = await clientAs({ role: 'donor', sub: 'donor-changes' });
    await expect(donor.changes({ first: 1 })).rejects.toBeInstanceOf(ForbiddenError);
  });

  it('refuses a malformed type with the field and the reason', async () => {
    const err = await admin.changes({ filter: { types: ['Household registered'] } }).catch((e) => e);
    expect(err).toBeInstanceOf(BadUserInputError);
    expect(err.field).toBe('filter.types[0]');
    expect(err.reason).toMatch(/household\.registered/);
    const second = await admin.changes({ filter: { types: ['household.registered', 'nope'] } }).catch((e) => e);
    expect(second.field).toBe('filter.types[1]');
    await expect(admin.changes({ after: 'not-a-cursor' })).rejects.toBeInstanceOf(BadUserInputError);
  });
});

describe('follow', () => {
  it('yields the events of writes made after it started, once and in order', async () => {
    const after = await feedEnd(admin);
    const stop = new AbortController();
    const it = admin.follow({ after, areaCode: followVillage, pollIntervalMs: 100, signal: stop.signal });
    const got = take(it, 3);
    const h = await register(followVillage);
    await official.recordHouseholdYear({ householdId: h.id, input: year(2015) });
    await official.recordHouseholdYear({ householdId: h.id, input: year(2016) });
    const events = await got;
    stop.abort();
    expect(events.map((e) => e.type)).toEqual(['household.registered', 'household.yearRecorded', 'household.yearRecorded']);
    expect(events.every((e) => e.entityId === h.id)).toBe(true);
    expect(new Set(events.map((e) => e.id)).size).toBe(3);
    expect(await it.next()).toEqual({ done: true, value: undefined });
  });

  it('resumes from the last cursor it yielded after a network error, and from a saved cursor', async () => {
    const after = await feedEnd(admin);
    const h = await register(followVillage);
    await official.recordHouseholdYear({ householdId: h.id, input: year(2015) });
    await official.recordHouseholdYear({ householdId: h.id, input: year(2016) });
    await eventsAfter(admin, after, { areaCode: followVillage }, 3);
    // A connection that fails on its second request; pages of one event, so the failure falls mid-stream.
    const calls: (string | null | undefined)[] = [];
    const flaky = {
      changes: async (v?: ChangesQueryVariables) => {
        calls.push(v?.after);
        if (calls.length === 2) throw new NetworkError({ message: 'connection reset', extensions: { code: 'NETWORK_ERROR' } }, []);
        return admin.changes({ ...v, first: 1 });
      },
    };
    const stop = new AbortController();
    const events = await take(follow(flaky, { after, areaCode: followVillage, pollIntervalMs: 50, signal: stop.signal }), 3);
    stop.abort();
    expect(events.map((e) => e.type)).toEqual(['household.registered', 'household.yearRecorded', 'household.yearRecorded']);
    expect(new Set(events.map((e) => e.id)).size).toBe(3);
    expect(calls.slice(0, 3)).toEqual([after, events[0].cursor, events[0].cursor]);
    // A consumer that saved the first event's cursor picks up exactly where it left off.
    const again = new AbortController();
    const resumed = await take(admin.follow({ after: events[0].cursor, areaCode: followVillage, pollIntervalMs: 50, signal: again.signal }), 2);
    again.abort();
    expect(resumed.map((e) => e.id)).toEqual(events.slice(1).map((e) => e.id));
  });
});
