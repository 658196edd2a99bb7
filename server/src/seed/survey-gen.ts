/**
 * A synthetic poor-village survey (贫困村信息采集) row, built around what the registry holds
 * for the village: its registered poor households and people scale up to the whole village
 * with a poverty incidence of 20–45% (poor villages: "一高一低一无").
 *
 * Contract: pure; `generateSurvey(rng, stats)` returns the village_surveys columns (snake
 * case, without village_code, year and recorded_at). Counts of the village are never below
 * the registered figures they include; a village with no registered households still gets a
 * plausible row.
 */
import type { Rng } from './rng.js';

/** What the registry holds for one village (zeros when nothing is registered). */
export interface VillageStats {
  poorHouseholds: number;
  poorPopulation: number;
  dibaoHouseholds: number;
  destituteHouseholds: number;
  disabledPeople: number;
  minorityPopulation: number;
  labourForce: number;
  migrantWorkers: number;
  dilapidatedHouses: number;
  withoutSafeWater: number;
  /** Mean per-capita net income of the registered households, yuan (0 if none). */
  poorPerCapitaIncome: number;
}

export const SURVEY_COLUMNS = ['natural_villages', 'villager_groups', 'households', 'population', 'poor_households',
  'poor_population', 'dibao_households', 'destitute_households', 'disabled_people', 'minority_population', 'labour_force',
  'migrant_workers', 'arable_land_mu', 'forest_land_mu', 'per_capita_net_income', 'collective_income',
  'natural_villages_without_hardened_road', 'has_bus_service', 'households_without_safe_water', 'households_without_power',
  'dilapidated_houses', 'has_clinic', 'has_village_doctor', 'has_cultural_room', 'has_broadband', 'has_work_team'];

export function generateSurvey(rng: Rng, s: VillageStats): (number | boolean)[] {
  const households = s.poorHouseholds > 0 ? Math.round(s.poorHouseholds / rng.real(0.2, 0.45)) : rng.int(150, 500);
  const size = s.poorHouseholds > 0 ? s.poorPopulation / s.poorHouseholds : 3.5;
  const population = Math.max(s.poorPopulation, Math.round(households * size * rng.real(0.95, 1.1)));
  const others = population - s.poorPopulation;
  const share = (x: number, fallback: number) => (s.poorPopulation > 0 ? x / s.poorPopulation : fallback);
  const naturalVillages = rng.int(3, 12);
  const perCapita = s.poorPerCapitaIncome > 0 ? s.poorPerCapitaIncome * rng.real(1.5, 2.2) : rng.real(3500, 5500);
  return [
    naturalVillages,
    naturalVillages + rng.int(0, 8),
    households,
    population,
    s.poorHouseholds,
    s.poorPopulation,
    s.dibaoHouseholds + rng.int(0, 5),
    s.destituteHouseholds + rng.int(0, 2),
    s.disabledPeople + Math.round(others * rng.real(0.015, 0.03)),
    s.minorityPopulation + Math.round(others * share(s.minorityPopulation, 0.9)),
    s.labourForce + Math.round(others * Math.min(0.75, share(s.labourForce, 0.55) * 1.1)),
    s.migrantWorkers + Math.round(others * Math.min(0.5, share(s.migrantWorkers, 0.25) * 1.2)),
    Math.round(population * rng.real(0.6, 1.1) * 100) / 100,
    Math.round(population * rng.real(2, 8) * 100) / 100,
    Math.round(perCapita * 100) / 100,
    rng.chance(0.7) ? 0 : rng.int(1000, 30000),
    rng.int(0, naturalVillages),
    rng.chance(0.3),
    s.withoutSafeWater + Math.round((households - s.poorHouseholds) * rng.real(0.05, 0.25)),
    rng.int(0, 3),
    s.dilapidatedHouses + Math.round((households - s.poorHouseholds) * rng.real(0.05, 0.2)),
    rng.chance(0.8),
    rng.chance(0.85),
    rng.chance(0.4),
    rng.chance(0.25),
    rng.chance(0.95),
  ];
}
