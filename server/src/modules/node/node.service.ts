/** Resolves a global ID to its object through the owning module's service (and so its scope). */
import { canSeePersonalData } from '../../auth/caller.js';
import type { Context } from '../../graphql/context.js';
import { fromGlobalId } from '../../graphql/ids.js';
import { levelOfCode } from '../../codes/index.js';
import { areaService } from '../area/area.service.js';
import { auditService } from '../audit/audit.service.js';
import { householdService } from '../household/household.service.js';
import { memberService } from '../member/member.service.js';
import { villageService } from '../village/village.service.js';

export const nodeService = {
  async byId(ctx: Context, id: string) {
    const g = fromGlobalId(id);
    // An ID that decodes to nothing we know is simply not found, like a missing record.
    const uuid = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/;
    switch (g?.type) {
      case 'Area': return levelOfCode(g.key) && /^\d+$/.test(g.key) ? areaService.byCode(ctx, g.key) : null;
      case 'Village': return /^\d{12}$/.test(g.key) ? villageService.byCode(ctx, g.key) : null;
      case 'Household': return uuid.test(g.key) ? householdService.byId(ctx, id) : null;
      case 'Member': return uuid.test(g.key) ? memberService.byId(ctx, id) : null;
      case 'AuditEntry': return auditService.byKey(ctx, g.key);
      default: return null;
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
