/**
 * JSON plans (server/src/graphql/json-plan, issue 12): the common read shapes are answered
 * without resolvers. The answer must be the resolvers' to the byte — same fields, order,
 * enums, IDs, cursors, masking, scope and errors. This file starts a server of its own twice on
 * one database, with JSON_PLAN on and off, sends both the same operations with the same
 * tokens, and compares the whole bodies; and it shows which shapes the plan answered and that
 * its statements do not grow with the page.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startServer } from '../setup/server.js';
import { server as shared } from '../support/context.js';
import { ownDatabase, tokenFor, type OwnDatabase } from '../support/own-server.js';

const kind = shared().database;
let db: OwnDatabase;

const MEMBER = 'id name idNumber idKind birthDate age sex relation ethnicity politicalStatus education schooling health labourSkill migrantWork migrantMonths speaksMandarin activeSoldier basicMedicalInsurance seriousIllnessInsurance basicPensionInsurance commercialMedicalInsurance accidentInsurance receivesDibao destituteSupported __typename';
const HOUSEHOLD = `id number identificationStandard attribute mainCause otherCauses status militaryFamily oneChildFamily twoDaughterFamily
  plannedExitYear firstIdentifiedDate exitYear causes phone bankName bankAccount memberCount exitPolicyEndsOn stage asOf version createdAt updatedAt __typename
  village { id code name povertyStatus identifiedYear exitYear __typename } year { year perCapitaNetIncome __typename } members { ${MEMBER} }`;

type Body = { data?: unknown; errors?: unknown[]; extensions?: { sqlStatements?: number; jsonPlan?: boolean } };
interface Case { name: string; query: string; variables?: Record<string, unknown>; token: string; planned: boolean }

let cases: Case[] = [];
const answers: Record<'on' | 'off', Body[]> = { on: [], off: [] };

async function post(url: string, c: Case): Promise<Body> {
  const res = await fetch(url, { method: 'POST', headers: { 'content-type': 'application/json', authorization: `Bearer ${c.token}` }, body: JSON.stringify({ query: c.query, variables: c.variables }) });
  return (await res.json()) as Body;
}

beforeAll(async () => {
  db = await ownDatabase(kind, { DEMO_HOUSEHOLDS: '240' });
  const official = await tokenFor(db.env, { role: 'official', area: '433124', sub: 'plan-official' });
  const analyst = await tokenFor(db.env, { role: 'analyst', area: '433124', sub: 'plan-analyst' });
  const township = await tokenFor(db.env, { role: 'official', area: '433124102', sub: 'plan-township' });
  const stranger = await tokenFor(db.env, { role: 'official', area: '433125', sub: 'plan-stranger' });
  const donor = await tokenFor(db.env, { role: 'donor', sub: 'plan-donor' });

  const on = await startServer({ ...db.env, JSON_PLAN: 'true' });
  const first = (await post(on.url, { name: '', query: '{ households(first: 100) { nodes { id village { code } } pageInfo { endCursor } } }', token: official, planned: true })).data as {
    households: { nodes: { id: string; village: { code: string } }[]; pageInfo: { endCursor: string } };
  };
  const id = first.households.nodes[0].id;
  const village = first.households.nodes[0].village.code;
  const cursor = first.households.pageInfo.endCursor;
  const page = `households(filter: { areaCode: $area }, first: $n, after: $after) { nodes { ${HOUSEHOLD} } pageInfo { hasNextPage hasPreviousPage startCursor endCursor } }`;
  cases = [
    { name: 'the county page of the peer benchmark', planned: true, token: official, variables: { f: { areaCode: '433124' }, n: 100 },
      query: 'query($f: HouseholdFilterInput, $n: Int) { households(filter: $f, first: $n) { nodes { id number mainCause otherCauses status attribute memberCount village { code name } year { year perCapitaNetIncome } } } }' },
    { name: 'a village with its households and their members', planned: true, token: official, variables: { code: village, n: 50 },
      query: 'query($code: String!, $n: Int) { village(code: $code) { code name } households(filter: { areaCode: $code }, first: $n) { nodes { id number mainCause status memberCount members { id name idNumber birthDate sex relation education } } } }' },
    { name: 'node(id) of a household with its members', planned: true, token: official, variables: { id },
      query: 'query($id: ID!) { node(id: $id) { id ... on Household { number mainCause members { id name idNumber } } } }' },
    { name: 'every plain field, the second page, by an official', planned: true, token: official, variables: { area: '433124', n: 100, after: cursor },
      query: `query($area: String, $n: Int, $after: String) { ${page} }` },
    { name: 'every plain field masked for an analyst', planned: true, token: analyst, variables: { area: '433124', n: 30, after: null },
      query: `query($area: String, $n: Int, $after: String) { ${page} }` },
    { name: 'a township official: the page is cut to the township', planned: true, token: township, variables: { area: '433124', n: 100, after: null },
      query: `query($area: String, $n: Int, $after: String) { ${page} }` },
    { name: 'edges, cursors, aliases, fragments and __typename', planned: true, token: official, variables: {},
      query: `query Shapes { __typename all: households(first: 3) { __typename edges { __typename cursor node { ...H } } p: pageInfo { __typename next: hasNextPage endCursor } nodes { n: number ...H } }
        one: household(id: "${id}") { ...H v: village { ... on Village { code } } } }
        fragment H on Household { id ... on Node { id } causes village { name } }` },
    { name: 'household(id) of another county reads as missing', planned: true, token: stranger, variables: { id },
      query: `query($id: ID!) { household(id: $id) { ${HOUSEHOLD} } node(id: $id) { id } }` },
    { name: 'a village outside the area reads as missing', planned: true, token: stranger, variables: { code: village },
      query: 'query($code: String!) { village(code: $code) { id code name povertyStatus } }' },
    { name: 'totalCount is the aggregate: not planned', planned: false, token: official, variables: {},
      query: '{ households(first: 5) { totalCount nodes { number } } }' },
    { name: 'a field of another module: not planned', planned: false, token: official, variables: {},
      query: '{ households(first: 5) { nodes { number warnings { rule } } } }' },
    { name: 'a filter beyond the area: not planned', planned: false, token: official, variables: {},
      query: '{ households(first: 5, filter: { areaCode: "433124", status: [NOT_OUT] }) { nodes { number status } } }' },
    { name: 'a page too large: the same error', planned: false, token: official, variables: {},
      query: '{ households(first: 500) { nodes { number } } }' },
    { name: 'a bad cursor: the same error', planned: false, token: official, variables: {},
      query: '{ households(first: 5, after: "nonsense") { nodes { number } } }' },
    { name: 'a malformed ID: the same error', planned: false, token: official, variables: {},
      query: '{ household(id: "nope") { number } }' },
    { name: 'a donor may not read households: the same error', planned: false, token: donor, variables: {},
      query: '{ households(first: 5) { nodes { number } } }' },
    { name: '@include is not planned', planned: false, token: official, variables: { yes: true },
      query: 'query($yes: Boolean!) { households(first: 5) { nodes { number mainCause @include(if: $yes) } } }' },
  ];
  for (const c of cases) answers.on.push(await post(on.url, c));
  await on.stop();
  const off = await startServer({ ...db.env, JSON_PLAN: 'false' });
  for (const c of cases) answers.off.push(await post(off.url, c));
  await off.stop();
}, 240_000);

afterAll(async () => {
  await db?.drop();
});

describe('a JSON plan answers as the resolvers do', () => {
  it('gives the same body for every shape, token and error', () => {
    expect(cases.length).toBeGreaterThan(10);
    cases.forEach((c, i) => {
      const strip = (b: Body) => JSON.stringify({ data: b.data, errors: b.errors });
      expect(strip(answers.on[i]), c.name).toBe(strip(answers.off[i]));
    });
  });

  it('answered the planned shapes itself and left the others to the resolvers', () => {
    cases.forEach((c, i) => {
      expect(answers.on[i].extensions?.jsonPlan ?? false, c.name).toBe(c.planned);
      expect(answers.off[i].extensions?.jsonPlan ?? false, c.name).toBe(false);
    });
  });

  it('read real data: pages are full, members and villages present, personal data masked for the analyst', () => {
    const full = answers.on[3].data as { households: { nodes: { members: { name: string | null }[]; village: unknown; phone: string | null }[]; pageInfo: { hasPreviousPage: boolean } } };
    expect(full.households.nodes).toHaveLength(100);
    expect(full.households.pageInfo.hasPreviousPage).toBe(true);
    expect(full.households.nodes.every((h) => h.members.length > 0 && h.village && h.members.every((m) => m.name))).toBe(true);
    const masked = answers.on[4].data as typeof full;
    expect(masked.households.nodes.every((h) => h.phone === null && h.members.every((m) => m.name === null))).toBe(true);
    const stranger = answers.on[7].data as { household: unknown; node: unknown };
    expect(stranger).toEqual({ household: null, node: null });
  });

  it('reads a page in one statement per level, however large the page', () => {
    // the village case: village (1) + households (1) + their members (1)
    expect(answers.on[1].extensions?.sqlStatements).toBe(3);
    expect(answers.on[0].extensions?.sqlStatements).toBe(1);
    // 100 households with members (second page) and 30 (analyst): the same two statements
    expect(answers.on[3].extensions?.sqlStatements).toBe(2);
    expect(answers.on[4].extensions?.sqlStatements).toBe(2);
  });
});
