/**
 * Area scope and masking, as issue "Registry core" asks: a county official pages
 * through exactly the county's households; a household of another county is
 * null/NOT_FOUND for them; an analyst never receives a name, ID number, phone or
 * bank account; a call without a token is UNAUTHENTICATED.
 */
import { beforeAll, describe, expect, it } from 'vitest';
import { createClient, UnauthenticatedError, ForbiddenError, NotFoundError, type Client } from '@jingzhun/sdk';
import { SignJWT } from 'jose';
import { clientAs, server, token } from '../support/context.js';
import { household } from '../support/forms.js';

const COUNTY = '433124';
const OTHER = '433125';
let admin: Client;
let official: Client;
let otherHouseholdId: string;
let otherIdNumbers: string[];

beforeAll(async () => {
  admin = await clientAs({ role: 'admin' });
  official = await clientAs({ role: 'official', area: COUNTY });
  const village = (await admin.villages({ filter: { areaCode: OTHER }, first: 1 })).villages.nodes[0];
  const form = household(village.code);
  otherIdNumbers = form.members.map((m) => m.idNumber);
  const { registerHousehold } = await admin.registerHousehold({ input: form });
  otherHouseholdId = registerHousehold.household.id;
});

describe('a county official', () => {
  it('pages through every household of the county and nothing else', async () => {
    const seen: string[] = [];
    // Other test files register households meanwhile (never remove any): the walk sees at least
    // those counted before it and at most those counted after it.
    const total = async () => (await admin.households({ filter: { areaCode: COUNTY }, first: 1 })).households.totalCount;
    const before = await total();
    for await (const h of official.paginate((after) => official.households({ first: 100, after }).then((d) => d.households))) {
      seen.push(h.number);
    }
    expect(seen.length).toBeGreaterThanOrEqual(before);
    expect(seen.length).toBeLessThanOrEqual(await total());
    expect(seen.length).toBeGreaterThan(100);
    expect(seen.every((n) => n.startsWith(COUNTY))).toBe(true);
    expect(new Set(seen).size).toBe(seen.length);
    expect([...seen].sort()).toEqual(seen);
  });

  it('gets null for a household of another county, exactly as for one that does not exist', async () => {
    expect((await admin.household({ id: otherHouseholdId })).household?.id).toBe(otherHouseholdId);
    expect((await official.household({ id: otherHouseholdId })).household).toBeNull();
    expect((await official.node({ id: otherHouseholdId })).node).toBeNull();
    const missing = Buffer.from('Household:00000000-0000-4000-8000-000000000000').toString('base64url');
    expect((await official.household({ id: missing })).household).toBeNull();
  });

  it('cannot correct a household of another county: NOT_FOUND, as if it did not exist', async () => {
    await expect(official.correctHousehold({ id: otherHouseholdId, input: { phone: '13900000000' } })).rejects.toBeInstanceOf(NotFoundError);
  });

  it('does not see the other county in a filter that asks for it', async () => {
    const { households } = await official.households({ filter: { areaCode: OTHER } });
    expect(households.totalCount).toBe(0);
    expect(households.nodes).toEqual([]);
  });
});

describe('an analyst', () => {
  it('sees households and members with every personal field null', async () => {
    const analyst = await clientAs({ role: 'analyst', area: '43' });
    expect((await analyst.viewer()).viewer.canSeePersonalData).toBe(false);
    let pages = 0;
    let members = 0;
    for await (const h of analyst.paginate((after) => analyst.households({ first: 100, after, filter: { areaCode: COUNTY } }).then((d) => (pages++, d.households)))) {
      expect([h.phone, h.bankAccount, h.bankName]).toEqual([null, null, null]);
      for (const m of h.members) {
        members++;
        expect([m.name, m.idNumber, m.birthDate]).toEqual([null, null, null]);
        expect(m.age).toBeGreaterThanOrEqual(0);
      }
    }
    expect(pages).toBeGreaterThan(1);
    expect(members).toBeGreaterThan(300);
    const one = (await analyst.household({ id: otherHouseholdId })).household!;
    for (const id of otherIdNumbers) expect(JSON.stringify(one)).not.toContain(id.slice(0, 14));
    expect(one.members.every((m) => m.name === null && m.idNumber === null)).toBe(true);
  });

  it('cannot write', async () => {
    const analyst = await clientAs({ role: 'analyst', area: '43' });
    await expect(analyst.correctHousehold({ id: otherHouseholdId, input: { phone: '13900000000' } })).rejects.toBeInstanceOf(ForbiddenError);
  });
});

describe('authentication', () => {
  it('refuses a request without a token', async () => {
    const anonymous = createClient({ url: server().url });
    const err = await anonymous.viewer().catch((e) => e);
    expect(err).toBeInstanceOf(UnauthenticatedError);
    expect(err.message).toMatch(/Authorization: Bearer/);
  });

  it('refuses a token signed with another secret or issuer', async () => {
    // Everything right (issuer, audience, subject, role, expiry) except the secret.
    const otherSecret = await new SignJWT({ role: 'admin', sub: 'forger' })
      .setProtectedHeader({ alg: 'HS256' })
      .setIssuer('jingzhun')
      .setAudience('jingzhun-api')
      .setIssuedAt()
      .setExpirationTime('1h')
      .sign(new TextEncoder().encode(`${server().secret}-but-not-quite`));
    const forged = createClient({ url: server().url, token: otherSecret });
    const err = await forged.viewer().catch((e) => e);
    expect(err).toBeInstanceOf(UnauthenticatedError);
    expect(err.message).toMatch(/signature/i);
    const otherIssuer = createClient({ url: server().url, token: await token({ role: 'admin' }, { issuer: 'someone-else' }) });
    const issuerErr = await otherIssuer.viewer().catch((e) => e);
    expect(issuerErr).toBeInstanceOf(UnauthenticatedError);
    expect(issuerErr.message).toMatch(/iss/);
  });

  it('refuses a token without an expiry, even with the right secret, issuer and audience', async () => {
    const claims = { role: 'admin', sub: 'forever' };
    const sign = (withExpiry: boolean) => {
      const jwt = new SignJWT(claims).setProtectedHeader({ alg: 'HS256' }).setIssuer('jingzhun').setAudience('jingzhun-api').setIssuedAt();
      return (withExpiry ? jwt.setExpirationTime('1h') : jwt).sign(new TextEncoder().encode(server().secret));
    };
    // The same token with an expiry is accepted, so only the missing exp can be the reason.
    const withExpiry = createClient({ url: server().url, token: await sign(true) });
    expect((await withExpiry.viewer()).viewer).toMatchObject({ id: 'forever', role: 'admin' });
    const forever = createClient({ url: server().url, token: await sign(false) });
    const err = await forever.viewer().catch((e) => e);
    expect(err).toBeInstanceOf(UnauthenticatedError);
    expect(err.message).toMatch(/exp/);
  });
});
