/**
 * Data quality: rule-11 warnings are stored with the household at each write and
 * listed by dataQualityReport with counts by rule; a correction that fixes the
 * data clears them.
 */
import { describe, expect, it } from 'vitest';
import { clientAs } from '../support/context.js';
import { freshHousehold, member } from '../support/forms.js';

describe('dataQualityReport', () => {
  it('lists a household whose school-age child is not in school, and drops it once corrected', async () => {
    const official = await clientAs({ role: 'official', area: '433124' });
    const village = (await official.villages({ filter: { areaCode: '433124' }, first: 8 })).villages.nodes[7].code; // a village no other test writes to
    const tenYearsAgo = `${new Date().getFullYear() - 10}-03-15`;
    const form = freshHousehold(village);
    const child = member({ name: '龙小弟', relation: 'SON', sex: 'MALE', birth: tenYearsAgo, schooling: 'NOT_IN_SCHOOL', education: 'PRIMARY', labourSkill: 'NONE' });
    const { registerHousehold } = await official.registerHousehold({ input: { ...form, members: [...form.members, child] } });
    const warned = registerHousehold.warnings.filter((w) => w.field === 'input.members[3].schooling');
    expect(warned).toHaveLength(1);
    expect(warned[0].rule).toBe('R11');

    const before = (await official.dataQualityReport({ areaCode: village, first: 100 })).dataQualityReport;
    const r11 = before.byRule.find((r) => r.rule === 'R11')!;
    expect(r11.households).toBeGreaterThanOrEqual(1);
    const listed = before.households.nodes.find((h) => h.id === registerHousehold.household.id)!;
    expect(listed.warnings.map((w) => w.field)).toContain('input.members[3].schooling');

    const members = registerHousehold.household.members.map(({ id: _i, idKind: _k, birthDate: _b, age: _a, ...m }) => ({ ...m, name: m.name!, idNumber: m.idNumber! }));
    members[3] = { ...members[3], schooling: 'PRIMARY' };
    await official.correctHousehold({ id: registerHousehold.household.id, input: { members } });
    const after = (await official.dataQualityReport({ areaCode: village, first: 100 })).dataQualityReport;
    expect(after.households.nodes.some((h) => h.id === registerHousehold.household.id)).toBe(false);
    expect(after.byRule.find((r) => r.rule === 'R11')?.households ?? 0).toBe(r11.households - 1);
  });

  it('keeps to the caller’s area', async () => {
    const elsewhere = await clientAs({ role: 'official', area: '433125' });
    const { dataQualityReport } = await elsewhere.dataQualityReport({ areaCode: '433124' });
    expect(dataQualityReport.byRule).toEqual([]);
    expect(dataQualityReport.households.totalCount).toBe(0);
  });
});
