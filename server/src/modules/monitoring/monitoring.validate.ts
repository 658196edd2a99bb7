/**
 * Input checks of monitoring writes: dates in order (identified ≤ help/removal ≤ today),
 * texts within bounds, amounts and thresholds in range. Each problem names the input
 * field and says what to enter.
 */
import type { FieldProblem } from '../../graphql/errors.js';
import { FIRST_YEAR } from '../household/household.validate.js';
import type { MonitoringHelpInput, RemoveMonitoringRiskInput, SetMonitoringSettingsInput, StartMonitoringInput } from './monitoring.type.js';

const text = (v: string | null | undefined, max: number) => !!v && v.trim().length >= 1 && v.length <= max;

function dateBetween(p: FieldProblem[], field: string, d: string, from: string, today: string, what: string) {
  if (d > today) p.push({ field, reason: `cannot be in the future (today is ${today})` });
  else if (d < from) p.push({ field, reason: `cannot be before ${what} (${from})` });
}

export function startProblems(i: StartMonitoringInput, today: string): FieldProblem[] {
  const p: FieldProblem[] = [];
  if (!text(i.risk, 500)) p.push({ field: 'input.risk', reason: 'describe the risk in 1–500 characters' });
  if (i.riskTypes.length < 1 || i.riskTypes.length > 5) p.push({ field: 'input.riskTypes', reason: 'give one to five risk types' });
  dateBetween(p, 'input.identifiedOn', i.identifiedOn, `${FIRST_YEAR}-01-01`, today, 'the registry’s first year');
  return p;
}

export function helpProblems(i: MonitoringHelpInput, identifiedOn: string, today: string): FieldProblem[] {
  const p: FieldProblem[] = [];
  dateBetween(p, 'input.givenOn', i.givenOn, identifiedOn, today, 'the date the household was identified for monitoring');
  if (!text(i.measure, 200)) p.push({ field: 'input.measure', reason: 'say what was done in 1–200 characters' });
  if (i.amountYuan != null && !(i.amountYuan >= 0 && i.amountYuan < 1e9)) p.push({ field: 'input.amountYuan', reason: 'give an amount from 0 to less than 1,000,000,000 yuan, or leave it empty' });
  return p;
}

export function removalProblems(i: RemoveMonitoringRiskInput, identifiedOn: string, today: string): FieldProblem[] {
  const p: FieldProblem[] = [];
  dateBetween(p, 'input.removedOn', i.removedOn, identifiedOn, today, 'the date the household was identified for monitoring');
  if (i.note != null && i.note.length > 500) p.push({ field: 'input.note', reason: 'at most 500 characters' });
  return p;
}

export function settingsProblems(i: SetMonitoringSettingsInput): FieldProblem[] {
  const p: FieldProblem[] = [];
  if (!/^(\d{2})?$/.test(i.areaCode)) p.push({ field: 'input.areaCode', reason: 'give "" for the national thresholds or a 2-digit province code' });
  if (!(i.incomeMultiple > 1 && i.incomeMultiple <= 3)) p.push({ field: 'input.incomeMultiple', reason: 'must be more than 1 and at most 3 (policy: 1.5)' });
  if (!(i.fallShare > 0 && i.fallShare < 1)) p.push({ field: 'input.fallShare', reason: 'must be more than 0 and less than 1 (0.3 = 30%)' });
  if (!(i.scaleMax > 0 && i.scaleMax <= 1)) p.push({ field: 'input.scaleMax', reason: 'must be more than 0 and at most 1 (policy: 0.10)' });
  if (!(i.scaleTarget > 0 && i.scaleTarget <= i.scaleMax)) p.push({ field: 'input.scaleTarget', reason: 'must be more than 0 and at most scaleMax (policy: 0.05)' });
  return p;
}
