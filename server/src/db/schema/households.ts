/**
 * Households 贫困户, members 家庭成员 and yearly data 年度数据. Every row carries its
 * village code, so the area-scope check is one indexed predicate (DESIGN.md "Data").
 */
import { sql } from 'drizzle-orm';
import {
  boolean, date, index, integer, jsonb, numeric, pgTable, primaryKey, smallint, text, timestamp, uniqueIndex, uuid,
} from 'drizzle-orm/pg-core';

const money = (name: string) => numeric(name, { precision: 12, scale: 2, mode: 'number' }).notNull();
const mu = (name: string) => numeric(name, { precision: 10, scale: 2, mode: 'number' }).notNull();

export const households = pgTable(
  'households',
  {
    id: uuid('id').primaryKey(),
    /** 户编号: village code + 4-digit sequence, human-readable and stable. */
    number: text('number').notNull(),
    villageCode: text('village_code').notNull(),
    identificationStandard: text('identification_standard').notNull(),
    attribute: text('attribute').notNull(),
    mainCause: text('main_cause').notNull(),
    otherCauses: text('other_causes').array().notNull().default(sql`'{}'::text[]`),
    status: text('status').notNull(),
    /**
     * Where the household stands in the register 建档立卡: CANDIDATE (in an identification
     * case, not yet registered), REGISTERED, REJECTED (its case was rejected), REMOVED
     * (错评清退). Households entered directly as already registered are REGISTERED.
     */
    stage: text('stage').notNull().default('REGISTERED'),
    militaryFamily: boolean('military_family').notNull(),
    oneChildFamily: boolean('one_child_family').notNull(),
    twoDaughterFamily: boolean('two_daughter_family').notNull(),
    plannedExitYear: integer('planned_exit_year'),
    firstIdentifiedDate: date('first_identified_date'),
    exitYear: integer('exit_year'),
    /** After an exit with policy (status 1): the day the policies end 脱贫不脱政策 and status 4 may be recorded. */
    exitPolicyEndsOn: date('exit_policy_ends_on'),
    phone: text('phone'),
    bankName: text('bank_name'),
    bankAccount: text('bank_account'),
    memberCount: smallint('member_count').notNull(),
    /** The latest recorded year's per-capita net income, for filters and ordering. */
    latestYear: integer('latest_year'),
    latestPerCapitaNetIncome: numeric('latest_per_capita_net_income', { precision: 12, scale: 2, mode: 'number' }),
    version: integer('version').notNull().default(1),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    /** Scope and page order: the number begins with the village code (auth/scope.ts scopedKeyRange). */
    uniqueIndex('households_number_key').on(t.number),
    index('households_status_idx').on(t.status),
    index('households_main_cause_idx').on(t.mainCause),
  ],
);

export const members = pgTable(
  'members',
  {
    id: uuid('id').primaryKey(),
    householdId: uuid('household_id').notNull().references(() => households.id, { onDelete: 'cascade' }),
    villageCode: text('village_code').notNull(),
    position: smallint('position').notNull(),
    name: text('name').notNull(),
    idNumber: text('id_number').notNull(),
    /** The 18-character resident ID of the person (a disability card begins with it): one person, one registration. */
    residentId: text('resident_id').notNull(),
    /**
     * Keyed hash (HMAC-SHA256, lib/id-hash.ts) of the resident ID, for lookups by ID number
     * without the number in clear (the DCI idtype-value search). Set on every write; rows
     * loaded in bulk are filled in at start (backfill). Null until then.
     */
    idHash: text('id_hash'),
    idKind: text('id_kind').notNull(),
    birthDate: date('birth_date').notNull(),
    sex: text('sex').notNull(),
    relation: text('relation').notNull(),
    ethnicity: text('ethnicity').notNull(),
    politicalStatus: text('political_status'),
    education: text('education').notNull(),
    schooling: text('schooling').notNull(),
    health: text('health').array().notNull(),
    labourSkill: text('labour_skill').notNull(),
    migrantWork: text('migrant_work').notNull(),
    migrantMonths: smallint('migrant_months').notNull(),
    speaksMandarin: boolean('speaks_mandarin').notNull(),
    activeSoldier: boolean('active_soldier').notNull(),
    basicMedicalInsurance: boolean('basic_medical_insurance').notNull(),
    seriousIllnessInsurance: boolean('serious_illness_insurance').notNull(),
    basicPensionInsurance: boolean('basic_pension_insurance').notNull(),
    commercialMedicalInsurance: boolean('commercial_medical_insurance').notNull(),
    accidentInsurance: boolean('accident_insurance').notNull(),
    receivesDibao: boolean('receives_dibao').notNull(),
    destituteSupported: boolean('destitute_supported').notNull(),
  },
  (t) => [
    /** One person, one registration: unique across the registry, whichever document was entered. */
    uniqueIndex('members_resident_id_key').on(t.residentId),
    index('members_id_hash_idx').on(t.idHash),
    index('members_household_idx').on(t.householdId, t.position),
  ],
);

/** One row per household and year: income and living conditions; a correction (with a reason) raises the version and keeps the replaced values in household_year_revisions. */
export const householdYears = pgTable(
  'household_years',
  {
    householdId: uuid('household_id').notNull().references(() => households.id, { onDelete: 'cascade' }),
    year: integer('year').notNull(),
    villageCode: text('village_code').notNull(),
    memberCount: smallint('member_count').notNull(),
    wage: money('wage'),
    production: money('production'),
    propertyDividend: money('property_dividend'),
    propertyOther: money('property_other'),
    transferFamilyPlanning: money('transfer_family_planning'),
    transferDibao: money('transfer_dibao'),
    transferDestitute: money('transfer_destitute'),
    transferPension: money('transfer_pension'),
    transferEcological: money('transfer_ecological'),
    transferOther: money('transfer_other'),
    productionCost: money('production_cost'),
    netIncome: money('net_income'),
    perCapitaNetIncome: money('per_capita_net_income'),
    /** Rigid spending 刚性支出 (illness, disability, disaster) that year, yuan; 0 when none was recorded. Read by monitoring 防返贫监测. */
    rigidSpending: numeric('rigid_spending', { precision: 12, scale: 2, mode: 'number' }).notNull().default(0),
    arableLandMu: mu('arable_land_mu'),
    irrigatedLandMu: mu('irrigated_land_mu'),
    forestLandMu: mu('forest_land_mu'),
    grainToForestMu: mu('grain_to_forest_mu'),
    orchardMu: mu('orchard_mu'),
    pastureMu: mu('pasture_mu'),
    waterSurfaceMu: mu('water_surface_mu'),
    productionPower: boolean('production_power').notNull(),
    householdPower: boolean('household_power').notNull(),
    radioTv: boolean('radio_tv').notNull(),
    drinkingWaterDifficulty: boolean('drinking_water_difficulty').notNull(),
    drinkingWaterSafe: boolean('drinking_water_safe').notNull(),
    distanceToRoadKm: numeric('distance_to_road_km', { precision: 8, scale: 2, mode: 'number' }).notNull(),
    roadType: text('road_type').notNull(),
    housingAreaM2: numeric('housing_area_m2', { precision: 8, scale: 2, mode: 'number' }).notNull(),
    dilapidatedHouse: boolean('dilapidated_house').notNull(),
    dilapidatedGrade: text('dilapidated_grade'),
    sanitaryToilet: boolean('sanitary_toilet').notNull(),
    mainFuel: text('main_fuel').notNull(),
    inCooperative: boolean('in_cooperative').notNull(),
    ledByEnterprise: boolean('led_by_enterprise').notNull(),
    ledByEntrepreneur: boolean('led_by_entrepreneur').notNull(),
    recordedAt: timestamp('recorded_at', { withTimezone: true }).notNull().defaultNow(),
    /**
     * The year's migrant work per member 务工情况 (issue 15, item 8): [{ memberId, migrantWork,
     * months }], members not listed did not work away; NULL when the record gave none (the
     * members' form values then stand for the year).
     */
    migrantWork: jsonb('migrant_work').$type<{ memberId: string; migrantWork: string; months: number }[]>(),
    /** Raised by every correction (correctHouseholdYear); the values it replaced are in household_year_revisions. */
    version: integer('version').notNull().default(1),
  },
  (t) => [
    primaryKey({ columns: [t.householdId, t.year] }),
    index('household_years_scope_idx').using('btree', sql`${t.villageCode} text_pattern_ops`, t.year),
  ],
);

/**
 * The values a correction of a yearly record replaced (issue 15, item 7): one row per
 * correction, holding the record as it stood at `version` (its columns as JSON) and why
 * it was corrected. Never updated or deleted.
 */
export const householdYearRevisions = pgTable(
  'household_year_revisions',
  {
    id: uuid('id').primaryKey(),
    householdId: uuid('household_id').notNull().references(() => households.id, { onDelete: 'cascade' }),
    year: integer('year').notNull(),
    villageCode: text('village_code').notNull(),
    /** The version of the record these values were (the correction made it version + 1). */
    version: integer('version').notNull(),
    previous: jsonb('previous').notNull(),
    reason: text('reason').notNull(),
    correctedBy: text('corrected_by').notNull(),
    correctedAt: timestamp('corrected_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    uniqueIndex('household_year_revisions_key').on(t.householdId, t.year, t.version),
    index('household_year_revisions_scope_idx').using('btree', sql`${t.villageCode} text_pattern_ops`),
  ],
);

/** The consistency warnings (rule 11) of a household's latest write, replaced on each write. */
export const householdWarnings = pgTable(
  'household_warnings',
  {
    householdId: uuid('household_id').notNull().references(() => households.id, { onDelete: 'cascade' }),
    villageCode: text('village_code').notNull(),
    rule: text('rule').notNull(),
    field: text('field').notNull(),
    message: text('message').notNull(),
    recordedAt: timestamp('recorded_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    index('household_warnings_household_idx').on(t.householdId),
    index('household_warnings_scope_idx').using('btree', sql`${t.villageCode} text_pattern_ops`, t.rule),
  ],
);
