/**
 * Funds 扶贫资金 (issue 14): allocations per area, year and source; spending against them
 * for measures, sector projects and registered households; disbursement 资金支出进度 by
 * area and source; what each household received.
 * Rules: a spending never takes an allocation beyond its amount — the allocation row is
 * locked FOR UPDATE and its `spent` counter checked and raised in the same transaction
 * (CONFLICT with the numbers otherwise; a CHECK on the table backs it up); money for a
 * household goes only to a registered household 建档立卡户 inside the allocation's area;
 * every movement is audited and on the change feed, in the transaction that makes it.
 */
import { randomUUID } from 'node:crypto';
import { inScope } from '../../auth/caller.js';
import { requireRegistryReader } from '../../auth/require.js';
import { FundSource } from '../../codes/assessment.codes.js';
import { decodeCursor, pageSize, toPage } from '../../graphql/connection.js';
import type { Context } from '../../graphql/context.js';
import { badInput, conflict, forbidden, notFound, type FieldProblem } from '../../graphql/errors.js';
import { keyOf, toGlobalId } from '../../graphql/ids.js';
import { checkAreaCode } from '../area/area.service.js';
import { recordWrite } from '../audit/audit.service.js';
import { FIRST_YEAR } from '../household/household.validate.js';
import { today } from '../measure/measure.validate.js';
import type { AllocateFundsInput, FundAllocationFilter, RecordFundFindingInput, RecordSpendingInput } from './funds.input.js';
import { fundsStore, type AllocationRow, type FindingRow, type SpendingRow } from './funds.store.js';
import { notLoadedReason } from '../area/not-loaded.js';

const fen = (x: number) => Math.round(x * 100);
const yuan = (f: number) => f / 100;
const CHILD_LENGTH: Record<number, number> = { 2: 4, 4: 6, 6: 9, 9: 12 };
const SOURCE_ORDER = Object.values(FundSource.values) as string[];

function amountProblem(x: number, field: string, allowZero = false): FieldProblem[] {
  const ok = Number.isFinite(x) && (allowZero ? x >= 0 : x > 0) && x <= 1e11 && Math.abs(fen(x) - x * 100) < 1e-6;
  return ok ? [] : [{ field, reason: `yuan to the fen, ${allowZero ? '0 or more' : 'more than 0'} and at most 100,000,000,000` }];
}
function yearProblem(year: number, field: string): FieldProblem[] {
  const last = new Date().getFullYear() + 1;
  return Number.isInteger(year) && year >= FIRST_YEAR && year <= last ? [] : [{ field, reason: `must be a year between ${FIRST_YEAR} and ${last}` }];
}
const textProblem = (s: string, field: string, max = 200): FieldProblem[] => (s.trim().length && s.length <= max ? [] : [{ field, reason: `a few words, 1 to ${max} characters` }]);

export const toAllocation = (r: AllocationRow) => ({
  id: toGlobalId('FundAllocation', r.id), key: r.id, areaCode: r.areaCode, year: r.year, source: r.source, title: r.title,
  amount: Number(r.amount), spent: Number(r.spent), remaining: yuan(fen(Number(r.amount)) - fen(Number(r.spent))),
  disbursementRate: Number(r.amount) > 0 ? Number(r.spent) / Number(r.amount) : 0, createdBy: r.createdBy, createdAt: r.createdAt,
});
export const toSpending = (r: SpendingRow) => ({
  id: toGlobalId('FundSpending', r.id), allocationId: toGlobalId('FundAllocation', r.allocationId), areaCode: r.areaCode, year: r.year, source: r.source,
  measureId: r.measureId && toGlobalId('Measure', r.measureId), projectId: r.projectId && toGlobalId('Project', r.projectId),
  householdId: r.householdId && toGlobalId('Household', r.householdId), amount: Number(r.amount), spentOn: r.spentOn, purpose: r.purpose,
  createdBy: r.createdBy, createdAt: r.createdAt,
});
export const toFinding = (r: FindingRow) => ({ ...r, id: toGlobalId('FundFinding', r.id), amount: Number(r.amount) });
const rate = (a: number, s: number) => ({ allocated: a, spent: s, rate: a > 0 ? s / a : null });

/** Officials above the county (prefecture, province, nation) and admins: inspectors of a county. */
export function requireAboveCounty(ctx: Context, countyCode: string, what: string) {
  const c = ctx.caller;
  if (!(c.role === 'admin' || (c.role === 'official' && c.areas.some((p) => countyCode.startsWith(p) && p.length < 6)))) {
    throw forbidden(`${what} is done by an official above the county (prefecture, province or nation) or an admin, never by the county itself`);
  }
}

export const fundsService = {
  /** Records an allocation: admins, or officials whose area holds the receiving area. Audited. */
  async allocate(ctx: Context, input: AllocateFundsInput) {
    const c = ctx.caller;
    if (!(c.role === 'admin' || c.role === 'official')) throw forbidden(`the ${c.role} role cannot allocate funds: officials and admins do`);
    if (!/^(\d{6}|\d{9}|\d{12})$/.test(input.areaCode)) throw badInput([{ field: 'input.areaCode', reason: `"${input.areaCode}" is not a county, township or village code (6, 9 or 12 digits)` }]);
    if (!inScope(c, input.areaCode)) throw notFound(`area ${input.areaCode}`);
    const p = [...yearProblem(input.year, 'input.year'), ...textProblem(input.title, 'input.title'), ...amountProblem(input.amount, 'input.amount')];
    if (p.length) throw badInput(p);
    if (!(await fundsStore.areaLevel(ctx.db, input.areaCode))) throw badInput([{ field: 'input.areaCode', reason: notLoadedReason(input.areaCode) }]);
    return ctx.db.transaction(async (tx) => {
      const row = await fundsStore.insertAllocation(tx, { id: randomUUID(), areaCode: input.areaCode, year: input.year, source: input.source, title: input.title.trim(), amount: input.amount, createdBy: c.id });
      const out = toAllocation(row);
      await recordWrite(tx, ctx, { operation: 'allocateFunds', event: 'funds.allocated', entityType: 'FundAllocation', entityId: out.id, areaCode: row.areaCode, before: null, after: row });
      return out;
    });
  },

  /** Records a spending against an allocation, under the allocation's row lock. Audited. */
  async spend(ctx: Context, input: RecordSpendingInput) {
    const c = ctx.caller;
    if (!(c.role === 'admin' || c.role === 'official')) throw forbidden(`the ${c.role} role cannot record spending: officials and admins of the allocation's area do`);
    const allocationKey = keyOf('FundAllocation', input.allocationId, 'input.allocationId');
    const targets = (['measureId', 'projectId', 'householdId'] as const).filter((k) => input[k] != null);
    const p: FieldProblem[] = [...amountProblem(input.amount, 'input.amount'), ...textProblem(input.purpose, 'input.purpose')];
    if (targets.length !== 1) p.push({ field: 'input', reason: `name exactly one of measureId, projectId and householdId (the spending pays for one thing); got ${targets.length}` });
    if (!/^\d{4}-\d{2}-\d{2}$/.test(input.spentOn) || input.spentOn > today()) p.push({ field: 'input.spentOn', reason: `a date (YYYY-MM-DD), not after today (${today()})` });
    if (p.length) throw badInput(p);
    const target = targets[0];
    const targetKey = keyOf(target === 'measureId' ? 'Measure' : target === 'projectId' ? 'Project' : 'Household', input[target]!, `input.${target}`);
    return ctx.db.transaction(async (tx) => {
      const a = await fundsStore.lockAllocation(tx, c, allocationKey);
      if (!a) throw notFound('the allocation');
      if (Number(input.spentOn.slice(0, 4)) < a.year) throw badInput([{ field: 'input.spentOn', reason: `the allocation is for ${a.year}: money of ${a.year} is not spent in ${input.spentOn.slice(0, 4)}` }]);
      let areaCode: string;
      let householdId: string | null = null;
      if (target === 'householdId') {
        const h = await fundsStore.household(tx, c, targetKey);
        if (!h) throw notFound('the household');
        if (h.stage !== 'REGISTERED') throw badInput([{ field: 'input.householdId', reason: `household ${h.number} is not registered (it is ${h.stage.toLowerCase()}): household money goes only to registered households 建档立卡户` }]);
        areaCode = h.villageCode;
        householdId = h.id;
      } else if (target === 'measureId') {
        const m = await fundsStore.measure(tx, c, targetKey);
        if (!m) throw notFound('the measure');
        if (m.status === 'cancelled') throw badInput([{ field: 'input.measureId', reason: 'the measure is cancelled: nothing is spent on it' }]);
        if (m.householdId && m.stage !== 'REGISTERED') throw badInput([{ field: 'input.measureId', reason: 'the measure’s household is not registered: household money goes only to registered households 建档立卡户' }]);
        areaCode = m.villageCode;
        householdId = m.householdId;
      } else {
        const pr = await fundsStore.project(tx, c, targetKey);
        if (!pr) throw notFound('the project');
        areaCode = pr.areaCode;
      }
      if (!areaCode.startsWith(a.areaCode)) {
        throw badInput([{ field: `input.${target}`, reason: `it is in ${areaCode}, outside the allocation's area ${a.areaCode}: pay it from an allocation of its own area` }]);
      }
      const remaining = fen(Number(a.amount)) - fen(Number(a.spent));
      if (fen(input.amount) > remaining) {
        throw conflict(`the allocation has ${yuan(remaining)} yuan left of ${Number(a.amount)}; this spending asks for ${input.amount}: record less, or pay the rest from another allocation`, {
          allocated: Number(a.amount), spent: Number(a.spent), remaining: yuan(remaining), asked: input.amount,
        });
      }
      const after = await fundsStore.addSpent(tx, a.id, input.amount);
      const row = await fundsStore.insertSpending(tx, {
        id: randomUUID(), allocationId: a.id, areaCode, year: a.year, source: a.source, householdId, amount: input.amount, spentOn: input.spentOn, purpose: input.purpose.trim(), createdBy: c.id,
        measureId: target === 'measureId' ? targetKey : null, projectId: target === 'projectId' ? targetKey : null,
      });
      const out = toSpending(row);
      await recordWrite(tx, ctx, { operation: 'recordSpending', event: 'funds.spent', entityType: 'FundSpending', entityId: out.id, areaCode, before: null, after: { spending: row, allocationSpent: Number(after.spent) } });
      return { spending: out, allocation: toAllocation(after) };
    });
  },

  /** Records a finding in a county's use of funds (officials above the county, admins). Audited. */
  async recordFinding(ctx: Context, input: RecordFundFindingInput) {
    if (!/^\d{6}$/.test(input.countyCode)) throw badInput([{ field: 'input.countyCode', reason: `"${input.countyCode}" is not a 6-digit county code` }]);
    requireAboveCounty(ctx, input.countyCode, 'recording a finding in a county’s funds');
    const p = [...yearProblem(input.year, 'input.year'), ...amountProblem(input.amount, 'input.amount', true), ...textProblem(input.description, 'input.description', 1000)];
    if (p.length) throw badInput(p);
    if ((await fundsStore.areaLevel(ctx.db, input.countyCode)) !== 3) throw badInput([{ field: 'input.countyCode', reason: `there is no county ${input.countyCode}` }]);
    return ctx.db.transaction(async (tx) => {
      const row = await fundsStore.insertFinding(tx, { id: randomUUID(), ...input, description: input.description.trim(), recordedBy: ctx.caller.id });
      const out = toFinding(row);
      await recordWrite(tx, ctx, { operation: 'recordFundFinding', event: 'funds.findingRecorded', entityType: 'FundFinding', entityId: out.id, areaCode: input.countyCode, before: null, after: row });
      return out;
    });
  },

  async allocations(ctx: Context, f: FundAllocationFilter, first?: number | null, after?: string | null) {
    requireRegistryReader(ctx.caller);
    checkAreaCode(f.areaCode, 'filter.areaCode', { prefix: true });
    const size = pageSize(first);
    const cursor = decodeCursor(after, /^[0-9a-f-]{36}$/);
    const rows = await fundsStore.page(ctx.db, ctx.caller, f, cursor, size + 1);
    return toPage(rows, size, (r) => r.id, toAllocation, () => fundsStore.count(ctx.db, ctx.caller, f), cursor);
  },

  /** Disbursement of an area for a year; null outside the caller's area. */
  async disbursement(ctx: Context, areaCode: string, year: number) {
    requireRegistryReader(ctx.caller);
    checkAreaCode(areaCode, 'areaCode');
    const yp = yearProblem(year, 'year');
    if (yp.length) throw badInput(yp);
    if (!inScope(ctx.caller, areaCode)) return null;
    const childLength = CHILD_LENGTH[areaCode.length] ?? 99;
    const rows = await fundsStore.disbursement(ctx.db, ctx.caller, areaCode, year, childLength);
    const sum = (rs: typeof rows) => rs.reduce((m, r) => ({ a: m.a + fen(Number(r.allocated)), s: m.s + fen(Number(r.spent)) }), { a: 0, s: 0 });
    const total = sum(rows);
    const bySource = SOURCE_ORDER.map((s) => ({ s, t: sum(rows.filter((r) => r.source === s)) })).filter((x) => rows.some((r) => r.source === x.s))
      .map((x) => ({ source: x.s, ...rate(yuan(x.t.a), yuan(x.t.s)) }));
    const childCodes = [...new Set(rows.map((r) => r.child).filter((x): x is string => !!x))].sort();
    const names = new Map((await fundsStore.names(ctx.db, childCodes)).map((n) => [n.code, n.name]));
    const children = childCodes.map((code) => {
      const t = sum(rows.filter((r) => r.child === code));
      return { areaCode: code, name: names.get(code) ?? null, ...rate(yuan(t.a), yuan(t.s)) };
    });
    return { areaCode, year, ...rate(yuan(total.a), yuan(total.s)), bySource, children };
  },

  async spendingsOf(ctx: Context, allocationKey: string) {
    return (await ctx.loaders.funds.spendingsOf.load(allocationKey)).map(toSpending);
  },

  async ofHousehold(ctx: Context, householdKey: string) {
    const rows = await ctx.loaders.funds.householdTotals.load(householdKey);
    const bySource = SOURCE_ORDER.flatMap((s) => rows.filter((r) => r.source === s).map((r) => ({ source: s, amount: Number(r.amount) })));
    return { total: yuan(bySource.reduce((a, x) => a + fen(x.amount), 0)), spendings: rows.reduce((a, r) => a + Number(r.n), 0), bySource };
  },
};
