/**
 * Quota control 规模控制 (issue 3, item 3): yearly quotas of poor people 人口规模 per
 * area, split from the nation down to villages (rules in ./quota-rules.ts), and the
 * ledger of uses the identification workflow writes when it approves a household.
 *
 * Concurrency: setQuota holds the year's advisory lock exclusively, useQuota and
 * releaseQuota share it, so a quota never changes under a use being checked; uses of a
 * year serialize on the quota rows they lock FOR UPDATE, in code order (no deadlock
 * between them), and update those rows' used counters — an approval reads and writes
 * at most six quota rows, never the ledger of a whole province.
 */
import { inScope } from '../../auth/caller.js';
import { requireRegistryReader } from '../../auth/require.js';
import type { Tx } from '../../db/client.js';
import type { Context } from '../../graphql/context.js';
import { ApiError, badInput, conflict, forbidden, type FieldProblem } from '../../graphql/errors.js';
import { ancestorCodes, checkAreaCode } from '../area/area.service.js';
import { recordWrite } from '../audit/audit.service.js';
import { FIRST_YEAR } from '../household/household.validate.js';
import { exceeded, people, splitProblems } from './quota-rules.js';
import { quotaStore } from './quota.store.js';
import { notLoadedReason } from '../area/not-loaded.js';

/** Digits of the next level down: nation → province → prefecture → county → township → village. */
const CHILD_LENGTH: Record<number, number> = { 0: 2, 2: 4, 4: 6, 6: 9, 9: 12 };
const LEVEL_NAME: Record<number, string> = { 0: 'national office', 2: 'province', 4: 'prefecture', 6: 'county', 9: 'township', 12: 'village' };
/** The area and all its ancestors, the nation ('') first. */
const chain = (code: string) => ['', ...ancestorCodes(code), ...(code ? [code] : [])];

function yearProblem(year: number, field: string): FieldProblem | undefined {
  const last = new Date().getFullYear() + 1;
  if (!Number.isInteger(year) || year < FIRST_YEAR || year > last) return { field, reason: `must be a year between ${FIRST_YEAR} and ${last}` };
}

/** "433124 (花垣县)" for messages. */
async function label(tx: Tx, code: string) {
  return `${code} (${(await quotaStore.areaName(tx, code)) ?? 'unknown area'})`;
}

/**
 * Inside the caller's transaction: checks every quota set for the year on the village and
 * each of its ancestors, and records the use. Throws ApiError INVALID_TRANSITION
 * (extensions: areaCode, quota, used, asked) when any would be exceeded. No quota set at
 * any level = no limit (returned as quotaSet false, for the caller's QUOTA_MISSING rule). A household already counted for the year under the same case and
 * number of people is a no-op (a retried approval); under another case it is a CONFLICT.
 */
export async function useQuota(tx: Tx, ctx: Context, use: { villageCode: string; year: number; householdId: string; people: number; caseId: string }): Promise<{ quotaSet: boolean }> {
  if (!/^\d{12}$/.test(use.villageCode)) throw badInput([{ field: 'villageCode', reason: `"${use.villageCode}" is not a 12-digit village code` }]);
  const yp = yearProblem(use.year, 'year');
  if (yp) throw badInput([yp]);
  if (!Number.isInteger(use.people) || use.people < 1) throw badInput([{ field: 'people', reason: `a household counts at least one person, not ${use.people}` }]);
  await quotaStore.lockYear(tx, use.year, 'shared');
  const existing = await quotaStore.activeUse(tx, use.householdId, use.year);
  if (existing) {
    if (existing.caseId === use.caseId && existing.people === use.people) return { quotaSet: true };
    throw conflict(`this household already counts ${existing.people} people against the ${use.year} quota (case ${existing.caseId}): release that use first`, { caseId: existing.caseId });
  }
  const locked = await quotaStore.lockQuotas(tx, use.year, chain(use.villageCode));
  if (locked.length) {
    const over = exceeded(locked.map((q) => ({ areaCode: q.areaCode, quota: q.people, used: q.used })), use.people);
    if (over) {
      const parentLevel = LEVEL_NAME[over.areaCode.length === 0 ? 0 : (chain(over.areaCode).at(-2) ?? '').length];
      const whose = over.areaCode === '' ? 'national quota' : `quota of ${await label(tx, over.areaCode)}`;
      throw new ApiError(
        'INVALID_TRANSITION',
        `the ${use.year} ${whose} is ${people(over.quota)} people; ${people(over.used)} are used; ` +
          `this approval asks for ${people(over.asked)} — ask the ${over.areaCode === '' ? 'national office' : parentLevel} to raise the quota or wait for the next round`,
        { areaCode: over.areaCode, quota: over.quota, used: over.used, asked: over.asked },
      );
    }
  }
  await quotaStore.insertUse(tx, { ...use, usedBy: ctx.caller.id });
  if (locked.length) await quotaStore.addUsed(tx, use.year, locked.map((q) => q.areaCode), use.people);
  return { quotaSet: locked.length > 0 };
}

/** Releases a household's use for the year (its case was withdrawn or the household removed). No use: nothing to do. */
export async function releaseQuota(tx: Tx, ctx: Context, use: { householdId: string; year: number }): Promise<void> {
  void ctx;
  await quotaStore.lockYear(tx, use.year, 'shared');
  for (const r of await quotaStore.release(tx, use.householdId, use.year)) {
    const locked = await quotaStore.lockQuotas(tx, r.year, chain(r.villageCode));
    if (locked.length) await quotaStore.addUsed(tx, r.year, locked.map((q) => q.areaCode), -r.people);
  }
}

export const quotaService = {
  /** Sets an area's quota for a year: admins anywhere, officials for areas below their own. Audited. */
  async set(ctx: Context, input: { areaCode: string; year: number; people: number }) {
    const c = ctx.caller;
    const { areaCode, year } = input;
    const below = c.areas.some((p) => areaCode.startsWith(p) && areaCode.length > p.length);
    if (!(c.role === 'admin' || (c.role === 'official' && below))) {
      throw forbidden('only an admin, or an official of an area above it, sets an area’s quota (an official of a county splits its quota to its townships)');
    }
    const p: FieldProblem[] = [];
    if (areaCode !== '') checkAreaCode(areaCode, 'input.areaCode');
    const yp = yearProblem(year, 'input.year');
    if (yp) p.push(yp);
    if (!Number.isInteger(input.people) || input.people < 0 || input.people > 200_000_000) p.push({ field: 'input.people', reason: 'a number of people 人口规模, a whole number from 0 to 200,000,000' });
    if (p.length) throw badInput(p);
    return ctx.db.transaction(async (tx) => {
      if (areaCode !== '' && !(await quotaStore.areaName(tx, areaCode))) throw badInput([{ field: 'input.areaCode', reason: notLoadedReason(areaCode) }]);
      await quotaStore.lockYear(tx, year, 'exclusive');
      const before = (await quotaStore.lockQuotas(tx, year, [areaCode]))[0] ?? null;
      const parent = await quotaStore.nearestQuota(tx, year, chain(areaCode).slice(0, -1));
      const facts = {
        people: input.people,
        parent: parent && { areaCode: parent.areaCode, quota: parent.people, othersHold: await quotaStore.heldBelow(tx, year, parent.areaCode, areaCode) },
        childrenHold: await quotaStore.heldBelow(tx, year, areaCode),
        used: (await quotaStore.usedUnder(tx, year, [areaCode])).get(areaCode) ?? 0,
      };
      const problems = splitProblems(facts);
      if (problems.length) {
        throw badInput(problems.map((reason) => ({ field: 'input.people', reason: `${input.people} people for ${areaCode || 'the nation'} in ${year}: ${reason}` })));
      }
      // Under the exclusive lock the ledger is still: the counter starts (or is re-based) from it.
      const [row] = await quotaStore.upsert(tx, { areaCode, year, people: input.people, used: facts.used, setBy: c.id });
      await recordWrite(tx, ctx, {
        operation: 'setQuota', event: 'quota.set', entityType: 'Quota', entityId: `${areaCode || 'national'}:${year}`, areaCode, before, after: row,
      });
      return row;
    });
  },

  /** An area's quota and use for a year, with each child area's; null outside the caller's area or for an unknown area. */
  async use(ctx: Context, areaCode: string, year: number) {
    requireRegistryReader(ctx.caller);
    if (areaCode !== '') checkAreaCode(areaCode, 'areaCode');
    const yp = yearProblem(year, 'year');
    if (yp) throw badInput([yp]);
    if (!inScope(ctx.caller, areaCode)) return null;
    const name = areaCode === '' ? '全国' : await quotaStore.areaName(ctx.db, areaCode);
    if (!name) return null;
    const own = await quotaStore.get(ctx.db, ctx.caller, areaCode, year);
    const used = (await quotaStore.usedUnder(ctx.db, year, [areaCode])).get(areaCode) ?? 0;
    const allocated = await quotaStore.heldBelow(ctx.db, year, areaCode);
    const childLength = CHILD_LENGTH[areaCode.length];
    const children = childLength ? await quotaStore.children(ctx.db, ctx.caller, areaCode, childLength, year) : [];
    const remaining = (quota: number | null | undefined, u: number) => (quota == null ? null : quota - u);
    return {
      areaCode, name, year, quota: own?.people ?? null, used, remaining: remaining(own?.people, used), allocated,
      children: children.map((ch) => ({ areaCode: ch.code, name: ch.name, quota: ch.quota, used: Number(ch.used), remaining: remaining(ch.quota, Number(ch.used)) })),
    };
  },
};
