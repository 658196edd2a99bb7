/**
 * One pass over an import's file, streamed: header, rows, households in batches of
 * BATCH; each household checked by the form rules (bulk.rules.ts) and against the
 * register — its village in the import's area, its number (a correction when it is
 * registered: version checked), each person once in the file and not registered in
 * another household (one person, one registration, national), a yearly record already
 * recorded left as it is only when it is the same. Contract: the pass hands each clean batch
 * to `write` (the upload stages it, bulk.stage.ts; a commit whose staged rows are gone stages
 * them again inside its transaction). File-level problems (empty, no or bad header) come back as `fileProblems`.
 */
import { inScope } from '../../auth/caller.js';
import type { Tx } from '../../db/client.js';
import type { Context } from '../../graphql/context.js';
import { parseIdNumber } from '../member/id-number.js';
import { memberStore } from '../member/member.store.js';
import { memberToForm, yearColumns } from '../household/household.mapper.js';
import { changes } from '../household/household.correction.js';
import type { HouseholdForm } from '../household/household.form.js';
import { PovertyStatus } from '../../codes/index.js';
import { byKey } from './bulk.columns.js';
import { Grouper, type HouseholdGroup } from './bulk.group.js';
import { readHeader } from './bulk.header.js';
import { openRows } from './bulk.read.js';
import { ReportBuilder, type Report, type RowProblem } from './bulk.report.js';
import { checkForm } from './bulk.rules.js';
import { blank, parseRow, problem } from './bulk.row.js';
import { bulkStore } from './bulk.store.js';

const BATCH = 1_000;

/** A household that passed every check, with what the register holds of it (for a correction). */
export interface Checked {
  g: HouseholdGroup;
  existing?: { id: string; version: number; latestYear: number | null };
  /** Its yearly records not yet in the register. */
  newYears: HouseholdGroup['years'];
  /** A registered household the file gives exactly as the register has it (and no new year): nothing to write. */
  unchanged: boolean;
}

export interface PassResult {
  report: ReportBuilder;
  fileProblems?: { field: string; reason: string }[];
}

export interface PassOptions {
  areaCode: string;
  /** Called with each batch of checked households while the file has no error so far. */
  write?: (batch: Checked[]) => Promise<void>;
  /** Take the corrected households' rows FOR UPDATE (inside the commit's transaction). */
  lock?: boolean;
}

const sameYear = (a: Record<string, unknown>, b: Record<string, unknown>) =>
  Object.entries(a).every(([k, v]) => (v ?? 0) === (b[k] ?? 0) || Number(v ?? 0) === Number(b[k] ?? 0));

export async function runPass(db: Tx, ctx: Context, chunks: AsyncIterable<Buffer>, o: PassOptions): Promise<PassResult> {
  const opened = await openRows(chunks);
  if ('empty' in opened) return { report: new ReportBuilder('', ''), fileProblems: [{ field: 'file', reason: 'the file is empty: upload the register in the national form\'s layout, header row first' }] };
  const report = new ReportBuilder(opened.info.format, opened.info.encoding);
  const villages = await bulkStore.villagesIn(db, ctx.caller, o.areaCode);
  const people = new Map<string, number>();
  const grouper = new Grouper();
  let layout: ReturnType<typeof readHeader>['layout'];
  let batch: HouseholdGroup[] = [];

  const flush = async () => {
    const checked = await checkBatch(db, ctx, batch, villages, people, report, o.areaCode, !!o.lock);
    batch = [];
    if (o.write && report.errors === 0) await o.write(checked);
  };

  for await (const r of opened.rows) {
    if (!layout) {
      if (blank(r.cells)) continue;
      if (r.note) return { report, fileProblems: [{ field: 'file.header', reason: r.note }] };
      const h = readHeader(r.cells);
      if (!h.layout) {
        const hint = opened.info.encoding === 'GB18030' ? ' (the file is not UTF-8; it was read as GBK/GB18030: if the headers look garbled, save it as "CSV UTF-8" and upload again)' : '';
        return { report, fileProblems: h.problems.map((p) => ({ field: `file.header.${p.column}`, reason: p.reason + hint })) };
      }
      layout = h.layout;
      continue;
    }
    if (blank(r.cells)) continue;
    report.rows++;
    const g = grouper.push(parseRow(layout, r));
    if (g) batch.push(g);
    if (batch.length >= BATCH) await flush();
  }
  if (!layout) return { report, fileProblems: [{ field: 'file', reason: 'the file has no header row: the first row must hold the national form\'s column headers' }] };
  const last = grouper.end();
  if (last) batch.push(last);
  if (batch.length) await flush();
  if (report.rows === 0) return { report, fileProblems: [{ field: 'file', reason: 'the file has a header row but no data rows: add one row per member' }] };
  return { report };
}

async function checkBatch(db: Tx, ctx: Context, groups: HouseholdGroup[], villages: Set<string>, people: Map<string, number>, report: ReportBuilder, areaCode: string, lock: boolean): Promise<Checked[]> {
  const numbers = groups.flatMap((g) => (g.number ? [g.number] : []));
  const existing = new Map((numbers.length ? await bulkStore.byNumbers(db, ctx.caller, numbers, lock) : []).map((h) => [h.number, h]));
  const missing = numbers.filter((n) => !existing.has(n));
  const taken = missing.length ? await bulkStore.numbersTaken(db, missing) : new Set<string>();
  const residentIds: string[] = [];
  for (const g of groups) for (const m of g.form.members) { const id = parseIdNumber(String(m.idNumber ?? '')); if (id.ok) residentIds.push(id.residentId); }
  const registered = residentIds.length ? await memberStore.registered(db, residentIds) : [];
  const registeredBy = new Map(registered.map((r) => [r.residentId, r]));
  const ownIds = [...existing.values()].map((h) => h.id);
  const years = ownIds.length ? await bulkStore.yearsOf(db, ownIds) : [];
  const currentMembers = ownIds.length ? await bulkStore.membersOf(db, ownIds) : [];
  const out: Checked[] = [];

  for (const g of groups) {
    const problems: RowProblem[] = [...g.problems];
    if (!problems.length) problems.push(...checkForm(g));
    const village = g.form.villageCode;
    const own = g.number ? existing.get(g.number) : undefined;
    if (village && !villages.has(village)) {
      const reason = !/^\d{12}$/.test(village)
        ? `"${village}" is not a 12-digit village code`
        : village.startsWith(areaCode)
          ? `no village ${village} in the register within your area: enter the 12-digit code of a village you serve`
          : `village ${village} is not in ${areaCode}, the area this import is for: this file holds another area's households — upload it for that area${inScope(ctx.caller, village) ? '' : ' (its office must)'}`;
      problems.push(problem(g.firstRow, byKey.get('villageCode'), village, 'AREA', reason));
    }
    if (g.number && village && !g.number.startsWith(village)) {
      problems.push(problem(g.firstRow, byKey.get('householdNumber'), g.number, 'FORMAT', `household number ${g.number} does not begin with its village code ${village}`));
    }
    if (g.number && !own && taken.has(g.number)) {
      problems.push(problem(g.firstRow, byKey.get('householdNumber'), g.number, 'REGISTERED', 'this household number is registered outside your area; ask the county office'));
    }
    if (own && g.version != null && g.version !== own.version) {
      problems.push(problem(g.firstRow, byKey.get('version'), String(g.version), 'VERSION',
        `household ${own.number} changed since this file was exported (version ${own.version} in the register, ${g.version} in the file): export it again and reapply your changes`));
    }
    if (own && own.villageCode !== village && village) {
      problems.push(problem(g.firstRow, byKey.get('villageCode'), village, 'VILLAGE', `household ${own.number} is registered in village ${own.villageCode}: a correction cannot move it`));
    }
    g.form.members.forEach((m, i) => {
      const id = parseIdNumber(String(m.idNumber ?? ''));
      if (!id.ok) return;
      const row = g.memberRows[i]!;
      const first = people.get(id.residentId);
      if (first !== undefined) problems.push(problem(row, byKey.get('idNumber'), m.idNumber, 'DUPLICATE_IN_FILE', `this person is on row ${first} too: a person is registered once; remove one of the rows`));
      else people.set(id.residentId, row);
      const t = registeredBy.get(id.residentId);
      if (t && t.householdId !== own?.id) {
        problems.push(problem(row, byKey.get('idNumber'), m.idNumber, 'REGISTERED', inScope(ctx.caller, t.villageCode)
          ? `already registered in household ${t.number}: a person is registered once nationally; correct that household instead`
          : 'already registered in a household outside your area; ask the county office'));
      }
    });
    const newYears: HouseholdGroup['years'] = [];
    for (const y of g.years) {
      const prior = own && years.find((r) => r.householdId === own.id && r.year === y.form.year);
      if (!prior) newYears.push(y);
      else if (!sameYear(yearColumns(y.form), prior as unknown as Record<string, unknown>)) {
        problems.push(problem(y.row, byKey.get('year'), String(y.form.year), 'YEAR_RECORDED', `household ${own.number} already has a different record for ${y.form.year}; an import does not overwrite it: leave that year out or as it is, and correct it with correctHouseholdYear`));
      }
    }
    let unchanged = false;
    if (own) {
      for (const k of ['status', 'exitYear'] as const) {
        if ((g.form[k] ?? null) !== (own[k] ?? null)) {
          problems.push(problem(g.firstRow, byKey.get(k), String(g.form[k] ?? ''), 'STATUS', `household ${own.number} is ${k === 'status' ? PovertyStatus.label(own.status) : `exited in ${own.exitYear ?? '(not exited)'}`} in the register: the poverty status and exit year change through the exit and return procedures, not by a correction — leave them as the register has them`));
        }
      }
      const current = { ...own, members: currentMembers.filter((m) => m.householdId === own.id).map(memberToForm) } as unknown as HouseholdForm;
      unchanged = !changes(current, g.form) && !newYears.length;
    }
    for (const p of problems) report.add(p);
    report.households++;
    report.members += g.form.members.length;
    report.years += newYears.length;
    if (own && !unchanged) report.corrections++;
    if (unchanged) report.unchanged++;
    if (!problems.some((p) => p.severity === 'ERROR')) out.push({ g, existing: own && { id: own.id, version: own.version, latestYear: own.latestYear }, newYears, unchanged });
  }
  return out;
}

export type { Report };
