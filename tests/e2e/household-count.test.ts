/**
 * totalCount of households by area comes from the maintained per-village counts
 * (stat_households, kept by triggers in the writing transaction): it must
 * equal a count of the rows themselves — here forced by a filter that matches every
 * stage — for a county, a village and a caller's whole area, and follow a registration.
 */
import { beforeAll, describe, expect, it } from 'vitest';
import type { Client } from '@jingzhun/sdk';
import { clientAs } from '../support/context.js';
import { freshHousehold } from '../support/forms.js';

const EVERY_STAGE = ['CANDIDATE', 'REGISTERED', 'REJECTED', 'REMOVED'] as const;
let official: Client;
let village: string;

beforeAll(async () => {
  official = await clientAs({ role: 'official', area: '433124' });
  village = (await official.villages({ first: 1, filter: { areaCode: '433124' } })).villages.nodes[0].code;
});

async function both(areaCode?: string) {
  const counted = (await official.households({ filter: { areaCode }, first: 1 })).households.totalCount;
  const scanned = (await official.households({ filter: { areaCode, stage: [...EVERY_STAGE] }, first: 1 })).households.totalCount;
  return { counted, scanned };
}

describe('households totalCount by area', () => {
  it('equals the count of the rows for a county, a village and the whole area', async () => {
    for (const area of ['433124', village, undefined]) {
      const { counted, scanned } = await both(area);
      expect(counted).toBe(scanned);
    }
    expect((await both('433124')).counted).toBeGreaterThan(0);
  });

  it('follows a registration in the same transaction', async () => {
    const before = await both(village);
    const cadre = await clientAs({ role: 'cadre', area: village, sub: 'cadre-count' });
    await cadre.registerHousehold({ input: freshHousehold(village) });
    const after = await both(village);
    expect(after.counted).toBe(before.counted + 1);
    expect(after.counted).toBe(after.scanned);
  });
});
