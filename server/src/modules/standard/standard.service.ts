/**
 * Poverty lines and standards (issue "Precise identification", item 4): the yearly
 * national line (reference figures, set by admins) and provincial or municipal
 * lines (set by that area's officials); a household is judged against the line of
 * its identification standard for the year — national, its province's or its city's;
 * after the last national year (2020) its province's monitoring line (line-rules.ts).
 */
import { inScope } from '../../auth/caller.js';
import { procedureConfig } from '../../config.js';
import { lineArea as lineAreaOf, lineKind, missingLine } from './line-rules.js';
import type { Context } from '../../graphql/context.js';
import { badInput, forbidden, type FieldProblem } from '../../graphql/errors.js';
import { recordWrite } from '../audit/audit.service.js';
import { standardStore, type LineRow } from './standard.store.js';
import type { SetPovertyLineInput } from './standard.type.js';


/** The area whose line applies to a household of a village under a standard in a year (line-rules.ts, with the configured last national year). */
export const lineArea = (standard: string, villageCode: string, year: number) => lineAreaOf(standard, villageCode, year, procedureConfig().lastNationalLineYear);

/** Why the line for a household's year is missing and who sets it. */
export const missingLineReason = (area: string, year: number) => missingLine(area, year, procedureConfig().lastNationalLineYear);

/** The loader key "area|year" of the line that applies to a household in a year. */
export const lineKey = (h: { identificationStandard: string; villageCode: string }, year: number) => `${lineArea(h.identificationStandard, h.villageCode, year)}|${year}`;

function problems(ctx: Context, i: SetPovertyLineInput): FieldProblem[] {
  const p: FieldProblem[] = [];
  const thisYear = new Date().getFullYear();
  if (!/^(\d{2}|\d{4})?$/.test(i.areaCode)) p.push({ field: 'input.areaCode', reason: 'give "" for the national line, a 2-digit province or a 4-digit city code' });
  if (i.year < 2010 || i.year > thisYear + 1) p.push({ field: 'input.year', reason: `must be between 2010 and ${thisYear + 1}` });
  if (!(i.yuan > 0 && i.yuan < 100_000)) p.push({ field: 'input.yuan', reason: 'must be more than 0 and less than 100,000 yuan per person per year' });
  if (i.note && i.note.length > 500) p.push({ field: 'input.note', reason: 'at most 500 characters' });
  return p;
}

export const standardService = {
  lines: (ctx: Context, f: { year?: number; areaCode?: string }) => standardStore.list(ctx.db, f),

  /** A line is a monitoring line 防返贫监测线 after the last national year. */
  kind: (line: { year: number }) => lineKind(line.year, procedureConfig().lastNationalLineYear),

  async set(ctx: Context, input: SetPovertyLineInput) {
    const c = ctx.caller;
    const national = input.areaCode === '';
    if (!(c.role === 'admin' || (c.role === 'official' && !national && inScope(c, input.areaCode)))) {
      throw forbidden(national ? 'only an admin sets the national line' : 'only an admin or an official of that province or city sets its line');
    }
    const p = problems(ctx, input);
    if (p.length) throw badInput(p);
    return ctx.db.transaction(async (tx) => {
      const before = (await standardStore.get(tx, input.areaCode, input.year)) ?? null;
      const [row] = await standardStore.upsert(tx, { ...input, verified: input.verified ?? true, note: input.note ?? null, updatedBy: c.id });
      await recordWrite(tx, ctx, {
        operation: 'setPovertyLine', event: 'povertyLine.set', entityType: 'PovertyLine', entityId: `${input.areaCode || 'national'}:${input.year}`,
        areaCode: input.areaCode, before, after: row,
      });
      return row;
    });
  },

  /** A household's standing for a year (the latest recorded when none is given); null without a record or a line. */
  async standing(ctx: Context, h: { key: string; villageCode: string; identificationStandard: string }, year?: number | null) {
    const years = await ctx.loaders.household.years.load(h.key);
    const record = year == null ? years.at(-1) : years.find((y) => y.year === year);
    if (!record) return null;
    const line: LineRow | null = await ctx.loaders.standard.line.load(lineKey(h, record.year));
    if (!line) return null;
    const margin = Math.round((record.perCapitaNetIncome - line.yuan) * 100) / 100;
    return { year: record.year, line, perCapitaNetIncome: record.perCapitaNetIncome, aboveLine: margin > 0, margin };
  },
};
