/** Administrative areas (national statistical codes) and poor-village records. */
import { sql } from 'drizzle-orm';
import { boolean, index, integer, numeric, pgTable, primaryKey, smallint, text, timestamp } from 'drizzle-orm/pg-core';

/** Every province, prefecture, county, township and village, keyed by its statistical code. */
export const areas = pgTable(
  'areas',
  {
    code: text('code').primaryKey(),
    name: text('name').notNull(),
    /** 1 province … 5 village (codes/area.codes.ts). */
    level: smallint('level').notNull(),
    parentCode: text('parent_code'),
  },
  (t) => [
    index('areas_parent_idx').on(t.parentCode, t.code),
    index('areas_code_pattern_idx').using('btree', sql`${t.code} text_pattern_ops`),
    index('areas_name_idx').using('btree', sql`${t.name} text_pattern_ops`),
  ],
);

/** Registry data of a village: poor-village status 贫困村. One row per village that has any. */
export const villages = pgTable(
  'villages',
  {
    code: text('code').primaryKey(),
    /** VillagePovertyStatus code. */
    povertyStatus: text('poverty_status').notNull().default('0'),
    identifiedYear: integer('identified_year'),
    exitYear: integer('exit_year'),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [index('villages_code_pattern_idx').using('btree', sql`${t.code} text_pattern_ops`)],
);

/** Yearly village survey 贫困村信息采集: one row per village and year, never overwritten. */
export const villageSurveys = pgTable(
  'village_surveys',
  {
    villageCode: text('village_code').notNull(),
    year: integer('year').notNull(),
    naturalVillages: integer('natural_villages').notNull(),
    villagerGroups: integer('villager_groups').notNull(),
    households: integer('households').notNull(),
    population: integer('population').notNull(),
    poorHouseholds: integer('poor_households').notNull(),
    poorPopulation: integer('poor_population').notNull(),
    dibaoHouseholds: integer('dibao_households').notNull(),
    destituteHouseholds: integer('destitute_households').notNull(),
    disabledPeople: integer('disabled_people').notNull(),
    minorityPopulation: integer('minority_population').notNull(),
    labourForce: integer('labour_force').notNull(),
    migrantWorkers: integer('migrant_workers').notNull(),
    arableLandMu: numeric('arable_land_mu', { precision: 12, scale: 2, mode: 'number' }).notNull(),
    forestLandMu: numeric('forest_land_mu', { precision: 12, scale: 2, mode: 'number' }).notNull(),
    perCapitaNetIncome: numeric('per_capita_net_income', { precision: 12, scale: 2, mode: 'number' }).notNull(),
    collectiveIncome: numeric('collective_income', { precision: 14, scale: 2, mode: 'number' }).notNull(),
    naturalVillagesWithoutHardenedRoad: integer('natural_villages_without_hardened_road').notNull(),
    hasBusService: boolean('has_bus_service').notNull(),
    householdsWithoutSafeWater: integer('households_without_safe_water').notNull(),
    householdsWithoutPower: integer('households_without_power').notNull(),
    dilapidatedHouses: integer('dilapidated_houses').notNull(),
    hasClinic: boolean('has_clinic').notNull(),
    hasVillageDoctor: boolean('has_village_doctor').notNull(),
    hasCulturalRoom: boolean('has_cultural_room').notNull(),
    hasBroadband: boolean('has_broadband').notNull(),
    hasWorkTeam: boolean('has_work_team').notNull(),
    recordedAt: timestamp('recorded_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [primaryKey({ columns: [t.villageCode, t.year] })],
);
