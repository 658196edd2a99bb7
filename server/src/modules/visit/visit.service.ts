/**
 * The assistance log 帮扶日志 (issue 4, item 4). A registered cadre records their own
 * visits to households in their scope (paired, or in their work team's village); an
 * official or admin records a visit on a cadre's behalf, naming the cadre. Visits are
 * listed per household and per cadre (newest first), and `householdsNotVisited` lists
 * the registered households that can be paired (status 0, 1, 3) with no visit in the
 * last N days (default VISIT_OVERDUE_DAYS). Each visit is audited and announced.
 */
import { randomUUID } from 'node:crypto';
import { canManagePeople, canReadPeople } from '../../auth/caller.js';
import { requirePeopleReader } from '../../auth/require.js';
import { visitOverdueDays } from '../../config.js';
import { decodeCursor, pageSize, toPage } from '../../graphql/connection.js';
import type { Context } from '../../graphql/context.js';
import { badInput, forbidden, notFound } from '../../graphql/errors.js';
import { keyOf, toGlobalId } from '../../graphql/ids.js';
import { checkAreaCode } from '../area/area.service.js';
import { recordWrite } from '../audit/audit.service.js';
import { cadreStore } from '../cadre/cadre.store.js';
import { toHousehold } from '../household/household.mapper.js';
import { householdStore } from '../household/household.store.js';
import { PAIRABLE_STATUSES } from '../pairing/pairing.rules.js';
import { daysProblem, visitedSince, visitProblems } from './visit.rules.js';
import { visitStore, type VisitAfter, type VisitRow } from './visit.store.js';
import type { RecordVisitInput } from './visit.type.js';

export const toVisit = (r: VisitRow) => ({ __typename: 'Visit' as const, ...r, id: toGlobalId('Visit', r.id) });
export type VisitModel = ReturnType<typeof toVisit>;

/** A visit's place in newest-first order: day visited | recorded (ms) | ID. */
const visitCursor = (r: VisitRow) => `${r.visitedOn}|${r.createdAt.toISOString()}|${r.id}`;
const VISIT_CURSOR = /^\d{4}-\d{2}-\d{2}\|\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}\.\d{3}Z\|[0-9a-f-]{36}$/;

function visitAfter(after: string | null | undefined): VisitAfter | undefined {
  const key = decodeCursor(after, VISIT_CURSOR);
  if (!key) return undefined;
  const [visitedOn, createdAt, id] = key.split('|');
  return { visitedOn, createdAt, id };
}

/** Who visited: the cadre themself, or the cadre an official or admin names. */
function visitorOf(ctx: Context, input: RecordVisitInput): { cadreKey?: string; self: boolean } {
  const c = ctx.caller;
  if (c.role === 'cadre') {
    if (!c.cadreId) throw forbidden(`your token's subject "${c.id}" is not a registered cadre: ask the county office to register you (registerCadre with your subject) to keep an assistance log`);
    if (input.cadreId && keyOf('Cadre', input.cadreId, 'input.cadreId') !== c.cadreId) throw forbidden('a cadre records their own visits: leave cadreId out, or ask an official to record a visit of another cadre');
    return { cadreKey: c.cadreId, self: true };
  }
  if (!canManagePeople(c)) throw forbidden(`the ${c.role} role cannot record visits: the cadre who visited does, or an official of the area`);
  if (!input.cadreId) throw badInput([{ field: 'input.cadreId', reason: 'name the cadre who visited (an official records a visit on a cadre’s behalf)' }]);
  return { cadreKey: keyOf('Cadre', input.cadreId, 'input.cadreId'), self: false };
}

export const visitService = {
  async record(ctx: Context, input: RecordVisitInput) {
    const { cadreKey, self } = visitorOf(ctx, input);
    const householdKey = keyOf('Household', input.householdId, 'input.householdId');
    const problems = visitProblems(input);
    if (problems.length) throw badInput(problems);
    return ctx.db.transaction(async (tx) => {
      const [household] = await householdStore.byIds(tx, ctx.caller, [householdKey]);
      if (!household) throw notFound(`household ${input.householdId}`);
      // A cadre's own row is not in the cadre scope of the people lists only when unregistered (refused above).
      const cadre = self ? { id: cadreKey! } : (await cadreStore.cadresByIds(tx, ctx.caller, [cadreKey!]))[0];
      if (!cadre) throw badInput([{ field: 'input.cadreId', reason: 'no such cadre in your area: register the cadre first (registerCadre) or check the ID' }]);
      const [row] = await visitStore.insert(tx, {
        id: randomUUID(), householdId: household.id, villageCode: household.villageCode, cadreId: cadre.id, visitedOn: input.visitedOn,
        activities: input.activities.trim(), findings: input.findings.trim(), createdBy: ctx.caller.id,
      });
      const visit = toVisit(row);
      await recordWrite(tx, ctx, {
        operation: 'recordVisit', event: 'visit.recorded', entityType: 'Visit', entityId: visit.id, areaCode: household.villageCode,
        before: null, after: { ...row, household: toGlobalId('Household', household.id), cadre: toGlobalId('Cadre', cadre.id) },
      });
      return visit;
    });
  },

  /** A page of the household's visits, newest first; an empty page for roles that may not see people. */
  async ofHousehold(ctx: Context, householdKey: string, first?: number | null, after?: string | null) {
    const size = pageSize(first);
    const start = visitAfter(after);
    if (!canReadPeople(ctx.caller)) return toPage([] as VisitRow[], size, visitCursor, toVisit, async () => 0, after ?? undefined);
    const rows = await ctx.loaders.visit.ofHousehold(size + 1, start).load(householdKey);
    return toPage(rows, size, visitCursor, toVisit, async () => (await ctx.loaders.visit.countOfHousehold.load(householdKey))?.n ?? 0, after ?? undefined);
  },

  /** A page of the cadre's visits to households in the caller's scope, newest first. */
  async ofCadre(ctx: Context, cadreKey: string, first?: number | null, after?: string | null) {
    const size = pageSize(first);
    const rows = await ctx.loaders.visit.ofCadre(size + 1, visitAfter(after)).load(cadreKey);
    return toPage(rows, size, visitCursor, toVisit, async () => (await ctx.loaders.visit.countOfCadre.load(cadreKey))?.n ?? 0, after ?? undefined);
  },

  async notVisited(ctx: Context, a: { areaCode: string; days?: number | null; first?: number | null; after?: string | null }) {
    requirePeopleReader(ctx.caller);
    checkAreaCode(a.areaCode, 'areaCode', { prefix: true });
    const days = a.days ?? visitOverdueDays();
    const dp = daysProblem(days);
    if (dp) throw badInput([dp]);
    const since = visitedSince(days);
    const statuses = [...PAIRABLE_STATUSES];
    const size = pageSize(a.first);
    const after = decodeCursor(a.after, /^\d{16}$/);
    const rows = await visitStore.notVisitedPage(ctx.db, ctx.caller, a.areaCode, since, statuses, after, size + 1);
    return toPage(rows, size, (r) => r.number, toHousehold, () => visitStore.notVisitedCount(ctx.db, ctx.caller, a.areaCode, since, statuses), after);
  },

  async node(ctx: Context, key: string) {
    if (!canReadPeople(ctx.caller)) return null;
    const row = await ctx.loaders.visit.byId.load(key);
    return row && toVisit(row);
  },
};
