/**
 * Areas: lookups by code, children, ancestors and name search. Areas are public
 * statistical codes, readable by every authenticated caller.
 */
import { CODE_LENGTH, levelOfCode } from '../../codes/index.js';
import { pageSize, decodeCursor, toPage } from '../../graphql/connection.js';
import type { Context } from '../../graphql/context.js';
import { badInput } from '../../graphql/errors.js';
import { toGlobalId } from '../../graphql/ids.js';
import { areaStore, type AreaFilter, type AreaRow } from './area.store.js';
import type { Area } from './area.type.js';

export const toArea = (r: AreaRow): Area & { __typename: 'Area' } => ({
  __typename: 'Area',
  id: toGlobalId('Area', r.code),
  code: r.code,
  name: r.name,
  level: String(r.level),
  parentCode: r.parentCode,
});

/** Checks a statistical code's shape; `field` names the argument in the error. */
export function checkAreaCode(code: string, field: string, opts: { prefix?: boolean } = {}): void {
  const ok = opts.prefix ? /^\d*$/.test(code) && code.length <= 12 : /^\d+$/.test(code) && levelOfCode(code);
  if (!ok) {
    throw badInput([{ field, reason: `"${code}" is not a ${opts.prefix ? 'code prefix' : '2, 4, 6, 9 or 12-digit statistical code'}, e.g. 433124 for 花垣县` }]);
  }
}

/** The codes of all ancestors of a code, from the province down. */
export function ancestorCodes(code: string): string[] {
  return Object.values(CODE_LENGTH).filter((n) => n < code.length).map((n) => code.slice(0, n));
}

export const areaService = {
  async byCode(ctx: Context, code: string) {
    checkAreaCode(code, 'code');
    const row = await ctx.loaders.area.byCode.load(code);
    return row && toArea(row);
  },

  async page(ctx: Context, input: Omit<AreaFilter, 'level'> & { level?: string; first?: number; after?: string }) {
    const f: AreaFilter & { first?: number; after?: string } = { ...input, level: input.level ? Number(input.level) : undefined };
    if (f.parentCode) checkAreaCode(f.parentCode, 'filter.parentCode');
    if (f.codePrefix) checkAreaCode(f.codePrefix, 'filter.codePrefix', { prefix: true });
    if (f.nameContains !== undefined && f.nameContains.trim().length < 1) {
      throw badInput([{ field: 'filter.nameContains', reason: 'give at least one character of the name' }]);
    }
    const size = pageSize(f.first);
    const after = decodeCursor(f.after, /^\d{2,12}$/);
    const rows = await areaStore.page(ctx.db, f, after, size + 1);
    return toPage(rows, size, (r) => r.code, toArea, () => areaStore.count(ctx.db, f), after);
  },

  async children(ctx: Context, code: string) {
    return (await ctx.loaders.area.children.load(code)).map(toArea);
  },

  async ancestors(ctx: Context, code: string) {
    const rows = await ctx.loaders.area.byCode.loadMany(ancestorCodes(code));
    return rows.filter((r): r is AreaRow => !!r && !(r instanceof Error)).map(toArea);
  },

  async parent(ctx: Context, parentCode: string | null) {
    if (!parentCode) return null;
    const row = await ctx.loaders.area.byCode.load(parentCode);
    return row && toArea(row);
  },
};
