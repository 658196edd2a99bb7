/**
 * What the end of a case does to the register (issue 3, items 1, 2, 8, 9), each change
 * recorded as a status event with the case it came from:
 * - identification announced → the household is REGISTERED, status 0, identified that day;
 *   rejected → REJECTED (its record stays, for a later application);
 * - exit announced → status 1 (exited, still receiving policy), exit year, and the day the
 *   policies end (EXIT_POLICY_YEARS later), when status 4 may be recorded;
 * - relapse confirmed → status 3 (the relapse event names the exit year it follows;
 *   the relapse event names it); identification announced or relapse confirmed closes an
 *   open monitoring case as CONVERTED (issue 15, item 6); removal confirmed → REMOVED, its quota use released and its
 *   pairing with a responsible person ended;
 * - poor village announced → poverty status 1 (贫困村), identified that year; its exit
 *   announced → status 2 (出列), exit year.
 * A rejected exit, relapse, removal or village case changes nothing.
 */
import { procedureConfig } from '../../config.js';
import type { Tx } from '../../db/client.js';
import type { Context } from '../../graphql/context.js';
import { householdStore } from '../household/household.store.js';
import { historyService } from '../history/history.service.js';
import { villageStore } from '../village/village.store.js';
import { caseStore, type CaseRow } from './case.store.js';
import { addYears } from './case.rules.js';
import { releaseQuota } from '../quota/quota.service.js';
import { pairingStore } from '../pairing/pairing.store.js';
import { monitoringStore } from '../monitoring/monitoring.store.js';
import { recordWrite } from '../audit/audit.service.js';
import { toGlobalId } from '../../graphql/ids.js';
import { REJECTED, type CaseKind } from './procedures.js';


const REASONS: Record<CaseKind, string> = {
  HOUSEHOLD_IDENTIFICATION: 'identified and announced (建档立卡)',
  HOUSEHOLD_EXIT: 'exit announced (退出)',
  HOUSEHOLD_RELAPSE: 'relapse confirmed (返贫)',
  HOUSEHOLD_REMOVAL: 'removed as wrongly registered (错评清退)',
  VILLAGE_IDENTIFICATION: 'identified as a poor village and announced',
  VILLAGE_EXIT: 'exit of the poor village announced (出列)',
};

/** A household leaving the help (removed, or its policies ended) ends its current pairing 结对帮扶 that day. */
export async function endPairingOf(tx: Tx, householdId: string, date: string) {
  const current = await pairingStore.currentOf(tx, householdId);
  if (current) await pairingStore.end(tx, current.id, date < current.startedOn ? current.startedOn : date);
}

export async function applyEnd(tx: Tx, ctx: Context, c: CaseRow, date: string, data: Record<string, unknown>) {
  const kind = c.kind as CaseKind;
  if (kind === 'VILLAGE_IDENTIFICATION' || kind === 'VILLAGE_EXIT') {
    if (c.state === REJECTED) return;
    const [from, to] = kind === 'VILLAGE_EXIT' ? ['1', '2'] : ['0', '1'];
    const years = kind === 'VILLAGE_EXIT' ? { exitYear: c.year } : { identifiedYear: c.year, exitYear: null };
    await villageStore.upsertStatus(tx, { code: c.villageCode, povertyStatus: to, ...years });
    await historyService.record(tx, ctx, { subjectType: 'VILLAGE', villageCode: c.villageCode, fromStatus: from, toStatus: to, reason: REASONS[kind], effectiveDate: date, caseId: c.id });
    return;
  }
  const h = await householdStore.lockForUpdate(tx, ctx.caller, c.householdId!);
  if (!h) return;
  let set: Partial<typeof h> | null = null;
  let reason = REASONS[kind];
  if (c.state === REJECTED) {
    if (kind !== 'HOUSEHOLD_IDENTIFICATION') return;
    set = { stage: 'REJECTED' };
    reason = `identification rejected: ${String(data.reason ?? '')}`.trim();
  } else if (kind === 'HOUSEHOLD_IDENTIFICATION') set = { stage: 'REGISTERED', status: '0', firstIdentifiedDate: date };
  else if (kind === 'HOUSEHOLD_EXIT') set = { status: '1', exitYear: c.year, exitPolicyEndsOn: addYears(date, procedureConfig().exitPolicyYears) };
  else if (kind === 'HOUSEHOLD_RELAPSE') {
    // The relapse event names the exit year it follows (householdAsOf still reads exitYear from the live record).
    set = { status: '3', exitPolicyEndsOn: null };
    reason = `${reason}: cause ${String((c.data as { cause?: string }).cause ?? '')}${h.exitYear ? `; had exited in ${h.exitYear}` : ''}`;
  } else if (kind === 'HOUSEHOLD_REMOVAL') {
    set = { stage: 'REMOVED' };
    // The people it brought in no longer count against the quota of the year it was identified.
    const identified = (await caseStore.byHouseholds(tx, ctx.caller, [h.id])).find((x) => x.kind === 'HOUSEHOLD_IDENTIFICATION' && x.outcome === 'APPROVED');
    if (identified) await releaseQuota(tx, ctx, { householdId: h.id, year: identified.year });
    await endPairingOf(tx, h.id, date);
    reason = `${reason}: ${String((c.data as { reason?: string }).reason ?? '')}`;
  }
  if (!set) return;
  await householdStore.update(tx, h.id, set);
  if (set.status === '0' || set.status === '3') {
    // Registered (again) as poor: its monitoring case, if one is open, is closed as converted.
    const [closed] = await monitoringStore.convertOpen(tx, h.id, { removedOn: date, removalNote: `${REASONS[kind]} on ${date}: helped as a poor household`, removedBy: ctx.caller.id });
    if (closed) await recordWrite(tx, ctx, { operation: `case.${kind === 'HOUSEHOLD_RELAPSE' ? 'approve' : 'announce'}`, event: 'monitoring.converted', entityType: 'MonitoringCase', entityId: toGlobalId('MonitoringCase', String(closed.id)), areaCode: h.villageCode, before: { status: 'OPEN' }, after: closed });
  }
  await historyService.record(tx, ctx, {
    subjectType: 'HOUSEHOLD', householdId: h.id, villageCode: h.villageCode,
    fromStatus: h.status, toStatus: set.status ?? h.status, fromStage: h.stage, toStage: set.stage ?? h.stage,
    reason, effectiveDate: date, caseId: c.id,
  });
}
