/**
 * Programmes and projects of the sector ministries (十项工程): a ministry registers
 * and changes those of its own sector inside its area; officials and analysts read
 * the projects of their area. Every write is validated, audited and emits a change
 * event in one transaction.
 */
import { randomUUID } from 'node:crypto';
import { requireProjectReader, requireProjectWriter } from '../../auth/require.js';
import { ProjectStatus } from '../../codes/index.js';
import { decodeCursor, pageSize, toPage } from '../../graphql/connection.js';
import type { Context } from '../../graphql/context.js';
import { badInput, conflict, notFound } from '../../graphql/errors.js';
import { keyOf, toGlobalId, UUID } from '../../graphql/ids.js';
import { checkAreaCode } from '../area/area.service.js';
import { recordWrite } from '../audit/audit.service.js';
import type { CreateProgrammeInput, CreateProjectInput, UpdateProjectInput } from './programme.input.js';
import { programmeStore, type ProgrammeRow, type ProjectFilter, type ProjectRow } from './programme.store.js';
import { areaProblems, budgetProblems, dateProblems, nameProblems, outputProblems, sectorFor } from './programme.validate.js';

export const toProgramme = (r: ProgrammeRow) => ({ __typename: 'Programme' as const, ...r, key: r.id, id: toGlobalId('Programme', r.id) });
export const toProject = (r: ProjectRow) => ({
  __typename: 'Project' as const, ...r, key: r.id, id: toGlobalId('Project', r.id), outputs: r.outputs as { indicator: string; planned: number; actual: number }[],
});
export type ProjectModel = ReturnType<typeof toProject>;

const problemsOrThrow = (p: { field: string; reason: string }[]) => {
  if (p.length) throw badInput(p);
};

export const programmeService = {
  async programme(ctx: Context, id: string) {
    requireProjectReader(ctx.caller);
    const row = await ctx.loaders.programme.byId.load(keyOf('Programme', id));
    return row && toProgramme(row);
  },

  async programmeOf(ctx: Context, key: string) {
    const row = await ctx.loaders.programme.byId.load(key);
    return row && toProgramme(row);
  },

  async programmes(ctx: Context, f: { sector?: string; year?: number; areaCode?: string; first?: number; after?: string }) {
    requireProjectReader(ctx.caller);
    if (f.areaCode) checkAreaCode(f.areaCode, 'filter.areaCode', { prefix: true });
    const size = pageSize(f.first);
    const after = decodeCursor(f.after, UUID);
    const rows = await programmeStore.programmePage(ctx.db, ctx.caller, f, after, size + 1);
    return toPage(rows, size, (r) => r.id, toProgramme, () => programmeStore.programmeCount(ctx.db, ctx.caller, f), after);
  },

  async project(ctx: Context, id: string) {
    requireProjectReader(ctx.caller);
    const row = await ctx.loaders.programme.projectById.load(keyOf('Project', id));
    return row && toProject(row);
  },

  async projects(ctx: Context, input: Omit<ProjectFilter, 'programmeId'> & { programmeId?: string; first?: number; after?: string }) {
    requireProjectReader(ctx.caller);
    if (input.areaCode) checkAreaCode(input.areaCode, 'filter.areaCode', { prefix: true });
    const f = { ...input, programmeId: input.programmeId ? keyOf('Programme', input.programmeId, 'filter.programmeId') : undefined };
    const size = pageSize(f.first);
    const after = decodeCursor(f.after, UUID);
    const rows = await programmeStore.projectPage(ctx.db, ctx.caller, f, after, size + 1);
    return toPage(rows, size, (r) => r.id, toProject, () => programmeStore.projectCount(ctx.db, ctx.caller, f), after);
  },

  async createProgramme(ctx: Context, input: CreateProgrammeInput) {
    requireProjectWriter(ctx.caller);
    const { sector, problems } = sectorFor(ctx.caller, input.sector);
    const thisYear = new Date().getFullYear();
    problemsOrThrow([
      ...problems,
      ...nameProblems(input.name, 'input.name'),
      ...budgetProblems(input.budget, 'input.budget'),
      ...(input.year >= 2013 && input.year <= thisYear + 5 ? [] : [{ field: 'input.year', reason: `must be between 2013 and ${thisYear + 5}` }]),
      ...(await areaProblems(ctx, [input.areaCode], () => 'input.areaCode')),
    ]);
    return ctx.db.transaction(async (tx) => {
      const [row] = await programmeStore.insertProgramme(tx, { id: randomUUID(), sector: sector!, name: input.name.trim(), year: input.year, budget: input.budget, areaCode: input.areaCode, createdBy: ctx.caller.id });
      const programme = toProgramme(row);
      await recordWrite(tx, ctx, { operation: 'createProgramme', event: 'programme.created', entityType: 'Programme', entityId: programme.id, areaCode: row.areaCode, sector: row.sector, before: null, after: row });
      return programme;
    });
  },

  async createProject(ctx: Context, input: CreateProjectInput) {
    requireProjectWriter(ctx.caller);
    const programme = await ctx.loaders.programme.byId.load(keyOf('Programme', input.programmeId, 'input.programmeId'));
    if (!programme) throw badInput([{ field: 'input.programmeId', reason: 'no such programme of your sector in your area' }]);
    const served = input.servedAreas?.length ? input.servedAreas : [input.areaCode];
    problemsOrThrow([
      ...nameProblems(input.name, 'input.name'),
      ...nameProblems(input.kind, 'input.kind'),
      ...budgetProblems(input.budget, 'input.budget'),
      ...dateProblems(input.startDate, input.endDate, 'input.endDate'),
      ...outputProblems(input.outputs, 'input.outputs'),
      ...(await areaProblems(ctx, [input.areaCode], () => 'input.areaCode', programme.areaCode)),
      ...(await areaProblems(ctx, served, (i) => `input.servedAreas[${i}]`, input.areaCode)),
    ]);
    return ctx.db.transaction(async (tx) => {
      const [row] = await programmeStore.insertProject(tx, {
        id: randomUUID(), programmeId: programme.id, sector: programme.sector, name: input.name.trim(), kind: input.kind.trim(),
        areaCode: input.areaCode, servedAreas: [...new Set(served)], budget: input.budget, status: input.status ?? ProjectStatus.values.PLANNED,
        startDate: input.startDate ?? null, endDate: input.endDate ?? null, outputs: input.outputs ?? [],
      });
      const project = toProject(row);
      await recordWrite(tx, ctx, { operation: 'createProject', event: 'project.created', entityType: 'Project', entityId: project.id, areaCode: row.areaCode, sector: row.sector, before: null, after: row });
      return project;
    });
  },

  async updateProject(ctx: Context, id: string, input: UpdateProjectInput, expectedVersion?: number | null) {
    requireProjectWriter(ctx.caller);
    const key = keyOf('Project', id);
    return ctx.db.transaction(async (tx) => {
      const before = await programmeStore.lockProject(tx, ctx.caller, key);
      if (!before) throw notFound(`project ${id}`);
      if (expectedVersion != null && expectedVersion !== before.version) throw conflict(`the project changed since you read it (version ${before.version}, you had ${expectedVersion}): reload it and apply your change again`);
      const patch = Object.fromEntries(Object.entries(input).filter(([, v]) => v !== undefined && v !== null)) as UpdateProjectInput;
      problemsOrThrow([
        ...nameProblems(patch.name, 'input.name'),
        ...budgetProblems(patch.budget, 'input.budget'),
        ...dateProblems(patch.startDate ?? before.startDate, patch.endDate ?? before.endDate, 'input.endDate'),
        ...outputProblems(patch.outputs, 'input.outputs'),
      ]);
      const [row] = await programmeStore.updateProject(tx, key, patch);
      const project = toProject(row);
      await recordWrite(tx, ctx, { operation: 'updateProject', event: 'project.updated', entityType: 'Project', entityId: project.id, areaCode: row.areaCode, sector: row.sector, before, after: row });
      return project;
    });
  },
};
