/**
 * A donor follows the needs that match its interests (issue 11 item 4), through the SDK,
 * on demo households of township 433124200 (no other file writes there; no school-aid need
 * is published here, donations.test.ts counts those in the county):
 * - `subscribeMatchingNeeds()` pushes each newly published need that meets every interest
 *   the donor stated, with the reasons, and nothing else — another donor gets its own
 *   matches; resuming from a cursor gives only the later ones; no answer carries the
 *   household's ID, number or a member's name;
 * - a donor's webhook delivers the same matches, signed, as published views only;
 *   a donor's webhook takes no other event type and no area of its own;
 * - the reviewer is warned when a sector project already funds the household (no double funding).
 */
import { randomBytes, randomUUID } from 'node:crypto';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { BadUserInputError, ForbiddenError, verifyWebhook, type Client, type MatchedNeed, type MatchedNeedWebhook } from '@jingzhun/sdk';
import { clientAs } from '../support/context.js';
import { startReceiver, waitFor, type Receiver } from '../support/receiver.js';
import { take } from '../support/take.js';

const COUNTY = '433124';
const TOWNSHIP = '433124200';
const run = randomUUID().slice(0, 8);
const inDays = (n: number) => new Date(Date.now() + n * 86_400_000).toISOString().slice(0, 10);

let county: Client;
let township: Client;
let cadre: Client;
let village: string;
let households: { id: string; number: string; names: string[] }[];
let stop: AbortController;
const receivers: Receiver[] = [];

afterEach(() => stop?.abort());
afterAll(async () => {
  for (const r of receivers) await r.close();
});

async function donor(name: string, interests: Record<string, unknown>) {
  const sub = `feed-${name}-${run}`;
  await county.registerDonor({ input: { name: `${name} 基金会`, kind: 'SOCIAL_ORGANIZATION', subject: sub, interests } });
  return clientAs({ role: 'donor', sub });
}

/** Drafts, checks and publishes a need of a household; returns the published view's reference. */
async function publish(household: number, category: string, amount: number) {
  const { draftNeed } = await cadre.draftNeed({ input: { householdId: households[household].id, category: category as never, amount, deadline: inDays(60), description: `${category} ${run}` } });
  await township.checkNeed({ input: { needId: draftNeed.id, decision: 'APPROVE' } });
  const { reviewNeed } = await county.reviewNeed({ input: { needId: draftNeed.id, decision: 'APPROVE' } });
  return reviewNeed.published!.reference;
}

/** Nothing that would identify a household: its ID, its number, a member's name. */
function expectNoPersonalData(text: string) {
  for (const h of households) {
    expect(text).not.toContain(h.id);
    expect(text).not.toContain(h.number);
    for (const n of h.names) expect(text).not.toContain(n);
  }
}

beforeAll(async () => {
  county = await clientAs({ role: 'official', area: COUNTY, sub: `feed-county-${run}` });
  township = await clientAs({ role: 'official', area: TOWNSHIP, sub: `feed-township-${run}` });
  const villages = (await county.villages({ filter: { areaCode: TOWNSHIP }, first: 20 })).villages.nodes.map((v) => v.code).sort();
  households = [];
  for (const v of villages) {
    const page = (await county.households({ filter: { areaCode: v }, first: 3 })).households.nodes;
    if (page.length < 3) continue;
    village = v;
    for (const h of page) {
      const { household } = await county.household({ id: h.id });
      households.push({ id: h.id, number: h.number, names: household!.members.map((m) => m.name!).filter((n) => n.length >= 2) });
    }
    break;
  }
  expect(households).toHaveLength(3);
  cadre = await clientAs({ role: 'cadre', area: village, sub: `feed-cadre-${run}` });
});

describe('matchingNeeds', () => {
  it('pushes to each donor the needs that meet its interests, with the reasons, and nothing personal', async () => {
    const schools = await donor('schools', { categories: ['INDUSTRY'], areaCodes: [TOWNSHIP] });
    const clinics = await donor('clinics', { categories: ['MEDICAL_AID'], maxAmount: 3000 });
    stop = new AbortController();
    const forSchools = schools.subscribeMatchingNeeds({ signal: stop.signal });
    const forClinics = clinics.subscribeMatchingNeeds({ signal: stop.signal });
    // Start both subscriptions (the first `next` subscribes from the feed's end) before publishing.
    const firstSchool = forSchools.next();
    const firstClinic = forClinics.next();
    await new Promise((r) => setTimeout(r, 500));

    const big = await publish(0, 'MEDICAL_AID', 5000); // above the clinics' range: nobody's match
    const school = await publish(1, 'INDUSTRY', 800);
    const clinic = await publish(2, 'MEDICAL_AID', 1200);

    const s = (await firstSchool).value as MatchedNeed;
    const c = (await firstClinic).value as MatchedNeed;
    expect(s.need.reference).toBe(school);
    expect(s.reasons).toEqual(['in a category you fund (industry 产业)', `in an area you help (${TOWNSHIP})`]);
    expect(c.need.reference).toBe(clinic);
    expect(c.reasons).toEqual(['in a category you fund (medical_aid 助医)', '1200 yuan open, within your range']);
    expect([s.need.reference, c.need.reference]).not.toContain(big);
    expect(s.need).toMatchObject({ villageCode: village, amount: 800, openAmount: 800 });
    expectNoPersonalData(JSON.stringify([s, c]));

    // Resuming from the school need's cursor gives only what matched after it.
    const later = await publish(0, 'INDUSTRY', 300);
    const resumed = await take(schools.subscribeMatchingNeeds({ after: s.cursor, signal: stop.signal }), 1);
    expect(resumed.map((m) => m.need.reference)).toEqual([later]);
  });

  it('is for donors: an official is refused, and so is a cursor that is not one', async () => {
    stop = new AbortController();
    await expect(county.subscribeMatchingNeeds({ signal: stop.signal }).next()).rejects.toBeInstanceOf(ForbiddenError);
    const d = await donor('cursor', {});
    const bad = await d.subscribeMatchingNeeds({ after: 'bm90LWEtY3Vyc29y', signal: stop.signal }).next().catch((e) => e);
    expect(bad).toBeInstanceOf(BadUserInputError);
    expect(bad.problems).toEqual([expect.objectContaining({ field: 'after' })]);
  });
});

describe("a donor's webhook", () => {
  it('receives the matching needs, signed, as published views; other needs are not sent', async () => {
    const r = await startReceiver(200);
    receivers.push(r);
    const secret = randomBytes(24).toString('hex');
    const d = await donor('hook', { categories: ['DAILY_NECESSITIES'], areaCodes: [village] });
    const { registerWebhook } = await d.registerWebhook({ input: { url: r.url, secret } });
    expect(registerWebhook).toMatchObject({ eventTypes: ['need.published'], areaCodes: [''] });

    const other = await publish(1, 'SKILLS_TRAINING', 400);
    const mine = await publish(2, 'DAILY_NECESSITIES', 600);
    await waitFor('the matching need POSTed', () => r.got.length >= 1);
    await new Promise((ok) => setTimeout(ok, 1500)); // time for a wrong delivery to arrive too
    expect(r.got).toHaveLength(1);
    const got = r.got[0];
    const body = verifyWebhook<MatchedNeedWebhook>(secret, got.headers, got.body);
    expect(body.type).toBe('need.published');
    expect(body.need).toMatchObject({ reference: mine, category: 'DAILY_NECESSITIES', openAmount: 600 });
    // The body speaks as the API does: the same values the publishedNeed query returns.
    const { publishedNeed } = await d.publishedNeed({ id: body.need!.id });
    expect(body.need).toMatchObject(publishedNeed!);
    expect(body.reasons).toEqual([expect.stringContaining('in a category you fund'), `in an area you help (${village})`]);
    expect(got.body).not.toContain(other);
    expect(got.body).not.toContain('"payload"');
    expectNoPersonalData(got.body);
    expect((await d.webhooks()).webhooks.nodes.map((w) => w.id)).toEqual([registerWebhook.id]);
  });

  it('takes no other event type and no area of its own, and needs a registered participant', async () => {
    const d = await donor('hook-bad', {});
    const input = { url: 'http://127.0.0.1:9/x', secret: randomBytes(24).toString('hex') };
    const types = await d.registerWebhook({ input: { ...input, eventTypes: ['household.registered'] } }).catch((e) => e);
    expect(types).toBeInstanceOf(BadUserInputError);
    expect(types.problems).toEqual([expect.objectContaining({ field: 'input.eventTypes', reason: expect.stringContaining('need.published') })]);
    const area = await d.registerWebhook({ input: { ...input, areaCode: COUNTY } }).catch((e) => e);
    expect(area.problems).toEqual([expect.objectContaining({ field: 'input.areaCode', reason: expect.stringContaining('setDonorInterests') })]);
    const stranger = await clientAs({ role: 'donor', sub: `unregistered-${run}` });
    await expect(stranger.registerWebhook({ input })).rejects.toBeInstanceOf(ForbiddenError);
    expect((await d.webhooks()).webhooks.totalCount).toBe(0);
  });
});

describe('no double funding', () => {
  it('warns the reviewer of an education project that already benefits the household', async () => {
    const education = await clientAs({ role: 'ministry', sector: 'education', area: '43', sub: `feed-education-${run}` });
    const { createProgramme } = await education.createProgramme({ input: { name: `教育扶贫 ${run}`, year: 2016, budget: 500_000, areaCode: COUNTY } });
    const { createProject } = await education.createProject({
      input: { programmeId: createProgramme.id, name: '雨露计划助学', kind: '助学补助', areaCode: COUNTY, budget: 100_000, startDate: '2016-03-01', endDate: '2016-12-31', outputs: [] },
    });
    const h = households[0];
    await education.linkBeneficiaries({ projectId: createProject.id, idempotencyKey: randomUUID(), items: [{ householdId: h.id, benefitKind: 'SUBSIDY', amount: 1500, date: inDays(0) }] });
    const { draftNeed } = await cadre.draftNeed({ input: { householdId: h.id, category: 'SCHOOL_AID', amount: 1000, deadline: inDays(30), description: `学费 ${run}` } });
    await township.checkNeed({ input: { needId: draftNeed.id, decision: 'APPROVE' } });
    const { need } = await county.need({ id: draftNeed.id });
    const link = need!.reviewWarnings.find((w) => w.kind === 'PROJECT_LINK');
    expect(link?.message).toMatch(/an? education project already benefits the household \(1500 yuan, \d{4}-\d{2}-\d{2}\): check it does not fund the same school_aid 助学/);
  });
});
