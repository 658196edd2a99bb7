/** Plans, measures, loans and limits: queries, mutations and fields. Thin: arguments in, one service call out. */
import { Arg, Ctx, Float, FieldResolver, ID, Mutation, Query, Resolver, Root } from 'type-graphql';
import { GraphQLLocalDate } from 'graphql-scalars';
import type { Context } from '../../graphql/context.js';
import { toGlobalId } from '../../graphql/ids.js';
import { Household } from '../household/household.type.js';
import type { HouseholdModel } from '../household/household.mapper.js';
import { householdService } from '../household/household.service.js';
import { Village } from '../village/village.type.js';
import { AssistanceLimitsInput, MeasureMoveInput, RecordMeasureInput, SetAssistancePlanInput } from './measure.input.js';
import type { MeasureModel, PlanModel } from './measure.mapper.js';
import { AssistanceLimitsInForce, AssistancePlan, Measure, ResponsiblePerson } from './measure.type.js';
import { measureService } from './measure.service.js';
import { loanService } from './loan.service.js';
import { planService } from './plan.service.js';
import { outcomeService } from './outcome.service.js';
import { RainDewOutcomeInput } from './measure.input.js';

const MeasureId = () => Arg('id', () => ID, { description: 'Global ID of the measure.' });
const LoanId = () => Arg('measureId', () => ID, { description: 'Global ID of the measure (of the kind the mutation is for).' });
const Move = () => Arg('input', () => MeasureMoveInput, { description: 'When, and what the move needs.' });

@Resolver(() => Measure)
export class MeasureResolver {
  @Query(() => Measure, { nullable: true, description: 'One measure; null if it does not exist or is outside your area.' })
  measure(@MeasureId() id: string, @Ctx() ctx: Context) {
    return measureService.byId(ctx, id);
  }

  @Mutation(() => Measure, { description: 'Records a planned measure for a registered household or a village of your area. Typed kinds are checked against their rules (e.g. a micro-credit loan above the area’s limit is refused with BAD_USER_INPUT naming the field and the limit).' })
  recordMeasure(@Arg('input', () => RecordMeasureInput, { description: 'The measure.' }) input: RecordMeasureInput, @Ctx() ctx: Context) {
    return measureService.record(ctx, input);
  }

  @Mutation(() => Measure, { description: 'A planned measure starts (planned → in progress); any other move is INVALID_TRANSITION with the reason.' })
  startMeasure(@MeasureId() id: string, @Move() input: MeasureMoveInput, @Ctx() ctx: Context) {
    return measureService.move(ctx, id, 'in_progress', input);
  }

  @Mutation(() => Measure, { description: 'A measure in progress is completed, with the amount actually spent (in progress → completed).' })
  completeMeasure(@MeasureId() id: string, @Move() input: MeasureMoveInput, @Ctx() ctx: Context) {
    return measureService.move(ctx, id, 'completed', input);
  }

  @Mutation(() => Measure, { description: 'A planned or running measure is cancelled, with a reason.' })
  cancelMeasure(@MeasureId() id: string, @Move() input: MeasureMoveInput, @Ctx() ctx: Context) {
    return measureService.move(ctx, id, 'cancelled', input);
  }

  @Mutation(() => Measure, { description: 'Records a repayment of a micro-credit loan; refused beyond what is still owed. The loan becomes REPAID when nothing is owed.' })
  recordLoanRepayment(
    @LoanId() measureId: string,
    @Arg('paidOn', () => GraphQLLocalDate, { description: 'When it was paid.' }) paidOn: string,
    @Arg('amount', () => Float, { description: 'Principal repaid, yuan.' }) amount: number,
    @Ctx() ctx: Context,
  ) {
    return loanService.repay(ctx, measureId, paidOn, amount);
  }

  @Mutation(() => Measure, { description: 'A current micro-credit loan is in default (CURRENT → OVERDUE).' })
  markLoanOverdue(@LoanId() measureId: string, @Arg('on', () => GraphQLLocalDate, { description: 'When the household defaulted.' }) on: string, @Ctx() ctx: Context) {
    return loanService.markOverdue(ctx, measureId, on);
  }

  @Mutation(() => Measure, { description: 'The county risk-compensation fund 风险补偿金 pays on an overdue loan, once, at most what is owed; when it covers the rest the loan is COMPENSATED.' })
  drawRiskCompensation(
    @LoanId() measureId: string,
    @Arg('drawnOn', () => GraphQLLocalDate, { description: 'When the fund paid.' }) drawnOn: string,
    @Arg('amount', () => Float, { description: 'Amount paid, yuan.' }) amount: number,
    @Ctx() ctx: Context,
  ) {
    return loanService.compensate(ctx, measureId, drawnOn, amount);
  }

  @Mutation(() => Measure, { description: '雨露计划: the trainee completed the course or schooling, and whether they found work afterwards.' })
  recordRainDewOutcome(@LoanId() measureId: string, @Arg('input', () => RainDewOutcomeInput, { description: 'The outcome.' }) input: RainDewOutcomeInput, @Ctx() ctx: Context) {
    return outcomeService.rainDew(ctx, measureId, input);
  }

  @Mutation(() => Measure, { description: '易地扶贫搬迁: the day the household moved into the resettlement site.' })
  recordRelocationMove(@LoanId() measureId: string, @Arg('movedOn', () => GraphQLLocalDate, { description: 'When the household moved in.' }) movedOn: string, @Ctx() ctx: Context) {
    return outcomeService.relocation(ctx, measureId, movedOn);
  }

  @FieldResolver(() => Household, { nullable: true, description: 'The household helped; null for a village-wide measure.' })
  household(@Root() m: MeasureModel, @Ctx() ctx: Context) {
    return m.householdKey ? householdService.byId(ctx, toGlobalId('Household', m.householdKey)) : null;
  }

  @FieldResolver(() => ResponsiblePerson, { nullable: true, description: 'The cadre responsible for the measure, if named.' })
  responsibleCadre(@Root() m: MeasureModel, @Ctx() ctx: Context) {
    return measureService.cadre(ctx, m.responsibleCadreKey);
  }
}

@Resolver(() => AssistancePlan)
export class AssistancePlanResolver {
  @Query(() => AssistancePlan, { nullable: true, description: 'One plan; null if it does not exist or is outside your area.' })
  assistancePlan(@Arg('id', () => ID, { description: 'Global ID of the plan.' }) id: string, @Ctx() ctx: Context) {
    return planService.byId(ctx, id);
  }

  @Mutation(() => AssistancePlan, { description: 'Sets the plan of a registered household or a village of your area for a year (again: replaces its goal).' })
  setAssistancePlan(@Arg('input', () => SetAssistancePlanInput, { description: 'The plan.' }) input: SetAssistancePlanInput, @Ctx() ctx: Context) {
    return planService.set(ctx, input);
  }

  @Query(() => AssistanceLimitsInForce, { description: 'The limits of the typed measures in force in an area (national defaults unless set).' })
  assistanceLimits(@Arg('areaCode', () => String, { description: 'Area code, e.g. a village 433124110226.' }) areaCode: string, @Ctx() ctx: Context) {
    return planService.limits(ctx, areaCode);
  }

  @Mutation(() => AssistanceLimitsInForce, { description: 'Sets the limits of the typed measures for an area (admins anywhere, officials inside their area).' })
  setAssistanceLimits(@Arg('input', () => AssistanceLimitsInput, { description: 'The limits.' }) input: AssistanceLimitsInput, @Ctx() ctx: Context) {
    return planService.setLimits(ctx, input);
  }

  @FieldResolver(() => Household, { nullable: true, description: 'The household of the plan; null for a village plan.' })
  household(@Root() p: PlanModel, @Ctx() ctx: Context) {
    return p.householdKey ? householdService.byId(ctx, toGlobalId('Household', p.householdKey)) : null;
  }

  @FieldResolver(() => [Measure], { description: 'The measures of the same target and year.' })
  measures(@Root() p: PlanModel, @Ctx() ctx: Context) {
    return measureService.ofPlan(ctx, p.key);
  }
}

@Resolver(() => Household)
export class HouseholdMeasuresResolver {
  @FieldResolver(() => [AssistancePlan], { description: 'Its assistance plans 帮扶计划, by year.' })
  assistancePlans(@Root() h: HouseholdModel, @Ctx() ctx: Context) {
    return planService.ofHousehold(ctx, h.key);
  }

  @FieldResolver(() => [Measure], { description: 'Its assistance measures 帮扶措施, by year and start date (village-wide measures are on the village’s plans).' })
  measures(@Root() h: HouseholdModel, @Ctx() ctx: Context) {
    return measureService.ofHousehold(ctx, h.key);
  }
}

@Resolver(() => Village)
export class VillagePlansResolver {
  @FieldResolver(() => [AssistancePlan], { description: 'The village’s own assistance plans 村级帮扶计划, by year.' })
  assistancePlans(@Root() v: Village, @Ctx() ctx: Context) {
    return planService.ofVillage(ctx, v.code);
  }
}
