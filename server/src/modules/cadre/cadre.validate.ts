/**
 * Form checks of units and cadres (pure): names present and bounded, a plausible phone,
 * area codes that are statistical codes inside the caller's area, and a cadre's area
 * inside their unit's (a unit helping 花垣县 sends cadres to work in 花垣县).
 */
import { inScope, type Caller } from '../../auth/caller.js';
import { levelOfCode } from '../../codes/index.js';
import type { FieldProblem } from '../../graphql/errors.js';

const PHONE = /^[0-9+\-() ]{5,20}$/;

function text(p: FieldProblem[], field: string, v: string | null | undefined, max: number, required: boolean) {
  const t = v?.trim() ?? '';
  if (required && !t) p.push({ field, reason: 'is required' });
  else if (t.length > max) p.push({ field, reason: `is ${t.length} characters; at most ${max}` });
}

function area(p: FieldProblem[], field: string, code: string, caller: Caller) {
  if (!/^\d+$/.test(code) || !levelOfCode(code)) p.push({ field, reason: `"${code}" is not a 2, 4, 6, 9 or 12-digit statistical code, e.g. 433124 for 花垣县` });
  else if (!inScope(caller, code)) p.push({ field, reason: `is outside your area (${caller.areas.join(', ')})` });
}

export function unitProblems(input: { name: string; areaCode: string }, caller: Caller): FieldProblem[] {
  const p: FieldProblem[] = [];
  text(p, 'input.name', input.name, 200, true);
  area(p, 'input.areaCode', input.areaCode, caller);
  return p;
}

export function cadreProblems(
  input: { name: string; phone?: string | null; title?: string | null; areaCode: string; subject?: string | null },
  caller: Caller,
  unitArea: string | null,
): FieldProblem[] {
  const p: FieldProblem[] = [];
  text(p, 'input.name', input.name, 50, true);
  text(p, 'input.title', input.title, 100, false);
  if (input.phone != null && !PHONE.test(input.phone.trim())) p.push({ field: 'input.phone', reason: 'is not a phone number: 5–20 digits, spaces, +, - or parentheses' });
  if (input.subject != null && !/^\S{1,200}$/.test(input.subject)) p.push({ field: 'input.subject', reason: "must be the token's sub: 1–200 characters without spaces" });
  area(p, 'input.areaCode', input.areaCode, caller);
  if (unitArea === null) p.push({ field: 'input.unitId', reason: 'no such unit in your area: register the unit first (registerUnit) or check the ID' });
  else if (!input.areaCode.startsWith(unitArea)) p.push({ field: 'input.areaCode', reason: `is outside the area the unit helps (${unitArea}): a unit's cadres work where it helps` });
  return p;
}
