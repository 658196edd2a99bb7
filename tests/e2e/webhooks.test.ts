/**
 * Webhooks through the SDK, against the started server and a receiver on 127.0.0.1:
 * an official registers an endpoint for household.registered in one village and
 * receives a signed POST that `verifyWebhook` accepts, carrying the change feed's
 * event; a failing receiver is retried (each failure logged) until it recovers; one
 * that keeps failing is paused, gets nothing while paused, and catches up when
 * resumed; a delivery can be sent again; endpoints and deliveries are their owner's
 * alone; bad input names its field; a deleted endpoint receives nothing more; every
 * write is audited without the secret. (The server runs with WEBHOOK_FAILURE_LIMIT=5
 * and WEBHOOK_RETRY_BASE_MS=100: tests/setup/server.ts.)
 */
import { randomBytes, randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  BadUserInputError, ForbiddenError, InvalidTransitionError, NotFoundError, verifyWebhook, WebhookVerificationError,
  type Client, type RegisterWebhookInput, type WebhookDeliveriesQuery,
} from '@jingzhun/sdk';
import { clientAs } from '../support/context.js';
import { dayIn, freshHousehold, member, year } from '../support/forms.js';
import { startReceiver, waitFor, type Receiver } from '../support/receiver.js';

const COUNTY = '433124';
const FAILURE_LIMIT = 5;
type Delivery = WebhookDeliveriesQuery['webhookDeliveries']['nodes'][number];

let official: Client;
/** Villages no other test file writes in (changes.test.ts takes the last two of the first 100). */
let villages: string[];
const receivers: Receiver[] = [];
const secret = () => randomBytes(24).toString('hex');

async function receiver(status = 200) {
  const r = await startReceiver(status);
  receivers.push(r);
  return r;
}

/** A fresh household whose members are born in years no other test file uses, so their ID numbers never meet another file's. */
async function register(village: string) {
  const input = freshHousehold(village, {
    members: [
      member({ name: '龙测试', relation: 'HEAD', sex: 'MALE', birth: dayIn(1977) }),
      member({ name: '石测试', relation: 'SPOUSE', sex: 'FEMALE', birth: dayIn(1979), health: ['CHRONIC_ILLNESS'] }),
      member({ name: '龙小测', relation: 'DAUGHTER', sex: 'FEMALE', birth: dayIn(2008), schooling: 'GRADE_9', education: 'JUNIOR_SECONDARY', labourSkill: 'NONE' }),
    ],
  });
  return (await official.registerHousehold({ input })).registerHousehold.household.id;
}

async function endpoint(input: RegisterWebhookInput, client = official) {
  return (await client.registerWebhook({ input })).registerWebhook;
}

async function deliveryOf(endpointId: string, entitySequence: string): Promise<Delivery | undefined> {
  return (await official.webhookDeliveries({ endpointId, first: 100 })).webhookDeliveries.nodes.find((d) => d.sequence === entitySequence);
}

/** The POSTs a receiver got for one entity. */
const postsFor = (r: Receiver, entityId: string) => r.got.filter((g) => g.event.entityId === entityId);

const idle = (ms: number) => new Promise((r) => setTimeout(r, ms));

beforeAll(async () => {
  official = await clientAs({ role: 'official', area: COUNTY, sub: `official-webhooks-${randomUUID()}` });
  const admin = await clientAs({ role: 'admin' });
  const { nodes } = (await admin.villages({ filter: { areaCode: COUNTY }, first: 100 })).villages;
  villages = nodes.slice(-8, -3).map((v) => v.code);
  expect(new Set(villages).size).toBe(5);
});

afterAll(async () => {
  for (const r of receivers) await r.close();
});

describe('webhooks', () => {
  let signedKey: string;
  let first: Receiver;
  let firstEndpoint: string;
  let household: string;
  let sequence: string;

  it('delivers a signed POST of household.registered that verifyWebhook accepts, with the change feed’s event', async () => {
    first = await receiver();
    signedKey = secret();
    const ep = await endpoint({ url: first.url, secret: signedKey, eventTypes: ['household.registered'], areaCode: villages[0] });
    firstEndpoint = ep.id;
    expect(ep).toMatchObject({ url: first.url, eventTypes: ['household.registered'], areaCodes: [villages[0]], status: 'ACTIVE', consecutiveFailures: 0, pausedReason: null });
    expect(JSON.stringify(ep)).not.toContain(signedKey);

    household = await register(villages[0]);
    await official.recordHouseholdYear({ householdId: household, input: year(2015) }); // another type: not delivered
    const [post] = await waitFor('the POST', () => postsFor(first, household).length && postsFor(first, household));

    const event = verifyWebhook(signedKey, post.headers, post.body);
    expect(event).toMatchObject({ type: 'household.registered', entityType: 'Household', entityId: household, areaCode: villages[0] });
    expect(post.headers['content-type']).toBe('application/json');
    expect(post.headers['x-jingzhun-event-id']).toBe(event.sequence);
    expect(() => verifyWebhook(secret(), post.headers, post.body)).toThrow(WebhookVerificationError);
    expect(() => verifyWebhook(signedKey, post.headers, post.body.replace(villages[0], villages[1]))).toThrow(WebhookVerificationError);
    sequence = event.sequence;

    // The same event as the change feed gives it: id, sequence, payload.
    const { changes } = await official.changes({ filter: { areaCode: villages[0], types: ['household.registered'] }, first: 100 });
    const feed = changes.edges.map((e) => e.node).find((n) => n.entityId === household)!;
    expect(event).toEqual({ ...feed, at: new Date(feed.at).toISOString() });

    const d = await waitFor('the delivery to be recorded', async () => {
      const x = await deliveryOf(ep.id, sequence);
      return x?.status === 'DELIVERED' && x;
    });
    expect(d).toMatchObject({ endpointId: ep.id, eventId: event.id, eventType: 'household.registered', attempts: 1, lastStatusCode: 200, lastError: null, nextAttemptAt: null });
    expect(d.deliveredAt).not.toBeNull();
    await idle(500);
    expect(postsFor(first, household).map((g) => g.event.type)).toEqual(['household.registered']);
  });

  it('retries a failing receiver with growing delays, logging each failure, until it answers 2xx', async () => {
    const r = await receiver(500);
    const ep = await endpoint({ url: r.url, secret: secret(), eventTypes: ['household.registered'], areaCode: villages[1] });
    const h = await register(villages[1]);
    const seq = (await waitFor('a first POST', () => postsFor(r, h)[0])).event.sequence;
    const failing = await waitFor('two failed attempts', async () => {
      const d = await deliveryOf(ep.id, seq);
      return d && d.attempts >= 2 && d.lastStatusCode === 500 && d;
    });
    expect(failing).toMatchObject({ status: 'PENDING', lastStatusCode: 500 });
    expect(failing.lastError).toMatch(/^HTTP 500: receiver is failing on purpose/);
    expect(failing.nextAttemptAt).not.toBeNull();

    r.status = 200;
    const done = await waitFor('the delivery', async () => {
      const d = await deliveryOf(ep.id, seq);
      return d?.status === 'DELIVERED' && d;
    });
    expect(done.attempts).toBeGreaterThanOrEqual(3);
    expect(done).toMatchObject({ lastStatusCode: 200, lastError: null, nextAttemptAt: null });
    const posts = postsFor(r, h);
    expect(posts.map((p) => p.answered).filter((s) => s === 200)).toEqual([200]);
    expect(new Set(posts.map((p) => p.event.id)).size).toBe(1);
    expect(posts.length).toBe(done.attempts);
    expect(posts[1].at - posts[0].at).toBeGreaterThanOrEqual(100); // WEBHOOK_RETRY_BASE_MS
    expect(posts[2].at - posts[1].at).toBeGreaterThanOrEqual(200);
    const mine = (await official.webhooks({ first: 100 })).webhooks.nodes.find((e) => e.id === ep.id);
    expect(mine).toMatchObject({ status: 'ACTIVE', consecutiveFailures: 0 });
  });

  it('pauses an endpoint that keeps failing, sends nothing while paused, and catches up when resumed', async () => {
    const r = await receiver(500);
    const ep = await endpoint({ url: r.url, secret: secret(), eventTypes: ['household.registered'], areaCode: villages[2] });
    const h1 = await register(villages[2]);
    const paused = await waitFor('the pause', async () => {
      const e = (await official.webhooks({ first: 100 })).webhooks.nodes.find((x) => x.id === ep.id);
      return e?.status === 'PAUSED' && e;
    });
    expect(paused.consecutiveFailures).toBeGreaterThanOrEqual(FAILURE_LIMIT);
    expect(paused.pausedReason).toMatch(/^5 deliveries in a row failed; the last: HTTP 500/);
    expect(paused.pausedAt).not.toBeNull();

    const sent = r.got.length;
    const h2 = await register(villages[2]);
    await idle(800);
    expect(r.got.length).toBe(sent);
    const pending = (await official.webhookDeliveries({ endpointId: ep.id, status: 'PENDING' })).webhookDeliveries.nodes;
    expect(pending.map((d) => d.sequence)).toContain(postsFor(r, h1)[0].event.sequence);
    await expect(official.redeliverWebhookDelivery({ id: pending[0].id })).rejects.toBeInstanceOf(InvalidTransitionError);

    r.status = 200;
    const { resumeWebhook } = await official.resumeWebhook({ id: ep.id });
    expect(resumeWebhook).toMatchObject({ status: 'ACTIVE', consecutiveFailures: 0, pausedReason: null, pausedAt: null });
    await waitFor('both households', () => [h1, h2].every((h) => postsFor(r, h).some((p) => p.answered === 200)));
    expect(postsFor(r, h2).length).toBe(1);
    await expect(official.resumeWebhook({ id: ep.id })).rejects.toBeInstanceOf(InvalidTransitionError);
  });

  it('sends a delivered event again on request, with the same event id', async () => {
    const d = (await deliveryOf(firstEndpoint, sequence))!;
    const { redeliverWebhookDelivery: again } = await official.redeliverWebhookDelivery({ id: d.id });
    expect(again).toMatchObject({ id: d.id, status: 'PENDING', attempts: 0, sequence });
    const posts = await waitFor('the second POST', () => postsFor(first, household).length === 2 && postsFor(first, household));
    expect(verifyWebhook(signedKey, posts[1].headers, posts[1].body).id).toBe(posts[0].event.id);
    await waitFor('the delivery to be recorded again', async () => (await deliveryOf(firstEndpoint, sequence))?.status === 'DELIVERED');
  });

  it('shows and changes endpoints and deliveries for their owner only', async () => {
    const d = (await deliveryOf(firstEndpoint, sequence))!;
    for (const other of [
      await clientAs({ role: 'official', area: COUNTY, sub: `official-other-${randomUUID()}` }),
      await clientAs({ role: 'admin', sub: `admin-${randomUUID()}` }),
    ]) {
      expect((await other.webhooks()).webhooks.nodes.map((e) => e.id)).not.toContain(firstEndpoint);
      await expect(other.webhookDeliveries({ endpointId: firstEndpoint })).rejects.toBeInstanceOf(NotFoundError);
      await expect(other.resumeWebhook({ id: firstEndpoint })).rejects.toBeInstanceOf(NotFoundError);
      await expect(other.deleteWebhook({ id: firstEndpoint })).rejects.toBeInstanceOf(NotFoundError);
      await expect(other.redeliverWebhookDelivery({ id: d.id })).rejects.toBeInstanceOf(NotFoundError);
    }
    // (A donor's webhook, for the needs that match its interests, is tests/e2e/donor-feed.test.ts.)
    for (const claims of [{ role: 'cadre', area: villages[3] }, { role: 'analyst', area: COUNTY }]) {
      const c = await clientAs(claims);
      await expect(c.registerWebhook({ input: { url: 'http://127.0.0.1:1/x', secret: secret() } })).rejects.toBeInstanceOf(ForbiddenError);
      await expect(c.webhooks()).rejects.toBeInstanceOf(ForbiddenError);
    }
    const ministry = await clientAs({ role: 'ministry', sector: 'water', area: '43', sub: `water-webhooks-${randomUUID()}` });
    const mine = await endpoint({ url: 'http://127.0.0.1:1/ministry', secret: secret(), areaCode: villages[4] }, ministry);
    expect(mine).toMatchObject({ eventTypes: [], areaCodes: [villages[4]] });
    expect((await ministry.webhooks()).webhooks.nodes.map((e) => e.id)).toEqual([mine.id]);
    expect((await ministry.webhookDeliveries({ endpointId: mine.id })).webhookDeliveries.totalCount).toBe(0);
    await ministry.deleteWebhook({ id: mine.id });
  });

  it('refuses bad input and names every bad field', async () => {
    const bad = async (input: RegisterWebhookInput) => (await official.registerWebhook({ input }).catch((e) => e)) as BadUserInputError;
    const cases: [RegisterWebhookInput, string, RegExp][] = [
      [{ url: 'ftp://127.0.0.1/x', secret: secret() }, 'input.url', /http/],
      [{ url: 'not a url', secret: secret() }, 'input.url', /not a URL/],
      [{ url: 'http://127.0.0.1/x', secret: 'short' }, 'input.secret', /16/],
      [{ url: 'http://127.0.0.1/x', secret: secret(), eventTypes: ['Household registered'] }, 'input.eventTypes[0]', /household\.registered/],
      [{ url: 'http://127.0.0.1/x', secret: secret(), areaCode: '433125' }, 'input.areaCode', /outside your area/],
    ];
    for (const [input, field, reason] of cases) {
      const e = await bad(input);
      expect(e).toBeInstanceOf(BadUserInputError);
      expect(e.field).toBe(field);
      expect(e.reason).toMatch(reason);
    }
    const all = await bad({ url: 'gopher://x', secret: 'x', eventTypes: ['ok.type', 'bad'], areaCode: '43' });
    expect(all.problems.map((p) => p.field)).toEqual(['input.url', 'input.secret', 'input.eventTypes[1]', 'input.areaCode']);
    await expect(official.webhookDeliveries({ endpointId: 'nonsense' })).rejects.toBeInstanceOf(BadUserInputError);
  });

  it('deletes an endpoint: it is gone and receives nothing more; each write is audited without the secret', async () => {
    expect((await official.deleteWebhook({ id: firstEndpoint })).deleteWebhook).toBe(firstEndpoint);
    expect((await official.webhooks({ first: 100 })).webhooks.nodes.map((e) => e.id)).not.toContain(firstEndpoint);
    await expect(official.webhookDeliveries({ endpointId: firstEndpoint })).rejects.toBeInstanceOf(NotFoundError);
    const before = first.got.length;
    await register(villages[0]);
    await idle(800);
    expect(first.got.length).toBe(before);

    const { auditTrail } = await official.auditTrail({ filter: { entityId: firstEndpoint }, first: 10 });
    expect(auditTrail.nodes.map((n) => n.operation).sort()).toEqual(['deleteWebhook', 'registerWebhook']);
    expect(auditTrail.nodes.every((n) => n.actor === auditTrail.nodes[0].actor && n.areaCode === villages[0])).toBe(true);
    expect(JSON.stringify(auditTrail.nodes)).not.toContain(signedKey);
    expect(JSON.stringify(auditTrail.nodes)).toContain(first.url);
  });
});
