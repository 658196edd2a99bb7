/** Resolves a global ID to its object through the owning module's service (and so its scope). */
import { canSeePersonalData } from '../../auth/caller.js';
import type { Context } from '../../graphql/context.js';
import { fromGlobalId, UUID } from '../../graphql/ids.js';
import { levelOfCode } from '../../codes/index.js';
import { areaService } from '../area/area.service.js';
import { auditService } from '../audit/audit.service.js';
import { changeService } from '../change/change.service.js';
import { householdService } from '../household/household.service.js';
import { memberService } from '../member/member.service.js';
import { villageService } from '../village/village.service.js';
import { programmeService } from '../programme/programme.service.js';
import { caseService } from '../case/case.service.js';
import { benefitService } from '../benefit/benefit.service.js';
import { cadreService } from '../cadre/cadre.service.js';
import { pairingService } from '../pairing/pairing.service.js';
import { workTeamService } from '../workteam/workteam.service.js';
import { visitService } from '../visit/visit.service.js';
import { roundService } from '../round/round.service.js';
import { monitoringService } from '../monitoring/monitoring.service.js';
import { eligibilityService } from '../eligibility/eligibility.service.js';
import { measureService } from '../measure/measure.service.js';
import { planService } from '../measure/plan.service.js';
import { donationService } from '../donation/donation.service.js';

export const nodeService = {
  /** `selection.members`: what the operation selects of a household's members (read with it, household.service.ts). */
  async byId(ctx: Context, id: string, selection?: { members?: ReadonlySet<string> }) {
    const g = fromGlobalId(id);
    // An ID that decodes to nothing we know is simply not found, like a missing record.
    const uuid = UUID;
    switch (g?.type) {
      case 'Area': return levelOfCode(g.key) && /^\d+$/.test(g.key) ? areaService.byCode(ctx, g.key) : null;
      case 'Village': return /^\d{12}$/.test(g.key) ? villageService.byCode(ctx, g.key) : null;
      case 'Household': return uuid.test(g.key) ? householdService.byId(ctx, id, null, selection?.members) : null;
      case 'Member': return uuid.test(g.key) ? memberService.byId(ctx, id) : null;
      case 'AuditEntry': return auditService.byKey(ctx, g.key);
      case 'ChangeEvent': return changeService.byKey(ctx, g.key);
      case 'Programme': return uuid.test(g.key) ? programmeService.programme(ctx, id) : null;
      case 'Project': return uuid.test(g.key) ? programmeService.project(ctx, id) : null;
      case 'Case': return uuid.test(g.key) ? caseService.byId(ctx, id) : null;
      case 'ProjectLink': return uuid.test(g.key) ? benefitService.byId(ctx, id) : null;
      case 'AssistanceUnit': return cadreService.node(ctx, 'AssistanceUnit', g.key);
      case 'Cadre': return cadreService.node(ctx, 'Cadre', g.key);
      case 'Pairing': return uuid.test(g.key) ? pairingService.node(ctx, g.key) : null;
      case 'WorkTeam': return uuid.test(g.key) ? workTeamService.node(ctx, g.key) : null;
      case 'Visit': return uuid.test(g.key) ? visitService.node(ctx, g.key) : null;
      case 'UpdateRound': return uuid.test(g.key) ? roundService.byId(ctx, id) : null;
      case 'MonitoringCase': return monitoringService.byId(ctx, id);
      case 'EligibilityRuleSet': return uuid.test(g.key) ? eligibilityService.byId(ctx, id) : null;
      case 'Measure': return uuid.test(g.key) ? measureService.byId(ctx, id) : null;
      case 'AssistancePlan': return uuid.test(g.key) ? planService.byId(ctx, id) : null;
      default: return g ? donationService.node(ctx, g.type, g.key) : null;
    }
  },

  viewer: (ctx: Context) => ({
    id: ctx.caller.id,
    role: ctx.caller.role,
    areaCodes: ctx.caller.areas,
    sector: ctx.caller.sector ?? null,
    canSeePersonalData: canSeePersonalData(ctx.caller),
  }),
};
