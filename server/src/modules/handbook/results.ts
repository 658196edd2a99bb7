/** Part 6 of the household handbook 扶贫手册, results 帮扶成效: a pure rule over the household's yearly records and measures. */
/** Income over the years with the change from the previous recorded year; completed measures per plan year. */
export function results(years: { year: number; memberCount: number; netIncome: number; perCapitaNetIncome: number }[], measures: { year: number; status: string }[]) {
  return years.map((y, i) => ({
    year: y.year,
    memberCount: y.memberCount,
    netIncome: y.netIncome,
    perCapitaNetIncome: y.perCapitaNetIncome,
    perCapitaChange: i === 0 ? null : Math.round((y.perCapitaNetIncome - years[i - 1].perCapitaNetIncome) * 100) / 100,
    measuresCompleted: measures.filter((m) => m.year === y.year && m.status === 'completed').length,
  }));
}
