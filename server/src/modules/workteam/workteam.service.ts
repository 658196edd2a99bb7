/**
 * Village work teams 驻村工作队 (issue 4, item 2): officials and admins send a team for
 * a term (rotation.ts); a team sent to a village that has one ends it the day the new
 * term starts, so `workTeams` of a village is its rotation history and the one without
 * an end is current. Audited and announced in one transaction. The members of a
 * village's current team reach its households with their cadre tokens (auth/cadre-scope.ts).
 */
import { randomUUID } from 'node:crypto';
import { canReadPeople } from '../../auth/caller.js';
import { requirePeopleManager } from '../../auth/require.js';
import type { Context } from '../../graphql/context.js';
import { badInput } from '../../graphql/errors.js';
import { keyOf, toGlobalId } from '../../graphql/ids.js';
import { recordWrite } from '../audit/audit.service.js';
import { cadreStore } from '../cadre/cadre.store.js';
import { villageService } from '../village/village.service.js';
import { termProblems } from './rotation.js';
import type { SendWorkTeamInput } from './workteam.type.js';
import { workTeamStore, type TeamRow } from './workteam.store.js';
import { missingVillageReason } from '../area/not-loaded.js';

export const toWorkTeam = (r: TeamRow) => ({ __typename: 'WorkTeam' as const, ...r, id: toGlobalId('WorkTeam', r.id), key: r.id, current: r.endedOn === null });
export type WorkTeamModel = ReturnType<typeof toWorkTeam>;

export const workTeamService = {
  async send(ctx: Context, input: SendWorkTeamInput) {
    requirePeopleManager(ctx.caller, 'send work teams');
    const unitKey = keyOf('AssistanceUnit', input.unitId, 'input.unitId');
    const members = input.members.map((m, i) => ({ cadreId: keyOf('Cadre', m.cadreId, `input.members[${i}].cadreId`), role: m.role }));
    const village = await villageService.byCode(ctx, input.villageCode, 'input.villageCode');
    if (!village) throw badInput([{ field: 'input.villageCode', reason: await missingVillageReason(ctx, input.villageCode, `no village ${input.villageCode} in your area: enter the 12-digit code of a village of your area`) }]);
    const unit = await ctx.loaders.cadre.unitById.load(unitKey);
    if (!unit) throw badInput([{ field: 'input.unitId', reason: 'no such unit in your area: register it first (registerUnit) or check the ID' }]);
    return ctx.db.transaction(async (tx) => {
      const current = (await workTeamStore.lockCurrent(tx, village.code)) ?? null;
      const problems = termProblems({ ...input, members }, current);
      const found = new Set((await cadreStore.cadresByIds(tx, ctx.caller, members.map((m) => m.cadreId))).map((c) => c.id));
      members.forEach((m, i) => {
        if (!found.has(m.cadreId)) problems.push({ field: `input.members[${i}].cadreId`, reason: 'no such cadre in your area: register the cadre first (registerCadre)' });
      });
      if (problems.length) throw badInput(problems);
      const ended = current ? (await workTeamStore.end(tx, current.id, input.startedOn))[0] : null;
      const [row] = await workTeamStore.insert(tx, {
        id: randomUUID(), villageCode: village.code, unitId: unitKey, startedOn: input.startedOn, endsOn: input.endsOn ?? null, createdBy: ctx.caller.id,
      });
      const rows = await workTeamStore.insertMembers(tx, members.map((m) => ({ teamId: row.id, cadreId: m.cadreId, role: m.role, villageCode: village.code })));
      const team = toWorkTeam(row);
      await recordWrite(tx, ctx, {
        operation: 'sendWorkTeam', event: ended ? 'workTeam.rotated' : 'workTeam.sent', entityType: 'WorkTeam', entityId: team.id,
        areaCode: village.code, before: ended, after: { ...row, members: rows },
      });
      return team;
    });
  },

  async current(ctx: Context, villageCode: string) {
    if (!canReadPeople(ctx.caller)) return null;
    const row = await ctx.loaders.workTeam.current.load(villageCode);
    return row && toWorkTeam(row);
  },

  async history(ctx: Context, villageCode: string) {
    if (!canReadPeople(ctx.caller)) return [];
    return (await ctx.loaders.workTeam.history.load(villageCode)).map(toWorkTeam);
  },

  members: (ctx: Context, teamKey: string) => ctx.loaders.workTeam.members.load(teamKey),

  async ofCadre(ctx: Context, cadreKey: string) {
    return (await ctx.loaders.workTeam.ofCadre.load(cadreKey)).map((r) => toWorkTeam(r.team));
  },

  async node(ctx: Context, key: string) {
    if (!canReadPeople(ctx.caller)) return null;
    const row = await ctx.loaders.workTeam.byId.load(key);
    return row && toWorkTeam(row);
  },
};
