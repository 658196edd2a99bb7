/**
 * Needs 需求 through their procedure (issue 11 item 2; the 2016 platform's flow): a cadre
 * or official of the village drafts a need for a registered household in scope or a poor
 * village; an official of the township (or above) checks it; an official of the county
 * (or above) reviews it — seeing what already funds the household in its category, so
 * nothing is funded twice — and publishes it; anyone of the area may cancel it with a
 * reason, which cancels its undelivered pledges. Levels as in case/procedures.ts.
 * A description naming a member, or carrying an ID number or a phone, is refused.
 * Every write: one transaction, an audit record and a change event with no personal data.
 */
import { randomBytes, randomUUID } from 'node:crypto';
import { canWriteRegistry } from '../../auth/caller.js';
import { requireRegistryWriter } from '../../auth/require.js';
import type { Tx } from '../../db/client.js';
import { decodeCursor, pageSize, toPage } from '../../graphql/connection.js';
import type { Context } from '../../graphql/context.js';
import { ApiError, badInput, forbidden, notFound } from '../../graphql/errors.js';
import { keyOf, toGlobalId, UUID } from '../../graphql/ids.js';
import { checkAreaCode } from '../area/area.service.js';
import { recordWrite } from '../audit/audit.service.js';
import { levelRefusal } from '../case/procedures.js';
import { MEASURE_KINDS_OF_CATEGORY, NeedCategory, SECTORS_OF_CATEGORY } from '../../codes/donation.codes.js';
import { donationStore } from './donation.store.js';
import { needEvent, toNeed, toPledge, type NeedModel } from './donation.model.js';
import { needProblems, personalDataIn, today } from './donation.validate.js';
import { gid, keyOfD } from './ids.js';
import type { CancelNeedInput, DecideNeedInput, DraftNeedInput, NeedFilterInput } from './donation.input.js';

const CROCKFORD = '0123456789ABCDEFGHJKMNPQRSTVWXYZ';
/** A published need's pseudonymous reference: random per need, so two needs of one household share nothing. */
const newReference = () => `XQ${[...randomBytes(10)].map((b) => CROCKFORD[b % 32]).join('')}`;
export const invalid = (message: string, from: string, to: string) => new ApiError('INVALID_TRANSITION', message, { from, to });

/** A need in the caller's scope, for a write: read scoped, then locked. NOT_FOUND outside the scope. */
async function lockScopedNeed(tx: Tx, ctx: Context, id: string) {
  const [row] = await donationStore.needsByIds(tx, ctx.caller, [id]);
  if (!row) throw notFound('the need');
  const locked = (await donationStore.lockNeed(tx, { id }))!;
  return { row, locked };
}

/** The need as the caller now sees it, read inside the write's transaction. */
async function reread(tx: Tx, ctx: Context, key: string) {
  const [full] = await donationStore.needsByIds(tx, ctx.caller, [key]);
  return toNeed(full);
}

/** Where a draft belongs: the household's village (registered, in scope) or a poor village of the caller's area; and the names its description must not carry. */
async function draftTarget(ctx: Context, input: DraftNeedInput) {
  if (input.householdId) {
    const householdKey = keyOf('Household', input.householdId, 'input.householdId');
    const h = await donationStore.householdForNeed(ctx.db, ctx.caller, householdKey);
    if (!h) throw notFound('the household');
    if (h.stage !== 'REGISTERED') throw badInput([{ field: 'input.householdId', reason: `the household is ${h.stage.toLowerCase()}, not registered 建档立卡: needs are collected for registered households` }]);
    return { villageCode: h.village_code, householdKey, names: h.names };
  }
  const villageCode = input.villageCode!;
  if (!/^\d{12}$/.test(villageCode)) throw badInput([{ field: 'input.villageCode', reason: `"${villageCode}" is not a 12-digit village code` }]);
  if (levelRefusal(ctx.caller, 'VILLAGE', villageCode)) throw notFound('the village');
  if ((await donationStore.villageStatus(ctx.db, villageCode)) !== '1') throw badInput([{ field: 'input.villageCode', reason: 'is not a registered poor village 贫困村: needs of a village as a whole are for poor villages' }]);
  return { villageCode, householdKey: null, names: [] as string[] };
}

export const needService = {
  async draftNeed(ctx: Context, input: DraftNeedInput) {
    requireRegistryWriter(ctx.caller);
    const problems = needProblems(input, today());
    if (!!input.householdId === !!input.villageCode) problems.unshift({ field: 'input.householdId', reason: 'give either a household (householdId) or a poor village (villageCode)' });
    if (problems.length) throw badInput(problems);
    const { villageCode, householdKey, names } = await draftTarget(ctx, input);
    const why = personalDataIn(input.description, names);
    if (why) throw badInput([{ field: 'input.description', reason: why }]);
    const byItems = input.items != null;
    return ctx.db.transaction(async (tx) => {
      const [row] = await donationStore.insertNeed(tx, {
        id: randomUUID(), reference: newReference(), householdId: householdKey, villageCode, category: input.category,
        target: byItems ? input.quantity! : input.amount!, items: byItems ? input.items!.trim() : null, deadline: input.deadline,
        description: input.description.trim(), status: 'DRAFT', createdBy: ctx.caller.id,
      });
      await recordWrite(tx, ctx, { operation: 'draftNeed', event: 'need.drafted', entityType: 'Need', entityId: gid('Need', row.id), areaCode: villageCode, before: null, after: { ...needEvent(row), target: row.target, items: row.items, deadline: row.deadline } });
      return reread(tx, ctx, row.id);
    });
  },

  /** The township check (DRAFT → CHECKED) or the county review (CHECKED → PUBLISHED); a rejection ends the need. */
  async decide(ctx: Context, input: DecideNeedInput, step: 'check' | 'review') {
    requireRegistryWriter(ctx.caller);
    const key = keyOfD('Need', input.needId, 'input.needId');
    const reject = input.decision === 'REJECT';
    const reason = input.reason?.trim() ?? '';
    if (reject && !reason) throw badInput([{ field: 'input.reason', reason: 'is required to reject: say what the village should change' }]);
    if (reason.length > 500) throw badInput([{ field: 'input.reason', reason: `is ${reason.length} characters; at most 500` }]);
    const [from, to, level] = step === 'check' ? (['DRAFT', 'CHECKED', 'TOWNSHIP'] as const) : (['CHECKED', 'PUBLISHED', 'COUNTY'] as const);
    return ctx.db.transaction(async (tx) => {
      const { row, locked } = await lockScopedNeed(tx, ctx, key);
      const target = reject ? 'REJECTED' : to;
      if (locked.status !== from) throw invalid(`a need is ${step === 'check' ? 'checked by the township when DRAFT' : 'reviewed by the county when CHECKED'}; this one is ${locked.status}`, locked.status, target);
      const refused = levelRefusal(ctx.caller, level, locked.village_code);
      if (refused) throw forbidden(refused);
      if (!reject && step === 'review' && locked.deadline < today()) throw invalid(`the need's deadline (${locked.deadline}) has passed: reject it, and draft it again with a new deadline`, from, to);
      const [updated] = await donationStore.setNeedStatus(tx, key, {
        status: target, closedReason: reject ? reason : null,
        ...(step === 'check' ? { checkedBy: ctx.caller.id } : { reviewedBy: ctx.caller.id }),
        ...(target === 'PUBLISHED' ? { publishedAt: new Date() } : {}),
      });
      const event = reject ? 'need.rejected' : step === 'check' ? 'need.checked' : 'need.published';
      await recordWrite(tx, ctx, { operation: step === 'check' ? 'checkNeed' : 'reviewNeed', event, entityType: 'Need', entityId: gid('Need', key), areaCode: row.villageCode, before: { status: from }, after: { ...needEvent(updated), reason: reject ? reason : null } });
      return reread(tx, ctx, key);
    });
  },

  async cancelNeed(ctx: Context, input: CancelNeedInput) {
    requireRegistryWriter(ctx.caller);
    const key = keyOfD('Need', input.needId, 'input.needId');
    const reason = input.reason.trim();
    if (!reason || reason.length > 500) throw badInput([{ field: 'input.reason', reason: 'is required, at most 500 characters: donors with pledges are told why' }]);
    return ctx.db.transaction(async (tx) => {
      const { row, locked } = await lockScopedNeed(tx, ctx, key);
      if (locked.status === 'CANCELLED' || locked.status === 'REJECTED') throw invalid(`the need is already ${locked.status}`, locked.status, 'CANCELLED');
      const cancelled = await donationStore.cancelOpenPledges(tx, key);
      const [updated] = await donationStore.setNeedStatus(tx, key, { status: 'CANCELLED', closedReason: reason });
      await recordWrite(tx, ctx, { operation: 'cancelNeed', event: 'need.cancelled', entityType: 'Need', entityId: gid('Need', key), areaCode: row.villageCode, before: { status: locked.status }, after: { ...needEvent(updated), reason, pledgesCancelled: cancelled.length } });
      return reread(tx, ctx, key);
    });
  },

  async needs(ctx: Context, f: NeedFilterInput, first?: number, after?: string) {
    requireRegistryWriter(ctx.caller);
    if (f.areaCode) checkAreaCode(f.areaCode, 'filter.areaCode', { prefix: true });
    const size = pageSize(first);
    const cursor = decodeCursor(after, UUID);
    const rows = await donationStore.needPage(ctx.db, ctx.caller, f, cursor, size + 1);
    return toPage(rows, size, (r) => r.id, toNeed, () => donationStore.needCount(ctx.db, ctx.caller, f), cursor);
  },

  /** One need by global ID; null outside the caller's area, and for roles that do not write the registry. */
  need(ctx: Context, id: string) {
    return this.byKey(ctx, keyOfD('Need', id, 'id'));
  },

  async byKey(ctx: Context, key: string) {
    if (!canWriteRegistry(ctx.caller)) return null;
    const row = await ctx.loaders.donation.need.load(key);
    return row && toNeed(row);
  },

  /** What already funds a household need in its category, for the reviewer (no double funding); none for a village's need. */
  async warnings(ctx: Context, n: NeedModel) {
    if (!n.householdKey) return [];
    const f = await ctx.loaders.donation.fundingOf.load(n.householdKey);
    const kinds = new Set(MEASURE_KINDS_OF_CATEGORY[n.category] ?? []);
    const sectors = new Set(SECTORS_OF_CATEGORY[n.category] ?? []);
    const label = NeedCategory.label(n.category);
    return [
      ...f.links.filter((l) => sectors.has(l.sector)).map((l) => ({ kind: 'PROJECT_LINK', refId: toGlobalId('ProjectLink', l.id), message: `a ${l.sector} project already benefits the household (${l.amount} yuan, ${l.benefitDate}): check it does not fund the same ${label}` })),
      ...f.measures.filter((m) => kinds.has(m.kind)).map((m) => ({ kind: 'MEASURE', refId: toGlobalId('Measure', m.id), message: `a ${m.kind} measure of ${m.year} "${m.title}" (${m.plannedAmount} yuan planned) is recorded for the household` })),
      ...f.pledged.filter((p) => p.category === n.category && p.id !== n.key).map((p) => ({ kind: 'PLEDGE', refId: gid('Need', p.id), message: `earlier need ${p.reference} of the household in ${label} already has ${p.committed} ${p.items ? 'items' : 'yuan'} pledged` })),
    ];
  },

  async pledgesOfNeed(ctx: Context, n: NeedModel) {
    const rows = await ctx.loaders.donation.pledgesOfNeed.load(n.key);
    return rows.map((r) => toPledge(r, n.items !== null));
  },
};
