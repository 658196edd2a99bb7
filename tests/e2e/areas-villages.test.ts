/**
 * Areas (public statistical codes) and villages (registry data, scoped): lookups
 * by code, children, ancestors, name search; poor-village status and yearly
 * surveys, which are never overwritten.
 */
import { beforeAll, describe, expect, it } from 'vitest';
import { BadUserInputError, ConflictError, type Client, type VillageSurveyInput } from '@jingzhun/sdk';
import { clientAs } from '../support/context.js';

let official: Client;
beforeAll(async () => {
  official = await clientAs({ role: 'official', area: '433124' });
});

describe('areas', () => {
  it('finds 十八洞村 by name, with its ancestors from the province down', async () => {
    const { areas } = await official.areas({ filter: { nameContains: '十八洞' } });
    const village = areas.nodes.find((a) => a.code === '433124110226')!;
    expect(village).toMatchObject({ name: '十八洞村', level: 'VILLAGE' });
    const { area } = await official.area({ code: village.code });
    expect(area!.ancestors.map((a) => a.code)).toEqual(['43', '4331', '433124', '433124110']);
    expect(area!.parent!.code).toBe('433124110');
    expect(area!.children).toEqual([]);
  });

  it('lists a county’s townships as its children, consistent with the filtered page', async () => {
    const { area } = await official.area({ code: '433124' });
    const { areas } = await official.areas({ filter: { parentCode: '433124' }, first: 100 });
    expect(area!.children.map((c) => c.code)).toEqual(areas.nodes.map((a) => a.code));
    expect(areas.totalCount).toBe(area!.children.length);
    expect(area!.children.every((c) => c.level === 'TOWNSHIP' && c.code.startsWith('433124'))).toBe(true);
  });

  it('refuses a malformed code with the field and the reason', async () => {
    const err = await official.area({ code: '43312' }).catch((e) => e);
    expect(err).toBeInstanceOf(BadUserInputError);
    expect(err.field).toBe('code');
  });
});

describe('villages', () => {
  it('lists the county’s poor villages and hides other counties’ villages', async () => {
    const { villages } = await official.villages({ filter: { povertyStatus: 'POOR' }, first: 100 });
    expect(villages.totalCount).toBeGreaterThan(0);
    expect(villages.nodes.every((v) => v.povertyStatus === 'POOR' && v.code.startsWith('433124'))).toBe(true);
    const other = await official.villages({ filter: { areaCode: '433125' } });
    expect(other.villages.totalCount).toBe(0);
    const admin = await clientAs({ role: 'admin' });
    const code = (await admin.villages({ filter: { areaCode: '433125' }, first: 1 })).villages.nodes[0].code;
    expect((await official.village({ code })).village).toBeNull();
  });

  it('records a survey once and refuses to overwrite it', async () => {
    const { villages } = await official.villages({ filter: { povertyStatus: 'NOT_POOR' }, first: 1 });
    const code = villages.nodes[0].code;
    const survey: VillageSurveyInput = {
      year: 2016, naturalVillages: 4, villagerGroups: 9, households: 310, population: 1180, poorHouseholds: 64, poorPopulation: 233,
      dibaoHouseholds: 21, destituteHouseholds: 6, disabledPeople: 31, minorityPopulation: 1100, labourForce: 640, migrantWorkers: 270,
      arableLandMu: 1300, forestLandMu: 9000, perCapitaNetIncome: 4200, collectiveIncome: 0, naturalVillagesWithoutHardenedRoad: 2,
      hasBusService: false, householdsWithoutSafeWater: 40, householdsWithoutPower: 0, dilapidatedHouses: 25, hasClinic: true,
      hasVillageDoctor: true, hasCulturalRoom: false, hasBroadband: false, hasWorkTeam: false,
    };
    const { recordVillageSurvey } = await official.recordVillageSurvey({ villageCode: code, input: survey });
    expect(recordVillageSurvey).toMatchObject({ year: 2016, poorPopulation: 233 });
    await expect(official.recordVillageSurvey({ villageCode: code, input: { ...survey, poorPopulation: 1 } })).rejects.toBeInstanceOf(ConflictError);
    const bad = await official.recordVillageSurvey({ villageCode: code, input: { ...survey, year: 2017, poorPopulation: 5000 } }).catch((e) => e);
    expect(bad).toBeInstanceOf(BadUserInputError);
    expect(bad.field).toBe('input.poorPopulation');
    const { village } = await official.village({ code });
    expect(village!.surveys.filter((s) => s.year >= 2016)).toEqual([expect.objectContaining({ year: 2016, poorPopulation: 233 })]);
  });
});
