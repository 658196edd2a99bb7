/** Monitoring against falling back 防返贫监测: queries, mutations and fields. Thin. */
import { Arg, Ctx, FieldResolver, ID, Mutation, Query, Resolver, Root } from 'type-graphql';
import { After, First, withoutNulls } from '../../graphql/args.js';
import { Connection } from '../../graphql/connection.js';
import type { Context } from '../../graphql/context.js';
import type { HouseholdModel } from '../household/household.mapper.js';
import { Household } from '../household/household.type.js';
import { householdService } from '../household/household.service.js';
import { toGlobalId } from '../../graphql/ids.js';
import {
  MonitoringCase, MonitoringFilterInput, MonitoringHelp, MonitoringHelpInput, MonitoringList, MonitoringScale, MonitoringSettings,
  RemoveMonitoringRiskInput, SetMonitoringSettingsInput, StartMonitoringInput,
} from './monitoring.type.js';
import { monitoringService, type CaseModel } from './monitoring.service.js';

const MonitoringCaseConnection = Connection(MonitoringCase, 'MonitoringCase', 'monitoring case');

@Resolver(() => MonitoringCase)
export class MonitoringResolver {
  @Query(() => MonitoringList, { description: 'The monitoring list 监测对象名单 of an area: counts by kind, scale and the cases (admins, officials, cadres).' })
  monitoringList(
    @Arg('areaCode', () => String, { description: 'Area code prefix, e.g. 433124.' }) areaCode: string,
    @Ctx() ctx: Context,
    @Arg('filter', () => MonitoringFilterInput, { nullable: true, description: 'Which cases the cases field lists.' }) filter?: MonitoringFilterInput,
  ) {
    return monitoringService.list(ctx, areaCode, withoutNulls(filter));
  }

  @Query(() => MonitoringSettings, { description: 'The monitoring thresholds in force for an area: its province’s, else the national ones, else the policy figures.' })
  monitoringSettings(@Arg('areaCode', () => String, { description: 'Area code ("" for national).' }) areaCode: string, @Ctx() ctx: Context) {
    return monitoringService.settings(ctx, areaCode);
  }

  @Mutation(() => MonitoringSettings, { description: 'Sets monitoring thresholds for the nation (admins) or a province (its officials). Audited.' })
  setMonitoringSettings(@Arg('input', () => SetMonitoringSettingsInput, { description: 'The thresholds.' }) input: SetMonitoringSettingsInput, @Ctx() ctx: Context) {
    return monitoringService.setSettings(ctx, input);
  }

  @Mutation(() => MonitoringCase, { description: 'Starts monitoring a household reported at risk, e.g. in sudden severe hardship. CONFLICT if it is already monitored. Audited.' })
  startMonitoring(
    @Arg('householdId', () => ID, { description: 'Global ID of the household.' }) householdId: string,
    @Arg('input', () => StartMonitoringInput, { description: 'Kind, risk and date.' }) input: StartMonitoringInput,
    @Ctx() ctx: Context,
  ) {
    return monitoringService.start(ctx, householdId, input);
  }

  @Mutation(() => MonitoringCase, { description: 'Records help given to a monitored household (INVALID_TRANSITION once its risk is removed). Audited.' })
  recordMonitoringHelp(
    @Arg('id', () => ID, { description: 'Global ID of the monitoring case.' }) id: string,
    @Arg('input', () => MonitoringHelpInput, { description: 'The help.' }) input: MonitoringHelpInput,
    @Ctx() ctx: Context,
  ) {
    return monitoringService.recordHelp(ctx, id, input);
  }

  @Mutation(() => MonitoringCase, { description: 'Records the date and way a monitored household’s risk was removed 风险消除; the household is then no longer monitored. Audited.' })
  removeMonitoringRisk(
    @Arg('id', () => ID, { description: 'Global ID of the monitoring case.' }) id: string,
    @Arg('input', () => RemoveMonitoringRiskInput, { description: 'When and how.' }) input: RemoveMonitoringRiskInput,
    @Ctx() ctx: Context,
  ) {
    return monitoringService.removeRisk(ctx, id, input);
  }

  @FieldResolver(() => Household, { nullable: true, description: 'The monitored household.' })
  household(@Root() c: CaseModel, @Ctx() ctx: Context) {
    return householdService.byId(ctx, toGlobalId('Household', c.householdId));
  }

  @FieldResolver(() => [MonitoringHelp], { description: 'Help given, in date order.' })
  help(@Root() c: CaseModel, @Ctx() ctx: Context) {
    return monitoringService.help(ctx, c);
  }
}

@Resolver(() => MonitoringList)
export class MonitoringListResolver {
  @FieldResolver(() => MonitoringScale, { description: 'People monitored now against registered people, within your area.' })
  scale(@Root() l: MonitoringList, @Ctx() ctx: Context) {
    return monitoringService.scale(ctx, l.areaCode);
  }

  @FieldResolver(() => MonitoringCaseConnection, { description: 'The cases matching the filter, in household-number order.' })
  cases(@Root() l: MonitoringList, @Ctx() ctx: Context, @First() first?: number, @After() after?: string) {
    return monitoringService.cases(ctx, l.areaCode, l.filter, { first: first ?? undefined, after: after ?? undefined });
  }
}

@Resolver(() => Household)
export class HouseholdMonitoringResolver {
  @FieldResolver(() => MonitoringCase, { nullable: true, description: 'Monitoring 防返贫监测: the open case, else the latest; null if never monitored (or your role may not see monitoring).' })
  monitoring(@Root() h: HouseholdModel, @Ctx() ctx: Context) {
    return monitoringService.ofHousehold(ctx, h.key);
  }
}
