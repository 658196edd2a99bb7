/** Which line applies, and who sets a missing one (issue 15, items 1 and 2), on worked examples of 十八洞村 433124110226. */
import { describe, expect, it } from 'vitest';
import { exitIncomeYears, identificationIncome, lineArea, lineKind, missingLine } from './line-rules.js';

const village = '433124110226';

describe('the line of a year', () => {
  it('is the national line through 2020 and the province’s monitoring line after it', () => {
    expect(lineArea('1', village, 2016, 2020)).toBe('');
    expect(lineArea('1', village, 2020, 2020)).toBe('');
    expect(lineArea('1', village, 2021, 2020)).toBe('43');
    expect(lineKind(2020, 2020)).toBe('POVERTY_LINE');
    expect(lineKind(2024, 2020)).toBe('MONITORING_LINE');
  });

  it('keeps a provincial or municipal standard’s own area in every year', () => {
    expect(lineArea('2', village, 2016, 2020)).toBe('43');
    expect(lineArea('3', village, 2016, 2020)).toBe('4331');
    expect(lineArea('3', village, 2023, 2020)).toBe('4331');
  });

  it('says who sets a missing line', () => {
    expect(missingLine('', 2019, 2020)).toBe('there is no national poverty line for 2019: an admin sets it (setPovertyLine with areaCode "")');
    expect(missingLine('43', 2024, 2020)).toBe(
      'there is no line for this household: the monitoring line 防返贫监测线 of province 43 for 2024 (after 2020 the national line is no longer raised; each province sets its own) is not set. ' +
        'An admin or an official of province 43 sets it (setPovertyLine with areaCode "43", year 2024)',
    );
  });
});

describe('the years an exit checks', () => {
  it('are the exit year and the year before by default', () => {
    expect(exitIncomeYears(2018, 2)).toEqual([2017, 2018]);
    expect(exitIncomeYears(2018, 3)).toEqual([2016, 2017, 2018]);
  });
});

describe('the income test of identification', () => {
  it('judges an application of 2014 on 2013 income against the 2013 line of 2,736 yuan', () => {
    expect(identificationIncome(2014, { perCapitaNetIncome: 2000 }, 2736, 'no line')).toEqual({
      year: 2013, perCapitaNetIncome: 2000, line: 2736, qualifies: true, reason: 'per-capita net income 2000 yuan in 2013 is not above the line of 2736 yuan',
    });
    expect(identificationIncome(2014, { perCapitaNetIncome: 3000 }, 2736, 'no line')).toMatchObject({ qualifies: false, reason: 'per-capita net income 3000 yuan in 2013 is above the line of 2736 yuan' });
  });

  it('is blocked without the record or the line', () => {
    expect(identificationIncome(2014, null, 2736, 'no line')).toEqual({ blocked: "the identification standard judges an application of 2014 on the household's 2013 income: record it (recordHouseholdYear, year 2013) before county approval" });
    expect(identificationIncome(2014, { perCapitaNetIncome: 2000 }, null, 'no line')).toEqual({ blocked: 'no line' });
  });
});
