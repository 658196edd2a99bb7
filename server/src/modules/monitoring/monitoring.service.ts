/**
 * Monitoring against falling back into poverty 防返贫监测 (issue 3, item 10; rules in
 * ./monitoring.rules.ts). Every yearly record is checked by `onYearRecorded`, called by
 * the household service inside its transaction: the triggers that fire are returned,
 * and a case is opened if the household is not monitored yet and may be. Cadres also
 * start cases by hand, record help and the removal of the risk. Monitoring only flags
 * risk: a relapse 返贫 is a status change made elsewhere. Reads and writes are limited to
 * admins, officials and cadres, inside their area (NOT_FOUND / null outside).
 */
import { randomUUID } from 'node:crypto';
import { inScope, type Caller } from '../../auth/caller.js';
import { MonitoringKind, RiskRemoval } from '../../codes/index.js';
import type { Tx } from '../../db/client.js';
import { decodeCursor, pageSize, toPage } from '../../graphql/connection.js';
import type { Context } from '../../graphql/context.js';
import { ApiError, badInput, conflict, forbidden, notFound } from '../../graphql/errors.js';
import { keyOf, toGlobalId } from '../../graphql/ids.js';
import { checkAreaCode } from '../area/area.service.js';
import { recordWrite } from '../audit/audit.service.js';
import { householdStore, type YearRow } from '../household/household.store.js';
import { lineKey } from '../standard/standard.service.js';
import { standardStore } from '../standard/standard.store.js';
import { helpProblems, removalProblems, settingsProblems, startProblems } from './monitoring.validate.js';
import { kindFor, kindRefusal, POLICY_DEFAULTS, removalRefusal, scaleOf, triggers, type MonitoringSettings, type TriggerFound } from './monitoring.rules.js';
import { monitoringStore, type CaseFilter, type CaseRow } from './monitoring.store.js';
import type { MonitoringHelpInput, RemoveMonitoringRiskInput, SetMonitoringSettingsInput, StartMonitoringInput } from './monitoring.type.js';

const today = () => new Date().toISOString().slice(0, 10);

export const toCase = (r: CaseRow) => ({
  __typename: 'MonitoringCase' as const,
  ...r,
  id: toGlobalId('MonitoringCase', String(r.id)),
  key: r.id,
  triggers: r.triggers as TriggerFound[],
});
export type CaseModel = ReturnType<typeof toCase>;

const canMonitor = (c: Caller) => c.role === 'admin' || c.role === 'official' || c.role === 'cadre';
function requireMonitor(c: Caller) {
  if (!canMonitor(c)) throw forbidden(`the ${c.role} role cannot read or change monitoring 防返贫监测: admins, officials and cadres can`);
}

function caseKey(id: string, field = 'id'): number {
  const key = keyOf('MonitoringCase', id, field);
  if (!/^[1-9]\d{0,15}$/.test(key)) throw badInput([{ field, reason: `"${id}" is not a MonitoringCase ID: pass the id of a MonitoringCase as returned by the API` }]);
  return Number(key);
}

/** The settings in force for an area: its province's row, else the national row, else the policy figures. */
async function settingsIn(db: Tx, code: string) {
  const [row] = await monitoringStore.settingsFor(db, code);
  return row ?? null;
}
const settingsOf = (row: Awaited<ReturnType<typeof settingsIn>>): MonitoringSettings => (row ? { ...row } : POLICY_DEFAULTS);

const figures = (y: YearRow) => ({ year: y.year, netIncome: y.netIncome, perCapitaNetIncome: y.perCapitaNetIncome, rigidSpending: y.rigidSpending });

interface HouseholdLocked { id: string; number: string; villageCode: string; stage: string; status: string; identificationStandard: string }

export const monitoringService = {
  /**
   * The hook of recordHouseholdYear, inside its transaction: evaluates the triggers on the
   * new record; opens a case when some fire, the record is the household's latest year, the
   * household is not monitored already and its kind allows (monitoring.rules.ts kindFor).
   */
  async onYearRecorded(tx: Tx, ctx: Context, h: HouseholdLocked, record: YearRow, latest: boolean) {
    const settings = settingsOf(await settingsIn(tx, h.villageCode));
    const [line] = await standardStore.byKeys(tx, [lineKey(h, record.year)]);
    const previous = (await householdStore.yearsOf(tx, ctx.caller, [h.id])).find((y) => y.year === record.year - 1);
    const fired = triggers(figures(record), previous ? figures(previous) : null, line?.yuan ?? null, settings);
    const none = { triggers: fired, opened: false, case: null, note: null };
    if (!fired.length) return none;
    if (!latest) return { ...none, note: `${record.year} is not the household’s latest year: a past year’s triggers open no monitoring` };
    const open = await monitoringStore.openCaseOf(tx, h.id);
    if (open) return { ...none, case: toCase(open), note: 'already monitored: see the open case' };
    const kind = kindFor(h, fired);
    if (!kind) return { ...none, note: kindRefusal(h, MonitoringKind.values.UNSTABLE_EXITED) };
    const [row] = await monitoringStore.insertCase(tx, {
      householdId: h.id, householdNumber: h.number, villageCode: h.villageCode, kind, status: 'OPEN', source: 'YEARLY_UPDATE', year: record.year,
      triggers: fired, riskTypes: [], risk: fired.map((t) => t.detail).join('; '), identifiedOn: today(), openedBy: ctx.caller.id,
    });
    const c = toCase(row);
    await recordWrite(tx, ctx, { operation: 'recordHouseholdYear', event: 'monitoring.started', entityType: 'MonitoringCase', entityId: c.id, areaCode: h.villageCode, before: null, after: row });
    return { triggers: fired, opened: true, case: c, note: null };
  },

  async start(ctx: Context, householdId: string, input: StartMonitoringInput) {
    requireMonitor(ctx.caller);
    const key = keyOf('Household', householdId, 'householdId');
    const p = startProblems(input, today());
    if (p.length) throw badInput(p);
    return ctx.db.transaction(async (tx) => {
      const h = await householdStore.lockForUpdate(tx, ctx.caller, key);
      if (!h) throw notFound(`household ${householdId}`);
      const refusal = kindRefusal(h, input.kind);
      if (refusal) throw badInput([{ field: 'input.kind', reason: refusal }]);
      if (await monitoringStore.openCaseOf(tx, key)) throw conflict(`household ${h.number} is already monitored: record help on its open case (Household.monitoring)`);
      const [row] = await monitoringStore.insertCase(tx, {
        householdId: key, householdNumber: h.number, villageCode: h.villageCode, kind: input.kind, status: 'OPEN', source: 'REPORTED', year: null,
        triggers: [], riskTypes: [...new Set(input.riskTypes)], risk: input.risk.trim(), identifiedOn: input.identifiedOn, openedBy: ctx.caller.id,
      });
      const c = toCase(row);
      await recordWrite(tx, ctx, { operation: 'startMonitoring', event: 'monitoring.started', entityType: 'MonitoringCase', entityId: c.id, areaCode: h.villageCode, before: null, after: row });
      return c;
    });
  },

  async recordHelp(ctx: Context, id: string, input: MonitoringHelpInput) {
    requireMonitor(ctx.caller);
    const key = caseKey(id);
    return ctx.db.transaction(async (tx) => {
      const c = await monitoringStore.caseForUpdate(tx, ctx.caller, key);
      if (!c) throw notFound(`monitoring case ${id}`);
      if (c.status !== 'OPEN') throw new ApiError('INVALID_TRANSITION', `the risk was removed on ${c.removedOn}: help is recorded while a household is monitored (start a new case if the risk is back)`);
      const p = helpProblems(input, c.identifiedOn, today());
      if (p.length) throw badInput(p);
      const [help] = await monitoringStore.insertHelp(tx, {
        id: randomUUID(), caseId: key, villageCode: c.villageCode, givenOn: input.givenOn, measure: input.measure.trim(), amountYuan: input.amountYuan ?? null, recordedBy: ctx.caller.id,
      });
      const model = toCase(c);
      await recordWrite(tx, ctx, { operation: 'recordMonitoringHelp', event: 'monitoring.helpRecorded', entityType: 'MonitoringCase', entityId: model.id, areaCode: c.villageCode, before: null, after: help });
      return model;
    });
  },

  async removeRisk(ctx: Context, id: string, input: RemoveMonitoringRiskInput) {
    requireMonitor(ctx.caller);
    const key = caseKey(id);
    return ctx.db.transaction(async (tx) => {
      const c = await monitoringStore.caseForUpdate(tx, ctx.caller, key);
      if (!c) throw notFound(`monitoring case ${id}`);
      if (c.status !== 'OPEN') throw new ApiError('INVALID_TRANSITION', `the risk was already removed on ${c.removedOn} (${RiskRemoval.label(c.removedHow ?? '')})`);
      const p = removalProblems(input, c.identifiedOn, today());
      const refusal = removalRefusal(input.how, await monitoringStore.helpCount(tx, key));
      if (refusal) p.push({ field: 'input.how', reason: refusal });
      if (p.length) throw badInput(p);
      const [row] = await monitoringStore.removeRisk(tx, key, { removedOn: input.removedOn, removedHow: input.how, removalNote: input.note?.trim() || null, removedBy: ctx.caller.id });
      const model = toCase(row);
      await recordWrite(tx, ctx, { operation: 'removeMonitoringRisk', event: 'monitoring.riskRemoved', entityType: 'MonitoringCase', entityId: model.id, areaCode: c.villageCode, before: c, after: row });
      return model;
    });
  },

  async byId(ctx: Context, id: string) {
    if (!canMonitor(ctx.caller)) return null;
    const g = keyOf('MonitoringCase', id);
    if (!/^[1-9]\d{0,15}$/.test(g)) return null;
    const row = await ctx.loaders.monitoring.byId.load(Number(g));
    return row && toCase(row);
  },

  /** A household's open case, else its latest; null if never monitored or the role may not see monitoring. */
  async ofHousehold(ctx: Context, householdKey: string) {
    if (!canMonitor(ctx.caller)) return null;
    const [first] = await ctx.loaders.monitoring.ofHousehold.load(householdKey);
    return first ? toCase(first) : null;
  },

  help: (ctx: Context, c: CaseModel) => ctx.loaders.monitoring.help.load(c.key),

  async list(ctx: Context, areaCode: string, filter: CaseFilter) {
    requireMonitor(ctx.caller);
    checkAreaCode(areaCode, 'areaCode', { prefix: true });
    return { areaCode, filter, byKind: await monitoringStore.byKind(ctx.db, ctx.caller, areaCode) };
  },

  async cases(ctx: Context, areaCode: string, filter: CaseFilter, o: { first?: number; after?: string }) {
    const size = pageSize(o.first);
    const cursor = decodeCursor(o.after, /^\d{16}:[1-9]\d{0,15}$/);
    const after = cursor ? { number: cursor.slice(0, 16), id: Number(cursor.slice(17)) } : undefined;
    const rows = await monitoringStore.page(ctx.db, ctx.caller, areaCode, filter, after, size + 1);
    return toPage(rows, size, (r) => `${r.householdNumber}:${r.id}`, toCase, () => monitoringStore.count(ctx.db, ctx.caller, areaCode, filter), cursor);
  },

  async scale(ctx: Context, areaCode: string) {
    const s = settingsOf(await settingsIn(ctx.db, areaCode));
    const { monitored, registered } = await monitoringStore.scale(ctx.db, ctx.caller, areaCode);
    return scaleOf(monitored, registered, s);
  },

  /** The thresholds in force for an area (reference data, open to every caller). */
  async settings(ctx: Context, areaCode: string) {
    checkAreaCode(areaCode, 'areaCode', { prefix: true });
    const row = await settingsIn(ctx.db, areaCode);
    return row ? { ...row } : { ...POLICY_DEFAULTS, areaCode: null, updatedAt: null };
  },

  async setSettings(ctx: Context, input: SetMonitoringSettingsInput) {
    const c = ctx.caller;
    const national = input.areaCode === '';
    if (!(c.role === 'admin' || (c.role === 'official' && !national && inScope(c, input.areaCode)))) {
      throw forbidden(national ? 'only an admin sets the national monitoring thresholds' : 'only an admin or an official of that province sets its monitoring thresholds');
    }
    const p = settingsProblems(input);
    if (p.length) throw badInput(p);
    return ctx.db.transaction(async (tx) => {
      const before = (await monitoringStore.settingsRow(tx, input.areaCode)) ?? null;
      const [row] = await monitoringStore.upsertSettings(tx, { ...input, updatedBy: c.id });
      await recordWrite(tx, ctx, {
        operation: 'setMonitoringSettings', event: 'monitoringSettings.set', entityType: 'MonitoringSettings', entityId: input.areaCode || 'national', areaCode: input.areaCode, before, after: row,
      });
      return row;
    });
  },
};
