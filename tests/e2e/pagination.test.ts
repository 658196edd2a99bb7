/**
 * Every connection of every SDK operation pages (issue 15, item 16). The connections are
 * found from the documents the SDK exports (tests/support/connections.ts), so a new
 * operation with a connection that cannot page fails here, and so does one this file has
 * no variables for. Each is then walked with the SDK's `paginate()` one node a page (at
 * most CAP nodes): no node comes twice, and a connection with `totalCount` ≤ CAP yields
 * exactly that many. Fixtures are written only in 岩科乡 433124108.
 */
import { randomUUID } from 'node:crypto';
import { beforeAll, describe, expect, it } from 'vitest';
import * as sdk from '@jingzhun/sdk';
import { paginate, type Client } from '@jingzhun/sdk';
import { clientAs } from '../support/context.js';
import { connectionsOf, type FoundConnection } from '../support/connections.js';

const TOWNSHIP = '433124108';
const COUNTY = '433124';
const CAP = 4;
const run = randomUUID().slice(0, 8);

const documents = Object.entries(sdk).filter(([k]) => k.endsWith('Document')).map(([, d]) => String(d));
const connections = connectionsOf(documents);
const walked = connections.filter((c) => !c.underList && c.kind === 'query');

type As = 'county' | 'township' | 'admin' | 'prefecture' | 'tourism' | 'donor';
interface Fixture { as: As; variables: Record<string, unknown> }
let clients: Record<As, Client>;
let vars: Record<string, Fixture>;

beforeAll(async () => {
  const county = await clientAs({ role: 'official', area: COUNTY, sub: `pages-county-${run}` });
  const admin = await clientAs({ role: 'admin', sub: `pages-admin-${run}` });
  const tourism = await clientAs({ role: 'ministry', sector: 'tourism', area: TOWNSHIP, sub: `pages-tourism-${run}` });
  const township = await clientAs({ role: 'official', area: TOWNSHIP, sub: `pages-township-${run}` });
  // Two of each kind of record that only these fixtures make, so their walks cross a page.
  const cadreIds: string[] = [];
  for (const n of [1, 2]) {
    const { registerUnit: unit } = await township.registerUnit({ input: { name: `岩科乡分页单位${n}-${run}`, kind: 'GOVERNMENT', areaCode: TOWNSHIP } });
    cadreIds.push((await township.registerCadre({ input: { name: `分页队员${n}`, unitId: unit.id, areaCode: TOWNSHIP } })).registerCadre.id);
    await county.registerDonor({ input: { name: `分页基金会${n}-${run}`, kind: 'SOCIAL_ORGANIZATION', subject: `pages-donor-${n}-${run}` } });
    await township.registerWebhook({ input: { url: `http://127.0.0.1:9/pages-${n}`, secret: 'a-secret-of-sixteen-or-more', areaCode: TOWNSHIP } });
  }
  const { createProgramme: programme } = await tourism.createProgramme({ input: { name: `岩科乡乡村旅游-${run}`, year: 2016, budget: 100_000, areaCode: TOWNSHIP } });
  for (const n of [1, 2]) await tourism.createProject({ input: { programmeId: programme.id, name: `民宿${n}`, kind: '民宿', areaCode: TOWNSHIP, budget: 10_000, startDate: '2016-03-01', endDate: '2016-12-31' } });
  const { projects } = await tourism.projects({ filter: { programmeId: programme.id }, first: 1 });
  const { openUpdateRound: round } = await township.openUpdateRound({ input: { areaCode: TOWNSHIP, year: 2017, closesOn: new Date().toISOString().slice(0, 10) } });
  const { webhooks } = await township.webhooks({ first: 1 });
  const prefecture = await clientAs({ role: 'official', area: '4331', sub: `pages-prefecture-${run}` });
  const { drawSpotCheckSample: sample } = await prefecture.drawSpotCheckSample({
    input: { countyCode: COUNTY, withinAreaCode: TOWNSHIP, year: 2016, seed: 1, wholeVillages: 1, otherPercent: 50, otherCapPerVillage: 2, satisfactionVillages: 1, satisfactionPerVillage: 10, ratio: { withLabour: 5, nonRegistered: 3, withoutLabour: 2 } },
  });
  // A household of the township visited twice by a new cadre: the two lists of visits.
  const visited = (await county.unpairedHouseholds({ areaCode: TOWNSHIP, first: 1 })).assistanceCoverage.unpairedHouseholds.nodes[0];
  const day = (n: number) => new Date(Date.now() - n * 86_400_000).toISOString().slice(0, 10);
  await township.pairHousehold({ householdId: visited.id, cadreId: cadreIds[0], startedOn: day(30) });
  for (const n of [1, 2]) await township.recordVisit({ input: { householdId: visited.id, cadreId: cadreIds[0], visitedOn: day(10 * n), activities: `分页走访${n}`, findings: '无变化' } });
  const { ruleSets } = await admin.ruleSets({});
  const donor = await clientAs({ role: 'donor', sub: `pages-donor-1-${run}` });
  clients = { county, township, admin, prefecture, tourism, donor };
  const area = { areaCode: TOWNSHIP };
  const households = { filter: area };
  vars = {
    areas: { as: 'admin', variables: { filter: { parentCode: TOWNSHIP } } },
    spotCheckSample: { as: 'prefecture', variables: { id: sample.id } },
    unpairedHouseholds: { as: 'county', variables: area },
    unassistedHouseholds: { as: 'county', variables: area },
    villagesWithoutWorkTeam: { as: 'county', variables: area },
    overdueMeasures: { as: 'county', variables: area },
    assistanceUnits: { as: 'county', variables: { filter: area } },
    cadres: { as: 'county', variables: { filter: area } },
    householdsNotVisited: { as: 'county', variables: area },
    householdVisits: { as: 'county', variables: { id: visited.id } },
    cadreVisits: { as: 'county', variables: { id: cadreIds[0] } },
    casesWaitingForMe: { as: 'county', variables: {} },
    openPostings: { as: 'county', variables: { areaCode: COUNTY } },
    householdsWithHistory: { as: 'county', variables: households },
    changes: { as: 'county', variables: { filter: area } },
    donors: { as: 'county', variables: {} },
    needs: { as: 'county', variables: { filter: area } },
    publishedNeeds: { as: 'donor', variables: { filter: { areaCode: COUNTY } } },
    myPledges: { as: 'donor', variables: {} },
    previewRuleSet: { as: 'admin', variables: { ruleSet: ruleSets[0]?.id, areaCode: TOWNSHIP, year: 2016 } },
    householdsEligibility: { as: 'county', variables: households },
    fundAllocations: { as: 'county', variables: { filter: { areaCode: COUNTY } } },
    households: { as: 'county', variables: households },
    householdsWithMeasures: { as: 'county', variables: households },
    monitoringList: { as: 'county', variables: { areaCode: COUNTY } },
    programmes: { as: 'tourism', variables: { filter: area } },
    projects: { as: 'tourism', variables: { filter: { programmeId: programme.id } } },
    projectLinks: { as: 'tourism', variables: { projectId: projects.nodes[0].id, includeUnlinked: true } },
    coverageGaps: { as: 'county', variables: { sector: 'WATER', areaCode: COUNTY } },
    dataQualityReport: { as: 'county', variables: area },
    updateRound: { as: 'county', variables: { id: round.id } },
    updateRounds: { as: 'county', variables: area },
    updateRoundsWithPending: { as: 'county', variables: area },
    auditTrail: { as: 'county', variables: { filter: area } },
    villages: { as: 'county', variables: { filter: area } },
    // Webhooks are the caller's own endpoints: the township official's, who registered them.
    webhooks: { as: 'township', variables: {} },
    webhookDeliveries: { as: 'township', variables: { endpointId: webhooks.nodes[0].id } },
  };
}, 120_000);

const at = (data: unknown, path: string[]) => path.reduce<any>((o, k) => o?.[k], data);
const documentOf = (operation: string) => (sdk as Record<string, unknown>)[`${operation[0].toUpperCase()}${operation.slice(1)}Document`] as sdk.TypedDocumentString<unknown, Record<string, unknown>>;

describe('every connection of every SDK operation', () => {
  it('finds the connections of the operations', () => {
    expect(walked.length).toBeGreaterThan(30);
    expect(walked.map((c) => `${c.operation} ${c.path.join('.')}`)).toContain('coverageGaps coverageGaps.villages');
  });

  it('pages: first and after from variables of its own, pageInfo and nodes selected, not stuck inside a list', () => {
    const stuck = connections.filter((c) => c.problems.length > 0).map((c) => `${c.operation} ${c.path.join('.')}: ${c.problems.join('; ')}`);
    expect(stuck).toEqual([]);
  });

  it('has variables in this file for each operation, so that it is walked below', () => {
    expect([...new Set(walked.map((c) => c.operation))].filter((op) => !(op in vars))).toEqual([]);
  });

  it.each(walked.map((c) => [`${c.operation} ${c.path.join('.')}`, c] as const))('%s walks with paginate()', async (_, c: FoundConnection) => {
    const fixture = vars[c.operation];
    const client = clients[fixture.as];
    const document = documentOf(c.operation);
    expect(document, c.operation).toBeDefined();
    let total: number | undefined;
    const keys: string[] = [];
    let pages = 0;
    for await (const node of paginate((after) => client.request(document, { ...fixture.variables, [c.firstVar!]: 1, [c.afterVar!]: after }).then((d) => {
      pages++;
      const page = at(d, c.path);
      total = page.totalCount;
      return page;
    }))) {
      const n = node as { id?: string; householdId?: string };
      keys.push(n.id ?? n.householdId ?? JSON.stringify(node));
      if (keys.length === CAP) break;
    }
    expect(new Set(keys).size, `${c.operation}: a node came twice`).toBe(keys.length);
    if (total !== undefined) expect(keys.length).toBe(Math.min(total, CAP));
    if (keys.length > 1) expect(pages).toBe(keys.length);
  });

  it('pages the villages of coverageGaps past the first page (the issue’s example)', async () => {
    const ids: string[] = [];
    const gaps = (after: string | null) => clients.county.coverageGaps({ sector: 'WATER', areaCode: COUNTY, first: 1, villagesAfter: after }).then((d) => d.coverageGaps.villages);
    const { totalCount } = await gaps(null);
    for await (const v of paginate(gaps)) if (ids.push(v.code) === 3) break;
    expect(ids).toHaveLength(Math.min(3, totalCount));
    expect(new Set(ids).size).toBe(ids.length);
  });
});
