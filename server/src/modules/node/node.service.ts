/** Resolves a global ID to its object through the owning module's service (and so its scope). */
import { canSeePersonalData } from '../../auth/caller.js';
import type { Context } from '../../graphql/context.js';
import { fromGlobalId } from '../../graphql/ids.js';
import { areaService } from '../area/area.service.js';
import { householdService } from '../household/household.service.js';
import { memberService } from '../member/member.service.js';
import { villageService } from '../village/village.service.js';

export const nodeService = {
  async byId(ctx: Context, id: string) {
    const g = fromGlobalId(id);
    switch (g?.type) {
      case 'Area': return /^\d+$/.test(g.key) ? areaService.byCode(ctx, g.key) : null;
      case 'Village': return /^\d{12}$/.test(g.key) ? villageService.byCode(ctx, g.key) : null;
      case 'Household': return householdService.byId(ctx, id);
      case 'Member': return memberService.byId(ctx, id);
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
