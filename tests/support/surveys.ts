/** A plausible village survey 贫困村信息采集 for tests: 1,000 people of whom 250 poor, 4,000 yuan per head, no collective income. */
import type { VillageSurveyInput } from '@jingzhun/sdk';

export const survey = (year: number, over: Partial<VillageSurveyInput> = {}): VillageSurveyInput => ({
  year, naturalVillages: 3, villagerGroups: 6, households: 250, population: 1000, poorHouseholds: 60, poorPopulation: 250,
  dibaoHouseholds: 10, destituteHouseholds: 3, disabledPeople: 20, minorityPopulation: 900, labourForce: 500, migrantWorkers: 200,
  arableLandMu: 800, forestLandMu: 5000, perCapitaNetIncome: 4000, collectiveIncome: 0, naturalVillagesWithoutHardenedRoad: 1,
  hasBusService: false, householdsWithoutSafeWater: 30, householdsWithoutPower: 0, dilapidatedHouses: 12, hasClinic: true,
  hasVillageDoctor: true, hasCulturalRoom: false, hasBroadband: false, hasWorkTeam: true, ...over,
});
