/**
 * Opening a case (issue 3, items 1, 2, 8, 9): an application for a household (with its
 * form; the household enters as a CANDIDATE), a proposed exit, a reported relapse, a
 * proposed removal, or a poor-village application. Each is filed by a cadre or official
 * of the village, only for a subject in the right standing (a registered poor household
 * for an exit, an exited one for a relapse…) and with no other open case of the kind.
 */
import { randomUUID } from 'node:crypto';
import { requireRegistryWriter } from '../../auth/require.js';
import { Cause } from '../../codes/index.js';
import type { Tx } from '../../db/client.js';
import type { Context } from '../../graphql/context.js';
import { badInput, notFound } from '../../graphql/errors.js';
import { keyOf } from '../../graphql/ids.js';
import { recordWrite } from '../audit/audit.service.js';
import type { HouseholdForm } from '../household/household.form.js';
import { householdService } from '../household/household.service.js';
import { householdStore } from '../household/household.store.js';
import { toHousehold } from '../household/household.mapper.js';
import { dateRefusal, todayIso } from './case.rules.js';
import { caseStore } from './case.store.js';
import { toCase } from './case.mapper.js';
import { invalidTransition, type DocumentInput } from './case.step.js';
import { levelRefusal, PROCEDURES, type CaseKind } from './procedures.js';

export interface OpenInput {
  year: number;
  date?: string | null;
  documents?: DocumentInput[] | null;
}

function checkOpen(ctx: Context, villageCode: string, i: OpenInput) {
  requireRegistryWriter(ctx.caller);
  const p = [];
  const thisYear = new Date().getFullYear();
  if (!Number.isInteger(i.year) || i.year < 2013 || i.year > thisYear + 1) p.push({ field: 'input.year', reason: `must be between 2013 and ${thisYear + 1}` });
  const bad = dateRefusal(i.date ?? todayIso(), todayIso(), null);
  if (bad) p.push({ field: 'input.date', reason: bad });
  if (p.length) throw badInput(p);
  const refusal = levelRefusal(ctx.caller, 'VILLAGE', villageCode);
  if (refusal) throw invalidTransition(refusal);
}

async function openCase(tx: Tx, ctx: Context, kind: CaseKind, o: { id?: string; householdId?: string; villageCode: string; data?: Record<string, unknown> }, i: OpenInput) {
  const date = i.date ?? todayIso();
  const id = o.id ?? randomUUID();
  const [row] = await caseStore.insert(tx, { id, kind, householdId: o.householdId ?? null, villageCode: o.villageCode, year: i.year, state: PROCEDURES[kind].start, data: o.data ?? {}, openedBy: ctx.caller.id, openedOn: date });
  await caseStore.insertStep(tx, { id: randomUUID(), caseId: id, villageCode: o.villageCode, action: 'open', fromState: null, toState: row.state, effectiveDate: date, data: o.data ?? {}, actor: ctx.caller.id, role: ctx.caller.role });
  await caseStore.insertDocuments(tx, (i.documents ?? []).map((d) => ({ id: randomUUID(), caseId: id, villageCode: o.villageCode, title: d.title.trim(), reference: d.reference.trim(), addedBy: ctx.caller.id })));
  const model = toCase(row);
  await recordWrite(tx, ctx, { operation: `case.open`, event: 'case.opened', entityType: 'Case', entityId: model.id, areaCode: o.villageCode, before: null, after: row });
  return model;
}

/** A household of the caller's area, locked, in one of the allowed standings, with no open case. */
async function householdFor(tx: Tx, ctx: Context, id: string, allowed: { stage: string[]; status: string[] }, what: string) {
  const h = await householdStore.lockForUpdate(tx, ctx.caller, keyOf('Household', id, 'householdId'));
  if (!h) throw notFound(`household ${id}`);
  if (!allowed.stage.includes(h.stage) || !allowed.status.includes(h.status)) {
    throw invalidTransition(`${what} needs a household that is ${allowed.stage.join(' or ')} with status ${allowed.status.join(' or ')}; household ${h.number} is ${h.stage} with status ${h.status}`);
  }
  const open = await caseStore.openOf(tx, h.id);
  if (open.length) throw invalidTransition(`household ${h.number} already has an open ${open[0].kind} case (state ${open[0].state}): finish or close it first`);
  return h;
}

export const caseOpen = {
  /** Application 申请: the household's form (it enters as a CANDIDATE) and the identification case. */
  async application(ctx: Context, input: OpenInput & { household: Omit<HouseholdForm, 'status' | 'firstIdentifiedDate' | 'exitYear'> }) {
    const candidate: HouseholdForm = { ...input.household, status: '0', firstIdentifiedDate: null, exitYear: null };
    const { form, warnings } = await householdService.prepare(ctx, candidate, 'input.household');
    checkOpen(ctx, form.villageCode, input);
    return ctx.db.transaction(async (tx) => {
      const caseId = randomUUID();
      const row = await householdService.insert(tx, ctx, form, warnings, 'CANDIDATE', { date: input.date ?? todayIso(), caseId });
      const c = await openCase(tx, ctx, 'HOUSEHOLD_IDENTIFICATION', { id: caseId, householdId: row.id, villageCode: row.villageCode }, input);
      return { case: c, household: toHousehold(row), warnings };
    });
  },

  async exit(ctx: Context, householdId: string, input: OpenInput) {
    requireRegistryWriter(ctx.caller);
    return ctx.db.transaction(async (tx) => {
      const h = await householdFor(tx, ctx, householdId, { stage: ['REGISTERED'], status: ['0', '3'] }, 'an exit');
      checkOpen(ctx, h.villageCode, input);
      return { case: await openCase(tx, ctx, 'HOUSEHOLD_EXIT', { householdId: h.id, villageCode: h.villageCode }, input) };
    });
  },

  async relapse(ctx: Context, householdId: string, input: OpenInput & { cause: string; description: string }) {
    requireRegistryWriter(ctx.caller);
    const p = [];
    if (!Cause.codes.has(input.cause)) p.push({ field: 'input.cause', reason: 'give a cause of poverty from the national list' });
    if (!input.description.trim() || input.description.length > 2000) p.push({ field: 'input.description', reason: 'say what happened (1 to 2,000 characters)' });
    if (p.length) throw badInput(p);
    return ctx.db.transaction(async (tx) => {
      const h = await householdFor(tx, ctx, householdId, { stage: ['REGISTERED'], status: ['1', '4'] }, 'a relapse');
      checkOpen(ctx, h.villageCode, input);
      return { case: await openCase(tx, ctx, 'HOUSEHOLD_RELAPSE', { householdId: h.id, villageCode: h.villageCode, data: { cause: input.cause, description: input.description.trim() } }, input) };
    });
  },

  async removal(ctx: Context, householdId: string, input: OpenInput & { reason: string }) {
    requireRegistryWriter(ctx.caller);
    if (!input.reason.trim() || input.reason.length > 2000) throw badInput([{ field: 'input.reason', reason: 'say why the household does not meet the standard (1 to 2,000 characters)' }]);
    return ctx.db.transaction(async (tx) => {
      const h = await householdFor(tx, ctx, householdId, { stage: ['REGISTERED'], status: ['0', '1', '3', '4'] }, 'a removal');
      checkOpen(ctx, h.villageCode, input);
      return { case: await openCase(tx, ctx, 'HOUSEHOLD_REMOVAL', { householdId: h.id, villageCode: h.villageCode, data: { reason: input.reason.trim() } }, input) };
    });
  },

  /** A poor-village application (a village that is not one), or the exit of a poor village (status 1). */
  async village(ctx: Context, villageCode: string, input: OpenInput, kind: 'VILLAGE_IDENTIFICATION' | 'VILLAGE_EXIT' = 'VILLAGE_IDENTIFICATION') {
    const village = /^\d{12}$/.test(villageCode) ? await ctx.loaders.village.byCode.load(villageCode) : null;
    if (!village) throw notFound(`village ${villageCode}`);
    checkOpen(ctx, villageCode, input);
    const needs = kind === 'VILLAGE_EXIT' ? '1' : '0';
    if (village.povertyStatus !== needs) {
      throw invalidTransition(kind === 'VILLAGE_EXIT'
        ? `only a poor village (status 1) can exit; village ${villageCode} has status ${village.povertyStatus}`
        : `village ${villageCode} is already a poor village or has exited (status ${village.povertyStatus})`);
    }
    return ctx.db.transaction(async (tx) => {
      // One open case of a kind per village, even for two officials filing at the same moment.
      await caseStore.lockVillageCases(tx, villageCode, kind);
      const open = await caseStore.openOfVillage(tx, villageCode, kind);
      if (open.length) throw invalidTransition(`village ${villageCode} already has an open ${kind} case (state ${open[0].state})`);
      return { case: await openCase(tx, ctx, kind, { villageCode }, input) };
    });
  },
};
