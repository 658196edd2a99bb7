/**
 * Exit checks (issue 3, item 8, part), wiring the pure rules of ./exit-rules.ts:
 * - village 贫困村出列: poverty incidence (registered poor people ÷ rural population of
 *   the village's survey of the year) below the province's threshold;
 * - county 贫困县摘帽, 三率一度: comprehensive incidence from the register, the year's
 *   village surveys and the recorded spot check; wrong-exit and missed rates and public
 *   approval from the spot check; thresholds from the province's figures.
 * The register is read as it stands now; the year picks the surveys, the figures and
 * the spot check. The comprehensive incidence counts the surveyed villages only and is not
 * judged while some villages lack a survey (exit-rules.ts countyCheck, issue 15 item 10);
 * a village whose survey counts fewer people than its registered poor gets no rate. Missing data is BAD_USER_INPUT naming what to record first.
 */
import { inScope } from '../../auth/caller.js';
import { requireRegistryReader } from '../../auth/require.js';
import type { Context } from '../../graphql/context.js';
import { badInput, forbidden, type FieldProblem } from '../../graphql/errors.js';
import { checkAreaCode } from '../area/area.service.js';
import { recordWrite } from '../audit/audit.service.js';
import { FIRST_YEAR } from '../household/household.validate.js';
import { provincialStore } from '../provincial/provincial.store.js';
import { countyCheck, villageExit } from './exit-rules.js';
import { exitCheckStore, type SpotCheckRow } from './exit-check.store.js';
import type { SpotCheckInput } from './exit-check.type.js';

function yearProblem(year: number, field = 'year'): FieldProblem[] {
  const last = new Date().getFullYear();
  return Number.isInteger(year) && year >= FIRST_YEAR && year <= last ? [] : [{ field, reason: `must be a year between ${FIRST_YEAR} and ${last}` }];
}

async function figuresOf(ctx: Context, code: string, year: number) {
  const f = await provincialStore.get(ctx.db, code.slice(0, 2), year);
  if (!f) throw badInput([{ field: 'year', reason: `there are no provincial figures for ${code.slice(0, 2)} in ${year}: an admin sets them first (setProvincialFigures)` }]);
  return f;
}

function spotCheckProblems(i: SpotCheckInput): FieldProblem[] {
  const p: FieldProblem[] = [];
  for (const [k, v] of Object.entries(i)) {
    if (v == null && (k === 'sampledRegistered' || k === 'wronglyIncluded')) continue;
    if (!Number.isInteger(v) || v < 0 || v > 100_000_000) p.push({ field: `input.${k}`, reason: 'a whole number from 0 to 100,000,000' });
  }
  const part = (a: 'wronglyExited' | 'missedPoorFound' | 'approvingHouseholds', whole: 'sampledExited' | 'sampledNonRegistered' | 'surveyedHouseholds') => {
    if (i[a] > i[whole]) p.push({ field: `input.${a}`, reason: `is ${i[a]}, more than ${whole} (${i[whole]})` });
  };
  part('wronglyExited', 'sampledExited');
  part('missedPoorFound', 'sampledNonRegistered');
  part('approvingHouseholds', 'surveyedHouseholds');
  if ((i.sampledRegistered == null) !== (i.wronglyIncluded == null)) p.push({ field: i.sampledRegistered == null ? 'input.sampledRegistered' : 'input.wronglyIncluded', reason: '错评率 needs both sampledRegistered and wronglyIncluded (or neither)' });
  else if (i.sampledRegistered != null && i.wronglyIncluded! > i.sampledRegistered) p.push({ field: 'input.wronglyIncluded', reason: `is ${i.wronglyIncluded}, more than sampledRegistered (${i.sampledRegistered})` });
  for (const k of ['sampledExited', 'sampledNonRegistered', 'surveyedHouseholds'] as const) {
    if (i[k] === 0) p.push({ field: `input.${k}`, reason: 'the rate is computed over this sample: it cannot be 0' });
  }
  if (i.missedPoor < i.missedPoorFound) p.push({ field: 'input.missedPoor', reason: `the county's missed poor cannot be fewer than the ${i.missedPoorFound} found in the sample` });
  return p;
}

export const exitCheckService = {
  /** A village's exit check; null outside the caller's area or for an unknown village. */
  async village(ctx: Context, villageCode: string, year: number) {
    requireRegistryReader(ctx.caller);
    checkAreaCode(villageCode, 'villageCode');
    if (villageCode.length !== 12) throw badInput([{ field: 'villageCode', reason: `a village code has 12 digits; "${villageCode}" has ${villageCode.length}` }]);
    const yp = yearProblem(year);
    if (yp.length) throw badInput(yp);
    // The check counts the village's registered poor: only for callers whose area holds the whole village.
    if (!inScope(ctx.caller, villageCode) || !(await ctx.loaders.village.byCode.load(villageCode))) return null;
    const survey = await provincialStore.survey(ctx.db, villageCode, year);
    if (!survey || survey.population === 0) throw badInput([{ field: 'year', reason: `village ${villageCode} has no survey with a population for ${year}: record it first (recordVillageSurvey)` }]);
    const figures = await figuresOf(ctx, villageCode, year);
    const poorPeople = await exitCheckStore.poorPeople(ctx.db, ctx.caller, villageCode);
    if (poorPeople > survey.population) {
      throw badInput([{ field: 'year', reason: `the ${year} survey of village ${villageCode} counts ${survey.population} people, fewer than its ${poorPeople} registered poor people: correct the survey (recordVillageSurvey) before the incidence can be computed` }]);
    }
    const v = villageExit(poorPeople, survey.population, { western: figures.region === 'WEST', threshold: figures.villageExitIncidence });
    return {
      villageCode, year, poorPeople, ruralPopulation: survey.population, incidence: poorPeople / survey.population,
      threshold: figures.villageExitIncidence, region: figures.region, ...v,
    };
  },

  /** Records a county's spot check for a year (officials above the county, or admins); replaces an earlier one, audited. */
  async recordSpotCheck(ctx: Context, countyCode: string, year: number, input: SpotCheckInput): Promise<SpotCheckRow> {
    const c = ctx.caller;
    const above = c.areas.some((p) => countyCode.startsWith(p) && p.length < 6);
    if (!(c.role === 'admin' || (c.role === 'official' && above))) {
      throw forbidden('a county’s exit spot check is recorded by an official above the county (prefecture, province or nation) or an admin, never by the county itself');
    }
    if (!/^\d{6}$/.test(countyCode)) throw badInput([{ field: 'countyCode', reason: `"${countyCode}" is not a 6-digit county code` }]);
    const p = [...yearProblem(year), ...spotCheckProblems(input)];
    if (p.length) throw badInput(p);
    if ((await exitCheckStore.areaLevel(ctx.db, countyCode)) !== 3) throw badInput([{ field: 'countyCode', reason: `there is no county ${countyCode}` }]);
    return ctx.db.transaction(async (tx) => {
      const before = (await exitCheckStore.spotCheck(tx, countyCode, year)) ?? null;
      const [row] = await exitCheckStore.upsertSpotCheck(tx, { countyCode, year, ...input, sampledRegistered: input.sampledRegistered ?? null, wronglyIncluded: input.wronglyIncluded ?? null, recordedBy: c.id });
      await recordWrite(tx, ctx, {
        operation: 'recordSpotCheck', event: 'spotCheck.recorded', entityType: 'SpotCheck', entityId: `${countyCode}:${year}`, areaCode: countyCode, before, after: row,
      });
      return row;
    });
  },

  /** A county's 三率一度 for a year; null outside the caller's area or for an unknown county. */
  async county(ctx: Context, countyCode: string, year: number) {
    requireRegistryReader(ctx.caller);
    if (!/^\d{6}$/.test(countyCode)) throw badInput([{ field: 'countyCode', reason: `"${countyCode}" is not a 6-digit county code` }]);
    const yp = yearProblem(year);
    if (yp.length) throw badInput(yp);
    if (!inScope(ctx.caller, countyCode) || (await exitCheckStore.areaLevel(ctx.db, countyCode)) !== 3) return null;
    const spotCheck = await exitCheckStore.spotCheck(ctx.db, countyCode, year);
    if (!spotCheck) throw badInput([{ field: 'year', reason: `county ${countyCode} has no spot check for ${year}: an official above the county records it first (recordSpotCheck)` }]);
    const figures = await figuresOf(ctx, countyCode, year);
    const surveyed = await exitCheckStore.surveyedPopulation(ctx.db, ctx.caller, countyCode, year);
    if (surveyed.population === 0) throw badInput([{ field: 'year', reason: `no village of county ${countyCode} has a survey with a population for ${year}: record the surveys first (recordVillageSurvey)` }]);
    const remainingPoor = await exitCheckStore.poorPeople(ctx.db, ctx.caller, countyCode);
    const poorInSurveyedVillages = await exitCheckStore.poorPeopleSurveyed(ctx.db, ctx.caller, countyCode, year);
    const villages = await exitCheckStore.villagesUnder(ctx.db, countyCode);
    const limits = { incidenceLimit: figures.countyExitIncidence, wrongExitLimit: 0.02, missedLimit: 0.02, approvalFloor: 0.9 };
    const coverage = { villages, villagesSurveyed: surveyed.villages, remainingPoor, poorInSurveyedVillages };
    const check = countyCheck({ ...spotCheck, ruralPopulation: surveyed.population }, coverage, limits);
    return {
      countyCode, year, region: figures.region, remainingPoor, poorInSurveyedVillages, ruralPopulation: surveyed.population, villagesSurveyed: surveyed.villages, villages,
      spotCheck, tests: check.tests, verdict: check.verdict, passes: check.verdict === 'INCOMPLETE' ? null : check.verdict === 'PASSES', failures: check.failures, incomplete: check.incomplete,
    };
  },
};
