/**
 * The groupings of statistics (issue 10) and which may be combined: household dimensions
 * come from the households aggregate, OTHER_CAUSE from the other-causes one (a household
 * counts once under each of its other causes), member dimensions from the members one
 * (people only; with area, status, stage and poor-village status). Years before the current one are year-end stocks from the status
 * history, which keeps area, status and stage only.
 */
import { registerEnumType } from 'type-graphql';
import type { FieldProblem } from '../../graphql/errors.js';

export const DIMENSIONS = {
  CHILD_AREA: 'the areas one level down (county → townships → villages)',
  STATUS: 'poverty status 脱贫状态',
  STAGE: 'register stage',
  ATTRIBUTE: 'household attribute 贫困户属性 (一般/低保/特困供养)',
  MAIN_CAUSE: 'main cause of poverty 主要致贫原因',
  OTHER_CAUSE: 'other causes of poverty 其他致贫原因 (a household counts once under each)',
  POOR_VILLAGE: 'poor-village status 贫困村状态 of the village',
  ETHNICITY: 'ethnicity 民族 of members (people only)',
  SEX: 'sex 性别 of members (people only)',
  AGE_BAND: 'age band of members at the end of the year (people only)',
} as const;
export type Dimension = keyof typeof DIMENSIONS;
export const StatisticsDimension = Object.fromEntries(Object.keys(DIMENSIONS).map((k) => [k, k])) as { [K in Dimension]: K };
registerEnumType(StatisticsDimension, {
  name: 'StatisticsDimension',
  description: 'A grouping of statistics; several may be combined.',
  valuesConfig: Object.fromEntries(Object.entries(DIMENSIONS).map(([k, d]) => [k, { description: `Group by ${d}.` }])) as never,
});

export const MEMBER_DIMENSIONS: ReadonlySet<Dimension> = new Set(['ETHNICITY', 'SEX', 'AGE_BAND']);
const HISTORY_DIMENSIONS: ReadonlySet<Dimension> = new Set(['CHILD_AREA', 'STATUS', 'STAGE']);

export type StockSource = 'households' | 'otherCauses' | 'members';

export function sourceOf(dims: readonly Dimension[]): StockSource {
  if (dims.some((d) => MEMBER_DIMENSIONS.has(d))) return 'members';
  return dims.includes('OTHER_CAUSE') ? 'otherCauses' : 'households';
}

/** What is wrong with a grouping, for `input.groupBy`. */
export function groupingProblems(dims: readonly Dimension[], opts: { pastYear: boolean; hasChildren: boolean }): FieldProblem[] {
  const field = 'input.groupBy';
  const p: FieldProblem[] = [];
  if (new Set(dims).size !== dims.length) p.push({ field, reason: 'name each grouping once' });
  if (dims.includes('OTHER_CAUSE') && dims.some((d) => MEMBER_DIMENSIONS.has(d))) {
    p.push({ field, reason: 'OTHER_CAUSE counts households and cannot be combined with member groupings (ETHNICITY, SEX, AGE_BAND): ask for them in two queries' });
  }
  const householdOnly = dims.filter((d) => d === 'ATTRIBUTE' || d === 'MAIN_CAUSE');
  if (householdOnly.length && dims.some((d) => MEMBER_DIMENSIONS.has(d))) {
    p.push({ field, reason: `member groupings (ETHNICITY, SEX, AGE_BAND) combine with CHILD_AREA, STATUS, STAGE and POOR_VILLAGE, not with ${householdOnly.join(' or ')}: ask for them in two queries` });
  }
  if (dims.includes('CHILD_AREA') && !opts.hasChildren) p.push({ field, reason: 'a village has no child areas: leave out CHILD_AREA, or ask for its township' });
  if (opts.pastYear) {
    const bad = dims.filter((d) => !HISTORY_DIMENSIONS.has(d));
    if (bad.length) p.push({ field, reason: `a past year's figures are year-end stocks from the status history, which keeps area, status and stage: ${bad.join(', ')} can be grouped for the current year only` });
  }
  return p;
}
