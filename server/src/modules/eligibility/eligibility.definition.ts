/**
 * The definition of an eligibility rule set (issue 3, item 5), in the manner of SISBEN
 * and OpenSPP: versioned data an admin writes, never code. Three optional parts —
 *   - incomeTest: per-capita net income at or below `multipleOfLine` × the poverty line
 *     of the household's identification standard for the year (the same "not above the
 *     line" as Household.standing);
 *   - guarantees: 两不愁三保障 indicators, each a fact with the condition under which it
 *     fails (e.g. drinkingWaterSafe eq false);
 *   - proxyMeans: a score Σ weight × min(value, cap) over facts, with per-area weight
 *     overrides (the longest matching area-code prefix wins, per indicator) and cut-offs
 *     into named groups (lowest scores first, like SISBEN IV's A/B/C/D) of which some are
 *     eligible —
 * combined by `combine`: ANY (eligible when some part finds poverty) or ALL.
 *
 * Contract: `parseDefinition(json, path)` returns the typed definition or the problems,
 * each with the field path under `path` (e.g. "input.definition.proxyMeans.groups[1].below")
 * and a reason a person can act on.
 */
import { z } from 'zod';
import type { FieldProblem } from '../../graphql/errors.js';
import { FACT_NAMES, FACTS, factKind, type FactName } from './eligibility.facts.js';

const code = z.string().regex(/^[A-Z][A-Z0-9_]{0,39}$/, 'use 1–40 capital letters, digits or _, starting with a letter, e.g. SAFE_WATER');
const label = z.string().trim().min(1).max(100);
const fact = z.enum(FACT_NAMES, { error: () => `must be one of the facts: ${FACT_NAMES.join(', ')}` });
const areaPrefix = z.string().regex(/^(\d{2}|\d{4}|\d{6}|\d{9}|\d{12})$/, 'a 2, 4, 6, 9 or 12-digit area code, e.g. 433124');
const scalar = z.union([z.boolean(), z.number(), z.string()]);

const condition = z.object({
  op: z.enum(['eq', 'ne', 'lt', 'le', 'gt', 'ge', 'in']),
  value: z.union([scalar, z.array(z.union([z.string(), z.number()])).min(1)]),
}).strict();

const guarantee = z.object({ code, label, fact, failsWhen: condition }).strict().superRefine((g, ctx) => {
  if (g.fact === 'perCapitaNetIncome') ctx.addIssue({ code: 'custom', path: ['fact'], message: 'income is judged by incomeTest, not by a guarantee indicator' });
  const kind = factKind(g.fact);
  const { op, value } = g.failsWhen;
  const want = kind === 'boolean' ? 'boolean' : kind === 'number' ? 'number' : 'string';
  if (op === 'in') {
    if (!Array.isArray(value) || kind === 'boolean' || value.some((v) => typeof v !== want)) {
      ctx.addIssue({ code: 'custom', path: ['failsWhen', 'value'], message: `"in" needs a list of ${want}s for ${g.fact} (${FACTS[g.fact][1]})` });
    }
  } else if (typeof value !== want) {
    ctx.addIssue({ code: 'custom', path: ['failsWhen', 'value'], message: `${g.fact} is a ${kind} (${FACTS[g.fact][1]}): compare it with a ${want}` });
  } else if (kind !== 'number' && !['eq', 'ne'].includes(op)) {
    ctx.addIssue({ code: 'custom', path: ['failsWhen', 'op'], message: `${g.fact} is a ${kind}: use eq, ne or in` });
  }
});

const indicator = z.object({
  code, label: label.optional(), fact, weight: z.number().finite(), cap: z.number().finite().optional(),
}).strict().superRefine((i, ctx) => {
  if (factKind(i.fact) === 'code') ctx.addIssue({ code: 'custom', path: ['fact'], message: `${i.fact} is a code: a score needs a number or a yes/no fact` });
});

const proxyMeans = z.object({
  indicators: z.array(indicator).min(1).max(50),
  areaWeights: z.array(z.object({ areaPrefix, weights: z.record(z.string(), z.number().finite()) }).strict()).max(500).default([]),
  groups: z.array(z.object({ name: z.string().regex(/^[A-Za-z0-9_]{1,20}$/, '1–20 letters, digits or _, e.g. A'), below: z.number().finite().optional() }).strict()).min(2).max(50),
  eligibleGroups: z.array(z.string()).min(1),
}).strict().superRefine((p, ctx) => {
  const codes = p.indicators.map((i) => i.code);
  codes.forEach((c, i) => { if (codes.indexOf(c) !== i) ctx.addIssue({ code: 'custom', path: ['indicators', i, 'code'], message: `${c} is used twice` }); });
  p.areaWeights.forEach((a, i) => {
    if (p.areaWeights.findIndex((b) => b.areaPrefix === a.areaPrefix) !== i) ctx.addIssue({ code: 'custom', path: ['areaWeights', i, 'areaPrefix'], message: `${a.areaPrefix} is given twice` });
    for (const k of Object.keys(a.weights)) {
      if (!codes.includes(k)) ctx.addIssue({ code: 'custom', path: ['areaWeights', i, 'weights', k], message: `no indicator ${k}: use one of ${codes.join(', ')}` });
    }
  });
  const names = p.groups.map((g) => g.name);
  p.groups.forEach((g, i) => {
    const last = i === p.groups.length - 1;
    if (names.indexOf(g.name) !== i) ctx.addIssue({ code: 'custom', path: ['groups', i, 'name'], message: `${g.name} is used twice` });
    if (last && g.below !== undefined) ctx.addIssue({ code: 'custom', path: ['groups', i, 'below'], message: 'the last group takes every higher score: leave below out' });
    if (!last && g.below === undefined) ctx.addIssue({ code: 'custom', path: ['groups', i, 'below'], message: 'every group but the last needs its cut-off (scores below it fall in this group)' });
    const prev = p.groups[i - 1]?.below;
    if (!last && g.below !== undefined && prev !== undefined && g.below <= prev) ctx.addIssue({ code: 'custom', path: ['groups', i, 'below'], message: `cut-offs must rise: ${g.below} is not above ${prev}` });
  });
  p.eligibleGroups.forEach((g, i) => { if (!names.includes(g)) ctx.addIssue({ code: 'custom', path: ['eligibleGroups', i], message: `no group ${g}: use one of ${names.join(', ')}` }); });
});

export const definitionSchema = z.object({
  incomeTest: z.object({ multipleOfLine: z.number().gt(0).max(10).default(1) }).strict().nullable().default(null),
  guarantees: z.array(guarantee).max(30).default([]),
  proxyMeans: proxyMeans.nullable().default(null),
  combine: z.enum(['ANY', 'ALL']).default('ANY'),
}).strict().superRefine((d, ctx) => {
  if (!d.incomeTest && !d.guarantees.length && !d.proxyMeans) ctx.addIssue({ code: 'custom', path: [], message: 'give at least one part: incomeTest, guarantees or proxyMeans' });
  const codes = d.guarantees.map((g) => g.code);
  codes.forEach((c, i) => { if (codes.indexOf(c) !== i) ctx.addIssue({ code: 'custom', path: ['guarantees', i, 'code'], message: `${c} is used twice` }); });
});

export type Definition = z.infer<typeof definitionSchema>;
export type Guarantee = Definition['guarantees'][number];
export type ProxyMeans = NonNullable<Definition['proxyMeans']>;
export type Condition = Guarantee['failsWhen'];
export type { FactName };

/** "a.b[2].c" from a zod issue path under a prefix. */
function fieldPath(prefix: string, path: readonly PropertyKey[]): string {
  return path.reduce<string>((s, k) => (typeof k === 'number' ? `${s}[${k}]` : `${s}.${String(k)}`), prefix);
}

export function parseDefinition(json: unknown, path: string): { ok: true; definition: Definition } | { ok: false; problems: FieldProblem[] } {
  const r = definitionSchema.safeParse(json);
  if (r.success) return { ok: true, definition: r.data };
  return { ok: false, problems: r.error.issues.map((i) => ({ field: fieldPath(path, i.path), reason: i.message })) };
}
