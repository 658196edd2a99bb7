/**
 * Assistance plans 帮扶计划: one per registered household and per village and year
 * (issue 4, item 5). Setting a plan again for the same target and year replaces its
 * goal (the audit keeps the old one). Also the limits of the typed measures, read and
 * set per area (admins anywhere, officials inside their area).
 */
import { randomUUID } from 'node:crypto';
import { inScope } from '../../auth/caller.js';
import { requireRegistryReader, requireRegistryWriter } from '../../auth/require.js';
import type { Context } from '../../graphql/context.js';
import { badInput, forbidden } from '../../graphql/errors.js';
import { keyOf } from '../../graphql/ids.js';
import { checkAreaCode } from '../area/area.service.js';
import { recordWrite } from '../audit/audit.service.js';
import type { AssistanceLimitsInput, SetAssistancePlanInput } from './measure.input.js';
import { toPlan } from './measure.mapper.js';
import { measureStore } from './measure.store.js';
import { limitsFor, orThrow, resolveTarget, yearProblems } from './measure.validate.js';
import { rainDewAgeProblems, rainDewAgesGiven } from './rain-dew.js';

export const planService = {
  async set(ctx: Context, input: SetAssistancePlanInput) {
    requireRegistryWriter(ctx.caller);
    const target = await resolveTarget(ctx, input);
    const goal = input.goal.trim();
    orThrow([
      ...yearProblems(input.year, 'input.year'),
      ...(goal && goal.length <= 2000 ? [] : [{ field: 'input.goal', reason: 'say what the plan sets out to achieve (1–2,000 characters)' }]),
      ...(input.exitTargetYear == null || (input.exitTargetYear >= input.year && input.exitTargetYear <= input.year + 10) ? [] : [{ field: 'input.exitTargetYear', reason: `between the plan year ${input.year} and ${input.year + 10}` }]),
    ]);
    return ctx.db.transaction(async (tx) => {
      const before = await measureStore.lockPlan(tx, target.householdKey, target.villageCode, input.year);
      const row = before
        ? await measureStore.updatePlan(tx, before.id, { goal, exitTargetYear: input.exitTargetYear ?? null })
        : await measureStore.insertPlan(tx, { id: randomUUID(), householdId: target.householdKey, villageCode: target.villageCode, year: input.year, goal, exitTargetYear: input.exitTargetYear ?? null, createdBy: ctx.caller.id });
      const plan = toPlan(row);
      await recordWrite(tx, ctx, { operation: 'setAssistancePlan', event: before ? 'plan.updated' : 'plan.set', entityType: 'AssistancePlan', entityId: plan.id, areaCode: row.villageCode, before: before ?? null, after: row });
      return plan;
    });
  },

  async byId(ctx: Context, id: string) {
    requireRegistryReader(ctx.caller);
    const row = await ctx.loaders.measure.planById.load(keyOf('AssistancePlan', id));
    return row && toPlan(row);
  },

  ofHousehold: async (ctx: Context, householdKey: string) => (await ctx.loaders.measure.plansOfHousehold.load(householdKey)).map(toPlan),
  ofVillage: async (ctx: Context, code: string) => (await ctx.loaders.measure.plansOfVillage.load(code)).map(toPlan),

  async limits(ctx: Context, areaCode: string) {
    requireRegistryReader(ctx.caller);
    checkAreaCode(areaCode, 'areaCode');
    return limitsFor(ctx, areaCode);
  },

  async setLimits(ctx: Context, input: AssistanceLimitsInput) {
    if (ctx.caller.role !== 'admin' && ctx.caller.role !== 'official') throw forbidden(`the ${ctx.caller.role} role cannot set assistance limits: an official of the area or an admin can`);
    if (input.areaCode !== '') checkAreaCode(input.areaCode, 'input.areaCode');
    if (!inScope(ctx.caller, input.areaCode)) throw badInput([{ field: 'input.areaCode', reason: 'is outside your area' }]);
    const ages = rainDewAgesGiven(input);
    orThrow([
      ...(input.microCreditMaxPrincipal > 0 && input.microCreditMaxPrincipal <= 1e6 ? [] : [{ field: 'input.microCreditMaxPrincipal', reason: 'between 0 and 1,000,000 yuan' }]),
      ...(Number.isInteger(input.microCreditMaxTermMonths) && input.microCreditMaxTermMonths >= 1 && input.microCreditMaxTermMonths <= 120 ? [] : [{ field: 'input.microCreditMaxTermMonths', reason: 'a whole number of months between 1 and 120' }]),
      ...(input.relocationMaxM2PerPerson > 0 && input.relocationMaxM2PerPerson <= 200 ? [] : [{ field: 'input.relocationMaxM2PerPerson', reason: 'between 0 and 200 m²' }]),
      ...rainDewAgeProblems(ages),
    ]);
    return ctx.db.transaction(async (tx) => {
      const row = await measureStore.upsertLimits(tx, { ...input, ...ages, updatedBy: ctx.caller.id });
      await recordWrite(tx, ctx, { operation: 'setAssistanceLimits', event: 'assistanceLimits.set', entityType: 'AssistanceLimits', entityId: input.areaCode, areaCode: input.areaCode, before: null, after: row });
      return row;
    });
  },
};
