/** Work-team mutation and fields of teams, villages and cadres. Thin. */
import { Arg, Ctx, FieldResolver, Mutation, Resolver, Root } from 'type-graphql';
import type { Context } from '../../graphql/context.js';
import { AssistanceUnit, Cadre } from '../cadre/cadre.type.js';
import { cadreService, type CadreModel } from '../cadre/cadre.service.js';
import { Village } from '../village/village.type.js';
import { villageService } from '../village/village.service.js';
import { SendWorkTeamInput, WorkTeam, WorkTeamMember } from './workteam.type.js';
import { workTeamService, type WorkTeamModel } from './workteam.service.js';

@Resolver(() => WorkTeam)
export class WorkTeamResolver {
  @Mutation(() => WorkTeam, { description: "Sends a work team 驻村工作队 to a village for a term. If the village has a team, it ends the day the new term starts (rotation). Officials and admins of the area." })
  sendWorkTeam(@Arg('input', () => SendWorkTeamInput, { description: 'The team and its term.' }) input: SendWorkTeamInput, @Ctx() ctx: Context) {
    return workTeamService.send(ctx, input);
  }

  @FieldResolver(() => Village, { nullable: true, description: 'The village the team is stationed in.' })
  village(@Root() t: WorkTeamModel, @Ctx() ctx: Context) {
    return villageService.byCode(ctx, t.villageCode);
  }

  @FieldResolver(() => AssistanceUnit, { nullable: true, description: 'The sending unit 派出单位.' })
  unit(@Root() t: WorkTeamModel, @Ctx() ctx: Context) {
    return cadreService.relatedUnit(ctx, t.unitId);
  }

  @FieldResolver(() => [WorkTeamMember], { description: 'The members: the first secretary first, then the leader, then members.' })
  members(@Root() t: WorkTeamModel, @Ctx() ctx: Context) {
    return workTeamService.members(ctx, t.key);
  }

  @FieldResolver(() => Cadre, { nullable: true, description: 'The first secretary 第一书记.' })
  async firstSecretary(@Root() t: WorkTeamModel, @Ctx() ctx: Context) {
    const fs = (await workTeamService.members(ctx, t.key)).find((m) => m.role === 'first_secretary');
    return fs ? cadreService.relatedCadre(ctx, fs.cadreId) : null;
  }
}

@Resolver(() => WorkTeamMember)
export class WorkTeamMemberResolver {
  @FieldResolver(() => Cadre, { nullable: true, description: 'The cadre.' })
  cadre(@Root() m: WorkTeamMember, @Ctx() ctx: Context) {
    return cadreService.relatedCadre(ctx, m.cadreId);
  }
}

@Resolver(() => Village)
export class VillageWorkTeamResolver {
  @FieldResolver(() => WorkTeam, { nullable: true, description: 'The village’s current work team; null if none (or your role may not see people).' })
  currentWorkTeam(@Root() v: Village, @Ctx() ctx: Context) {
    return workTeamService.current(ctx, v.code);
  }

  @FieldResolver(() => [WorkTeam], { description: 'Every work team of the village, newest first: its rotation history.' })
  workTeams(@Root() v: Village, @Ctx() ctx: Context) {
    return workTeamService.history(ctx, v.code);
  }
}

@Resolver(() => Cadre)
export class CadreWorkTeamResolver {
  @FieldResolver(() => [WorkTeam], { description: 'The current work teams the cadre is on, inside your scope.' })
  workTeams(@Root() c: CadreModel, @Ctx() ctx: Context) {
    return workTeamService.ofCadre(ctx, c.key);
  }
}
