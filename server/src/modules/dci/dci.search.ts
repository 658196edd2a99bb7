/**
 * One DCI search request of a batch (SearchRequest.search_request[i]) answered over the
 * registry: pagination checked (page_size 1–100, page_number 1–100,000, whole numbers), the
 * query translated (dci.query.ts) and run in the caller's scope (dci.store.ts), records
 * built with the request's loaders (members and poverty scores batched: statements do not
 * grow with the page), in the request's locale (dci.locale.ts). A request that cannot be
 * answered — its reference id or timestamp (dci.items.ts), reg_type, query, sort or pagination —
 * gives status `rjct`, its reason code and message, and an empty record list; the other
 * requests of the batch still run.
 */
import type { Context } from '../../graphql/context.js';
import { toHousehold } from '../household/household.mapper.js';
import type { HouseholdRow } from '../household/household.store.js';
import type { MemberRow } from '../member/member.store.js';
import { eligibilityService } from '../eligibility/eligibility.service.js';
import { translate, sortColumns } from './dci.query.js';
import { dciStore } from './dci.store.js';
import { toGroupRecord, toMemberRecord } from './dci.record.js';
import { answerLocale, ENGLISH, type Locale } from './dci.locale.js';
import { isOurRegType, itemProblem, REG_TYPE } from './dci.items.js';

export { REG_TYPE };
export const MAX_PAGE = 100;
/** Pages beyond this are refused (10 million rows in at 100 a page): narrow the query instead. */
const MAX_PAGE_NUMBER = 100_000;
const DEFAULT_PAGE = 20;

export interface SearchItem {
  reference_id: string;
  timestamp: string;
  locale?: string;
  search_criteria: {
    version?: string;
    reg_type?: string;
    reg_record_type?: string;
    query_type: string;
    response_entity?: 'Group' | 'Member';
    query: unknown;
    sort?: { attribute_name?: string; sort_order?: 'asc' | 'desc' }[];
    pagination?: { page_size: number; page_number?: number };
  };
}

const now = () => new Date().toISOString();

/** Group records of household rows: members and poverty scores through the request's loaders. */
export async function groupRecords(ctx: Context, rows: HouseholdRow[], l: Locale = ENGLISH) {
  return Promise.all(rows.map(async (r) => {
    const [members, decision] = await Promise.all([
      ctx.loaders.member.ofHousehold.load(r.id) as Promise<MemberRow[]>,
      eligibilityService.decide(ctx, toHousehold(r)).catch(() => null),
    ]);
    return toGroupRecord(r, members, decision ? { score: decision.score ?? null, ruleSet: decision.ruleSet.name } : null, l);
  }));
}

/** One request of a batch; `seen` holds the reference ids of the batch's earlier requests. */
export async function searchOne(ctx: Context, item: SearchItem, seen: Set<string>) {
  const c = item.search_criteria;
  const entity = c.response_entity ?? 'Group';
  const l = answerLocale(item.locale);
  const locale = l.locale;
  const size = c.pagination?.page_size ?? DEFAULT_PAGE;
  const number = c.pagination?.page_number ?? 1;
  const base = { reference_id: item.reference_id, timestamp: now(), locale };
  const empty = (code: string, reason: string) => ({
    ...base, status: 'rjct' as const, status_reason_code: code, status_reason_message: reason.slice(0, 999),
    data: { version: '1.0.0', reg_type: REG_TYPE, reg_record_type: entity, reg_records: [] as unknown[] },
    pagination: { page_size: Number.isInteger(size) && size > 0 ? size : 0, page_number: Number.isInteger(number) && number > 0 ? number : 1, total_count: 0 },
  });
  const problem = itemProblem(item, seen);
  if (problem) return empty(problem.code, problem.reason);
  if (!isOurRegType(c.reg_type)) return empty('rjct.search_criteria.invalid', `unknown reg_type "${String(c.reg_type).slice(0, 60)}": this registry is ${REG_TYPE}`);
  if (!Number.isInteger(size) || size < 1 || size > MAX_PAGE) return empty('rjct.pagination.invalid', `pagination.page_size must be a whole number from 1 to ${MAX_PAGE}, not ${size}`);
  if (!Number.isInteger(number) || number < 1 || number > MAX_PAGE_NUMBER) return empty('rjct.pagination.invalid', `pagination.page_number counts from 1 to ${MAX_PAGE_NUMBER} and must be a whole number, not ${number}`);
  const q = translate(c.query_type, c.query);
  if (!q.ok) return empty(q.code, q.reason);
  const sort = sortColumns(c.sort);
  if (!sort.ok) return empty('rjct.sort.invalid', sort.reason);
  const offset = (number - 1) * size;
  let records: unknown[];
  let total: number;
  if (entity === 'Member') {
    const found = await dciStore.searchMembers(ctx.db, ctx.caller, q.where, q.member, sort.order, size, offset);
    const rows = await ctx.loaders.member.byId.loadMany(found.ids);
    records = rows.filter((r): r is MemberRow => !!r && !(r instanceof Error)).map((r) => toMemberRecord(r, l));
    total = found.total;
  } else {
    const found = await dciStore.searchGroups(ctx.db, ctx.caller, q.where, sort.order, size, offset);
    records = await groupRecords(ctx, found.rows, l);
    total = found.total;
  }
  return {
    ...base, status: 'succ' as const,
    data: { version: '1.0.0', reg_type: REG_TYPE, reg_record_type: entity, reg_records: records },
    pagination: { page_size: size, page_number: number, total_count: total },
  };
}
