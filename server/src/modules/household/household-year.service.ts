/**
 * Yearly records 年度数据 after they are recorded (issue 15, item 7): a correction replaces
 * one year's values with a reason, only at the version the caller read (else CONFLICT),
 * keeps the values it replaced (household_year_revisions, read back as `revisions`), and
 * appends the audit record and the change event household.yearCorrected — one
 * transaction. The year's member count stays as recorded; the household's latest-year
 * summary and warnings follow when the latest year is corrected, and monitoring
 * 防返贫监测 checks the corrected values again. Also the checks and effects a year write
 * shares with recordHouseholdYear, among them the year's own migrant work by member
 * (item 8), which the year's rules read instead of the members' form values.
 */
import { randomUUID } from 'node:crypto';
import { requireRegistryWriter } from '../../auth/require.js';
import type { Tx } from '../../db/client.js';
import type { Context } from '../../graphql/context.js';
import { badInput, conflict, notFound, type FieldProblem } from '../../graphql/errors.js';
import { MigrantWork } from '../../codes/index.js';
import { keyOf } from '../../graphql/ids.js';
import { recordWrite } from '../audit/audit.service.js';
import { memberStore } from '../member/member.store.js';
import { monitoringService } from '../monitoring/monitoring.service.js';
import { qualityService } from '../quality/quality.service.js';
import type { HouseholdForm, MemberForm, YearForm, YearWork } from './household.form.js';
import { memberToForm, toHousehold, toHouseholdYear, yearColumns } from './household.mapper.js';
import { householdStore, type HouseholdRow, type YearRow } from './household.store.js';
import { validateHousehold } from './household.validate.js';
import { netIncome, perCapitaNetIncome } from './income.js';
import { yearRevisionStore } from './year-revision.store.js';

/**
 * The members as a year's rules (R9 wages, R10 months) see them (issue 15, item 8): with the
 * year's own migrant work when the record gives it — members not listed did not work away —
 * else as on the form.
 */
export function membersThatYear(rows: (MemberForm & { id: string })[], work: YearWork[] | null | undefined): MemberForm[] {
  if (!work) return rows.map((r) => memberToForm(r));
  const byKey = new Map(work.map((w) => [w.memberId, w]));
  return rows.map((r) => {
    const w = byKey.get(r.id);
    return { ...memberToForm(r), migrantWork: w?.migrantWork ?? MigrantWork.values.NONE, migrantMonths: w?.months ?? 0 };
  });
}

/** The year's migrant work with member keys: each a member of the household, listed once. */
function workOf(work: YearWork[] | null | undefined, memberKeys: readonly string[]): YearWork[] | null {
  if (!work) return null;
  const seen = new Set<string>();
  const p: FieldProblem[] = [];
  const out = work.map((w, j) => {
    const memberId = keyOf('Member', w.memberId, `input.migrantWork[${j}].memberId`);
    if (!memberKeys.includes(memberId)) p.push({ field: `input.migrantWork[${j}].memberId`, reason: 'not a member of this household: give the Member.id of one of its members' });
    else if (seen.has(memberId)) p.push({ field: `input.migrantWork[${j}].memberId`, reason: 'this member is listed twice: give each member once' });
    seen.add(memberId);
    return { memberId, migrantWork: w.migrantWork, months: w.months };
  });
  if (p.length) throw badInput(p);
  return out;
}

/** A rule's member field that came from the year's migrant work, as the input field it came from. */
const workField = (rows: readonly { id: string }[], work: YearWork[]) => (field: string) => {
  const m = /^members\[(\d+)\]\.(migrantMonths|migrantWork)$/.exec(field);
  const j = m ? work.findIndex((w) => w.memberId === rows[Number(m[1])]?.id) : -1;
  return j < 0 ? undefined : `input.migrantWork[${j}].${m![2] === 'migrantMonths' ? 'months' : 'migrantWork'}`;
};

/** The national rules that involve a year (warnings; errors refuse), and its columns with the incomes computed for `memberCount` members (default: today's). */
export async function checkedYear(tx: Tx, h: HouseholdRow, input: YearForm, memberCount?: number) {
  const rows = await memberStore.fullOf(tx, h.id);
  const year = { ...input, migrantWork: workOf(input.migrantWork, rows.map((r) => r.id)) };
  const members = membersThatYear(rows as unknown as (MemberForm & { id: string })[], year.migrantWork);
  // The stored form is not re-checked for format here: only the national rules that involve the year.
  const warnings = validateHousehold({ ...h, members } as HouseholdForm, year, {
    inputPath: 'household', yearPath: 'input', format: false, fieldOf: year.migrantWork ? workField(rows, year.migrantWork) : undefined,
  });
  const n = memberCount ?? members.length;
  return { warnings, columns: { ...yearColumns(year), memberCount: n, netIncome: netIncome(year.income), perCapitaNetIncome: perCapitaNetIncome(year.income, n) } };
}

/** After a year is written: the household's latest-year summary and warnings when it is the latest. */
export async function afterYearWrite(tx: Tx, h: HouseholdRow, row: YearRow, warnings: Awaited<ReturnType<typeof checkedYear>>['warnings']) {
  const latest = row.year >= (h.latestYear ?? 0);
  if (!latest) return { latest, household: h };
  const [updated] = await householdStore.update(tx, h.id, { latestYear: row.year, latestPerCapitaNetIncome: row.perCapitaNetIncome });
  await qualityService.store(tx, h.id, h.villageCode, warnings);
  return { latest, household: updated! };
}

export const householdYearService = {
  async correct(ctx: Context, id: string, input: YearForm & { reason: string; expectedVersion: number }) {
    requireRegistryWriter(ctx.caller);
    const reason = input.reason.trim();
    if (!reason || reason.length > 2000) throw badInput([{ field: 'input.reason', reason: 'say why the record is corrected (1 to 2,000 characters), e.g. the income survey it comes from' }]);
    const key = keyOf('Household', id, 'householdId');
    return ctx.db.transaction(async (tx) => {
      const h = await householdStore.lockForUpdate(tx, ctx.caller, key);
      if (!h) throw notFound(`household ${id}`);
      const before = await yearRevisionStore.lockYear(tx, key, input.year);
      if (!before) throw badInput([{ field: 'input.year', reason: `household ${h.number} has no record for ${input.year}: record it with recordHouseholdYear` }]);
      if (before.version !== input.expectedVersion) {
        throw conflict(`the ${input.year} record changed since you read it (version ${before.version}, you had ${input.expectedVersion}): reload it and apply your correction again`, { field: 'input.expectedVersion' });
      }
      const { warnings, columns } = await checkedYear(tx, h, input, before.memberCount);
      const row = await yearRevisionStore.replaceYear(tx, key, input.year, columns);
      await yearRevisionStore.insertRevision(tx, { id: randomUUID(), householdId: key, year: input.year, villageCode: h.villageCode, version: before.version, previous: before, reason, correctedBy: ctx.caller.id });
      const after = await afterYearWrite(tx, h, row, warnings);
      const household = toHousehold(after.household);
      await recordWrite(tx, ctx, {
        operation: 'correctHouseholdYear', event: 'household.yearCorrected', entityType: 'Household', entityId: household.id,
        areaCode: h.villageCode, before, after: { ...row, reason },
      });
      const monitoring = await monitoringService.onYearRecorded(tx, ctx, h, row, after.latest);
      return { household, year: toHouseholdYear(row), warnings, monitoring };
    });
  },

  /** The values corrections replaced, newest first, each with why and by whom. */
  async revisions(ctx: Context, householdKey: string, year: number) {
    const rows = (await ctx.loaders.household.yearRevisions.load(householdKey)).filter((r) => r.year === year);
    return rows.reverse().map((r) => ({
      version: r.version, reason: r.reason, correctedBy: r.correctedBy, correctedAt: r.correctedAt,
      previous: { ...toHouseholdYear(reviveYear(r.previous as Record<string, unknown>)), householdKey: null },
    }));
  },
};

/** A year row kept as JSON back to its row (timestamps were serialised as strings). */
const reviveYear = (j: Record<string, unknown>) => ({ ...j, recordedAt: new Date(String(j.recordedAt)) }) as YearRow;
