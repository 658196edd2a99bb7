/**
 * The one reason given wherever a statistical code of the right shape names no area in the
 * registry's division list (issue 15, item 18): the code may well be real, only its areas were
 * never imported (a new registry holds the demo county 433124 alone). The reason says so and
 * how an administrator imports them, instead of calling a real code unknown.
 */
import { inScope } from '../../auth/caller.js';
import type { Context } from '../../graphql/context.js';

/** Digits of a county code. */
const COUNTY_DIGITS = 6;

/** The import prefix that brings the code's area in: its county (or the code itself, above county level). */
function importPrefix(code: string): string {
  return code.length > COUNTY_DIGITS ? code.slice(0, COUNTY_DIGITS) : code;
}

/** `what` names the kind of area the field expects ("area", "village"). */
export function notLoadedReason(code: string, what = 'area'): string {
  return `no ${what} ${code} is loaded in this registry's division list (only imported areas are: a new registry holds the demo county 433124): ` +
    `if the code is right, an administrator imports its areas with "jingzhun areas import --prefix ${importPrefix(code)}" (the whole country: without --prefix)`;
}

/**
 * Why a village the caller's scoped lookup did not find is missing: inside the caller's area and
 * absent from the division list, it is not loaded (notLoadedReason); otherwise `fallback`, which
 * must not tell a village outside the area from a missing one.
 */
export async function missingVillageReason(ctx: Context, code: string, fallback: string): Promise<string> {
  if (/^\d{12}$/.test(code) && inScope(ctx.caller, code) && !(await ctx.loaders.area.byCode.load(code))) return notLoadedReason(code, 'village');
  return fallback;
}
