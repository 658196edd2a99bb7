/**
 * Annual update rounds 年度动态调整 (issue 3, item 7): an official opens the round for an
 * area and year; cadres record the year (recordHouseholdYear — allowed outside a round
 * too: a round organises and tracks the update, it does not gate data entry); the
 * households not yet updated are listed; closing the round stores every registered
 * household's standing against the year's line (round.rules.ts for when it may close).
 * Reads are scoped: a round is visible to callers whose area contains it or lies inside
 * it, and its counts and lists cover only the caller's part of it.
 */
import { randomUUID } from 'node:crypto';
import { inScope, type Caller } from '../../auth/caller.js';
import { requireRegistryReader } from '../../auth/require.js';
import { decodeCursor, pageSize, toPage } from '../../graphql/connection.js';
import type { Context } from '../../graphql/context.js';
import { ApiError, badInput, conflict, forbidden, notFound } from '../../graphql/errors.js';
import { keyOf, toGlobalId } from '../../graphql/ids.js';
import { checkAreaCode } from '../area/area.service.js';
import { recordWrite } from '../audit/audit.service.js';
import { toHousehold } from '../household/household.mapper.js';
import type { HouseholdRow } from '../household/household.store.js';
import { progressKey } from './round.loaders.js';
import { closeRefusal, openProblems, type OpenRoundInput } from './round.rules.js';
import { roundStore, type RoundRow } from './round.store.js';
import { notLoadedReason } from '../area/not-loaded.js';

const today = () => new Date().toISOString().slice(0, 10);

export const toRound = (r: RoundRow) => ({ __typename: 'UpdateRound' as const, ...r, id: toGlobalId('UpdateRound', r.id), key: r.id });
export type RoundModel = ReturnType<typeof toRound>;

/** Counts of stored standings by result, as RoundSummary. */
export function summaryOf(rows: { result: string; n: number }[]) {
  const by = (res: string) => rows.find((r) => r.result === res)?.n ?? 0;
  const s = { aboveLine: by('ABOVE'), belowLine: by('BELOW'), noRecord: by('NO_RECORD'), noLine: by('NO_LINE') };
  return { ...s, total: s.aboveLine + s.belowLine + s.noRecord + s.noLine };
}

/** Officials of the round's area (or an area containing it) and admins open and close rounds. */
function requireRoundManager(c: Caller, areaCode: string) {
  if (!(c.role === 'admin' || (c.role === 'official' && inScope(c, areaCode)))) {
    throw forbidden(`only an official of ${areaCode} (or of an area containing it) or an admin opens and closes its update round`);
  }
}

const roundKey = (id: string) => keyOf('UpdateRound', id);

export const roundService = {
  async byId(ctx: Context, id: string) {
    requireRegistryReader(ctx.caller);
    const row = await ctx.loaders.round.byId.load(roundKey(id));
    return row && toRound(row);
  },

  async byKey(ctx: Context, key: string) {
    const row = await ctx.loaders.round.byId.load(key);
    return row && toRound(row);
  },

  async page(ctx: Context, areaCode: string, f: { year?: number; status?: string; first?: number; after?: string }) {
    requireRegistryReader(ctx.caller);
    checkAreaCode(areaCode, 'areaCode');
    const size = pageSize(f.first);
    const cursor = decodeCursor(f.after, /^\d{4}\|\d{2,12}$/);
    const after = cursor ? { year: Number(cursor.slice(0, 4)), area: cursor.slice(5) } : undefined;
    const rows = await roundStore.page(ctx.db, ctx.caller, areaCode, f, after, size + 1);
    return toPage(rows, size, (r) => `${r.year}|${r.areaCode}`, toRound, () => roundStore.count(ctx.db, ctx.caller, areaCode, f), cursor);
  },

  async open(ctx: Context, input: OpenRoundInput) {
    const p = openProblems(input, today()).map((q) => ({ ...q, field: `input.${q.field}` }));
    if (p.length) throw badInput(p);
    requireRoundManager(ctx.caller, input.areaCode);
    if (!(await ctx.loaders.area.byCode.load(input.areaCode))) {
      throw badInput([{ field: 'input.areaCode', reason: notLoadedReason(input.areaCode) }]);
    }
    return ctx.db.transaction(async (tx) => {
      const [blocker] = await roundStore.blocking(tx, input.areaCode, input.year);
      if (blocker) {
        throw conflict(blocker.areaCode === input.areaCode
          ? `${input.areaCode} already has its ${input.year} round (${blocker.status.toLowerCase()}): there is one round per area and year`
          : `the ${input.year} round of ${blocker.areaCode} is open and overlaps ${input.areaCode}: close it first, or work within it`);
      }
      const [row] = await roundStore.insert(tx, { id: randomUUID(), ...input, status: 'OPEN', openedBy: ctx.caller.id });
      const round = toRound(row);
      await recordWrite(tx, ctx, {
        operation: 'openUpdateRound', event: 'updateRound.opened', entityType: 'UpdateRound', entityId: round.id, areaCode: row.areaCode, before: null, after: row,
      });
      return round;
    });
  },

  async close(ctx: Context, id: string) {
    const key = roundKey(id);
    return ctx.db.transaction(async (tx) => {
      const before = await roundStore.lockForUpdate(tx, ctx.caller, key);
      if (!before) throw notFound(`update round ${id}`);
      requireRoundManager(ctx.caller, before.areaCode);
      if (before.status !== 'OPEN') throw new ApiError('INVALID_TRANSITION', `this round was closed on ${before.closedAt?.toISOString().slice(0, 10)}: a closed round is final`);
      const refusal = closeRefusal(await roundStore.pendingCount(tx, ctx.caller, before), before.closesOn, today());
      if (refusal) throw new ApiError('INVALID_TRANSITION', refusal);
      await roundStore.storeStandings(tx, before);
      const [row] = await roundStore.close(tx, key, ctx.caller.id);
      const summary = summaryOf(await roundStore.summaries(tx, ctx.caller, [key]));
      const round = toRound(row);
      await recordWrite(tx, ctx, {
        operation: 'closeUpdateRound', event: 'updateRound.closed', entityType: 'UpdateRound', entityId: round.id, areaCode: row.areaCode, before, after: { ...row, summary },
      });
      return { round, summary };
    });
  },

  async progress(ctx: Context, r: RoundModel) {
    const p = (await ctx.loaders.round.progress.load(progressKey({ id: r.key, areaCode: r.areaCode, year: r.year })))!;
    return { due: p.due, updated: p.updated, pending: p.due - p.updated };
  },

  /** The stored standings' counts; null while the round is open. */
  async summary(ctx: Context, r: RoundModel) {
    if (r.status !== 'CLOSED') return null;
    return summaryOf(await ctx.loaders.round.summary.load(r.key));
  },

  async pending(ctx: Context, r: RoundModel, o: { first?: number; after?: string }) {
    const size = pageSize(o.first);
    const after = decodeCursor(o.after, /^\d{16}$/);
    const ids = await ctx.loaders.round.pendingPage.load(`${r.key}|${r.areaCode}|${r.year}|${after ?? ''}|${size + 1}`);
    const rows = (await ctx.loaders.household.byId.loadMany(ids.map((h) => h.id))).filter((h): h is HouseholdRow => !!h && !(h instanceof Error));
    // The pending count is the round's progress (due − updated), batched for every round of the request.
    return toPage(rows, size, (h) => h.number, toHousehold, async () => (await roundService.progress(ctx, r)).pending, after);
  },

  async standingsOf(ctx: Context, householdKey: string) {
    return ctx.loaders.round.standingsOf.load(householdKey);
  },
};
