/**
 * Poverty lines: the national reference figures, provincial lines set by the
 * province's officials, and a household judged against its standard's line.
 */
import { beforeAll, describe, expect, it } from 'vitest';
import { BadUserInputError, ForbiddenError, type Client } from '@jingzhun/sdk';
import { clientAs } from '../support/context.js';
import { freshHousehold, year } from '../support/forms.js';

let official: Client;
let village: string;

beforeAll(async () => {
  official = await clientAs({ role: 'official', area: '433124' });
  village = (await official.villages({ filter: { areaCode: '433124' }, first: 1 })).villages.nodes[0].code;
});

describe('poverty lines', () => {
  it('holds the national reference figures, unverified ones marked', async () => {
    const { povertyLines } = await official.povertyLines({ areaCode: '' });
    const byYear = Object.fromEntries(povertyLines.map((l) => [l.year, l]));
    expect(byYear[2015]).toMatchObject({ yuan: 2855, verified: true });
    expect(byYear[2018]).toMatchObject({ yuan: 2995, verified: false });
  });

  it('judges a household against the national line: 2,000 yuan per person in 2015 is 855 below 2,855', async () => {
    const { registerHousehold } = await official.registerHousehold({ input: freshHousehold(village) });
    await official.recordHouseholdYear({ householdId: registerHousehold.household.id, input: year(2015) });
    const { household } = await official.householdStanding({ id: registerHousehold.household.id });
    expect(household!.standing).toMatchObject({ year: 2015, perCapitaNetIncome: 2000, aboveLine: false, margin: -855, line: { areaCode: '', yuan: 2855 } });
    expect((await official.householdStanding({ id: registerHousehold.household.id, year: 2016 })).household!.standing).toBeNull();
  });

  it('lets a province set its own line, and judges a provincial-standard household against it', async () => {
    const province = await clientAs({ role: 'official', area: '43' });
    const { setPovertyLine } = await province.setPovertyLine({ input: { areaCode: '43', year: 2015, yuan: 1800, note: 'test: a provincial line' } });
    expect(setPovertyLine).toMatchObject({ areaCode: '43', yuan: 1800, verified: true });
    const { registerHousehold } = await official.registerHousehold({ input: freshHousehold(village, { identificationStandard: 'PROVINCIAL' }) });
    await official.recordHouseholdYear({ householdId: registerHousehold.household.id, input: year(2015) });
    const { household } = await official.householdStanding({ id: registerHousehold.household.id });
    expect(household!.standing).toMatchObject({ aboveLine: true, margin: 200, line: { areaCode: '43', yuan: 1800 } });
    const { auditTrail } = await province.auditTrail({ filter: { operation: 'setPovertyLine' } });
    expect(auditTrail.nodes[0]).toMatchObject({ role: 'official', areaCode: '43' });
  });

  it('refuses the national line to officials, a line outside the caller’s area, and bad figures', async () => {
    await expect(official.setPovertyLine({ input: { areaCode: '', year: 2015, yuan: 1 } })).rejects.toBeInstanceOf(ForbiddenError);
    await expect(official.setPovertyLine({ input: { areaCode: '44', year: 2015, yuan: 3000 } })).rejects.toBeInstanceOf(ForbiddenError);
    const admin = await clientAs({ role: 'admin' });
    const err = await admin.setPovertyLine({ input: { areaCode: '4331x', year: 2015, yuan: -5 } }).catch((e) => e);
    expect(err).toBeInstanceOf(BadUserInputError);
    expect(err.problems.map((p: { field: string }) => p.field)).toEqual(['input.areaCode', 'input.yuan']);
    expect((await admin.povertyLines({ year: 2015, areaCode: '' })).povertyLines[0].yuan).toBe(2855);
  });
});
