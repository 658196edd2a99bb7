/**
 * Linking beneficiaries to projects (issue "Sector programmes", item 2): a batch of
 * up to 1,000 households or villages, atomic (one bad item refuses the batch and
 * every bad item is named), idempotent by key, audited once and announced by one
 * change event per link. Unlinking keeps the record.
 */
import { randomUUID } from 'node:crypto';
import { requireProjectReader, requireProjectWriter } from '../../auth/require.js';
import { decodeCursor, pageSize, toPage } from '../../graphql/connection.js';
import type { Context } from '../../graphql/context.js';
import { badInput, notFound } from '../../graphql/errors.js';
import { keyOf, toGlobalId, UUID } from '../../graphql/ids.js';
import { recordBatchWrite, recordWrite } from '../audit/audit.service.js';
import { once } from '../idempotency/idempotency.js';
import { programmeStore } from '../programme/programme.store.js';
import { benefitStore, type LinkRow } from './benefit.store.js';
import { checkItems } from './benefit.validate.js';
import type { LinkItemInput } from './benefit.type.js';

export const MAX_BATCH = 1000;

export const toLink = (r: LinkRow) => ({
  __typename: 'ProjectLink' as const,
  ...r,
  id: toGlobalId('ProjectLink', r.id),
  householdId: r.householdId && toGlobalId('Household', r.householdId),
  active: r.unlinkedAt === null,
});

export const benefitService = {
  async link(ctx: Context, projectId: string, idempotencyKey: string, items: LinkItemInput[]) {
    requireProjectWriter(ctx.caller);
    const key = keyOf('Project', projectId, 'projectId');
    if (items.length < 1 || items.length > MAX_BATCH) throw badInput([{ field: 'items', reason: `send 1 to ${MAX_BATCH} items; split larger lists (the SDK's linkAll does)` }]);
    const { result, replayed } = await ctx.db.transaction((tx) =>
      once(tx, ctx, 'linkBeneficiaries', idempotencyKey, { projectId: key, items }, async () => {
        const project = await programmeStore.lockProject(tx, ctx.caller, key);
        if (!project) throw notFound(`project ${projectId}`);
        const targets = await checkItems(tx, ctx, project, items);
        const rows = await benefitStore.insert(tx, targets.map((t, i) => ({
          id: randomUUID(), projectId: key, sector: project.sector, householdId: t.householdKey, villageCode: t.villageCode,
          benefitKind: items[i].benefitKind, amount: items[i].amount ?? null, benefitDate: items[i].date, linkedBy: ctx.caller.id,
        })));
        const projectGid = toGlobalId('Project', key);
        await recordBatchWrite(tx, ctx, { operation: 'linkBeneficiaries', entityType: 'Project', entityId: projectGid, areaCode: project.areaCode, before: null, after: { linked: rows.length, idempotencyKey } },
          rows.map((r) => ({ event: 'project.beneficiaryLinked', entityType: 'ProjectLink', entityId: toGlobalId('ProjectLink', r.id), areaCode: r.villageCode, sector: r.sector, after: { ...toLink(r), project: projectGid } })));
        return { linkIds: rows.map((r) => r.id) };
      }),
    );
    const links = await ctx.loaders.benefit.byId.loadMany(result.linkIds);
    return { linked: result.linkIds.length, replayed, links: links.map((l) => toLink(l as LinkRow)) };
  },

  async unlink(ctx: Context, linkId: string, reason: string) {
    requireProjectWriter(ctx.caller);
    const key = keyOf('ProjectLink', linkId, 'linkId');
    if (!reason.trim() || reason.length > 500) throw badInput([{ field: 'reason', reason: 'say why the link is withdrawn (1–500 characters)' }]);
    return ctx.db.transaction(async (tx) => {
      const before = await benefitStore.lockActive(tx, ctx.caller, key);
      if (!before) throw notFound(`active link ${linkId}`);
      const [row] = await benefitStore.unlink(tx, key, ctx.caller.id, reason.trim());
      await recordWrite(tx, ctx, { operation: 'unlinkBeneficiary', event: 'project.beneficiaryUnlinked', entityType: 'ProjectLink', entityId: linkId, areaCode: row.villageCode, sector: row.sector, before, after: row });
      return toLink(row);
    });
  },

  async page(ctx: Context, projectId: string, o: { includeUnlinked?: boolean; first?: number; after?: string }) {
    requireProjectReader(ctx.caller);
    const key = keyOf('Project', projectId, 'projectId');
    const size = pageSize(o.first);
    const after = decodeCursor(o.after, UUID);
    const rows = await benefitStore.page(ctx.db, ctx.caller, key, !!o.includeUnlinked, after, size + 1);
    return toPage(rows, size, (r) => r.id, toLink, () => benefitStore.count(ctx.db, ctx.caller, key, !!o.includeUnlinked), after);
  },

  async byId(ctx: Context, id: string) {
    requireProjectReader(ctx.caller);
    const row = await ctx.loaders.benefit.byId.load(keyOf('ProjectLink', id));
    return row && toLink(row);
  },

  ofHousehold: async (ctx: Context, householdKey: string) => (await ctx.loaders.benefit.ofHousehold.load(householdKey)).map(toLink),
  ofVillage: async (ctx: Context, code: string) => (await ctx.loaders.benefit.ofVillage.load(code)).map(toLink),
  activeCount: async (ctx: Context, projectKey: string) => (await ctx.loaders.benefit.activeCount.load(projectKey))?.n ?? 0,
  project: async (ctx: Context, projectKey: string) => ctx.loaders.programme.projectById.load(projectKey),
};
