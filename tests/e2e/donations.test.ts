/**
 * Social participation 社会扶贫 (issue 11) through the SDK, on demo households of the last
 * township of 花垣县 433124 (no other file writes there; needs and pledges change no
 * household): participants bound to donor tokens by `sub`; a need drafted by the village,
 * checked by the township, reviewed (with warnings) and published by the county; what a
 * donor sees (nothing personal, a random reference per need); descriptions naming someone
 * refused; search and recommendations; partial pledges, the open amount in a CONFLICT;
 * 10 donors racing for the last 500 yuan; delivery, confirmation, acknowledgement,
 * cancellation; ledgers and the public summary without a token; refusals that write nothing.
 */
import { beforeAll, describe, expect, it } from 'vitest';
import {
  BadUserInputError, ConflictError, createClient, ForbiddenError, InvalidTransitionError, NotFoundError, UnauthenticatedError, type Client,
} from '@jingzhun/sdk';
import { clientAs, server, token } from '../support/context.js';
import { base } from '../support/measures.js';

const COUNTY = '433124';
let TOWNSHIP: string;
let VILLAGE: string;
let OTHER_VILLAGE: string;
let admin: Client;
let county: Client;
let township: Client;
let cadre: Client;
let households: { id: string; number: string; memberCount: number; members: { name: string; idNumber: string | null }[] }[];
const run = Math.random().toString(36).slice(2, 8);
const inDays = (n: number) => new Date(Date.now() + n * 86_400_000).toISOString().slice(0, 10);
const todayIs = () => new Date().toISOString().slice(0, 10);

async function donorClient(name: string, over: Record<string, unknown> = {}) {
  const sub = `donor-${name}-${run}`;
  const { registerDonor } = await county.registerDonor({ input: { name: `${name} 基金会`, kind: 'SOCIAL_ORGANIZATION', subject: sub, ...over } });
  return { client: await clientAs({ role: 'donor', sub }), donor: registerDonor, sub };
}

/** Drafts, checks and publishes a need; returns the official's and the donors' view. */
async function publish(input: Parameters<Client['draftNeed']>[0]['input']) {
  const { draftNeed } = await cadre.draftNeed({ input });
  await township.checkNeed({ input: { needId: draftNeed.id, decision: 'APPROVE' } });
  const { reviewNeed } = await county.reviewNeed({ input: { needId: draftNeed.id, decision: 'APPROVE' } });
  return { need: reviewNeed, published: reviewNeed.published! };
}

/**
 * The change events of the given types in the village that mention a reference, once all are
 * visible: the feed holds back events while an older transaction is still open (gap-free).
 */
async function eventsOf(reference: string, types: string[]) {
  for (let i = 0; ; i++) {
    const { changes } = await county.changes({ filter: { areaCode: VILLAGE, types }, first: 100 });
    const mine = changes.edges.map((e) => e.node).filter((e) => JSON.stringify(e.payload).includes(reference));
    if (mine.length >= types.length || i >= 50) return mine;
    await new Promise((r) => setTimeout(r, 200));
  }
}

async function auditCount() {
  return (await county.auditTrail({ filter: { areaCode: TOWNSHIP }, first: 1 })).auditTrail.totalCount;
}

beforeAll(async () => {
  admin = await clientAs({ role: 'admin' });
  const { area } = await admin.area({ code: COUNTY });
  const townships = area!.children.map((c) => c.code).sort();
  TOWNSHIP = townships.at(-1)!;
  const villages = (await admin.villages({ filter: { areaCode: TOWNSHIP }, first: 20 })).villages.nodes.map((v) => v.code).sort();
  county = await clientAs({ role: 'official', area: COUNTY, sub: `donations-county-${run}` });
  township = await clientAs({ role: 'official', area: TOWNSHIP, sub: `donations-township-${run}` });
  const found: typeof households = [];
  for (const v of villages) {
    const page = (await county.households({ filter: { areaCode: v }, first: 5 })).households.nodes;
    if (page.length >= 3) {
      VILLAGE = v;
      for (const h of page.slice(0, 4)) {
        const { household } = await county.household({ id: h.id });
        found.push({ id: h.id, number: h.number, memberCount: household!.members.length, members: household!.members.map((m) => ({ name: m.name!, idNumber: m.idNumber ?? null })) });
      }
      break;
    }
  }
  households = found;
  OTHER_VILLAGE = villages.find((v) => v !== VILLAGE)!;
  cadre = await clientAs({ role: 'cadre', area: VILLAGE, sub: `donations-cadre-${run}` });
});

describe('participants', () => {
  it('an official registers one, bound to a donor token by sub; the token reads it as myDonor, not area-bound', async () => {
    const { client, donor, sub } = await donorClient('participant', { interests: { categories: ['SCHOOL_AID'], areaCodes: [COUNTY], minAmount: 100, maxAmount: 5000 } });
    expect(donor).toMatchObject({ kind: 'SOCIAL_ORGANIZATION', subject: sub, interests: { categories: ['SCHOOL_AID'], areaCodes: [COUNTY], minAmount: 100, maxAmount: 5000 } });
    expect((await client.myDonor()).myDonor).toMatchObject({ id: donor.id, subject: sub, ledger: { pledged: 0, pledges: 0 } });
    const { setDonorInterests } = await client.setDonorInterests({ input: { interests: { categories: ['SCHOOL_AID', 'MEDICAL_AID'], areaCodes: [COUNTY] } } });
    expect(setDonorInterests.interests).toEqual({ categories: ['SCHOOL_AID', 'MEDICAL_AID'], areaCodes: [COUNTY], minAmount: null, maxAmount: null });
    await expect(county.registerDonor({ input: { name: 'again', kind: 'INDIVIDUAL', subject: sub } })).rejects.toBeInstanceOf(ConflictError);
    await expect(client.registerDonor({ input: { name: 'self', kind: 'INDIVIDUAL', subject: `x-${run}` } })).rejects.toBeInstanceOf(ForbiddenError);
    await expect(cadre.registerDonor({ input: { name: 'c', kind: 'INDIVIDUAL', subject: `y-${run}` } })).rejects.toBeInstanceOf(ForbiddenError);
    const bad = await county.registerDonor({ input: { name: 'x', kind: 'INDIVIDUAL', subject: `z-${run}`, interests: { areaCodes: ['12345'] } } }).catch((e) => e);
    expect(bad).toBeInstanceOf(BadUserInputError);
    expect(bad.field).toBe('input.interests.areaCodes[0]');
  });

  it('links an assistance unit of the same kind, and refuses one of another kind', async () => {
    const { registerUnit } = await county.registerUnit({ input: { name: `定点单位 ${run}`, kind: 'DESIGNATED', areaCode: COUNTY } });
    const { registerDonor } = await county.registerDonor({ input: { name: `定点单位 ${run}`, kind: 'DESIGNATED', subject: `unit-${run}`, unitId: registerUnit.id } });
    expect(registerDonor.unitId).toBe(registerUnit.id);
    const err = await county.registerDonor({ input: { name: 'x', kind: 'ENTERPRISE', subject: `unit2-${run}`, unitId: registerUnit.id } }).catch((e) => e);
    expect(err).toBeInstanceOf(BadUserInputError);
    expect(err.field).toBe('input.unitId');
  });

  it('a donor token whose subject is not registered cannot pledge', async () => {
    const stranger = await clientAs({ role: 'donor', sub: `stranger-${run}` });
    expect((await stranger.myDonor()).myDonor).toBeNull();
    await expect(stranger.myPledges({})).rejects.toBeInstanceOf(ForbiddenError);
  });
});

describe('a need through its procedure', () => {
  it('is drafted by the village, checked by the township, reviewed and published by the county; donors see it de-identified', async () => {
    const h = households[0];
    const { draftNeed } = await cadre.draftNeed({ input: { householdId: h.id, category: 'SCHOOL_AID', amount: 3000, deadline: inDays(60), description: '长子读初中，需要学费和校服' } });
    expect(draftNeed).toMatchObject({ status: 'DRAFT', householdId: h.id, villageCode: VILLAGE, amount: 3000, open: 3000 });
    // Not yet published: donors do not see it.
    const { client: donor } = await donorClient('procedure');
    expect((await donor.publishedNeeds({ filter: { areaCode: VILLAGE } })).publishedNeeds.nodes.map((n) => n.reference)).not.toContain(draftNeed.reference);
    // Levels: a cadre cannot check, the township cannot review, the county cannot review a draft.
    await expect(cadre.checkNeed({ input: { needId: draftNeed.id, decision: 'APPROVE' } })).rejects.toBeInstanceOf(ForbiddenError);
    await expect(county.reviewNeed({ input: { needId: draftNeed.id, decision: 'APPROVE' } })).rejects.toBeInstanceOf(InvalidTransitionError);
    await township.checkNeed({ input: { needId: draftNeed.id, decision: 'APPROVE' } });
    await expect(township.reviewNeed({ input: { needId: draftNeed.id, decision: 'APPROVE' } })).rejects.toBeInstanceOf(ForbiddenError);
    const { reviewNeed } = await county.reviewNeed({ input: { needId: draftNeed.id, decision: 'APPROVE' } });
    expect(reviewNeed.status).toBe('PUBLISHED');
    const p = reviewNeed.published!;
    expect(p).toMatchObject({ reference: draftNeed.reference, category: 'SCHOOL_AID', openAmount: 3000, householdSize: h.memberCount, forVillage: false, villageCode: VILLAGE });
    expect(p.villageName && p.townshipName && p.countyName).toBeTruthy();
    const seen = (await donor.publishedNeed({ id: p.id })).publishedNeed!;
    expect(seen).toEqual(p);
    const text = JSON.stringify(seen);
    expect(text).not.toContain(h.id);
    expect(text).not.toContain(h.number);
    for (const m of h.members) {
      expect(text).not.toContain(m.name);
      if (m.idNumber) expect(text).not.toContain(m.idNumber);
    }
    // Every step is in the audit trail and on the change feed.
    const mine = await eventsOf(draftNeed.reference, ['need.drafted', 'need.checked', 'need.published']);
    expect(mine.map((e) => e.type)).toEqual(['need.drafted', 'need.checked', 'need.published']);
    expect(JSON.stringify(mine)).not.toContain(h.members[0].name);
  });

  it('a reference is random per need: two needs of one household share nothing that links them', async () => {
    const h = households[1];
    const a = await publish({ householdId: h.id, category: 'DAILY_NECESSITIES', items: '棉被', quantity: 2, deadline: inDays(30), description: '冬天需要棉被' });
    const b = await publish({ householdId: h.id, category: 'MEDICAL_AID', amount: 800, deadline: inDays(30), description: '慢性病需要药费' });
    expect(a.published.reference).not.toBe(b.published.reference);
    expect(a.published.id).not.toBe(b.published.id);
    expect(a.published).toMatchObject({ items: '棉被', quantity: 2, openQuantity: 2, amount: null, openAmount: null });
    const { client } = await donorClient('items');
    const { pledge } = await client.pledge({ input: { needId: a.published.id, quantity: 1 } });
    expect(pledge).toMatchObject({ quantity: 1, amount: null, need: { openQuantity: 1 } });
    const more = await client.pledge({ input: { needId: a.published.id, quantity: 2 } }).catch((e) => e);
    expect(more).toBeInstanceOf(ConflictError);
    expect(more.errors[0].extensions.openQuantity).toBe(1);
    const { need } = await county.need({ id: a.need.id });
    expect(need!.totals).toMatchObject({ pledged: 1, pledges: 1 });
  });

  it('refuses a description with an ID number, a phone or a member name, naming the field, and writes nothing', async () => {
    const h = households[0];
    const before = await auditCount();
    const cases = [`学生证件 ${h.members[0].idNumber ?? '433124200501011234'}`, '请联系 13912345678', `${h.members[0].name}需要学费`];
    for (const description of cases) {
      const err = await cadre.draftNeed({ input: { householdId: h.id, category: 'SCHOOL_AID', amount: 100, deadline: inDays(10), description } }).catch((e) => e);
      expect(err).toBeInstanceOf(BadUserInputError);
      expect(err.field).toBe('input.description');
      expect(err.reason).toMatch(/ID number|phone|name/);
    }
    expect(await auditCount()).toBe(before);
  });

  it('refuses a cadre outside its area (NOT_FOUND, like a missing household) and a bad form', async () => {
    const outside = await clientAs({ role: 'cadre', area: OTHER_VILLAGE, sub: `donations-outside-${run}` });
    const before = await auditCount();
    await expect(outside.draftNeed({ input: { householdId: households[0].id, category: 'SCHOOL_AID', amount: 100, deadline: inDays(10), description: 'x' } })).rejects.toBeInstanceOf(NotFoundError);
    const bad = await cadre.draftNeed({ input: { householdId: households[0].id, category: 'SCHOOL_AID', deadline: inDays(10), description: 'x' } }).catch((e) => e);
    expect(bad).toBeInstanceOf(BadUserInputError);
    expect(bad.field).toBe('input.amount');
    const past = await cadre.draftNeed({ input: { householdId: households[0].id, category: 'SCHOOL_AID', amount: 10, deadline: todayIs(), description: 'x' } }).catch((e) => e);
    expect(past.field).toBe('input.deadline');
    const { draftNeed } = await cadre.draftNeed({ input: { householdId: households[0].id, category: 'INDUSTRY', amount: 10, deadline: inDays(5), description: 'x' } });
    await expect(outside.cancelNeed({ input: { needId: draftNeed.id, reason: 'x' } })).rejects.toBeInstanceOf(NotFoundError);
    expect((await outside.need({ id: draftNeed.id })).need).toBeNull();
    expect(await auditCount()).toBe(before + 1);
  });

  it('shows the reviewer what already funds the household in the category: a measure and an earlier pledge', async () => {
    const h = households[2];
    await county.recordMeasure({ input: base(h.id, { kind: 'EDUCATION', title: '教育资助', causes: ['SCHOOLING'], plannedAmount: 1000 }) });
    const first = await publish({ householdId: h.id, category: 'SCHOOL_AID', amount: 1000, deadline: inDays(40), description: '女儿读高中' });
    const { client } = await donorClient('warnings');
    await client.pledge({ input: { needId: first.published.id, amount: 400 } });
    const { draftNeed } = await cadre.draftNeed({ input: { householdId: h.id, category: 'SCHOOL_AID', amount: 600, deadline: inDays(40), description: '女儿读高中的住宿费' } });
    await township.checkNeed({ input: { needId: draftNeed.id, decision: 'APPROVE' } });
    const { need } = await county.need({ id: draftNeed.id });
    expect(need!.reviewWarnings.map((w) => w.kind).sort()).toEqual(['MEASURE', 'PLEDGE']);
    expect(need!.reviewWarnings.find((w) => w.kind === 'PLEDGE')!.message).toContain(first.published.reference);
    const { reviewNeed } = await county.reviewNeed({ input: { needId: draftNeed.id, decision: 'REJECT', reason: '已由教育资助覆盖' } });
    expect(reviewNeed).toMatchObject({ status: 'REJECTED', closedReason: '已由教育资助覆盖' });
  });
});

describe('matching and pledges', () => {
  it('donors search by area, category, amount and urgency with totalCount and pages', async () => {
    await publish({ householdId: households[3].id, category: 'HOUSE_RENOVATION', amount: 9000, deadline: inDays(7), description: '屋顶漏雨需要修缮' });
    const { client } = await donorClient('search');
    const { publishedNeeds } = await client.publishedNeeds({ filter: { areaCode: TOWNSHIP, categories: ['HOUSE_RENOVATION'], minOpenAmount: 8000, dueWithinDays: 10 }, first: 1 });
    expect(publishedNeeds.totalCount).toBeGreaterThanOrEqual(1);
    expect(publishedNeeds.nodes[0]).toMatchObject({ category: 'HOUSE_RENOVATION' });
    expect(publishedNeeds.nodes[0].daysLeft).toBeLessThanOrEqual(10);
    const all = await client.publishedNeeds({ filter: { areaCode: TOWNSHIP }, first: 2 });
    if (all.publishedNeeds.pageInfo.hasNextPage) {
      const next = await client.publishedNeeds({ filter: { areaCode: TOWNSHIP }, first: 2, after: all.publishedNeeds.pageInfo.endCursor });
      expect(next.publishedNeeds.nodes[0].id).not.toBe(all.publishedNeeds.nodes[1].id);
    }
  });

  it('recommends needs from interests and past giving, with reasons', async () => {
    const { client } = await donorClient('recommend', { interests: { categories: ['MEDICAL_AID'], areaCodes: [TOWNSHIP], minAmount: 100, maxAmount: 2000 } });
    const { recommendedNeeds } = await client.recommendedNeeds({ first: 10 });
    expect(recommendedNeeds.length).toBeGreaterThan(0);
    const top = recommendedNeeds[0];
    expect(top.need.category).toBe('MEDICAL_AID');
    expect(top.reasons.join(' ')).toMatch(/category you fund/);
    expect(top.reasons.join(' ')).toMatch(/area you help/);
    expect([...recommendedNeeds].map((r) => r.score)).toEqual([...recommendedNeeds].map((r) => r.score).sort((a, b) => b - a));
  });

  it('takes partial pledges and refuses more than is open with CONFLICT carrying the open amount, writing nothing', async () => {
    const { published } = await publish({ householdId: households[0].id, category: 'EMPLOYMENT', amount: 2000, deadline: inDays(20), description: '外出务工的路费' });
    const a = await donorClient('partial-a');
    const b = await donorClient('partial-b');
    const { pledge } = await a.client.pledge({ input: { needId: published.id, amount: 1500 } });
    expect(pledge).toMatchObject({ amount: 1500, status: 'PLEDGED', deliverBy: published.deadline, need: { openAmount: 500 } });
    const before = await auditCount();
    const err = await b.client.pledge({ input: { needId: published.id, amount: 600 } }).catch((e) => e);
    expect(err).toBeInstanceOf(ConflictError);
    expect(err.errors[0].extensions.openAmount).toBe(500);
    expect(err.message).toMatch(/500/);
    const wrongUnit = await b.client.pledge({ input: { needId: published.id, quantity: 1 } }).catch((e) => e);
    expect(wrongUnit).toBeInstanceOf(BadUserInputError);
    expect(await auditCount()).toBe(before);
    // Another donor's pledge is indistinguishable from a missing one.
    expect((await b.client.pledgeById({ id: pledge.id })).pledgeById).toBeNull();
    expect((await b.client.node({ id: pledge.id })).node).toBeNull();
    await expect(b.client.reportDelivery({ input: { pledgeId: pledge.id, deliveredOn: todayIs(), evidence: 'x' } })).rejects.toBeInstanceOf(NotFoundError);
    expect((await a.client.pledgeById({ id: pledge.id })).pledgeById!.id).toBe(pledge.id);
  });

  it('refuses a pledge to an unpublished need (NOT_FOUND, as if missing) and a delivery date before the pledge', async () => {
    const { draftNeed } = await cadre.draftNeed({ input: { householdId: households[1].id, category: 'INDUSTRY', amount: 500, deadline: inDays(20), description: '买猪苗' } });
    const { client } = await donorClient('unpublished');
    const fakePublished = Buffer.from(`PublishedNeed:${draftNeed.reference}`).toString('base64url');
    const before = await auditCount();
    await expect(client.pledge({ input: { needId: fakePublished, amount: 100 } })).rejects.toBeInstanceOf(NotFoundError);
    expect((await client.node({ id: draftNeed.id })).node).toBeNull();
    expect((await client.publishedNeed({ id: fakePublished })).publishedNeed).toBeNull();
    const { published } = await publish({ householdId: households[1].id, category: 'SKILLS_TRAINING', amount: 700, deadline: inDays(20), description: '学电焊' });
    const { pledge } = await client.pledge({ input: { needId: published.id, amount: 700 } });
    const after = await auditCount();
    expect(after).toBe(before + 4);
    const early = await client.reportDelivery({ input: { pledgeId: pledge.id, deliveredOn: '2020-01-01', evidence: 'R-1' } }).catch((e) => e);
    expect(early).toBeInstanceOf(BadUserInputError);
    expect(early.field).toBe('input.deliveredOn');
    expect(await auditCount()).toBe(after);
  });
});

describe('delivery', () => {
  it('donor reports, the cadre confirms receipt and records the acknowledgement; ledgers follow; each step audited and on the feed', async () => {
    const { need, published } = await publish({ householdId: households[3].id, category: 'MEDICAL_AID', amount: 1200, deadline: inDays(15), description: '住院后的康复费用' });
    const { client, donor } = await donorClient('delivery');
    const { pledge } = await client.pledge({ input: { needId: published.id, amount: 1200 } });
    await expect(cadre.confirmReceipt({ input: { pledgeId: pledge.id } })).rejects.toBeInstanceOf(InvalidTransitionError);
    const { reportDelivery } = await client.reportDelivery({ input: { pledgeId: pledge.id, deliveredOn: todayIs(), evidence: 'BANK-2026-0001' } });
    expect(reportDelivery).toMatchObject({ status: 'DELIVERED', delivery: { size: 1200, evidence: 'BANK-2026-0001' } });
    await expect(client.reportDelivery({ input: { pledgeId: pledge.id, deliveredOn: todayIs(), evidence: 'again' } })).rejects.toBeInstanceOf(InvalidTransitionError);
    await expect(client.confirmReceipt({ input: { pledgeId: pledge.id } })).rejects.toBeInstanceOf(ForbiddenError);
    const { confirmReceipt } = await cadre.confirmReceipt({ input: { pledgeId: pledge.id } });
    expect(confirmReceipt).toMatchObject({ status: 'CONFIRMED', confirmedOn: todayIs() });
    const { recordAcknowledgement } = await cadre.recordAcknowledgement({ input: { pledgeId: pledge.id, note: '已收到，感谢' } });
    expect(recordAcknowledgement.acknowledgedOn).toBe(todayIs());
    const { need: after } = await county.need({ id: need.id });
    expect(after).toMatchObject({ open: 0, totals: { pledged: 1200, delivered: 1200, confirmed: 1200 } });
    expect(after!.pledges[0].donor!.id).toBe(donor.id);
    expect((await client.myDonor()).myDonor!.ledger).toMatchObject({ pledged: 1200, delivered: 1200, confirmed: 1200, pledges: 1 });
    const { myPledges } = await client.myPledges({});
    expect(myPledges.totalCount).toBe(1);
    expect(myPledges.nodes[0].need!.reference).toBe(published.reference);
    const types = (await eventsOf(published.reference, ['pledge.made', 'pledge.delivered', 'pledge.confirmed', 'pledge.acknowledged'])).map((e) => e.type);
    expect(types).toEqual(['pledge.made', 'pledge.delivered', 'pledge.confirmed', 'pledge.acknowledged']);
  });

  it('a need is cancelled with a reason; its undelivered pledges are cancelled and it takes no more', async () => {
    const { need, published } = await publish({ householdId: households[2].id, category: 'INDUSTRY', amount: 3000, deadline: inDays(15), description: '种植猕猴桃的苗木' });
    const { client } = await donorClient('cancel');
    const { pledge } = await client.pledge({ input: { needId: published.id, amount: 1000 } });
    const { cancelNeed } = await cadre.cancelNeed({ input: { needId: need.id, reason: '家庭已搬迁' } });
    expect(cancelNeed).toMatchObject({ status: 'CANCELLED', closedReason: '家庭已搬迁' });
    expect(cancelNeed.pledges.map((p) => p.status)).toEqual(['CANCELLED']);
    expect((await client.pledgeById({ id: pledge.id })).pledgeById!.status).toBe('CANCELLED');
    await expect(client.pledge({ input: { needId: published.id, amount: 10 } })).rejects.toBeInstanceOf(NotFoundError);
    await expect(cadre.cancelNeed({ input: { needId: need.id, reason: 'again' } })).rejects.toBeInstanceOf(InvalidTransitionError);
  });
});

describe('ledgers', () => {
  it('the county ledger for its officials; the public summary without a token, cells under 5 needs suppressed', async () => {
    const { countyDonationLedger } = await county.countyDonationLedger({ countyCode: COUNTY });
    expect(countyDonationLedger.total.needs).toBeGreaterThanOrEqual(8);
    expect(countyDonationLedger.categories.every((c) => !c.suppressed)).toBe(true);
    await expect(cadre.countyDonationLedger({ countyCode: COUNTY })).rejects.toBeInstanceOf(ForbiddenError);
    const anonymous = createClient({ url: server().url });
    const { publicDonationSummary } = await anonymous.publicDonationSummary({ countyCode: COUNTY });
    expect(publicDonationSummary.countyName).toBeTruthy();
    for (const cell of publicDonationSummary.categories) {
      if (cell.suppressed) expect(cell).toMatchObject({ needs: null, pledged: null, delivered: null, confirmed: null, matchedShare: null });
      else expect(cell.needs).toBeGreaterThanOrEqual(5);
    }
    // Only this file publishes school-aid needs in the county: two, so withheld.
    expect(publicDonationSummary.categories.find((c) => c.category === 'SCHOOL_AID')).toMatchObject({ suppressed: true, needs: null });
    expect(countyDonationLedger.categories.find((c) => c.category === 'SCHOOL_AID')!.needs).toBe(2);
    expect(publicDonationSummary.total.suppressed).toBe(false);
    // Without a token nothing else runs: the same 401 as before.
    await expect(anonymous.publishedNeeds({})).rejects.toBeInstanceOf(UnauthenticatedError);
    await expect(anonymous.viewer()).rejects.toBeInstanceOf(UnauthenticatedError);
    const mixed = await fetch(server().url, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ query: '{ publicDonationSummary(countyCode: "433124") { countyCode } viewer { id } }' }) });
    expect(mixed.status).toBe(401);
  });
});

describe('the pledge race', () => {
  it('10 donors racing for the last 500 yuan: exactly one succeeds, the others get CONFLICT with what is open', async () => {
    const { published } = await publish({ householdId: households[1].id, category: 'HOUSE_RENOVATION', amount: 1500, deadline: inDays(20), description: '加固墙体' });
    const first = await donorClient('race-0');
    await first.client.pledge({ input: { needId: published.id, amount: 1000 } });
    const racers = await Promise.all(Array.from({ length: 10 }, (_, i) => donorClient(`race-${i + 1}`)));
    const results = await Promise.allSettled(racers.map((r) => r.client.pledge({ input: { needId: published.id, amount: 500 } })));
    const ok = results.filter((r) => r.status === 'fulfilled');
    const refused = results.filter((r): r is PromiseRejectedResult => r.status === 'rejected');
    expect(ok).toHaveLength(1);
    expect(refused).toHaveLength(9);
    for (const r of refused) {
      expect(r.reason).toBeInstanceOf(ConflictError);
      expect(r.reason.errors[0].extensions.openAmount).toBe(0);
    }
    const { publishedNeed } = await first.client.publishedNeed({ id: published.id });
    expect(publishedNeed!.openAmount).toBe(0);
    const { publishedNeeds } = await first.client.publishedNeeds({ filter: { areaCode: VILLAGE } });
    expect(publishedNeeds.nodes.map((n) => n.id)).not.toContain(published.id); // a fully pledged need leaves the search
  });
});
