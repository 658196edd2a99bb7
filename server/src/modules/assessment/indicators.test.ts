/**
 * Each indicator's formula on one hand-worked county:
 *   spot check: 3 of 150 sampled registered wrongly included → 错评率 0.02; 2 of 200 non-registered
 *     missed → 漏评率 0.01; 48 of 50 households approve → 群众认可度 0.96
 *   380 of 400 households receiving policy have a responsible person → 0.95 (420 would cap at 1)
 *   18 of 20 poor villages have a work team → 0.9; 40 of 50 measures completed → 0.8
 *   750,000 of 1,000,000 yuan spent → 0.75; 20,000 yuan of findings → 0.02
 *   poor people 1,000 → 700 → fall 0.3; 250 exited → exit rate 0.25
 *   mean per-capita income 1,200,000 ÷ 400 = 3,000 → 1,380,000 ÷ 400 = 3,450 → growth 0.15
 * and the example scheme's weights: component weight × indicator weight ÷ 100.
 */
import { describe, expect, it } from 'vitest';
import { INDICATORS, type CountyInputs } from './indicators.js';
import { EXAMPLE_SCHEME } from './scheme-rules.js';

const county: CountyInputs = {
  countyCode: '430001', countyName: '甲县',
  spotCheck: { sampledRegistered: 150, wronglyIncluded: 3, sampledNonRegistered: 200, missedPoorFound: 2, surveyedHouseholds: 50, approvingHouseholds: 48 },
  householdsReceivingPolicy: 400, pairedHouseholds: 380, poorVillages: 20, poorVillagesWithTeam: 18, measuresActive: 50, measuresCompleted: 40,
  allocated: 1_000_000, spent: 750_000, findings: 20_000, poorStart: 1000, poorEnd: 700, exitedPeople: 250,
  incomePrevious: { households: 400, sum: 1_200_000 }, incomeYear: { households: 400, sum: 1_380_000 },
};

describe('indicator formulas, hand-worked', () => {
  it('computes every indicator', () => {
    const raw = Object.fromEntries(Object.entries(INDICATORS).map(([k, d]) => [k, Math.round(d.raw(county).value! * 1e6) / 1e6]));
    expect(raw).toEqual({
      wrong_inclusion_rate: 0.02, missed_rate: 0.01, pairing_coverage: 0.95, work_team_coverage: 0.9, measures_completed: 0.8, satisfaction: 0.96,
      disbursement_rate: 0.75, fund_findings_share: 0.02, poor_population_fall: 0.3, income_growth: 0.15, exit_rate: 0.25,
    });
    expect(INDICATORS.income_growth.raw(county).note).toBe('3450 ÷ 3000 − 1 (yuan per person)');
  });

  it('caps coverage at 1 and has no value without data, saying why', () => {
    expect(INDICATORS.pairing_coverage.raw({ ...county, pairedHouseholds: 420 }).value).toBe(1);
    expect(INDICATORS.satisfaction.raw({ ...county, spotCheck: null })).toEqual({ value: null, note: 'no value: no spot check is recorded for the county and year (recordSpotCheck)' });
    expect(INDICATORS.wrong_inclusion_rate.raw({ ...county, spotCheck: { ...county.spotCheck!, sampledRegistered: null, wronglyIncluded: null } }).value).toBeNull();
    expect(INDICATORS.disbursement_rate.raw({ ...county, allocated: 0 }).note).toBe("no value: the year's allocations is 0");
    expect(INDICATORS.income_growth.raw({ ...county, incomePrevious: { households: 0, sum: 0 } }).value).toBeNull();
  });

  it('reads the direction of each indicator from the catalogue', () => {
    const lower = Object.entries(INDICATORS).filter(([, d]) => d.direction === 'lower').map(([k]) => k);
    expect(lower).toEqual(['wrong_inclusion_rate', 'missed_rate', 'fund_findings_share']);
  });

  it('weights the example scheme 40 / 30 / 30 down to its indicators, adding up to 100', () => {
    const w = new Map(EXAMPLE_SCHEME.components.map((c) => [c.component, c.weight]));
    const eff = EXAMPLE_SCHEME.indicators.map((d) => [d.indicator, (w.get(d.component)! * d.weight) / 100]);
    expect(eff).toEqual([
      ['pairing_coverage', 10], ['work_team_coverage', 8], ['measures_completed', 6], ['disbursement_rate', 10], ['fund_findings_share', 6],
      ['poor_population_fall', 12], ['income_growth', 9], ['exit_rate', 9], ['wrong_inclusion_rate', 9], ['missed_rate', 9], ['satisfaction', 12],
    ]);
    expect(eff.reduce((s, [, x]) => s + (x as number), 0)).toBe(100);
  });
});
