/**
 * Social participation 社会扶贫 (issue 11). Who does what:
 * - admins and officials register participants (donors); a donor token (role `donor`) acts as
 *   the participant whose `subject` is the token's `sub` — not its `org` claim, which is free
 *   text the issuer writes, while `sub` is the stable identity the registry binds (like a
 *   cadre's). A donor is not area-bound: it reads published needs anywhere and its own pledges.
 * - a cadre or official of the village drafts a need for a registered household in scope or
 *   a poor village; an official of the township (or above) checks it; an official of the
 *   county (or above) reviews it, seeing what already funds it, and publishes it
 *   (levels as in case/procedures.ts).
 * - donors pledge part or all of what is open: the need's row is locked (FOR UPDATE) while
 *   the standing pledges are summed and the new one inserted, so the sum never exceeds it;
 *   they report the delivery; the village's cadre confirms receipt and records the household's
 *   acknowledgement. An undelivered pledge expires after its date, computed at read time.
 * Every write: one transaction, an audit record and a change event with no personal data.
 */
import { randomBytes, randomUUID } from 'node:crypto';
import DataLoader from 'dataloader';
import { canManagePeople, canWriteRegistry, inScope, type Caller } from '../../auth/caller.js';
import { requireRegistryWriter } from '../../auth/require.js';
import type { Tx } from '../../db/client.js';
import { decodeCursor, pageSize, toPage } from '../../graphql/connection.js';
import type { Context } from '../../graphql/context.js';
import { ApiError, badInput, conflict, forbidden, notFound } from '../../graphql/errors.js';
import { keyOf, toGlobalId, UUID } from '../../graphql/ids.js';
import { keyed, grouped } from '../../graphql/dataloader.js';
import { checkAreaCode } from '../area/area.service.js';
import { recordWrite } from '../audit/audit.service.js';
import { levelRefusal } from '../case/procedures.js';
import { CAUSES_OF_CATEGORY, MEASURE_KINDS_OF_CATEGORY, NeedCategory, SECTORS_OF_CATEGORY, UNIT_KIND_OF_DONOR_KIND } from '../../codes/donation.codes.js';
import { donationStore, type DonorRow, type NeedRow, type PledgeRow, type PublishedFilter } from './donation.store.js';
import { daysUntil, donorProblems, effectiveStatus, interestProblems, needProblems, personalDataIn, today } from './donation.validate.js';
import { gid, keyOfD, REFERENCE, validKey } from './ids.js';
import type {
  CancelNeedInput, ConfirmReceiptInput, DecideNeedInput, DonorInterestsInput, DraftNeedInput, NeedFilterInput, PledgeInput, PublishedNeedFilterInput,
  RecordAcknowledgementInput, RegisterDonorInput, ReportDeliveryInput,
} from './donation.input.js';

const CROCKFORD = '0123456789ABCDEFGHJKMNPQRSTVWXYZ';
const newReference = () => `XQ${[...randomBytes(10)].map((b) => CROCKFORD[b % 32]).join('')}`;
const invalid = (message: string, from: string, to: string) => new ApiError('INVALID_TRANSITION', message, { from, to });
const isDate = (s: string) => /^\d{4}-\d{2}-\d{2}$/.test(s) && !Number.isNaN(Date.parse(s));
const dayOf = (d: Date) => d.toISOString().slice(0, 10);

// ---------- per-request loaders (kept beside the module: one set per request context)
const LOADERS = new WeakMap<Context, ReturnType<typeof makeLoaders>>();
function makeLoaders(ctx: Context) {
  const db = ctx.db;
  return {
    self: keyed((subjects: readonly string[]) => Promise.all(subjects.map((s) => donationStore.donorBySubject(db, s))).then((r) => r.filter((x): x is DonorRow => !!x)), (r) => r.subject),
    donor: keyed((ids: readonly string[]) => donationStore.donorsByIds(db, ids), (r) => r.id),
    need: keyed((ids: readonly string[]) => donationStore.needsByIds(db, ctx.caller, ids), (r) => r.id),
    relatedNeed: keyed((ids: readonly string[]) => donationStore.relatedNeeds(db, ids), (r) => r.id),
    pledgesOfNeed: grouped((ids: readonly string[]) => donationStore.pledgesOfNeeds(db, ids), (r) => r.needId),
    /** One batch of the three warning sources for every household need of the request. */
    warnings: new DataLoader<string, Warnings>(async (ids) => {
      const w = await loadWarnings(ctx, [...ids]);
      return ids.map(() => w);
    }),
  };
}
export const loaders = (ctx: Context) => {
  let l = LOADERS.get(ctx);
  if (!l) LOADERS.set(ctx, (l = makeLoaders(ctx)));
  return l;
};

type Warnings = Awaited<ReturnType<typeof loadWarnings>>;
async function loadWarnings(ctx: Context, householdIds: string[]) {
  const [links, ms, pl] = await Promise.all([
    donationStore.projectLinksOf(ctx.db, householdIds),
    donationStore.measuresOf(ctx.db, householdIds),
    donationStore.pledgedNeedsOf(ctx.db, householdIds),
  ]);
  return { links, ms, pl };
}

// ---------- mapping
export const toDonor = (r: DonorRow, caller: Caller) => ({
  __typename: 'Donor' as const,
  id: gid('Donor', r.id), key: r.id, name: r.name, kind: r.kind,
  unitId: r.unitId ? toGlobalId('AssistanceUnit', r.unitId) : null,
  subject: canManagePeople(caller) || (caller.role === 'donor' && caller.id === r.subject) ? r.subject : null,
  interests: { categories: r.interestCategories, areaCodes: r.interestAreas, minAmount: r.interestMinAmount, maxAmount: r.interestMaxAmount },
  createdAt: r.createdAt,
});

export function toPublished(r: NeedRow) {
  const relevant = new Set(CAUSES_OF_CATEGORY[r.category] ?? []);
  const open = Math.max(0, Math.round((r.target - r.committed) * 100) / 100);
  return {
    __typename: 'PublishedNeed' as const,
    id: gid('PublishedNeed', r.reference), reference: r.reference, category: r.category, villageCode: r.villageCode,
    villageName: r.villageName, townshipName: r.townshipName, countyName: r.countyName,
    forVillage: r.householdId === null, householdSize: r.householdSize,
    causes: [...new Set((r.householdCauses ?? []).filter((c) => relevant.has(c)))],
    amount: r.items ? null : r.target, items: r.items, quantity: r.items ? r.target : null,
    openAmount: r.items ? null : open, openQuantity: r.items ? open : null,
    deadline: r.deadline, daysLeft: Math.max(0, daysUntil(r.deadline, today())), description: r.description, publishedAt: r.publishedAt,
  };
}
export type PublishedModel = ReturnType<typeof toPublished>;

export const toNeed = (r: NeedRow) => ({
  __typename: 'Need' as const,
  id: gid('Need', r.id), key: r.id, reference: r.reference,
  householdId: r.householdId ? toGlobalId('Household', r.householdId) : null, householdKey: r.householdId,
  villageCode: r.villageCode, category: r.category,
  amount: r.items ? null : r.target, items: r.items, quantity: r.items ? r.target : null,
  open: Math.max(0, Math.round((r.target - r.committed) * 100) / 100),
  deadline: r.deadline, description: r.description, status: r.status, closedReason: r.closedReason,
  totals: { pledged: r.committed, delivered: r.delivered, confirmed: r.confirmed, pledges: r.standing },
  createdAt: r.createdAt,
  published: r.status === 'PUBLISHED' ? toPublished(r) : null,
});
export type NeedModel = ReturnType<typeof toNeed>;

export const toPledge = (r: PledgeRow, byItems: boolean) => ({
  __typename: 'Pledge' as const,
  id: gid('Pledge', r.id), key: r.id, needKey: r.needId, donorKey: r.donorId,
  amount: byItems ? null : r.size, quantity: byItems ? r.size : null,
  deliverBy: r.deliverBy, status: effectiveStatus(r, today()),
  delivery: r.deliveredOn ? { deliveredOn: r.deliveredOn, size: r.deliveredSize ?? r.size, evidence: r.evidence ?? '' } : null,
  confirmedOn: r.confirmedOn, acknowledgedOn: r.acknowledgedOn, createdAt: r.createdAt,
});
export type PledgeModel = ReturnType<typeof toPledge>;

/** What a change event and an audit record say of a need: no description, no household. */
const needEvent = (n: { id: string; reference: string; category: string; status: string; village_code?: string; villageCode?: string }) =>
  ({ need: gid('Need', n.id), reference: n.reference, category: n.category, status: n.status });
const pledgeEvent = (p: PledgeRow, reference: string) => ({ pledge: gid('Pledge', p.id), reference, size: p.size, status: p.status, deliverBy: p.deliverBy });

// ---------- who is calling
async function currentDonor(ctx: Context): Promise<DonorRow | null> {
  if (ctx.caller.role !== 'donor' || ctx.caller.anonymous) return null;
  return loaders(ctx).self.load(ctx.caller.id);
}
async function requireDonor(ctx: Context, what: string): Promise<DonorRow> {
  if (ctx.caller.role !== 'donor' || ctx.caller.anonymous) throw forbidden(`only a donor can ${what}: use the token of a registered participant`);
  const d = await currentDonor(ctx);
  if (!d) throw forbidden(`your token's subject "${ctx.caller.id}" is not a registered participant: ask the county office to register you (registerDonor with your subject)`);
  return d;
}
function requireReader(ctx: Context) {
  if (ctx.caller.anonymous) throw forbidden('without a token you can read only publicDonationSummary');
}

function checkInterests(i: DonorInterestsInput | undefined | null, field: string) {
  const p = interestProblems(i, field);
  if (p.length) throw badInput(p);
  return {
    interestCategories: [...new Set(i?.categories ?? [])], interestAreas: [...new Set(i?.areaCodes ?? [])],
    interestMinAmount: i?.minAmount ?? null, interestMaxAmount: i?.maxAmount ?? null,
  };
}

/** A need in the caller's scope, for a write: read scoped, then locked. NOT_FOUND outside the scope. */
async function lockScopedNeed(tx: Tx, ctx: Context, id: string) {
  const [row] = await donationStore.needsByIds(tx, ctx.caller, [id]);
  if (!row) throw notFound('the need');
  const locked = (await donationStore.lockNeed(tx, { id }))!;
  return { row, locked };
}

export const donationService = {
  // ---------- participants
  async registerDonor(ctx: Context, input: RegisterDonorInput) {
    if (!canManagePeople(ctx.caller)) throw forbidden(`the ${ctx.caller.role} role cannot register participants: admins and officials can`);
    const problems = donorProblems(input);
    let unitKey: string | null = null;
    if (input.unitId) {
      unitKey = keyOf('AssistanceUnit', input.unitId, 'input.unitId');
      const unit = await ctx.loaders.cadre.unitById.load(unitKey);
      if (!unit) problems.push({ field: 'input.unitId', reason: 'no such assistance unit in your area: check the ID, or leave it out' });
      else if (UNIT_KIND_OF_DONOR_KIND[input.kind] !== unit.kind) problems.push({ field: 'input.unitId', reason: `the unit is of kind ${unit.kind}, the participant ${input.kind}: link only the same body` });
    }
    if (problems.length) throw badInput(problems);
    const interests = checkInterests(input.interests, 'input.interests');
    return ctx.db.transaction(async (tx) => {
      if (await donationStore.donorBySubject(tx, input.subject)) throw conflict(`a participant with subject "${input.subject}" is already registered: one token subject is one participant`, { field: 'input.subject' });
      const [row] = await donationStore.insertDonor(tx, { id: randomUUID(), subject: input.subject, name: input.name.trim(), kind: input.kind, unitId: unitKey, ...interests, createdBy: ctx.caller.id });
      const donor = toDonor(row, ctx.caller);
      await recordWrite(tx, ctx, { operation: 'registerDonor', event: 'donor.registered', entityType: 'Donor', entityId: donor.id, areaCode: ctx.caller.areas[0] ?? '', before: null, after: { donor: donor.id, kind: row.kind, unitId: donor.unitId } });
      return donor;
    });
  },

  async setInterests(ctx: Context, interests: DonorInterestsInput) {
    const d = await requireDonor(ctx, 'set its interests');
    const v = checkInterests(interests, 'input.interests');
    return ctx.db.transaction(async (tx) => {
      const [row] = await donationStore.updateInterests(tx, d.id, v);
      await recordWrite(tx, ctx, { operation: 'setDonorInterests', event: 'donor.interestsSet', entityType: 'Donor', entityId: gid('Donor', d.id), areaCode: '', before: null, after: { donor: gid('Donor', d.id), ...v } });
      return toDonor(row, ctx.caller);
    });
  },

  async me(ctx: Context) {
    requireReader(ctx);
    const d = await currentDonor(ctx);
    return d && toDonor(d, ctx.caller);
  },

  async donors(ctx: Context, first?: number, after?: string) {
    if (!canManagePeople(ctx.caller)) throw forbidden(`the ${ctx.caller.role} role cannot list participants: admins and officials can`);
    const size = pageSize(first);
    const cursor = decodeCursor(after, UUID);
    const rows = await donationStore.donorPage(ctx.db, cursor, size + 1);
    return toPage(rows, size, (r) => r.id, (r) => toDonor(r, ctx.caller), () => donationStore.donorCount(ctx.db), cursor);
  },

  async donorLedger(ctx: Context, donorKey: string) {
    return donationStore.donorLedger(ctx.db, donorKey);
  },

  // ---------- needs
  async draftNeed(ctx: Context, input: DraftNeedInput) {
    requireRegistryWriter(ctx.caller);
    const problems = needProblems(input, today());
    if (!!input.householdId === !!input.villageCode) problems.unshift({ field: 'input.householdId', reason: 'give either a household (householdId) or a poor village (villageCode)' });
    if (problems.length) throw badInput(problems);
    let villageCode: string;
    let householdKey: string | null = null;
    let names: string[] = [];
    if (input.householdId) {
      householdKey = keyOf('Household', input.householdId, 'input.householdId');
      const h = await donationStore.householdForNeed(ctx.db, ctx.caller, householdKey);
      if (!h) throw notFound('the household');
      if (h.stage !== 'REGISTERED') throw badInput([{ field: 'input.householdId', reason: `the household is ${h.stage.toLowerCase()}, not registered 建档立卡: needs are collected for registered households` }]);
      villageCode = h.village_code;
      names = h.names;
    } else {
      villageCode = input.villageCode!;
      if (!/^\d{12}$/.test(villageCode)) throw badInput([{ field: 'input.villageCode', reason: `"${villageCode}" is not a 12-digit village code` }]);
      if (levelRefusal(ctx.caller, 'VILLAGE', villageCode)) throw notFound('the village');
      if ((await donationStore.villageStatus(ctx.db, villageCode)) !== '1') throw badInput([{ field: 'input.villageCode', reason: 'is not a registered poor village 贫困村: needs of a village as a whole are for poor villages' }]);
    }
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
      const [full] = await donationStore.needsByIds(tx, ctx.caller, [row.id]);
      return toNeed(full);
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
      const [full] = await donationStore.needsByIds(tx, ctx.caller, [key]);
      return toNeed(full);
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
      const [full] = await donationStore.needsByIds(tx, ctx.caller, [key]);
      return toNeed(full);
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

  async need(ctx: Context, id: string) {
    if (!canWriteRegistry(ctx.caller)) return null;
    const g = keyOfD('Need', id, 'id');
    const row = await loaders(ctx).need.load(g);
    return row && toNeed(row);
  },

  /** What already funds a household need in its category (for the reviewer); none for a village's need. */
  async warnings(ctx: Context, n: NeedModel) {
    if (!n.householdKey) return [];
    const w = await loaders(ctx).warnings.load(n.householdKey);
    const kinds = new Set(MEASURE_KINDS_OF_CATEGORY[n.category] ?? []);
    const sectors = new Set(SECTORS_OF_CATEGORY[n.category] ?? []);
    const label = NeedCategory.label(n.category);
    return [
      ...w.links.filter((l) => l.householdId === n.householdKey && sectors.has(l.sector)).map((l) => ({ kind: 'PROJECT_LINK', refId: toGlobalId('ProjectLink', l.id), message: `a ${l.sector} project already benefits the household (${l.amount} yuan, ${l.benefitDate}): check it does not fund the same ${label}` })),
      ...w.ms.filter((m) => m.householdId === n.householdKey && kinds.has(m.kind)).map((m) => ({ kind: 'MEASURE', refId: toGlobalId('Measure', m.id), message: `a ${m.kind} measure of ${m.year} "${m.title}" (${m.plannedAmount} yuan planned) is recorded for the household` })),
      ...w.pl.filter((p) => p.householdId === n.householdKey && p.category === n.category && p.id !== n.key).map((p) => ({ kind: 'PLEDGE', refId: gid('Need', p.id), message: `earlier need ${p.reference} of the household in ${label} already has ${p.committed} ${p.items ? 'items' : 'yuan'} pledged` })),
    ];
  },

  async pledgesOfNeed(ctx: Context, n: NeedModel) {
    const rows = await loaders(ctx).pledgesOfNeed.load(n.key);
    return rows.map((r) => toPledge(r, n.items !== null));
  },

  // ---------- published needs (every token)
  async publishedNeeds(ctx: Context, f: PublishedNeedFilterInput, first?: number, after?: string) {
    requireReader(ctx);
    const size = pageSize(first);
    if (f.areaCode) checkAreaCode(f.areaCode, 'filter.areaCode', { prefix: true });
    if (f.dueWithinDays != null && (f.dueWithinDays < 0 || f.dueWithinDays > 3650)) throw badInput([{ field: 'filter.dueWithinDays', reason: 'must be 0–3650 days' }]);
    const cursor = decodeCursor(after, /^\d{4}-\d{2}-\d{2}\|[0-9a-f-]{36}$/);
    const pos = cursor ? { deadline: cursor.split('|')[0], id: cursor.split('|')[1] } : undefined;
    const filter: PublishedFilter = f;
    const rows = await donationStore.publishedPage(ctx.db, filter, pos, size + 1);
    return toPage(rows, size, (r) => `${r.deadline}|${r.id}`, toPublished, () => donationStore.publishedCount(ctx.db, filter), cursor);
  },

  async publishedNeed(ctx: Context, id: string) {
    requireReader(ctx);
    const row = await donationStore.publishedByReference(ctx.db, keyOfD('PublishedNeed', id, 'id'));
    return row ? toPublished(row) : null;
  },

  /** Published needs ranked for the calling donor from its interests and its past giving, each with its reasons. */
  async recommended(ctx: Context, first?: number) {
    const d = await requireDonor(ctx, 'ask for recommendations');
    const size = pageSize(first);
    const [candidates, giving] = await Promise.all([donationStore.candidates(ctx.db, 500), donationStore.givingOf(ctx.db, d.id)]);
    const byCategory = new Map<string, number>();
    const counties = new Set<string>();
    for (const g of giving) {
      byCategory.set(g.category, (byCategory.get(g.category) ?? 0) + g.n);
      counties.add(g.county);
    }
    const ranked = candidates.map((r) => {
      const need = toPublished(r);
      const reasons: string[] = [];
      let score = 0;
      if (d.interestCategories.includes(r.category)) { score += 3; reasons.push(`in a category you fund (${NeedCategory.label(r.category)})`); }
      const area = d.interestAreas.find((a) => r.villageCode.startsWith(a));
      if (area !== undefined) { score += 3; reasons.push(`in an area you help (${area})`); }
      if (need.openAmount !== null && (d.interestMinAmount !== null || d.interestMaxAmount !== null)
        && need.openAmount >= (d.interestMinAmount ?? 0) && need.openAmount <= (d.interestMaxAmount ?? Infinity)) {
        score += 2; reasons.push(`${need.openAmount} yuan open, within your range`);
      }
      const gave = byCategory.get(r.category);
      if (gave) { score += Math.min(2, gave); reasons.push(`you pledged to ${gave} earlier need${gave > 1 ? 's' : ''} in this category`); }
      if (counties.has(r.villageCode.slice(0, 6))) { score += 1; reasons.push(`you gave in ${r.countyName ?? r.villageCode.slice(0, 6)} before`); }
      if (score > 0 && need.daysLeft <= 14) { score += 1; reasons.push(`due in ${need.daysLeft} day${need.daysLeft === 1 ? '' : 's'}`); }
      return { need, score, reasons };
    });
    return ranked.filter((x) => x.score > 0).sort((a, b) => b.score - a.score || a.need.deadline.localeCompare(b.need.deadline)).slice(0, size);
  },

  // ---------- pledges
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

  async confirmReceipt(ctx: Context, input: ConfirmReceiptInput) {
    return this.cadreStep(ctx, input.pledgeId, input.receivedOn, 'DELIVERED', 'CONFIRMED', 'confirmReceipt', 'pledge.confirmed', (p, on) => {
      if (on < p.deliveredOn!) throw badInput([{ field: 'input.receivedOn', reason: `is before the reported delivery (${p.deliveredOn})` }]);
      return { status: 'CONFIRMED', confirmedOn: on, confirmedBy: ctx.caller.id };
    });
  },

  async recordAcknowledgement(ctx: Context, input: RecordAcknowledgementInput) {
    const note = input.note?.trim() || null;
    if (note && (note.length > 200 || personalDataIn(note, []))) throw badInput([{ field: 'input.note', reason: note.length > 200 ? 'at most 200 characters' : personalDataIn(note, [])! }]);
    return this.cadreStep(ctx, input.pledgeId, input.acknowledgedOn, 'CONFIRMED', 'CONFIRMED', 'recordAcknowledgement', 'pledge.acknowledged', (p, on) => {
      if (p.acknowledgedOn) throw invalid(`the acknowledgement was already recorded on ${p.acknowledgedOn}`, 'ACKNOWLEDGED', 'ACKNOWLEDGED');
      if (on < p.confirmedOn!) throw badInput([{ field: 'input.acknowledgedOn', reason: `is before the receipt was confirmed (${p.confirmedOn})` }]);
      return { acknowledgedOn: on, acknowledgement: note, acknowledgedBy: ctx.caller.id };
    });
  },

  /** A step a cadre or official of the need's area takes on a pledge (NOT_FOUND outside it). */
  async cadreStep(ctx: Context, pledgeId: string, onInput: string | undefined, from: string, to: string, operation: string, event: string, change: (p: PledgeRow, on: string) => Partial<PledgeRow>) {
    requireRegistryWriter(ctx.caller);
    const key = keyOfD('Pledge', pledgeId, 'input.pledgeId');
    const on = onInput ?? today();
    if (!isDate(on) || on > today()) throw badInput([{ field: operation === 'confirmReceipt' ? 'input.receivedOn' : 'input.acknowledgedOn', reason: `must be a date, not after today (${today()})` }]);
    return ctx.db.transaction(async (tx) => {
      const need = await donationStore.lockNeedOfPledge(tx, key);
      const p = need && (await donationStore.lockPledge(tx, key, { caller: ctx.caller }));
      if (!need || !p) throw notFound('the pledge');
      const status = effectiveStatus(p, today());
      if (status !== from) throw invalid(`this step needs a ${from} pledge; this one is ${status}`, status, to);
      const [row] = await donationStore.updatePledge(tx, key, change(p, on));
      await recordWrite(tx, ctx, { operation, event, entityType: 'Pledge', entityId: gid('Pledge', key), areaCode: p.villageCode, before: { status }, after: { ...pledgeEvent(row, need.reference), on } });
      return toPledge(row, need.items !== null);
    });
  },

  async myPledges(ctx: Context, first?: number, after?: string) {
    const d = await requireDonor(ctx, 'list its pledges');
    const size = pageSize(first);
    const cursor = decodeCursor(after, /^\d{4}-\d{2}-\d{2}T[\d:.]+Z\|[0-9a-f-]{36}$/);
    const pos = cursor ? { at: cursor.split('|')[0], id: cursor.split('|')[1] } : undefined;
    const rows = await donationStore.donorPledgePage(ctx.db, d.id, pos, size + 1);
    const needs = await Promise.all(rows.map((p) => loaders(ctx).relatedNeed.load(p.needId)));
    const byItems = new Map(rows.map((p, i) => [p.id, needs[i] ? needs[i]!.items !== null : false]));
    return toPage(rows, size, (p) => `${p.createdAt.toISOString()}|${p.id}`, (p) => toPledge(p, byItems.get(p.id)!), () => donationStore.donorPledgeCount(ctx.db, d.id), cursor);
  },

  /** One pledge: a donor's own, or one in an official's or cadre's area; null otherwise (indistinguishable from missing). */
  async pledgeById(ctx: Context, key: string) {
    if (ctx.caller.anonymous || !UUID.test(key)) return null;
    let row: PledgeRow | undefined;
    if (ctx.caller.role === 'donor') {
      const d = await currentDonor(ctx);
      if (!d) return null;
      [row] = await donationStore.pledgesOfDonor(ctx.db, d.id, [key]);
    } else if (canWriteRegistry(ctx.caller)) [row] = await donationStore.pledgesInScope(ctx.db, ctx.caller, [key]);
    if (!row) return null;
    const need = await loaders(ctx).relatedNeed.load(row.needId);
    return toPledge(row, need ? need.items !== null : false);
  },

  pledgeByGlobalId(ctx: Context, id: string) {
    return this.pledgeById(ctx, keyOfD('Pledge', id, 'id'));
  },

  /** The published view of a pledge's need (for its donor or the officials of its area). */
  async needOfPledge(ctx: Context, p: PledgeModel) {
    const row = await loaders(ctx).relatedNeed.load(p.needKey);
    return row && row.publishedAt ? toPublished(row) : null;
  },

  /** The donor's name on a pledge: for its donor, and for admins, officials and cadres of the area (who confirm receipt). */
  async donorOfPledge(ctx: Context, p: PledgeModel) {
    const d = await loaders(ctx).donor.load(p.donorKey);
    if (!d) return null;
    if (canWriteRegistry(ctx.caller) || (ctx.caller.role === 'donor' && ctx.caller.id === d.subject)) return toDonor(d, ctx.caller);
    return null;
  },

  // ---------- ledgers
  async countyLedger(ctx: Context, countyCode: string, publicView: boolean) {
    if (!publicView) {
      if (!(ctx.caller.role === 'admin' || ctx.caller.role === 'official')) throw forbidden(`the ${ctx.caller.role} role cannot read a county ledger: admins and officials can; anyone can read publicDonationSummary`);
      if (!/^\d{6}$/.test(countyCode)) throw badInput([{ field: 'countyCode', reason: `"${countyCode}" is not a 6-digit county code` }]);
      if (!inScope(ctx.caller, countyCode)) throw notFound('the county');
    } else if (!/^\d{6}$/.test(countyCode)) throw badInput([{ field: 'countyCode', reason: `"${countyCode}" is not a 6-digit county code, e.g. 433124 for 花垣县` }]);
    const [cells, countyName] = await Promise.all([donationStore.countyLedger(ctx.db, countyCode), donationStore.areaName(ctx.db, countyCode)]);
    if (publicView && countyName === null) throw notFound('the county');
    const cell = (category: string | null, c: { needs: number; matched: number; pledged: number; delivered: number; confirmed: number }) =>
      publicView && c.needs < 5
        ? { category, suppressed: true, needs: null, matchedShare: null, pledged: null, delivered: null, confirmed: null }
        : { category, suppressed: false, needs: c.needs, matchedShare: c.needs ? Math.round((c.matched / c.needs) * 1000) / 1000 : 0, pledged: c.pledged, delivered: c.delivered, confirmed: c.confirmed };
    const total = cells.reduce((a, c) => ({ needs: a.needs + c.needs, matched: a.matched + c.matched, pledged: a.pledged + c.pledged, delivered: a.delivered + c.delivered, confirmed: a.confirmed + c.confirmed }), { needs: 0, matched: 0, pledged: 0, delivered: 0, confirmed: 0 });
    return { countyCode, countyName, categories: cells.map((c) => cell(c.category, c)), total: cell(null, total) };
  },

  // ---------- node(id:)
  async node(ctx: Context, type: string, key: string) {
    if (ctx.caller.anonymous || !validKey(type, key)) return null;
    switch (type) {
      case 'PublishedNeed': {
        const row = await donationStore.publishedByReference(ctx.db, key);
        return row ? toPublished(row) : null;
      }
      case 'Need': {
        if (!canWriteRegistry(ctx.caller)) return null;
        const row = await loaders(ctx).need.load(key);
        return row && toNeed(row);
      }
      case 'Pledge':
        return this.pledgeById(ctx, key);
      case 'Donor': {
        const d = await loaders(ctx).donor.load(key);
        if (!d) return null;
        return canManagePeople(ctx.caller) || (ctx.caller.role === 'donor' && ctx.caller.id === d.subject) ? toDonor(d, ctx.caller) : null;
      }
      default:
        return null;
    }
  },
};
export { REFERENCE };
