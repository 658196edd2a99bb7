/**
 * Spot-check sampling 抽检核查 (issue 14): draws a county's sample from its registered
 * households by a plan and a seed (sample-rules.ts) and stores the list for the inspectors.
 * Drawn and read by officials above the county and admins only — the county must not see
 * in advance who will be checked. The findings go in with recordSpotCheck and feed 错评率,
 * 漏评率 and 群众认可度. A plan larger than its frame is refused with the numbers and writes
 * nothing. Audited and on the change feed.
 */
import { randomUUID } from 'node:crypto';
import { decodeCursor, pageSize, toPage } from '../../graphql/connection.js';
import type { Context } from '../../graphql/context.js';
import { badInput } from '../../graphql/errors.js';
import { keyOf, toGlobalId } from '../../graphql/ids.js';
import { recordWrite } from '../audit/audit.service.js';
import { requireAboveCounty } from '../funds/funds.service.js';
import { FIRST_YEAR } from '../household/household.validate.js';
import { drawSample, planProblems, splitOf, type SamplePlan } from './sample-rules.js';
import { samplingStore, type SampleRow } from './sampling.store.js';
import type { DrawSpotCheckSampleInput } from './sampling.input.js';

interface StoredPlan extends SamplePlan { withinAreaCode: string; wholeVillageCodes: string[]; satisfactionVillageCodes: string[] }

async function toSample(ctx: Context, r: SampleRow) {
  const p = r.plan as StoredPlan;
  const counts = (await samplingStore.counts(ctx.db, r.id)).map((c) => ({ purpose: c.purpose, households: Number(c.households) })).sort((a, b) => a.purpose.localeCompare(b.purpose));
  return {
    id: toGlobalId('SpotCheckSample', r.id), key: r.id, countyCode: r.countyCode, year: r.year, seed: r.seed,
    plan: { ...p, ratio: `${p.ratio.withLabour}:${p.ratio.nonRegistered}:${p.ratio.withoutLabour}` },
    wholeVillageCodes: p.wholeVillageCodes, satisfactionVillageCodes: p.satisfactionVillageCodes, nonRegisteredPerVillage: r.nonRegisteredPerVillage,
    counts, total: counts.reduce((a, c) => a + c.households, 0), createdBy: r.createdBy, createdAt: r.createdAt,
  };
}

export const samplingService = {
  async draw(ctx: Context, input: DrawSpotCheckSampleInput) {
    if (!/^\d{6}$/.test(input.countyCode)) throw badInput([{ field: 'input.countyCode', reason: `"${input.countyCode}" is not a 6-digit county code` }]);
    requireAboveCounty(ctx, input.countyCode, 'drawing a county’s spot-check sample');
    const last = new Date().getFullYear();
    const p = [];
    if (!Number.isInteger(input.year) || input.year < FIRST_YEAR || input.year > last) p.push({ field: 'input.year', reason: `must be a year between ${FIRST_YEAR} and ${last}` });
    if (!Number.isInteger(input.seed) || input.seed < 0 || input.seed > 2_147_483_647) p.push({ field: 'input.seed', reason: 'a whole number from 0 to 2,147,483,647' });
    const within = input.withinAreaCode ?? input.countyCode;
    if (!(within.startsWith(input.countyCode) && [6, 9, 12].includes(within.length) && /^\d+$/.test(within))) p.push({ field: 'input.withinAreaCode', reason: `"${within}" is not a township or village code of county ${input.countyCode}` });
    if (p.length) throw badInput(p);
    const plan: SamplePlan = { wholeVillages: input.wholeVillages, otherPercent: input.otherPercent, otherCapPerVillage: input.otherCapPerVillage, satisfactionVillages: input.satisfactionVillages, satisfactionPerVillage: input.satisfactionPerVillage, ratio: { ...input.ratio } };
    const frame = await samplingStore.frame(ctx.db, ctx.caller, within, input.year);
    if (!frame.length) throw badInput([{ field: input.withinAreaCode ? 'input.withinAreaCode' : 'input.countyCode', reason: `${within} has no registered households to sample` }]);
    const problems = planProblems(plan, frame);
    if (problems.length) throw badInput(problems);
    const s = drawSample(frame, plan, input.seed);
    const stored: StoredPlan = {
      withinAreaCode: within,
      wholeVillages: plan.wholeVillages, otherPercent: plan.otherPercent, otherCapPerVillage: plan.otherCapPerVillage, satisfactionVillages: plan.satisfactionVillages,
      satisfactionPerVillage: plan.satisfactionPerVillage, ratio: plan.ratio, wholeVillageCodes: s.wholeVillageCodes, satisfactionVillageCodes: s.satisfactionVillageCodes,
    };
    return ctx.db.transaction(async (tx) => {
      const row = await samplingStore.insertSample(tx, {
        id: randomUUID(), countyCode: input.countyCode, year: input.year, seed: input.seed, plan: stored,
        nonRegisteredPerVillage: (splitOf(plan) ?? { nonRegistered: 0 }).nonRegistered, createdBy: ctx.caller.id,
      });
      await samplingStore.insertItems(tx, s.items.map((x, i) => ({ sampleId: row.id, ordinal: i + 1, householdId: x.householdId, villageCode: x.villageCode, purpose: x.purpose })));
      const id = toGlobalId('SpotCheckSample', row.id);
      await recordWrite(tx, ctx, {
        operation: 'drawSpotCheckSample', event: 'spotCheckSample.drawn', entityType: 'SpotCheckSample', entityId: id, areaCode: input.countyCode, before: null,
        after: { ...row, households: s.items.length },
      });
      return { ...(await toSample({ ...ctx, db: tx } as Context, row)) };
    });
  },

  /** A sample; null when unknown or the caller is not above its county. */
  async byId(ctx: Context, id: string) {
    const key = keyOf('SpotCheckSample', id, 'id');
    const row = await samplingStore.sample(ctx.db, ctx.caller, key);
    if (!row) return null;
    requireAboveCounty(ctx, row.countyCode, 'reading a county’s spot-check sample');
    return toSample(ctx, row);
  },

  async households(ctx: Context, sampleKey: string, first?: number | null, after?: string | null) {
    const size = pageSize(first);
    const cursor = decodeCursor(after, /^\d{1,7}$/);
    const rows = await samplingStore.items(ctx.db, sampleKey, cursor === undefined ? undefined : Number(cursor), size + 1);
    const total = async () => (await samplingStore.counts(ctx.db, sampleKey)).reduce((a, c) => a + Number(c.households), 0);
    return toPage(rows, size, (r) => String(r.ordinal), (r) => ({ ordinal: r.ordinal, householdId: toGlobalId('Household', r.householdId), number: r.number, villageCode: r.villageCode, purpose: r.purpose }), total, cursor);
  },
};
