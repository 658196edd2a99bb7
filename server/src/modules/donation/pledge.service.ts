/**
 * Pledges and their delivery (issue 11 items 3–4). A donor pledges part or all of what is
 * open on a published need: the need's row is locked (FOR UPDATE) while the standing
 * pledges are summed and the new one inserted, so the sum never exceeds the need (two
 * donors racing for the last 500 yuan: one succeeds, the other gets CONFLICT with what is
 * open). The donor reports the delivery; a cadre or official of the village confirms
 * receipt and records the household's acknowledgement. An undelivered pledge expires after
 * its date, computed at read time (donation.validate `effectiveStatus`), and its amount is
 * open again. A donor reads only its own pledges; another's is NOT_FOUND, like a missing one.
 */
import { randomUUID } from 'node:crypto';
import { canWriteRegistry } from '../../auth/caller.js';
import { requireRegistryWriter } from '../../auth/require.js';
import { decodeCursor, pageSize, toPage } from '../../graphql/connection.js';
import type { Context } from '../../graphql/context.js';
import { badInput, conflict, notFound } from '../../graphql/errors.js';
import { UUID } from '../../graphql/ids.js';
import { recordWrite } from '../audit/audit.service.js';
import { donationStore, type PledgeRow } from './donation.store.js';
import { pledgeEvent, toDonor, toPledge, toPublished, type PledgeModel } from './donation.model.js';
import { dayOf, effectiveStatus, isDate, personalDataIn, today } from './donation.validate.js';
import { currentDonor, requireDonor } from './donor.service.js';
import { invalid } from './need.service.js';
import { gid, keyOfD } from './ids.js';
import type { ConfirmReceiptInput, PledgeInput, RecordAcknowledgementInput, ReportDeliveryInput } from './donation.input.js';

/** A step a cadre or official of the need's area takes on a pledge (NOT_FOUND outside it). */
async function cadreStep(ctx: Context, pledgeId: string, onInput: string | undefined, step: { from: string; to: string; operation: string; event: string; field: string }, change: (p: PledgeRow, on: string) => Partial<PledgeRow>) {
  requireRegistryWriter(ctx.caller);
  const key = keyOfD('Pledge', pledgeId, 'input.pledgeId');
  const on = onInput ?? today();
  if (!isDate(on) || on > today()) throw badInput([{ field: step.field, reason: `must be a date, not after today (${today()})` }]);
  return ctx.db.transaction(async (tx) => {
    const need = await donationStore.lockNeedOfPledge(tx, key);
    const p = need && (await donationStore.lockPledge(tx, key, { caller: ctx.caller }));
    if (!need || !p) throw notFound('the pledge');
    const status = effectiveStatus(p, today());
    if (status !== step.from) throw invalid(`this step needs a ${step.from} pledge; this one is ${status}`, status, step.to);
    const [row] = await donationStore.updatePledge(tx, key, change(p, on));
    await recordWrite(tx, ctx, { operation: step.operation, event: step.event, entityType: 'Pledge', entityId: gid('Pledge', key), areaCode: p.villageCode, before: { status }, after: { ...pledgeEvent(row, need.reference), on } });
    return toPledge(row, need.items !== null);
  });
}

export const pledgeService = {
  async pledge(ctx: Context, input: PledgeInput) {
    const d = await requireDonor(ctx, 'pledge');
    const reference = keyOfD('PublishedNeed', input.needId, 'input.needId');
    if (input.deliverBy != null && !isDate(input.deliverBy)) throw badInput([{ field: 'input.deliverBy', reason: 'must be a date (YYYY-MM-DD)' }]);
    return ctx.db.transaction(async (tx) => {
      // The row lock serialises pledges to one need: the sum below cannot change until this commits.
      const need = await donationStore.lockNeed(tx, { reference });
      if (!need || need.status !== 'PUBLISHED') throw notFound('the published need');
      const on = today();
      if (need.deadline < on) throw invalid(`the need's deadline (${need.deadline}) has passed: it takes no more pledges`, 'PUBLISHED', 'PLEDGED');
      const byItems = need.items !== null;
      const field = byItems ? 'input.quantity' : 'input.amount';
      const size = byItems ? input.quantity : input.amount;
      if (size == null || (byItems ? input.amount != null : input.quantity != null)) throw badInput([{ field, reason: byItems ? `this need asks for items (${need.items}): pledge a quantity, not an amount` : 'this need asks for yuan: pledge an amount, not a quantity' }]);
      if (!(size > 0) || Math.round(size * 100) !== size * 100) throw badInput([{ field, reason: 'must be more than 0 (yuan to the fen, or whole items)' }]);
      const deliverBy = input.deliverBy ?? need.deadline;
      if (deliverBy < on || deliverBy > need.deadline) throw badInput([{ field: 'input.deliverBy', reason: `must be between today (${on}) and the need's deadline (${need.deadline})` }]);
      const open = Math.round((Number(need.target) - (await donationStore.committedOf(tx, need.id))) * 100) / 100;
      if (size > open) {
        const unit = byItems ? 'items' : 'yuan';
        throw conflict(open > 0 ? `only ${open} ${unit} are still open on need ${need.reference}: pledge ${open} or less` : `need ${need.reference} is fully pledged: nothing is open`, { field, ...(byItems ? { openQuantity: open } : { openAmount: open }) });
      }
      const [row] = await donationStore.insertPledge(tx, { id: randomUUID(), needId: need.id, donorId: d.id, villageCode: need.village_code, size, deliverBy, status: 'PLEDGED' });
      await recordWrite(tx, ctx, { operation: 'pledge', event: 'pledge.made', entityType: 'Pledge', entityId: gid('Pledge', row.id), areaCode: need.village_code, before: null, after: pledgeEvent(row, need.reference) });
      return toPledge(row, byItems);
    });
  },

  async reportDelivery(ctx: Context, input: ReportDeliveryInput) {
    const d = await requireDonor(ctx, 'report a delivery');
    const key = keyOfD('Pledge', input.pledgeId, 'input.pledgeId');
    const evidence = input.evidence.trim();
    const problems = [];
    if (!isDate(input.deliveredOn)) problems.push({ field: 'input.deliveredOn', reason: 'must be a date (YYYY-MM-DD)' });
    else if (input.deliveredOn > today()) problems.push({ field: 'input.deliveredOn', reason: `is in the future (today is ${today()}): report a delivery once it is made` });
    if (!evidence || evidence.length > 200) problems.push({ field: 'input.evidence', reason: 'is required, at most 200 characters: a receipt number or transfer reference' });
    if (problems.length) throw badInput(problems);
    return ctx.db.transaction(async (tx) => {
      const need = await donationStore.lockNeedOfPledge(tx, key);
      const p = need && (await donationStore.lockPledge(tx, key, { donorId: d.id }));
      if (!need || !p) throw notFound('the pledge');
      const byItems = need.items !== null;
      const status = effectiveStatus(p, today());
      if (status !== 'PLEDGED') throw invalid(status === 'EXPIRED' ? `the pledge expired after ${p.deliverBy}, undelivered: its amount is open again; pledge again if you still can` : `the pledge is ${status}: a delivery is reported once`, status, 'DELIVERED');
      if (input.deliveredOn < dayOf(p.createdAt)) throw badInput([{ field: 'input.deliveredOn', reason: `is before the pledge was made (${dayOf(p.createdAt)}): a delivery follows its pledge` }]);
      const field = byItems ? 'input.quantity' : 'input.amount';
      const size = (byItems ? input.quantity : input.amount) ?? p.size;
      if (!(size > 0) || size > p.size) throw badInput([{ field, reason: `must be more than 0 and at most the pledge (${p.size})` }]);
      const [row] = await donationStore.updatePledge(tx, key, { status: 'DELIVERED', deliveredOn: input.deliveredOn, deliveredSize: size, evidence });
      await recordWrite(tx, ctx, { operation: 'reportDelivery', event: 'pledge.delivered', entityType: 'Pledge', entityId: gid('Pledge', key), areaCode: p.villageCode, before: { status }, after: { ...pledgeEvent(row, need.reference), deliveredOn: row.deliveredOn, deliveredSize: size } });
      return toPledge(row, byItems);
    });
  },

  confirmReceipt(ctx: Context, input: ConfirmReceiptInput) {
    const step = { from: 'DELIVERED', to: 'CONFIRMED', operation: 'confirmReceipt', event: 'pledge.confirmed', field: 'input.receivedOn' };
    return cadreStep(ctx, input.pledgeId, input.receivedOn, step, (p, on) => {
      if (on < p.deliveredOn!) throw badInput([{ field: 'input.receivedOn', reason: `is before the reported delivery (${p.deliveredOn})` }]);
      return { status: 'CONFIRMED', confirmedOn: on, confirmedBy: ctx.caller.id };
    });
  },

  recordAcknowledgement(ctx: Context, input: RecordAcknowledgementInput) {
    const note = input.note?.trim() || null;
    if (note && (note.length > 200 || personalDataIn(note, []))) throw badInput([{ field: 'input.note', reason: note.length > 200 ? 'at most 200 characters' : personalDataIn(note, [])! }]);
    const step = { from: 'CONFIRMED', to: 'CONFIRMED', operation: 'recordAcknowledgement', event: 'pledge.acknowledged', field: 'input.acknowledgedOn' };
    return cadreStep(ctx, input.pledgeId, input.acknowledgedOn, step, (p, on) => {
      if (p.acknowledgedOn) throw invalid(`the acknowledgement was already recorded on ${p.acknowledgedOn}`, 'ACKNOWLEDGED', 'ACKNOWLEDGED');
      if (on < p.confirmedOn!) throw badInput([{ field: 'input.acknowledgedOn', reason: `is before the receipt was confirmed (${p.confirmedOn})` }]);
      return { acknowledgedOn: on, acknowledgement: note, acknowledgedBy: ctx.caller.id };
    });
  },

  async myPledges(ctx: Context, first?: number, after?: string) {
    const d = await requireDonor(ctx, 'list its pledges');
    const size = pageSize(first);
    const cursor = decodeCursor(after, /^\d{4}-\d{2}-\d{2}T[\d:.]+Z\|[0-9a-f-]{36}$/);
    const pos = cursor ? { at: cursor.split('|')[0], id: cursor.split('|')[1] } : undefined;
    const rows = await donationStore.donorPledgePage(ctx.db, d.id, pos, size + 1);
    const needs = await Promise.all(rows.map((p) => ctx.loaders.donation.relatedNeed.load(p.needId)));
    const byItems = new Map(rows.map((p, i) => [p.id, needs[i] ? needs[i]!.items !== null : false]));
    return toPage(rows, size, (p) => `${p.createdAt.toISOString()}|${p.id}`, (p) => toPledge(p, byItems.get(p.id)!), () => donationStore.donorPledgeCount(ctx.db, d.id), cursor);
  },

  /** One pledge: a donor's own, or one in an official's or cadre's area; null otherwise (indistinguishable from missing). */
  async byKey(ctx: Context, key: string) {
    if (ctx.caller.anonymous || !UUID.test(key)) return null;
    let row: PledgeRow | undefined;
    if (ctx.caller.role === 'donor') {
      const d = await currentDonor(ctx);
      if (!d) return null;
      [row] = await donationStore.pledgesOfDonor(ctx.db, d.id, [key]);
    } else if (canWriteRegistry(ctx.caller)) [row] = await donationStore.pledgesInScope(ctx.db, ctx.caller, [key]);
    if (!row) return null;
    const need = await ctx.loaders.donation.relatedNeed.load(row.needId);
    return toPledge(row, need ? need.items !== null : false);
  },

  byGlobalId(ctx: Context, id: string) {
    return this.byKey(ctx, keyOfD('Pledge', id, 'id'));
  },

  /** The published view of a pledge's need (for its donor or the officials of its area). */
  async needOf(ctx: Context, p: PledgeModel) {
    const row = await ctx.loaders.donation.relatedNeed.load(p.needKey);
    return row && row.publishedAt ? toPublished(row) : null;
  },

  /** The donor's name on a pledge: for its donor, and for admins, officials and cadres of the area (who confirm receipt). */
  async donorOf(ctx: Context, p: PledgeModel) {
    const d = await ctx.loaders.donation.donor.load(p.donorKey);
    if (!d) return null;
    if (canWriteRegistry(ctx.caller) || (ctx.caller.role === 'donor' && ctx.caller.id === d.subject)) return toDonor(d, ctx.caller);
    return null;
  },
};
