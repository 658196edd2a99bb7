/**
 * Participants in social assistance 社会扶贫 (issue 11 item 1). Admins and officials
 * register them; a donor token (role `donor`) acts as the participant whose `subject` is
 * the token's `sub` — not its `org` claim, which is free text the issuer writes, while
 * `sub` is the stable identity the registry binds (like a cadre's). A donor is not
 * area-bound; it states its interests (categories, areas, amount range) itself.
 */
import { randomUUID } from 'node:crypto';
import { canManagePeople } from '../../auth/caller.js';
import { decodeCursor, pageSize, toPage } from '../../graphql/connection.js';
import type { Context } from '../../graphql/context.js';
import { badInput, conflict, forbidden } from '../../graphql/errors.js';
import { keyOf, UUID } from '../../graphql/ids.js';
import { recordWrite } from '../audit/audit.service.js';
import { UNIT_KIND_OF_DONOR_KIND } from '../../codes/donation.codes.js';
import { donationStore, type DonorRow } from './donation.store.js';
import { toDonor } from './donation.model.js';
import { donorProblems, interestProblems } from './donation.validate.js';
import { gid } from './ids.js';
import type { DonorInterestsInput, RegisterDonorInput } from './donation.input.js';

/** The participant a donor token acts as; null for other tokens and unregistered subjects. */
export async function currentDonor(ctx: Context): Promise<DonorRow | null> {
  if (ctx.caller.role !== 'donor' || ctx.caller.anonymous) return null;
  return ctx.loaders.donation.self.load(ctx.caller.id);
}

/** The calling participant, or FORBIDDEN saying which token is needed to `what`. */
export async function requireDonor(ctx: Context, what: string): Promise<DonorRow> {
  if (ctx.caller.role !== 'donor' || ctx.caller.anonymous) throw forbidden(`only a donor can ${what}: use the token of a registered participant`);
  const d = await currentDonor(ctx);
  if (!d) throw forbidden(`your token's subject "${ctx.caller.id}" is not a registered participant: ask the county office to register you (registerDonor with your subject)`);
  return d;
}

/** Any token: the anonymous caller reads only publicDonationSummary. */
export function requireReader(ctx: Context) {
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

export const donorService = {
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

  donorLedger(ctx: Context, donorKey: string) {
    return donationStore.donorLedger(ctx.db, donorKey);
  },

  /** A participant by key: for admins and officials, and for the participant itself; null otherwise. */
  async byKey(ctx: Context, key: string) {
    const d = await ctx.loaders.donation.donor.load(key);
    if (!d) return null;
    return canManagePeople(ctx.caller) || (ctx.caller.role === 'donor' && ctx.caller.id === d.subject) ? toDonor(d, ctx.caller) : null;
  },
};
