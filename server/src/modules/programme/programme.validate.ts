/**
 * Checks of programme and project inputs: names, years, budgets, dates, outputs,
 * and areas (inside the caller's area, the programme's, and existing). Each
 * problem names the field and says what to enter.
 */
import { inScope, type Caller } from '../../auth/caller.js';
import { levelOfCode } from '../../codes/index.js';
import type { Context } from '../../graphql/context.js';
import type { FieldProblem } from '../../graphql/errors.js';
import type { ProjectOutput } from './programme.type.js';
import { notLoadedReason } from '../area/not-loaded.js';

const MAX_BUDGET = 1e13;

export function nameProblems(name: string | undefined, field: string): FieldProblem[] {
  if (name === undefined) return [];
  return name.trim() && name.length <= 200 ? [] : [{ field, reason: 'give a name of 1–200 characters' }];
}

export function budgetProblems(budget: number | undefined, field: string): FieldProblem[] {
  if (budget === undefined) return [];
  return budget >= 0 && budget < MAX_BUDGET && Number.isFinite(budget) ? [] : [{ field, reason: 'must be between 0 and 10 trillion yuan' }];
}

export function dateProblems(start: string | null | undefined, end: string | null | undefined, field: string): FieldProblem[] {
  return start && end && end < start ? [{ field, reason: `the end date ${end} is before the start date ${start}` }] : [];
}

export function outputProblems(outputs: ProjectOutput[] | undefined, field: string): FieldProblem[] {
  const p: FieldProblem[] = [];
  const seen = new Set<string>();
  outputs?.forEach((o, i) => {
    if (!(o.planned >= 0 && o.actual >= 0 && o.planned < 1e9 && o.actual < 1e9)) p.push({ field: `${field}[${i}]`, reason: 'planned and actual must be between 0 and 1,000,000,000' });
    if (seen.has(o.indicator)) p.push({ field: `${field}[${i}].indicator`, reason: 'each indicator once: merge the two entries' });
    seen.add(o.indicator);
  });
  return p;
}

/** An area code inside the caller's area and under `within`, that exists (areas are loaded through the request's loader). */
export async function areaProblems(ctx: Context, codes: string[], field: (i: number) => string, within = ''): Promise<FieldProblem[]> {
  const rows = await ctx.loaders.area.byCode.loadMany(codes.filter((c) => levelOfCode(c)));
  const known = new Set(rows.flatMap((r) => (r && !(r instanceof Error) ? [r.code] : [])));
  return codes.flatMap((code, i) => {
    if (!/^\d*$/.test(code) || (code !== '' && !levelOfCode(code))) return [{ field: field(i), reason: `"${code}" is not a 2, 4, 6, 9 or 12-digit statistical code, e.g. 433124 for 花垣县` }];
    if (code !== '' && !known.has(code)) return [{ field: field(i), reason: notLoadedReason(code) }];
    if (!code.startsWith(within)) return [{ field: field(i), reason: `must lie inside ${within}` }];
    if (!inScope(ctx.caller, code)) return [{ field: field(i), reason: 'is outside your area' }];
    return [];
  });
}

/** The sector a ministry acts for; an admin names it. */
export function sectorFor(caller: Caller, requested: string | undefined): { sector?: string; problems: FieldProblem[] } {
  if (caller.role === 'ministry') {
    if (requested && requested !== caller.sector) return { problems: [{ field: 'input.sector', reason: `your token is for the ${caller.sector} sector: leave sector out or give ${caller.sector}` }] };
    return { sector: caller.sector, problems: [] };
  }
  return requested ? { sector: requested, problems: [] } : { problems: [{ field: 'input.sector', reason: 'name the sector the programme belongs to' }] };
}
