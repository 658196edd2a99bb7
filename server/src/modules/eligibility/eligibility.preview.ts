/**
 * previewRuleSet (issue 3, item 5): what a rule set would do over an area (a county,
 * township or village) compared with today's register — computed, never written.
 *
 * Definitions (see eligibility.rules.ts `onRegister`):
 *   - today's register: households REGISTERED with status 0 未脱贫 or 3 返贫;
 *   - entrant: a household of the area not on today's register that the rule set finds
 *     eligible (whatever its stage: candidate, rejected, removed, or exited);
 *   - leaver: a household on today's register that the rule set finds not eligible;
 *   - not evaluated: no yearly record for the year (each household's latest when no year
 *     is given), or no poverty line of its standard for that year when the rule set has an
 *     income test; such a household is neither entrant nor leaver.
 * Each household is judged by the same facts and evaluator as Household.eligibility, so the
 * entrants are exactly the households whose eligibility says ENTERS, the leavers LEAVES.
 *
 * Cost: the area's households are streamed in pages of PAGE in household-number order
 * (scoped to the caller's area in the query): per page one query for the households with
 * their year, one for their members and at most one for the lines — never one per household.
 * Only SELECTs, outside any transaction: nothing is written.
 */
import { inScope } from '../../auth/caller.js';
import { decodeCursor, pageSize, toPage } from '../../graphql/connection.js';
import type { Context } from '../../graphql/context.js';
import { badInput, forbidden } from '../../graphql/errors.js';
import { checkAreaCode } from '../area/area.service.js';
import { FIRST_YEAR } from '../household/household.validate.js';
import { toHousehold } from '../household/household.mapper.js';
import type { HouseholdRow } from '../household/household.store.js';
import { lineKey } from '../standard/standard.service.js';
import { householdFacts, type FactSources } from './eligibility.facts.js';
import { isEligible, onRegister } from './eligibility.rules.js';
import { definitionOf, ruleSetFor, toRuleSet } from './eligibility.service.js';
import { eligibilityStore } from './eligibility.store.js';

const PAGE = 500;
/** The child level under an area: township under a county, village under a township; a village counts itself. */
const CHILD_LENGTH: Record<number, number> = { 6: 9, 9: 12, 12: 12 };

type Counts = { households: number; eligible: number; registeredPoor: number; entrants: number; leavers: number; notEvaluated: number };
const zero = (): Counts => ({ households: 0, eligible: 0, registeredPoor: 0, entrants: 0, leavers: 0, notEvaluated: 0 });

export const previewService = {
  async preview(ctx: Context, ruleSetId: string, areaCode: string, year?: number | null) {
    const c = ctx.caller;
    if (!['admin', 'official', 'analyst'].includes(c.role)) throw forbidden(`the ${c.role} role cannot preview rule sets: admins, officials and analysts can, over their area`);
    checkAreaCode(areaCode, 'areaCode');
    if (areaCode.length < 6) throw badInput([{ field: 'areaCode', reason: 'preview a county (6 digits), a township (9) or a village (12): identification is done county by county' }]);
    if (!inScope(c, areaCode)) throw forbidden(`area ${areaCode} is outside your area: preview an area inside your token's`);
    const thisYear = new Date().getFullYear();
    if (year != null && (year < FIRST_YEAR || year > thisYear)) throw badInput([{ field: 'year', reason: `must be between ${FIRST_YEAR} and ${thisYear}` }]);
    const rs = (await ruleSetFor(ctx, ruleSetId))!;
    const def = definitionOf(rs);

    const total = zero();
    const byArea = new Map<string, Counts>();
    const entrantNumbers: string[] = [];
    const leaverNumbers: string[] = [];
    const childLength = CHILD_LENGTH[areaCode.length];
    let after: string | undefined;
    for (;;) {
      const rows = await eligibilityStore.previewPage(ctx.db, c, areaCode, year ?? null, after, PAGE);
      if (!rows.length) break;
      after = rows.at(-1)!.number;
      const judged = rows.filter((r) => r.year);
      const members = new Map<string, FactSources['members']>();
      if (judged.length) for (const m of await eligibilityStore.memberFacts(ctx.db, c, judged.map((r) => r.id))) members.set(m.householdId, [...(members.get(m.householdId) ?? []), m]);
      const lineKeys = def.incomeTest ? [...new Set(judged.map((r) => lineKey(r, r.year!.year)))] : [];
      const lines = new Map(lineKeys.length ? (await ctx.loaders.standard.line.loadMany(lineKeys)).map((l, i) => [lineKeys[i], l instanceof Error ? null : l]) : []);

      for (const r of rows) {
        const child = r.villageCode.slice(0, childLength);
        const area = byArea.get(child) ?? zero();
        byArea.set(child, area);
        const add = (k: keyof Counts) => { total[k] += 1; area[k] += 1; };
        const registered = onRegister(r);
        add('households');
        if (registered) add('registeredPoor');
        const line = r.year && def.incomeTest ? lines.get(lineKey(r, r.year.year)) : null;
        if (!r.year || (def.incomeTest && !line)) { add('notEvaluated'); continue; }
        const facts = householdFacts({ household: r, year: r.year, members: members.get(r.id) ?? [] });
        const eligible = isEligible(def, facts, { line: line?.yuan ?? null, villageCode: r.villageCode });
        if (eligible) add('eligible');
        if (eligible && !registered) { add('entrants'); entrantNumbers.push(r.number); }
        if (!eligible && registered) { add('leavers'); leaverNumbers.push(r.number); }
      }
      if (rows.length < PAGE) break;
    }
    return {
      ruleSet: toRuleSet(rs), areaCode, year: year ?? null,
      households: total.households, evaluated: total.households - total.notEvaluated, notEvaluated: total.notEvaluated,
      eligible: total.eligible, registeredPoor: total.registeredPoor, entrantCount: total.entrants, leaverCount: total.leavers,
      byArea: [...byArea].sort(([a], [b]) => a.localeCompare(b)).map(([code, n]) => ({ areaCode: code, ...n })),
      entrantNumbers, leaverNumbers,
    };
  },

  /** A page of the entrants or leavers (household numbers in order): one query for the page's households. */
  async households(ctx: Context, numbers: string[], o: { first?: number | null; after?: string | null }) {
    const size = pageSize(o.first);
    const cursor = decodeCursor(o.after, /^\d{16}$/);
    const start = cursor === undefined ? 0 : numbers.findIndex((n) => n > cursor);
    const slice = start < 0 ? [] : numbers.slice(start, start + size + 1);
    const rows = (await ctx.loaders.household.byNumber.loadMany(slice)).filter((r): r is HouseholdRow => r != null && !(r instanceof Error));
    return toPage(rows, size, (r) => r.number, toHousehold, async () => numbers.length, cursor);
  },
};
