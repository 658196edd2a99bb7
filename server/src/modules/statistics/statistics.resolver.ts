/** The statistics query and its parts, and setRuralPopulation. Thin: each part is one service call, run only when selected. */
import { Arg, Ctx, Field, FieldResolver, Int, Mutation, ObjectType, Query, Resolver, Root } from 'type-graphql';
import type { Context } from '../../graphql/context.js';
import { SetRuralPopulationInput, StatisticsInput } from './statistics.input.js';
import { statisticsService, type StatisticsModel } from './statistics.service.js';
import { AssistanceStatistics, FlowStatistics, IncidenceStatistics, IncomeStatistics, MonitoringStatistics, RegisterStatistics, SeriesPoint, Statistics } from './statistics.type.js';

@ObjectType({ description: 'A rural population figure as set.' })
export class RuralPopulation {
  @Field(() => String, { description: 'The area’s statistical code.' }) areaCode!: string;
  @Field(() => String, { description: 'The area’s name.' }) areaName!: string;
  @Field(() => Int, { description: 'The year.' }) year!: number;
  @Field(() => Int, { description: 'Rural population, people.' }) population!: number;
}

@Resolver(() => Statistics)
export class StatisticsResolver {
  @Query(() => Statistics, { description: 'Statistics 决策支持 of an area inside yours for a year, with any groupings combined: the register, flows, a series from 2014, poverty incidence, income and monitoring. Small cells are suppressed for roles without personal data. One request gives a dashboard its first screen.' })
  statistics(@Arg('input', () => StatisticsInput, { description: 'Area, year and groupings.' }) input: StatisticsInput, @Ctx() ctx: Context) {
    return statisticsService.of(ctx, input);
  }

  @FieldResolver(() => RegisterStatistics, { description: 'Households and people: registered, not out, exited, relapsed, removed and candidates, by the groupings (as of now, or a past year’s 31 December).' })
  register(@Root() m: StatisticsModel, @Ctx() ctx: Context) { return statisticsService.register(ctx, m); }

  @FieldResolver(() => FlowStatistics, { description: 'The year’s flows: entered, exited, relapsed and removed (by child area with CHILD_AREA).' })
  flows(@Root() m: StatisticsModel, @Ctx() ctx: Context) { return statisticsService.flows(ctx, m); }

  @FieldResolver(() => [SeriesPoint], { description: 'Every year from 2014 to the year: the register at each year’s end and the year’s flows, from the status history.' })
  series(@Root() m: StatisticsModel, @Ctx() ctx: Context) { return statisticsService.series(ctx, m); }

  @FieldResolver(() => IncidenceStatistics, { description: 'Poverty incidence 贫困发生率 with its source (by child area with CHILD_AREA).' })
  incidence(@Root() m: StatisticsModel, @Ctx() ctx: Context) { return statisticsService.incidence(ctx, m); }

  @FieldResolver(() => IncomeStatistics, { description: 'Per-capita net income of registered households: bands, median, mean and change from the year before.' })
  income(@Root() m: StatisticsModel, @Ctx() ctx: Context) { return statisticsService.income(ctx, m); }

  @FieldResolver(() => MonitoringStatistics, { description: 'Monitoring against falling back 防返贫监测: counts by kind and whether the risk was removed (counts only).' })
  monitoring(@Root() m: StatisticsModel, @Ctx() ctx: Context) { return statisticsService.monitoring(ctx, m); }

  @FieldResolver(() => AssistanceStatistics, { description: 'Assistance 精准帮扶: responsible persons, visits, the year’s measures by kind and status, the three brands and sector projects.' })
  assistance(
    @Root() m: StatisticsModel,
    @Arg('visitedWithinDays', () => Int, { nullable: true, description: 'Count households visited within this many days (default VISIT_OVERDUE_DAYS, 30).' }) days: number | null,
    @Ctx() ctx: Context,
  ) { return statisticsService.assistance(ctx, m, days); }

  @Mutation(() => RuralPopulation, { description: 'Sets the rural population of an area for a year (statistical yearbook figures): the denominator of its poverty incidence. Officials of the area and admins; audited.' })
  setRuralPopulation(@Arg('input', () => SetRuralPopulationInput, { description: 'Area, year and population.' }) input: SetRuralPopulationInput, @Ctx() ctx: Context) {
    return statisticsService.setRuralPopulation(ctx, input);
  }
}
