/**
 * Monitoring against falling back into poverty 防返贫监测 (issue 3, item 10): every yearly
 * record is checked (income under the configured multiple of the line, rigid spending
 * above income, a sharp fall); an exited household that trips one is monitored as
 * unstable; cadres record help and the removal of the risk; the list per area counts by
 * kind. Households of two villages of the demo county's second page no other file uses.
 */
import { beforeAll, describe, expect, it } from 'vitest';
import { BadUserInputError, ConflictError, MonitoringListDocument, type ResponseInfo, ForbiddenError, InvalidTransitionError, NotFoundError, type Client, type RegisterHouseholdInput } from '@jingzhun/sdk';
import { clientAs } from '../support/context.js';
import { freshHousehold, year, freshApplication } from '../support/forms.js';

const COUNTY = '433124';
const YEAR = 2016;
const today = () => new Date().toISOString().slice(0, 10);
const tomorrow = () => new Date(Date.now() + 86_400_000).toISOString().slice(0, 10);

let official: Client;
let cadre: Client;
let village: string;
let otherVillage: string;
let line: number;
let multiple: number;

const exited = (): RegisterHouseholdInput => freshHousehold(village, { status: 'EXITED_WITH_POLICY', exitYear: 2015, plannedExitYear: 2015 });
/** year() gives 2,000 yuan per person for 3 members; production moves it to `perCapita`. */
const yearAt = (y: number, perCapita: number) => year(y, { production: 5200 + (perCapita - 2000) * 3 });
const register = async (form: RegisterHouseholdInput) => (await official.registerHousehold({ input: form })).registerHousehold.household.id;
const monitoringOf = async (c: Client, id: string) => (await c.householdMonitoring({ id })).household?.monitoring ?? null;

beforeAll(async () => {
  const admin = await clientAs({ role: 'admin' });
  official = await clientAs({ role: 'official', area: COUNTY });
  const first = await admin.villages({ filter: { areaCode: COUNTY }, first: 100 });
  const second = await admin.villages({ filter: { areaCode: COUNTY }, first: 100, after: first.villages.pageInfo.endCursor });
  village = second.villages.nodes[80].code;
  otherVillage = second.villages.nodes[81].code;
  cadre = await clientAs({ role: 'cadre', area: village, sub: 'test-monitoring-cadre' });
  line = (await admin.povertyLines({ year: YEAR, areaCode: '' })).povertyLines[0].yuan;
  multiple = (await official.monitoringSettings({ areaCode: village })).monitoringSettings.incomeMultiple;
});

describe('a yearly record', () => {
  it('opens monitoring of an exited household at 1.49 × the line, and not at 1.51 ×', async () => {
    const low = await register(exited());
    const high = await register(exited());
    const below = Math.floor(line * (multiple - 0.01));
    const above = Math.ceil(line * (multiple + 0.01));

    const { recordHouseholdYear: r1 } = await cadre.recordHouseholdYear({ householdId: low, input: yearAt(YEAR, below) });
    expect(r1.year.perCapitaNetIncome).toBe(below);
    expect(r1.monitoring).toMatchObject({ opened: true, note: null, triggers: [{ trigger: 'LOW_INCOME', value: below, threshold: Math.round(multiple * line * 100) / 100 }] });
    expect(r1.monitoring.case).toMatchObject({ kind: 'UNSTABLE_EXITED', status: 'OPEN', source: 'YEARLY_UPDATE', year: YEAR, identifiedOn: today(), openedBy: 'test-monitoring-cadre', help: [] });
    expect((await monitoringOf(cadre, low))!.id).toBe(r1.monitoring.case!.id);

    const { recordHouseholdYear: r2 } = await cadre.recordHouseholdYear({ householdId: high, input: yearAt(YEAR, above) });
    expect(r2.monitoring).toEqual({ triggers: [], opened: false, note: null, case: null });
    expect(await monitoringOf(cadre, high)).toBeNull();
  });

  it('flags rigid spending above income and a sharp fall year on year', async () => {
    const h = await register(exited());
    const before = await cadre.recordHouseholdYear({ householdId: h, input: yearAt(YEAR - 1, 8000) });
    expect(before.recordHouseholdYear.monitoring.triggers).toEqual([]);
    const { recordHouseholdYear: r } = await cadre.recordHouseholdYear({ householdId: h, input: { ...yearAt(YEAR, 5000), rigidSpending: 20_000 } });
    expect(r.year.rigidSpending).toBe(20_000);
    expect(r.monitoring.triggers.map((t) => [t.trigger, t.value, t.threshold])).toEqual([['RIGID_SPENDING', 20_000, 15_000], ['INCOME_FALL', 0.375, 0.3]]);
    expect(r.monitoring.case).toMatchObject({ kind: 'UNSTABLE_EXITED', status: 'OPEN' });
  });

  it('monitors a household outside the register as marginal, or in sudden hardship after rigid spending', async () => {
    const apply = async () => (await cadre.fileApplication({ input: { household: freshApplication(village), year: 2019 } })).fileApplication.household.id;
    const marginal = await apply();
    const sudden = await apply();
    const { recordHouseholdYear: r1 } = await cadre.recordHouseholdYear({ householdId: marginal, input: yearAt(YEAR, Math.floor(line * (multiple - 0.01))) });
    expect(r1.monitoring).toMatchObject({ opened: true, triggers: [{ trigger: 'LOW_INCOME' }], case: { kind: 'MARGINAL_AT_RISK' } });
    const { recordHouseholdYear: r2 } = await cadre.recordHouseholdYear({ householdId: sudden, input: { ...yearAt(YEAR, 8000), rigidSpending: 30_000 } });
    expect(r2.monitoring).toMatchObject({ opened: true, triggers: [{ trigger: 'RIGID_SPENDING', value: 30_000, threshold: 24_000 }], case: { kind: 'SUDDEN_HARDSHIP' } });
  });

  it('does not monitor a household registered as not yet out, but says what fired', async () => {
    const h = await register(freshHousehold(village));
    const { recordHouseholdYear: r } = await cadre.recordHouseholdYear({ householdId: h, input: yearAt(YEAR, 2000) });
    expect(r.monitoring).toMatchObject({ opened: false, case: null, triggers: [{ trigger: 'LOW_INCOME' }] });
    expect(r.monitoring.note).toMatch(/helped as a poor household/);
    expect(await monitoringOf(cadre, h)).toBeNull();
  });

  it('refuses negative rigid spending, naming the field, and writes nothing', async () => {
    const h = await register(exited());
    const err = await cadre.recordHouseholdYear({ householdId: h, input: { ...yearAt(YEAR, 2000), rigidSpending: -1 } }).catch((e) => e);
    expect(err).toBeInstanceOf(BadUserInputError);
    expect(err.problems[0]).toMatchObject({ field: 'input.rigidSpending' });
    expect((await cadre.household({ id: h })).household!.years).toEqual([]);
    expect(await monitoringOf(cadre, h)).toBeNull();
  });
});

describe('a monitored household', () => {
  it('gets help recorded, then its risk removed, and leaves the open list', async () => {
    const h = await register(exited());
    const { recordHouseholdYear } = await cadre.recordHouseholdYear({ householdId: h, input: yearAt(YEAR, 3000) });
    const id = recordHouseholdYear.monitoring.case!.id;

    const early = await cadre.removeMonitoringRisk({ id, input: { removedOn: today(), how: 'ASSISTED' } }).catch((e) => e);
    expect(early).toBeInstanceOf(BadUserInputError);
    expect(early.problems).toEqual([expect.objectContaining({ field: 'input.how' })]);
    expect((await monitoringOf(cadre, h))!.status).toBe('OPEN');

    const badHelp = await cadre.recordMonitoringHelp({ id, input: { givenOn: tomorrow(), measure: ' ', amountYuan: -5 } }).catch((e) => e);
    expect(badHelp).toBeInstanceOf(BadUserInputError);
    expect(badHelp.problems.map((p: { field: string }) => p.field)).toEqual(['input.givenOn', 'input.measure', 'input.amountYuan']);
    expect((await monitoringOf(cadre, h))!.help).toEqual([]);

    const helped = (await cadre.recordMonitoringHelp({ id, input: { givenOn: today(), measure: '医疗救助 medical assistance', amountYuan: 2000 } })).recordMonitoringHelp;
    expect(helped.help).toEqual([expect.objectContaining({ givenOn: today(), measure: '医疗救助 medical assistance', amountYuan: 2000, recordedBy: 'test-monitoring-cadre' })]);

    const open = await cadre.monitoringList({ areaCode: village, filter: { open: true }, first: 100 });
    expect(open.monitoringList.cases.nodes.map((c) => c.id)).toContain(id);
    const { removeMonitoringRisk } = await cadre.removeMonitoringRisk({ id, input: { removedOn: today(), how: 'ASSISTED', note: 'income recovered after treatment' } });
    expect(removeMonitoringRisk).toMatchObject({ status: 'REMOVED', removedOn: today(), removedHow: 'ASSISTED', removalNote: 'income recovered after treatment', removedBy: 'test-monitoring-cadre' });

    await expect(cadre.recordMonitoringHelp({ id, input: { givenOn: today(), measure: 'more' } })).rejects.toBeInstanceOf(InvalidTransitionError);
    await expect(cadre.removeMonitoringRisk({ id, input: { removedOn: today(), how: 'NATURAL' } })).rejects.toBeInstanceOf(InvalidTransitionError);

    const after = (await cadre.monitoringList({ areaCode: village, filter: { open: true }, first: 100 })).monitoringList;
    expect(after.cases.nodes.map((c) => c.id)).not.toContain(id);
    expect(after.cases.totalCount).toBe(open.monitoringList.cases.totalCount - 1);
    const removed = (await cadre.monitoringList({ areaCode: village, filter: { open: false, kind: ['UNSTABLE_EXITED'] }, first: 100 })).monitoringList;
    expect(removed.cases.nodes.find((c) => c.id === id)?.household?.id).toBe(h);
    const kind = removed.byKind.find((k) => k.kind === 'UNSTABLE_EXITED')!;
    expect(kind.removed).toBeGreaterThanOrEqual(1);
    expect(removed.byKind.reduce((n, k) => n + k.open, 0)).toBe(after.cases.totalCount);
    expect(removed.scale.monitoredPeople).toBeGreaterThanOrEqual(3);
    expect(removed.scale.registeredPeople).toBeGreaterThan(removed.scale.monitoredPeople);

    const { auditTrail } = await official.auditTrail({ filter: { operation: 'removeMonitoringRisk', areaCode: village } });
    expect(auditTrail.nodes[0]).toMatchObject({ entityId: id, actor: 'test-monitoring-cadre' });
  });

  it('can be reported by a cadre, once, with a kind that fits the household', async () => {
    const h = await register(exited());
    const wrongKind = await cadre.startMonitoring({ householdId: h, input: { kind: 'SUDDEN_HARDSHIP', riskTypes: ['ILLNESS'], risk: '户主突发重病', identifiedOn: today() } }).catch((e) => e);
    expect(wrongKind).toBeInstanceOf(BadUserInputError);
    expect(wrongKind.problems[0]).toMatchObject({ field: 'input.kind' });
    const bad = await cadre.startMonitoring({ householdId: h, input: { kind: 'UNSTABLE_EXITED', riskTypes: [], risk: '', identifiedOn: tomorrow() } }).catch((e) => e);
    expect(bad.problems.map((p: { field: string }) => p.field)).toEqual(['input.risk', 'input.riskTypes', 'input.identifiedOn']);
    expect(await monitoringOf(cadre, h)).toBeNull();

    const { startMonitoring } = await cadre.startMonitoring({ householdId: h, input: { kind: 'UNSTABLE_EXITED', riskTypes: ['ILLNESS', 'HIGH_SPENDING'], risk: '户主突发重病', identifiedOn: today() } });
    expect(startMonitoring).toMatchObject({ kind: 'UNSTABLE_EXITED', source: 'REPORTED', year: null, triggers: [], riskTypes: ['ILLNESS', 'HIGH_SPENDING'], risk: '户主突发重病' });
    await expect(cadre.startMonitoring({ householdId: h, input: { kind: 'UNSTABLE_EXITED', riskTypes: ['ILLNESS'], risk: 'again', identifiedOn: today() } })).rejects.toBeInstanceOf(ConflictError);
    const notOut = await register(freshHousehold(village));
    const poor = await cadre.startMonitoring({ householdId: notOut, input: { kind: 'UNSTABLE_EXITED', riskTypes: ['ILLNESS'], risk: 'x', identifiedOn: today() } }).catch((e) => e);
    expect(poor.problems[0].reason).toMatch(/helped as a poor household/);
  });

  it('is seen only inside the area, by roles that act on it', async () => {
    const h = await register(exited());
    const id = (await official.startMonitoring({ householdId: h, input: { kind: 'UNSTABLE_EXITED', riskTypes: ['DISASTER'], risk: '房屋受灾', identifiedOn: today() } })).startMonitoring.id;
    const neighbour = await clientAs({ role: 'cadre', area: otherVillage });
    expect((await neighbour.householdMonitoring({ id: h })).household).toBeNull();
    expect((await neighbour.monitoringList({ areaCode: village })).monitoringList.cases.totalCount).toBe(0);
    await expect(neighbour.recordMonitoringHelp({ id, input: { givenOn: today(), measure: 'x' } })).rejects.toBeInstanceOf(NotFoundError);
    const elsewhere = await clientAs({ role: 'official', area: '433125' });
    expect((await elsewhere.node({ id })).node).toBeNull();
    await expect(elsewhere.removeMonitoringRisk({ id, input: { removedOn: today(), how: 'NATURAL' } })).rejects.toBeInstanceOf(NotFoundError);
    expect((await official.node({ id })).node).toMatchObject({ id, __typename: 'MonitoringCase' });
    const analyst = await clientAs({ role: 'analyst', area: COUNTY });
    await expect(analyst.monitoringList({ areaCode: village })).rejects.toBeInstanceOf(ForbiddenError);
    expect((await monitoringOf(cadre, h))!.status).toBe('OPEN');
  });
});

describe('monitoring thresholds', () => {
  it('are set per province by its officials, national ones by admins, with bad figures refused', async () => {
    const province = await clientAs({ role: 'official', area: '44' });
    const { setMonitoringSettings } = await province.setMonitoringSettings({ input: { areaCode: '44', incomeMultiple: 1.6, fallShare: 0.25, scaleTarget: 0.05, scaleMax: 0.1 } });
    expect(setMonitoringSettings).toMatchObject({ areaCode: '44', incomeMultiple: 1.6, fallShare: 0.25 });
    expect((await official.monitoringSettings({ areaCode: '440101' })).monitoringSettings).toMatchObject({ areaCode: '44', incomeMultiple: 1.6 });
    await expect(official.setMonitoringSettings({ input: { areaCode: '', incomeMultiple: 1.5, fallShare: 0.3, scaleTarget: 0.05, scaleMax: 0.1 } })).rejects.toBeInstanceOf(ForbiddenError);
    const err = await province.setMonitoringSettings({ input: { areaCode: '44', incomeMultiple: 0.9, fallShare: 1.2, scaleTarget: 0.2, scaleMax: 0.1 } }).catch((e) => e);
    expect(err).toBeInstanceOf(BadUserInputError);
    expect(err.problems.map((p: { field: string }) => p.field)).toEqual(['input.incomeMultiple', 'input.fallShare', 'input.scaleTarget']);
    expect((await province.monitoringSettings({ areaCode: '44' })).monitoringSettings.incomeMultiple).toBe(1.6);
  });
});

describe('the monitoring list', () => {
  it('runs the same number of SQL statements for 2 and for 5 cases with their household and help', async () => {
    const admin = await clientAs({ role: 'admin' });
    const first = await admin.villages({ filter: { areaCode: COUNTY }, first: 100 });
    const own = (await admin.villages({ filter: { areaCode: COUNTY }, first: 100, after: first.villages.pageInfo.endCursor })).villages.nodes[82].code;
    for (let i = 0; i < 5; i++) {
      const h = await register(freshHousehold(own, { status: 'EXITED_WITH_POLICY', exitYear: 2015, plannedExitYear: 2015 }));
      const { startMonitoring } = await official.startMonitoring({ householdId: h, input: { kind: 'UNSTABLE_EXITED', riskTypes: ['ILLNESS'], risk: '因病', identifiedOn: today() } });
      await official.recordMonitoringHelp({ id: startMonitoring.id, input: { givenOn: today(), measure: '医疗救助' } });
    }
    const statements = async (first: number) => {
      const info: ResponseInfo = {};
      const data = await official.request(MonitoringListDocument, { areaCode: own, first }, info);
      expect(data.monitoringList.cases.nodes).toHaveLength(first);
      expect(data.monitoringList.cases.nodes.every((c) => c.household !== null && c.help.length === 1)).toBe(true);
      return info.extensions?.sqlStatements as number;
    };
    const two = await statements(2);
    expect(await statements(5)).toBe(two);
    expect(two).toBeLessThanOrEqual(10);
  });
});
