/**
 * What each sector provides, as a need a registered household or poor village can
 * have (issue "Sector programmes", item 4). One place for these rules: the
 * coverage queries and their descriptions read them. A household's need is read
 * from its latest yearly record; a village's from its latest survey.
 */
import { eq, gt, or, sql, type SQL } from 'drizzle-orm';
import { RoadType } from '../../codes/index.js';
import { householdYears, villageSurveys } from '../../db/schema/index.js';

interface Need {
  /** What the household lacks, in words; undefined where the sector has no household-level need. */
  household?: { text: string; when: () => SQL };
  /** What the poor village lacks. */
  village?: { text: string; when: () => SQL };
}

const y = householdYears;
const s = villageSurveys;

export const NEEDS: Record<string, Need> = {
  water: {
    household: { text: 'drinking water unsafe or hard to get (饮水不安全或困难)', when: () => or(eq(y.drinkingWaterSafe, false), eq(y.drinkingWaterDifficulty, true))! },
    village: { text: 'households without safe drinking water', when: () => gt(s.householdsWithoutSafeWater, 0) },
  },
  housing: {
    household: { text: 'lives in a dilapidated house, grade C or D (危房)', when: () => eq(y.dilapidatedHouse, true) },
    village: { text: 'dilapidated houses', when: () => gt(s.dilapidatedHouses, 0) },
  },
  power: {
    household: { text: 'no production or household power (未通生产或生活用电)', when: () => or(eq(y.productionPower, false), eq(y.householdPower, false))! },
    village: { text: 'households without power', when: () => gt(s.householdsWithoutPower, 0) },
  },
  transport: {
    household: { text: 'access road of earth (入户路为泥土路)', when: () => eq(y.roadType, RoadType.values.EARTH) },
    village: { text: 'natural villages without a hardened road (未通硬化路)', when: () => gt(s.naturalVillagesWithoutHardenedRoad, 0) },
  },
  information: { village: { text: 'no broadband (未通宽带)', when: () => eq(s.hasBroadband, false) } },
  health: { village: { text: 'no clinic or no licensed village doctor', when: () => or(eq(s.hasClinic, false), eq(s.hasVillageDoctor, false))! } },
  culture: { village: { text: 'no cultural room (无文化室)', when: () => eq(s.hasCulturalRoom, false) } },
  industry: {},
  tourism: {},
  education: {},
};

export const NO_NEED = sql`false`;
