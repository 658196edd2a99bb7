/**
 * Scope and roles beyond the county official: a cadre is held to the villages it
 * serves; a ministry reads nationally but never personal data and never writes; a
 * donor does not read the registry; members and audit records are scoped like their
 * households; and the registry is national, so a person registered in one county is
 * refused in another without that county's household number being revealed.
 */
import { beforeAll, describe, expect, it } from 'vitest';
import { ConflictError, ForbiddenError, TypedDocumentString, UnauthenticatedError, type Client } from '@jingzhun/sdk';
import { clientAs } from '../support/context.js';
import { freshHousehold } from '../support/forms.js';

const COUNTY = '433124';
const OTHER = '433125';

let admin: Client;
let official: Client;
let otherOfficial: Client;
/** Two villages of the demo county with seeded households, and one household of each. */
let villageA: string;
let villageB: string;
let householdA: { id: string; number: string };
let householdB: { id: string; number: string };
let otherVillage: string;

type MemberNode = { node: { id: string; household?: { number: string } | null } | null };
const memberNode = new TypedDocumentString<MemberNode, { id: string }>('query($id: ID!){ node(id:$id){ id ... on Member { household { number } } } }');

beforeAll(async () => {
  admin = await clientAs({ role: 'admin' });
  official = await clientAs({ role: 'official', area: COUNTY, sub: 'official-433124' });
  otherOfficial = await clientAs({ role: 'official', area: OTHER, sub: 'official-433125' });
  // Other test files register households in the county's first village: keep clear of it.
  const busy = (await admin.villages({ filter: { areaCode: COUNTY }, first: 1 })).villages.nodes[0].code;
  const { households } = await admin.households({ filter: { areaCode: COUNTY }, first: 100 });
  const quiet = households.nodes.filter((h) => h.village!.code !== busy);
  const first = quiet[0];
  const second = quiet.find((h) => h.village!.code !== first.village!.code)!;
  villageA = first.village!.code;
  villageB = second.village!.code;
  householdA = { id: first.id, number: first.number };
  householdB = { id: second.id, number: second.number };
  otherVillage = (await otherOfficial.villages({ first: 6 })).villages.nodes[5].code; // a village no other test file writes to
  expect(villageA).toMatch(/^433124\d{6}$/);
  expect(villageB).toMatch(/^433124\d{6}$/);
  expect(villageB).not.toBe(villageA);
  expect(otherVillage).toMatch(/^433125\d{6}$/);
});

describe('a village cadre', () => {
  it('sees the households of its village and nothing of another village of the same county', async () => {
    const cadre = await clientAs({ role: 'cadre', area: villageA, sub: 'cadre-a' });
    expect((await cadre.viewer()).viewer.areaCodes).toEqual([villageA]);
    expect((await cadre.household({ id: householdA.id })).household?.number).toBe(householdA.number);
    expect((await cadre.node({ id: householdA.id })).node).toEqual({ id: householdA.id, __typename: 'Household' });
    // The other village's household exists (the admin reads it) but is null for the cadre.
    expect((await admin.household({ id: householdB.id })).household?.number).toBe(householdB.number);
    expect((await cadre.household({ id: householdB.id })).household).toBeNull();
    expect((await cadre.node({ id: householdB.id })).node).toBeNull();
  });

  it('lists only its own village’s households', async () => {
    const cadre = await clientAs({ role: 'cadre', area: villageA, sub: 'cadre-a' });
    const count = async () => (await admin.households({ filter: { areaCode: villageA }, first: 1 })).households.totalCount;
    const before = await count();
    const seen: string[] = [];
    for await (const h of cadre.paginate((after) => cadre.households({ first: 100, after }).then((d) => d.households))) seen.push(h.number);
    expect(before).toBeGreaterThan(0);
    expect(seen.length).toBeGreaterThanOrEqual(before);
    expect(seen.length).toBeLessThanOrEqual(await count());
    expect(seen.filter((n) => !n.startsWith(villageA))).toEqual([]);
    expect(seen).toContain(householdA.number);
    expect((await cadre.households({ filter: { areaCode: villageB } })).households.totalCount).toBe(0);
  });

  it('may serve several villages, named one by one', async () => {
    const cadre = await clientAs({ role: 'cadre', area: [villageA, villageB], sub: 'cadre-ab' });
    expect((await cadre.viewer()).viewer.areaCodes).toEqual([villageA, villageB]);
    expect((await cadre.household({ id: householdB.id })).household?.number).toBe(householdB.number);
  });

  it('is refused a token whose area is a county rather than villages', async () => {
    const county = await clientAs({ role: 'cadre', area: COUNTY, sub: 'cadre-county' });
    const err = await county.viewer().catch((e) => e);
    expect(err).toBeInstanceOf(UnauthenticatedError);
    expect(err.message).toMatch(/12-digit|village/);
    await expect(county.households({ first: 1 })).rejects.toBeInstanceOf(UnauthenticatedError);
  });
});

describe('a ministry', () => {
  it('reaches the whole country when its token names no area', async () => {
    const ministry = await clientAs({ role: 'ministry', sector: 'water', sub: 'ministry-water' });
    expect((await ministry.viewer()).viewer).toMatchObject({ role: 'ministry', sector: 'water', areaCodes: [''], canSeePersonalData: false });
    const { households } = await ministry.households({ first: 1 });
    expect(households.totalCount).toBeGreaterThanOrEqual(300);
  });

  it('reads households nationally with every personal field null', async () => {
    // National by an explicit '' area, so that this test is about masking whatever a token without an area means.
    const ministry = await clientAs({ role: 'ministry', sector: 'water', area: '', sub: 'ministry-water' });
    const { households } = await ministry.households({ first: 100 });
    expect(households.nodes).toHaveLength(100);
    expect(households.totalCount).toBeGreaterThanOrEqual(300);
    const personal = households.nodes.flatMap((h) => [
      h.phone, h.bankName, h.bankAccount, ...h.members.flatMap((m) => [m.name, m.idNumber, m.birthDate]),
    ]);
    expect(personal.length).toBeGreaterThan(300);
    expect(personal.filter((v) => v !== null)).toEqual([]);
    // The same page for the admin does carry personal data, so the nulls above are masking.
    const full = (await admin.households({ first: 100 })).households.nodes;
    expect(full.map((h) => h.id)).toEqual(households.nodes.map((h) => h.id));
    expect(full.flatMap((h) => h.members).every((m) => m.name !== null && /^\d{17}[\dX](\d\d)?$/.test(m.idNumber!))).toBe(true);
  });

  it('cannot correct a household, even inside its area', async () => {
    const ministry = await clientAs({ role: 'ministry', sector: 'water', area: COUNTY, sub: 'ministry-water' });
    const before = (await admin.household({ id: householdA.id })).household!;
    const err = await ministry.correctHousehold({ id: householdA.id, input: { phone: '13911112222' } }).catch((e) => e);
    expect(err).toBeInstanceOf(ForbiddenError);
    const after = (await admin.household({ id: householdA.id })).household!;
    expect([after.version, after.phone]).toEqual([before.version, before.phone]);
  });
});

describe('a donor', () => {
  it('cannot read the registry', async () => {
    // `org` is a claim of donor tokens; a variable avoids the excess-property check of token()'s parameter type.
    const claims = { role: 'donor', area: '43', org: 'x', sub: 'donor-x' };
    const donor = await clientAs(claims);
    expect((await donor.viewer()).viewer).toMatchObject({ role: 'donor', canSeePersonalData: false });
    const err = await donor.households({ first: 10 }).catch((e) => e);
    expect(err).toBeInstanceOf(ForbiddenError);
  });
});

describe('a donor in the access matrix', () => {
  it('gets no personal data from any answer: published needs only, nothing through node, the feed or the registry', async () => {
    const sub = `donor-matrix-${Math.random().toString(36).slice(2, 8)}`;
    await admin.registerDonor({ input: { name: '矩阵基金会', kind: 'SOCIAL_ORGANIZATION', subject: sub } });
    const donor = await clientAs({ role: 'donor', sub });
    const { household } = await admin.household({ id: householdA.id });
    const personal = [householdA.id, householdA.number, ...household!.members.flatMap((m) => [m.id, m.name!, m.idNumber!].filter(Boolean)), household!.phone].filter(Boolean) as string[];
    const { draftNeed } = await official.draftNeed({ input: { householdId: householdA.id, category: 'EMPLOYMENT', amount: 900, deadline: new Date(Date.now() + 20 * 86_400_000).toISOString().slice(0, 10), description: '需要务工培训后的路费' } });
    await official.checkNeed({ input: { needId: draftNeed.id, decision: 'APPROVE' } });
    const { reviewNeed } = await official.reviewNeed({ input: { needId: draftNeed.id, decision: 'APPROVE' } });
    const answers: unknown[] = [];
    answers.push(await donor.publishedNeeds({ filter: { areaCode: villageA }, first: 100 }));
    answers.push(await donor.publishedNeed({ id: reviewNeed.published!.id }));
    answers.push(await donor.recommendedNeeds({ first: 100 }));
    const { pledge } = await donor.pledge({ input: { needId: reviewNeed.published!.id, amount: 100 } });
    answers.push(pledge, await donor.myPledges({}), await donor.pledgeById({ id: pledge.id }), await donor.myDonor());
    // node(id:) of a registry record is refused (FORBIDDEN) or null for a donor; of a need, null.
    const nodeOf = (id: string) => donor.node({ id }).then((r) => r.node, (e) => (e instanceof ForbiddenError ? null : Promise.reject(e)));
    for (const id of [householdA.id, household!.members[0].id, draftNeed.id]) answers.push(await nodeOf(id));
    answers.push(await donor.need({ id: draftNeed.id }));
    const text = JSON.stringify(answers);
    expect(text).toContain(reviewNeed.published!.reference);
    for (const p of personal) expect(text).not.toContain(p);
    expect(await nodeOf(householdA.id)).toBeNull();
    expect((await donor.node({ id: draftNeed.id })).node).toBeNull();
    expect((await donor.need({ id: draftNeed.id })).need).toBeNull();
    const refused = [
      () => donor.households({ first: 1 }), () => donor.needs({}), () => donor.changes({ first: 1 }), () => donor.auditTrail({ first: 1 }),
      () => donor.donors({}), () => donor.countyDonationLedger({ countyCode: COUNTY }),
    ];
    for (const call of refused) await expect(call()).rejects.toBeInstanceOf(ForbiddenError);
  });
});

describe('members by global ID', () => {
  it('are reachable only inside the household’s area', async () => {
    const member = (await admin.household({ id: householdA.id })).household!.members[0];
    expect((await otherOfficial.request(memberNode, { id: member.id })).node).toBeNull();
    expect((await official.request(memberNode, { id: member.id })).node).toEqual({ id: member.id, household: { number: householdA.number } });
  });
});

describe('the audit trail', () => {
  let entryId: string;
  let otherEntityId: string;

  beforeAll(async () => {
    const { household } = (await admin.household({ id: householdA.id }));
    const { correctHousehold } = await admin.correctHousehold({ id: householdA.id, input: { phone: household!.phone === '13922223333' ? '13922224444' : '13922223333' } });
    const { auditTrail } = await official.auditTrail({ filter: { entityId: householdA.id, operation: 'correctHousehold' }, first: 1 });
    expect(auditTrail.nodes[0]).toMatchObject({ actor: 'test-admin', entityId: householdA.id, areaCode: villageA });
    entryId = auditTrail.nodes[0].id;
    expect(correctHousehold.household.id).toBe(householdA.id);
    // A write in the other county, so its official's trail is not trivially empty.
    const { registerHousehold } = await admin.registerHousehold({ input: freshHousehold(otherVillage) });
    otherEntityId = registerHousehold.household.id;
  });

  it('of another county’s official holds no entry of the demo county', async () => {
    const areas: string[] = [];
    const ids: string[] = [];
    for await (const e of otherOfficial.paginate((after) => otherOfficial.auditTrail({ first: 100, after }).then((d) => d.auditTrail))) {
      areas.push(e.areaCode);
      ids.push(e.entityId);
    }
    expect(ids).toContain(otherEntityId);
    expect(areas.filter((a) => a.startsWith(COUNTY))).toEqual([]);
    expect(areas.every((a) => a.startsWith(OTHER))).toBe(true);
    expect((await otherOfficial.auditTrail({ filter: { areaCode: COUNTY } })).auditTrail.totalCount).toBe(0);
    expect((await otherOfficial.auditTrail({ filter: { entityId: householdA.id } })).auditTrail.totalCount).toBe(0);
  });

  it('entries are nodes, reachable only inside their area', async () => {
    expect((await official.node({ id: entryId })).node).toEqual({ id: entryId, __typename: 'AuditEntry' });
    expect((await otherOfficial.node({ id: entryId })).node).toBeNull();
  });
});

describe('the national registry', () => {
  it('refuses an ID number registered in another county without revealing that county’s household', async () => {
    const first = freshHousehold(villageA);
    const { registerHousehold } = await official.registerHousehold({ input: first });
    const taken = first.members[0].idNumber;
    const again = freshHousehold(otherVillage);
    again.members[0] = { ...again.members[0], idNumber: taken };
    const before = (await otherOfficial.households({ filter: { areaCode: otherVillage }, first: 1 })).households.totalCount;
    const err = await otherOfficial.registerHousehold({ input: again }).catch((e) => e);
    expect(err).toBeInstanceOf(ConflictError);
    expect(err.problems).toHaveLength(1);
    expect(err.problems[0].field).toBe('input.members[0].idNumber');
    const said = JSON.stringify(err.errors);
    expect(err.problems[0].reason).not.toContain(COUNTY);
    expect(said).not.toContain(COUNTY);
    expect(said).not.toContain(registerHousehold.household.number);
    expect((await otherOfficial.households({ filter: { areaCode: otherVillage }, first: 1 })).households.totalCount).toBe(before);
  });

  it('refuses a disability card of a resident ID already registered: the same person', async () => {
    // The card of a new person is accepted, so the refusal below is about the person, not the card.
    const control = freshHousehold(villageA);
    control.members[0] = { ...control.members[0], idNumber: `${control.members[0].idNumber}11` };
    const { registerHousehold: c } = await official.registerHousehold({ input: control });
    expect(c.household.members[0]).toMatchObject({ idKind: 'DISABILITY_CARD', idNumber: control.members[0].idNumber });

    const first = freshHousehold(villageA);
    await official.registerHousehold({ input: first });
    const again = freshHousehold(villageA);
    again.members[0] = { ...again.members[0], idNumber: `${first.members[0].idNumber}11` };
    const err = await official.registerHousehold({ input: again }).catch((e) => e);
    expect(err).toBeInstanceOf(ConflictError);
    expect(err.problems[0]?.field).toBe('input.members[0].idNumber');
  });

  it('refuses a resident ID whose disability card is already registered: the same person', async () => {
    const first = freshHousehold(villageA);
    const resident = first.members[0].idNumber;
    first.members[0] = { ...first.members[0], idNumber: `${resident}11` };
    await official.registerHousehold({ input: first });
    const again = freshHousehold(villageA);
    again.members[0] = { ...again.members[0], idNumber: resident };
    const err = await official.registerHousehold({ input: again }).catch((e) => e);
    expect(err).toBeInstanceOf(ConflictError);
    expect(err.problems[0]?.field).toBe('input.members[0].idNumber');
  });
});
