/** Household queries, mutations and fields. Thin: arguments and IDs in, one service call out. */
import { GraphQLLocalDate } from 'graphql-scalars';
import type { GraphQLResolveInfo } from 'graphql';
import { Arg, Ctx, FieldResolver, ID, Info, Int, Mutation, ObjectType, Field, Query, Resolver, Root } from 'type-graphql';
import { HouseholdConnection } from './household.connection.js';
import { After, First, withoutNulls } from '../../graphql/args.js';
import type { Context } from '../../graphql/context.js';
import { Member } from '../member/member.type.js';
import { MEMBER_FIELDS, memberService } from '../member/member.service.js';
import { Village } from '../village/village.type.js';
import { villageService } from '../village/village.service.js';
import { CorrectHouseholdYearInput, HouseholdYear, HouseholdYearInput, HouseholdYearRevision } from './household-year.type.js';
import { householdYearService } from './household-year.service.js';
import { CorrectHouseholdInput, HouseholdFilterInput, RegisterHouseholdInput } from './household.input.js';
import type { HouseholdModel } from './household.mapper.js';
import { ConsistencyWarning, Household, HouseholdPayload } from './household.type.js';
import { householdService, LATEST_YEAR_SUMMARY } from './household.service.js';
import { CONNECTION_ITEMS, columnsSelected, connectionItemField, selectedAt, selectsOnly } from '../../graphql/selection.js';

const ITEM_MEMBERS = connectionItemField('members');
const HOUSEHOLD_MEMBERS = [['members']] as const;
import { MonitoringCheck } from '../monitoring/monitoring.type.js';


@ObjectType({ description: 'The result of recording a year: the household, the stored year and any warnings.' })
class HouseholdYearPayload {
  @Field(() => Household, { description: 'The household after the write.' }) household!: Household;
  @Field(() => HouseholdYear, { description: 'The year as stored, with computed incomes.' }) year!: HouseholdYear;
  @Field(() => [ConsistencyWarning], { description: 'Consistency warnings; errors would have refused the write.' }) warnings!: ConsistencyWarning[];
  @Field(() => MonitoringCheck, { description: 'Monitoring 防返贫监测: the triggers this record fired and the case it opened, if any.' }) monitoring!: MonitoringCheck;
}


@Resolver(() => Household)
export class HouseholdResolver {
  @Query(() => Household, { nullable: true, description: 'One household by ID; null if it does not exist or is outside your area.' })
  household(
    @Arg('id', () => ID, { description: 'Global ID, as returned in an id field.' }) id: string,
    @Ctx() ctx: Context,
    @Arg('asOf', () => GraphQLLocalDate, { nullable: true, description: 'A past date: the household as it stood then (status, stage, exit year from its history); null if it was not in the register yet.' }) asOf?: string,
    @Info() info?: GraphQLResolveInfo,
  ) {
    return householdService.byId(ctx, id, asOf, info && selectedAt(info, HOUSEHOLD_MEMBERS));
  }

  @Query(() => Household, { nullable: true, description: 'One household by its household number 户编号; null if not found in your area.' })
  householdByNumber(@Arg('number', () => String, { description: 'Household number 户编号 (16 digits).' }) number: string, @Ctx() ctx: Context) {
    return householdService.byNumber(ctx, number);
  }

  @Query(() => HouseholdConnection, { description: 'Households of your area in household-number order.' })
  households(
    @Ctx() ctx: Context,
    @Info() info: GraphQLResolveInfo,
    @Arg('filter', () => HouseholdFilterInput, { nullable: true, description: 'Which households.' }) filter?: HouseholdFilterInput,
    @First() first?: number,
    @After() after?: string,
  ) {
    return householdService.page(ctx, withoutNulls({ ...filter, first, after }), selectedAt(info, CONNECTION_ITEMS), selectedAt(info, ITEM_MEMBERS));
  }

  @Mutation(() => HouseholdPayload, { description: 'Registers a household 建档立卡 from the national form, with all its members. Refused with BAD_USER_INPUT (field and reason) if the form breaks a rule; nothing is written then.' })
  registerHousehold(@Arg('input', () => RegisterHouseholdInput, { description: 'The household form.' }) input: RegisterHouseholdInput, @Ctx() ctx: Context) {
    return householdService.register(ctx, input);
  }

  @Mutation(() => HouseholdPayload, { description: 'Corrects a household form. Give expectedVersion to be refused (CONFLICT) if someone changed it since you read it.' })
  correctHousehold(
    @Arg('id', () => ID, { description: 'Global ID, as returned in an id field.' }) id: string,
    @Arg('input', () => CorrectHouseholdInput, { description: 'What changes.' }) input: CorrectHouseholdInput,
    @Ctx() ctx: Context,
    @Arg('expectedVersion', () => Int, { nullable: true, description: 'The version you read.' }) expectedVersion?: number,
  ) {
    return householdService.correct(ctx, id, input, expectedVersion);
  }

  @Mutation(() => HouseholdYearPayload, { description: "Records a household's income and conditions for a year. Each year is recorded once (again: CONFLICT); correct a recorded year with correctHouseholdYear." })
  recordHouseholdYear(
    @Arg('householdId', () => ID, { description: 'Global ID of the household.' }) householdId: string,
    @Arg('input', () => HouseholdYearInput, { description: 'The year, its income and conditions.' }) input: HouseholdYearInput,
    @Ctx() ctx: Context,
  ) {
    return householdService.recordYear(ctx, householdId, input);
  }

  @Mutation(() => HouseholdYearPayload, { description: "Corrects a recorded year's income and conditions, with a reason, at the version you read (else CONFLICT). The values replaced stay readable in HouseholdYear.revisions; audited, with the change event household.yearCorrected." })
  correctHouseholdYear(
    @Arg('householdId', () => ID, { description: 'The household.' }) householdId: string,
    @Arg('input', () => CorrectHouseholdYearInput, { description: 'The year, its whole corrected income and conditions, the reason and the version read.' }) input: CorrectHouseholdYearInput,
    @Ctx() ctx: Context,
  ) {
    return householdYearService.correct(ctx, householdId, input);
  }

  @FieldResolver(() => Village, { nullable: true, description: 'The village the household lives in.' })
  village(@Root() h: HouseholdModel, @Ctx() ctx: Context) {
    return villageService.ofRow(ctx, h.villageCode);
  }

  @FieldResolver(() => [Member], { description: 'Members in form order, the head first as entered.' })
  members(@Root() h: HouseholdModel, @Ctx() ctx: Context, @Info() info: GraphQLResolveInfo) {
    return memberService.ofHousehold(ctx, h.key, columnsSelected(info, MEMBER_FIELDS));
  }

  @FieldResolver(() => [HouseholdYear], { description: 'Yearly records, oldest first.' })
  years(@Root() h: HouseholdModel, @Ctx() ctx: Context) {
    return householdService.years(ctx, h.key);
  }

  @FieldResolver(() => HouseholdYear, { nullable: true, description: 'The record of one year, or the latest when no year is given.' })
  year(
    @Root() h: HouseholdModel, @Ctx() ctx: Context, @Info() info: GraphQLResolveInfo,
    @Arg('year', () => Int, { nullable: true, description: 'The year; the latest if omitted.' }) year?: number,
  ) {
    return householdService.year(ctx, h, year, selectsOnly(info, LATEST_YEAR_SUMMARY));
  }
}

@Resolver(() => HouseholdYear)
export class HouseholdYearResolver {
  @FieldResolver(() => [HouseholdYearRevision], { description: 'The values corrections of this record replaced, newest first; empty if it was never corrected.' })
  revisions(@Root() y: HouseholdYear, @Ctx() ctx: Context) {
    return y.householdKey ? householdYearService.revisions(ctx, y.householdKey, y.year) : [];
  }
}
