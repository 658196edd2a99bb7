/**
 * The indicator catalogue of the county assessment 精准考核 (reference "Assessment", issue 14):
 * for each indicator its heading, direction, formula in words, the sources it may read and
 * how its raw value comes from a county's inputs. A ratio whose denominator is 0, or whose
 * source has nothing recorded, has no value (null) and says why.
 */
import type { CodeOf } from '../../codes/index.js';
import type { AssessmentHeading, AssessmentIndicator, IndicatorDirection, IndicatorSource } from '../../codes/assessment.codes.js';

type Indicator = CodeOf<typeof AssessmentIndicator>;
type Source = CodeOf<typeof IndicatorSource>;

/** What the assessment reads of one county for a year (store: assessment.store.ts). */
export interface CountyInputs {
  countyCode: string;
  countyName: string;
  spotCheck: {
    sampledRegistered: number | null;
    wronglyIncluded: number | null;
    sampledNonRegistered: number;
    missedPoorFound: number;
    surveyedHouseholds: number;
    approvingHouseholds: number;
  } | null;
  /** Registered households receiving policy (status 0, 1 or 3). */
  householdsReceivingPolicy: number;
  /** Households with a current responsible person. */
  pairedHouseholds: number;
  poorVillages: number;
  poorVillagesWithTeam: number;
  /** The year's measures not cancelled, and of them completed. */
  measuresActive: number;
  measuresCompleted: number;
  /** The year's allocations (yuan), spent against them, and the yuan of findings. */
  allocated: number;
  spent: number;
  findings: number;
  /** People poor (status 0 or 3) at the end of the previous year and of the year, and people exited in the year. */
  poorStart: number;
  poorEnd: number;
  exitedPeople: number;
  /** Per-capita net income of registered households' yearly records: households and sum, previous year and year. */
  incomePrevious: { households: number; sum: number };
  incomeYear: { households: number; sum: number };
}

export interface Raw {
  value: number | null;
  /** The figures behind it, or why it has none. */
  note: string;
}

export interface IndicatorDef {
  heading: CodeOf<typeof AssessmentHeading>;
  direction: CodeOf<typeof IndicatorDirection>;
  sources: readonly Source[];
  formula: string;
  raw(c: CountyInputs): Raw;
}

const fmt = (x: number) => (Number.isInteger(x) ? String(x) : x.toFixed(2));
function ratio(a: number, b: number, what: string): Raw {
  return b > 0 ? { value: a / b, note: `${fmt(a)} ÷ ${fmt(b)}` } : { value: null, note: `no value: ${what} is 0` };
}
const NO_SPOT_CHECK: Raw = { value: null, note: 'no value: no spot check is recorded for the county and year (recordSpotCheck)' };

export const INDICATORS: Record<Indicator, IndicatorDef> = {
  wrong_inclusion_rate: {
    heading: 'identification', direction: 'lower', sources: ['spot_check'],
    formula: '错评率 = sampled registered people not meeting the standard ÷ sampled registered people',
    raw: (c) => {
      if (!c.spotCheck) return NO_SPOT_CHECK;
      if (c.spotCheck.sampledRegistered == null || c.spotCheck.wronglyIncluded == null) return { value: null, note: 'no value: the spot check did not record sampled registered people (sampledRegistered, wronglyIncluded)' };
      return ratio(c.spotCheck.wronglyIncluded, c.spotCheck.sampledRegistered, 'the sampled registered people');
    },
  },
  missed_rate: {
    heading: 'identification', direction: 'lower', sources: ['spot_check'],
    formula: '漏评率 = missed poor found ÷ sampled non-registered people',
    raw: (c) => (c.spotCheck ? ratio(c.spotCheck.missedPoorFound, c.spotCheck.sampledNonRegistered, 'the sampled non-registered people') : NO_SPOT_CHECK),
  },
  pairing_coverage: {
    heading: 'assistance', direction: 'higher', sources: ['stat_pairings'],
    formula: '帮扶责任人覆盖率 = households with a current responsible person ÷ registered households receiving policy (status 0, 1, 3), at most 1',
    raw: (c) => {
      const r = ratio(c.pairedHouseholds, c.householdsReceivingPolicy, 'the registered households receiving policy');
      return r.value == null ? r : { value: Math.min(1, r.value), note: r.note };
    },
  },
  work_team_coverage: {
    heading: 'assistance', direction: 'higher', sources: ['work_teams'],
    formula: '驻村工作队覆盖率 = poor villages with a current work team ÷ poor villages',
    raw: (c) => ratio(c.poorVillagesWithTeam, c.poorVillages, 'the number of poor villages'),
  },
  measures_completed: {
    heading: 'assistance', direction: 'higher', sources: ['stat_measures'],
    formula: "帮扶措施落实率 = completed measures of the year ÷ the year's measures not cancelled",
    raw: (c) => ratio(c.measuresCompleted, c.measuresActive, "the number of the year's measures (not cancelled)"),
  },
  satisfaction: {
    heading: 'assistance', direction: 'higher', sources: ['spot_check'],
    formula: '群众认可度 = approving households ÷ surveyed households',
    raw: (c) => (c.spotCheck ? ratio(c.spotCheck.approvingHouseholds, c.spotCheck.surveyedHouseholds, 'the surveyed households') : NO_SPOT_CHECK),
  },
  disbursement_rate: {
    heading: 'funds', direction: 'higher', sources: ['fund_allocations'],
    formula: "资金支出进度 = yuan spent ÷ yuan allocated, the year's allocations in the county",
    raw: (c) => ratio(c.spent, c.allocated, "the year's allocations"),
  },
  fund_findings_share: {
    heading: 'funds', direction: 'lower', sources: ['fund_findings'],
    formula: "资金问题金额占比 = yuan of the year's findings ÷ yuan allocated",
    raw: (c) => ratio(c.findings, c.allocated, "the year's allocations"),
  },
  poor_population_fall: {
    heading: 'results', direction: 'higher', sources: ['stat_transitions'],
    formula: '贫困人口减少率 = (poor people at the start of the year − at its end) ÷ poor people at the start (status 0 or 3)',
    raw: (c) => {
      const r = ratio(c.poorStart - c.poorEnd, c.poorStart, 'the poor people at the start of the year');
      return r.value == null ? r : { value: r.value, note: `(${c.poorStart} − ${c.poorEnd}) ÷ ${c.poorStart}` };
    },
  },
  income_growth: {
    heading: 'results', direction: 'higher', sources: ['stat_income'],
    formula: 'income growth = mean per-capita net income of registered households this year ÷ the previous year − 1',
    raw: (c) => {
      const { incomePrevious: p, incomeYear: y } = c;
      if (!(p.households > 0 && y.households > 0 && p.sum > 0)) return { value: null, note: 'no value: registered households need yearly records of both years' };
      const a = y.sum / y.households;
      const b = p.sum / p.households;
      return { value: a / b - 1, note: `${fmt(a)} ÷ ${fmt(b)} − 1 (yuan per person)` };
    },
  },
  exit_rate: {
    heading: 'results', direction: 'higher', sources: ['stat_transitions'],
    formula: '脱贫率 = people exited in the year ÷ poor people at the start of the year',
    raw: (c) => ratio(c.exitedPeople, c.poorStart, 'the poor people at the start of the year'),
  },
};
