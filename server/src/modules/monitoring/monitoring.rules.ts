/**
 * Monitoring against falling back into poverty 防返贫监测 (reference: "Monitoring against
 * falling back (防返贫监测, 2020–)"; issue 3, item 10).
 *
 * Triggers, evaluated on a household's yearly record against its line for that year:
 * - LOW_INCOME: per-capita net income strictly under `incomeMultiple` × the line
 *   (policy: about 1.5; 1.49× fires, 1.5× and 1.51× do not);
 * - RIGID_SPENDING: rigid spending (illness, disability, disaster) above the year's net
 *   income (household totals, yuan);
 * - INCOME_FALL: per-capita net income fell by at least `fallShare` (default 30%) from the
 *   record of the year before.
 * Kind of a monitored household, by rule:
 * - a registered household out of poverty (status 1 or 4) → 脱贫不稳定户 UNSTABLE_EXITED;
 * - a household not in the register (candidate, rejected, removed) → 突发严重困难户
 *   SUDDEN_HARDSHIP when rigid spending or a sharp fall fired, else 边缘易致贫户 MARGINAL_AT_RISK;
 * - a registered household not yet out (status 0) or fallen back (3) is not monitored: it
 *   is helped as a poor household (a relapse is a status change, not monitoring).
 * Scale: the monitored population is usually about `scaleTarget` (5%) and at most
 * `scaleMax` (10%) of the registered population.
 *
 * Contract: pure functions; amounts in yuan, thresholds computed to the cent.
 */
import { MonitoringKind, MonitoringTrigger, PovertyStatus } from '../../codes/index.js';

export interface MonitoringSettings {
  incomeMultiple: number;
  fallShare: number;
  scaleTarget: number;
  scaleMax: number;
}

/** The published policy figures, used where no national or provincial row is set. */
export const POLICY_DEFAULTS: MonitoringSettings = { incomeMultiple: 1.5, fallShare: 0.3, scaleTarget: 0.05, scaleMax: 0.1 };

export interface YearFigures {
  year: number;
  netIncome: number;
  perCapitaNetIncome: number;
  rigidSpending: number;
}

export interface TriggerFound {
  trigger: string;
  /** The household's figure: per-capita income, rigid spending, or the share fallen. */
  value: number;
  /** What it was compared with: the income threshold, the net income, or the configured share. */
  threshold: number;
  detail: string;
}

const { LOW_INCOME, RIGID_SPENDING, INCOME_FALL } = MonitoringTrigger.values;
const { UNSTABLE_EXITED, MARGINAL_AT_RISK, SUDDEN_HARDSHIP } = MonitoringKind.values;
const EXITED = new Set<string>([PovertyStatus.values.EXITED_WITH_POLICY, PovertyStatus.values.EXITED_POLICY_ENDED]);
const cents = (n: number) => Math.round(n * 100) / 100;
const yuan = (n: number) => n.toLocaleString('en-US', { maximumFractionDigits: 2 });

/** The triggers a year's record fires; `line` null when the year has no line (LOW_INCOME is then not judged). */
export function triggers(current: YearFigures, previous: YearFigures | null, line: number | null, s: MonitoringSettings): TriggerFound[] {
  const found: TriggerFound[] = [];
  if (line != null) {
    const threshold = cents(s.incomeMultiple * line);
    if (current.perCapitaNetIncome < threshold) {
      found.push({ trigger: LOW_INCOME, value: current.perCapitaNetIncome, threshold,
        detail: `per-capita net income ${yuan(current.perCapitaNetIncome)} is under ${s.incomeMultiple} × the ${current.year} line of ${yuan(line)} = ${yuan(threshold)}` });
    }
  }
  if (current.rigidSpending > 0 && current.rigidSpending > current.netIncome) {
    found.push({ trigger: RIGID_SPENDING, value: current.rigidSpending, threshold: current.netIncome,
      detail: `rigid spending ${yuan(current.rigidSpending)} is above the net income of ${yuan(current.netIncome)}` });
  }
  if (previous && previous.year === current.year - 1 && previous.perCapitaNetIncome > 0) {
    const fall = (previous.perCapitaNetIncome - current.perCapitaNetIncome) / previous.perCapitaNetIncome;
    // A tolerance of a millionth keeps an exact 30% fall (5,000 → 3,500) a 30% fall in floating point.
    if (fall + 1e-6 >= s.fallShare) {
      found.push({ trigger: INCOME_FALL, value: Math.round(fall * 10_000) / 10_000, threshold: s.fallShare,
        detail: `per-capita net income fell ${Math.round(fall * 1000) / 10}% from ${yuan(previous.perCapitaNetIncome)} (${previous.year}) to ${yuan(current.perCapitaNetIncome)} (${current.year}); the threshold is ${Math.round(s.fallShare * 1000) / 10}%` });
    }
  }
  return found;
}

export interface HouseholdState {
  /** Register stage: REGISTERED, CANDIDATE, REJECTED, REMOVED. */
  stage: string;
  /** Poverty status code. */
  status: string;
}

/** The kinds a household may be monitored as; empty when it is registered as poor (not out, or fallen back). */
export function kindsAllowed(h: HouseholdState): string[] {
  if (h.stage === 'REGISTERED') return EXITED.has(h.status) ? [UNSTABLE_EXITED] : [];
  return [MARGINAL_AT_RISK, SUDDEN_HARDSHIP];
}

/** Why a household cannot be monitored as `kind`, or null when it can. */
export function kindRefusal(h: HouseholdState, kind: string): string | null {
  const allowed = kindsAllowed(h);
  if (allowed.includes(kind)) return null;
  if (!allowed.length) return 'the household is registered as poor (not yet out, or fallen back): it is helped as a poor household, not monitored';
  return allowed.length === 1
    ? `a registered household out of poverty is monitored as ${MonitoringKind.label(UNSTABLE_EXITED)} (UNSTABLE_EXITED)`
    : `a household outside the register is monitored as ${MonitoringKind.label(MARGINAL_AT_RISK)} (MARGINAL_AT_RISK) or ${MonitoringKind.label(SUDDEN_HARDSHIP)} (SUDDEN_HARDSHIP)`;
}

/** The kind a yearly update opens monitoring as, or null when the household is not monitored. */
export function kindFor(h: HouseholdState, fired: TriggerFound[]): string | null {
  const allowed = kindsAllowed(h);
  if (!allowed.length || !fired.length) return null;
  if (allowed.includes(UNSTABLE_EXITED)) return UNSTABLE_EXITED;
  return fired.some((t) => t.trigger === RIGID_SPENDING || t.trigger === INCOME_FALL) ? SUDDEN_HARDSHIP : MARGINAL_AT_RISK;
}

/** The monitored share of the registered population, against the usual and the most. */
export function scaleOf(monitoredPeople: number, registeredPeople: number, s: MonitoringSettings) {
  const share = registeredPeople > 0 ? Math.round((monitoredPeople / registeredPeople) * 10_000) / 10_000 : 0;
  return { monitoredPeople, registeredPeople, share, target: s.scaleTarget, maximum: s.scaleMax, overTarget: share > s.scaleTarget, overMaximum: share > s.scaleMax };
}

/** Why a risk cannot be removed this way, or null: "removed through help" needs help recorded. */
export function removalRefusal(how: string, helpCount: number): string | null {
  return how === '1' && helpCount === 0 ? 'no help is recorded for this household: record the help given first (recordMonitoringHelp), or give NATURAL' : null;
}
