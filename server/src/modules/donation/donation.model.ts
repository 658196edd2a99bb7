/**
 * The API's views of social participation's rows — one mapping per type, used by every
 * service, the node lookup and the donor webhook body — and what audit records and
 * change events say of a need or pledge: never a description, a household or a name.
 * A donor's `subject` is shown only to admins, officials and the donor itself.
 */
import { canManagePeople, type Caller } from '../../auth/caller.js';
import { toGlobalId } from '../../graphql/ids.js';
import { CAUSES_OF_CATEGORY, NeedCategory } from '../../codes/donation.codes.js';
import { Cause } from '../../codes/index.js';
import type { DonorRow, NeedRow, PledgeRow } from './donation.store.js';
import { daysUntil, effectiveStatus, today } from './donation.validate.js';
import { gid } from './ids.js';

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

/** A published view as the API writes it in JSON (enum names, ISO times), for bodies built outside GraphQL: the same values a `PublishedNeed` query returns. */
export function publishedJson(m: PublishedModel) {
  const { __typename: _t, ...rest } = m;
  return { ...rest, category: NeedCategory.nameOf(m.category), causes: m.causes.map((c) => Cause.nameOf(c)), publishedAt: m.publishedAt?.toISOString() ?? null };
}

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
export const needEvent = (n: { id: string; reference: string; category: string; status: string; village_code?: string; villageCode?: string }) =>
  ({ need: gid('Need', n.id), reference: n.reference, category: n.category, status: n.status });
export const pledgeEvent = (p: PledgeRow, reference: string) => ({ pledge: gid('Pledge', p.id), reference, size: p.size, status: p.status, deliverBy: p.deliverBy });

