import { describe, expect, it } from 'vitest';
import { results } from './results.js';

describe('handbook results', () => {
  it('gives the per-capita change from the previous recorded year and the completed measures of each year', () => {
    const years = [
      { year: 2015, memberCount: 3, netIncome: 6000, perCapitaNetIncome: 2000 },
      { year: 2016, memberCount: 3, netIncome: 9000.3, perCapitaNetIncome: 3000.1 },
      { year: 2018, memberCount: 4, netIncome: 14000, perCapitaNetIncome: 3500 },
    ];
    const measures = [{ year: 2016, status: 'completed' }, { year: 2016, status: 'in_progress' }, { year: 2016, status: 'completed' }, { year: 2018, status: 'cancelled' }];
    expect(results(years, measures).map((r) => [r.year, r.perCapitaChange, r.measuresCompleted])).toEqual([[2015, null, 0], [2016, 1000.1, 2], [2018, 499.9, 0]]);
  });
});
