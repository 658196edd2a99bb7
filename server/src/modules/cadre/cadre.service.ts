/**
 * Units and cadres (issue 4, item 1): registration by admins and officials within their
 * area (audited, announced, one transaction), and scoped reads. Cadres and units carry
 * names and phones: only admins, officials and cadres read them; a cadre's token subject
 * is shown to admins and officials only.
 */
import { randomUUID } from 'node:crypto';
import { canManagePeople, type Caller } from '../../auth/caller.js';
import { requirePeopleManager, requirePeopleReader } from '../../auth/require.js';
import { decodeCursor, pageSize, toPage } from '../../graphql/connection.js';
import type { Context } from '../../graphql/context.js';
import { badInput, conflict } from '../../graphql/errors.js';
import { keyOf, toGlobalId, UUID } from '../../graphql/ids.js';
import { checkAreaCode } from '../area/area.service.js';
import { recordWrite } from '../audit/audit.service.js';
import type { CadreFilterInput, RegisterCadreInput, RegisterUnitInput, UnitFilterInput } from './cadre.input.js';
import { cadreStore, type CadreRow, type UnitRow } from './cadre.store.js';
import { cadreProblems, unitProblems } from './cadre.validate.js';

export const toUnit = (r: UnitRow) => ({ __typename: 'AssistanceUnit' as const, ...r, id: toGlobalId('AssistanceUnit', r.id), key: r.id });
export const toCadre = (r: CadreRow, caller: Caller) => ({
  __typename: 'Cadre' as const,
  ...r,
  id: toGlobalId('Cadre', r.id),
  key: r.id,
  subject: canManagePeople(caller) ? r.subject : null,
});
export type CadreModel = ReturnType<typeof toCadre>;

export const cadreService = {
  async registerUnit(ctx: Context, input: RegisterUnitInput) {
    requirePeopleManager(ctx.caller, 'register assistance units');
    const problems = unitProblems(input, ctx.caller);
    if (problems.length) throw badInput(problems);
    return ctx.db.transaction(async (tx) => {
      const [row] = await cadreStore.insertUnit(tx, { id: randomUUID(), name: input.name.trim(), kind: input.kind, areaCode: input.areaCode, createdBy: ctx.caller.id });
      const unit = toUnit(row);
      await recordWrite(tx, ctx, { operation: 'registerUnit', event: 'assistanceUnit.registered', entityType: 'AssistanceUnit', entityId: unit.id, areaCode: row.areaCode, before: null, after: row });
      return unit;
    });
  },

  async registerCadre(ctx: Context, input: RegisterCadreInput) {
    requirePeopleManager(ctx.caller, 'register cadres');
    const unitKey = keyOf('AssistanceUnit', input.unitId, 'input.unitId');
    const unit = await ctx.loaders.cadre.unitById.load(unitKey);
    const problems = cadreProblems(input, ctx.caller, unit?.areaCode ?? null);
    if (problems.length) throw badInput(problems);
    const subject = input.subject ?? null;
    return ctx.db.transaction(async (tx) => {
      if (subject && (await cadreStore.bySubject(tx, subject))) {
        throw conflict(`a cadre with subject "${subject}" is already registered: one token subject is one cadre`, { field: 'input.subject' });
      }
      const [row] = await cadreStore.insertCadre(tx, {
        id: randomUUID(), name: input.name.trim(), phone: input.phone?.trim() || null, unitId: unitKey, title: input.title?.trim() || null,
        areaCode: input.areaCode, subject, createdBy: ctx.caller.id,
      });
      const cadre = toCadre(row, ctx.caller);
      await recordWrite(tx, ctx, { operation: 'registerCadre', event: 'cadre.registered', entityType: 'Cadre', entityId: cadre.id, areaCode: row.areaCode, before: null, after: row });
      return cadre;
    });
  },

  async units(ctx: Context, f: UnitFilterInput & { first?: number; after?: string }) {
    requirePeopleReader(ctx.caller);
    if (f.areaCode) checkAreaCode(f.areaCode, 'filter.areaCode', { prefix: true });
    const size = pageSize(f.first);
    const after = decodeCursor(f.after, UUID);
    const rows = await cadreStore.unitPage(ctx.db, ctx.caller, f, after, size + 1);
    return toPage(rows, size, (r) => r.id, toUnit, () => cadreStore.unitCount(ctx.db, ctx.caller, f), after);
  },

  async cadres(ctx: Context, f: CadreFilterInput & { first?: number; after?: string }) {
    requirePeopleReader(ctx.caller);
    if (f.areaCode) checkAreaCode(f.areaCode, 'filter.areaCode', { prefix: true });
    const filter = { areaCode: f.areaCode, name: f.name, unitKey: f.unitId ? keyOf('AssistanceUnit', f.unitId, 'filter.unitId') : undefined };
    const size = pageSize(f.first);
    const after = decodeCursor(f.after, UUID);
    const rows = await cadreStore.cadrePage(ctx.db, ctx.caller, filter, after, size + 1);
    return toPage(rows, size, (r) => r.id, (r) => toCadre(r, ctx.caller), () => cadreStore.cadreCount(ctx.db, ctx.caller, filter), after);
  },

  /** One unit by global ID; null if missing or outside the caller's reach. */
  async unit(ctx: Context, id: string) {
    requirePeopleReader(ctx.caller);
    const row = await ctx.loaders.cadre.unitById.load(keyOf('AssistanceUnit', id));
    return row && toUnit(row);
  },

  /** One cadre by global ID; null if missing or outside the caller's reach. */
  async cadre(ctx: Context, id: string) {
    requirePeopleReader(ctx.caller);
    const row = await ctx.loaders.cadre.cadreById.load(keyOf('Cadre', id));
    return row && toCadre(row, ctx.caller);
  },

  /** The unit of a cadre or team the caller already reached. */
  async relatedUnit(ctx: Context, unitKey: string) {
    const row = await ctx.loaders.cadre.relatedUnit.load(unitKey);
    return row && toUnit(row);
  },

  /** The cadre named by a pairing, team or visit the caller already reached; null for roles without personal data. */
  async relatedCadre(ctx: Context, cadreKey: string) {
    if (!canManagePeople(ctx.caller) && ctx.caller.role !== 'cadre') return null;
    const row = await ctx.loaders.cadre.relatedCadre.load(cadreKey);
    return row && toCadre(row, ctx.caller);
  },

  /** A node(id:) lookup that never throws for a role or a malformed key: null like a missing record. */
  async node(ctx: Context, type: 'AssistanceUnit' | 'Cadre', key: string) {
    if (!UUID.test(key) || !(canManagePeople(ctx.caller) || ctx.caller.role === 'cadre')) return null;
    if (type === 'Cadre') {
      const row = await ctx.loaders.cadre.cadreById.load(key);
      return row && toCadre(row, ctx.caller);
    }
    const row = await ctx.loaders.cadre.unitById.load(key);
    return row && toUnit(row);
  },
};
