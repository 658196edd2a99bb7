/**
 * SQL of an import's staged rows, and nothing else (issue 16, "commit is one set-based
 * statement per table"). The upload's validation COPYs each clean household, its members and
 * its new yearly records into the UNLOGGED tables import_households, import_members and
 * import_years (migration bulk_staging); the commit moves them into the register inside its
 * one transaction with INSERT … SELECT (one UPDATE for corrections), so the statement-level
 * statistics triggers fire once per table, and checks them against the register as it is
 * then with joins (versions, people, household numbers, years).
 *
 * Contract: each staging table has every column of its register table (CREATE … LIKE) plus
 * job_id and file_row (households also expected_version — null for a new household —,
 * entity_id and event_after, the change event's redacted record): a migration that adds a
 * column to households, members or household_years adds it to its staging table too.
 */
import { getTableColumns, sql, type AnyColumn, type SQL } from 'drizzle-orm';
import type { Tx } from '../../db/client.js';
import { copyRowsIn } from '../../db/copy.js';
import { householdYears, households, members } from '../../db/schema/index.js';
import { named } from '../../db/stats.js';

type Table = typeof households | typeof members | typeof householdYears;
export type Staged = Record<string, unknown> & { fileRow: number };

const STAGING = { households: 'import_households', members: 'import_members', household_years: 'import_years' } as const;
/** Columns the register fills itself when the rows move in (the commit's time, not the upload's). */
const AT_COMMIT = new Set(['created_at', 'updated_at', 'recorded_at']);

const columnsOf = (table: Table) => getTableColumns(table) as Record<string, AnyColumn>;
const names = (table: Table) => Object.values(columnsOf(table)).map((c) => c.name).filter((n) => !AT_COMMIT.has(n));
const list = (cols: string[]) => sql.raw(cols.map((c) => `"${c}"`).join(', '));

const rowsOf = <R>(r: unknown) => (r as { rows: R[] }).rows;

/** COPY `objects` (keys of the drizzle table, plus `extra` staging keys) into the table's staging table. */
async function stage(tx: Tx, table: Table, tableName: keyof typeof STAGING, jobId: string, objects: Staged[], extra: Record<string, string> = {}) {
  if (!objects.length) return;
  const cols = columnsOf(table);
  const keys = Object.keys(objects[0]!).filter((k) => k !== 'fileRow');
  const column = (k: string) => extra[k] ?? cols[k]!.name;
  await copyRowsIn(tx, STAGING[tableName], ['job_id', 'file_row', ...keys.map(column)],
    objects.map((o) => [jobId, o.fileRow, ...keys.map((k) => o[k] as never)]));
}

/** The staged new households of a job that have no number yet, numbered after their village's highest (in the register or the file). */
const TODO = (jobId: string) => sql`
  with todo as (
    select id, village_code, row_number() over (partition by village_code order by file_row) as rn
    from import_households where job_id = ${jobId} and number is null),
  base as (
    select v.village_code, greatest(
      coalesce((select max(substr(h.number, 13)::int) from households h where h.number between v.village_code || '0000' and v.village_code || '9999'), 0),
      coalesce((select max(substr(s.number, 13)::int) from import_households s where s.job_id = ${jobId} and s.village_code = v.village_code and s.number is not null), 0)) as last
    from (select distinct village_code from todo) v)`;

export interface Conflict {
  rule: 'VERSION' | 'REGISTERED' | 'NUMBER' | 'YEAR_RECORDED';
  file_row: number;
  value: string;
  number: string | null;
  village_code: string | null;
  version: number | null;
}

export const stagingStore = {
  households: (tx: Tx, jobId: string, rows: Staged[]) =>
    named('bulk.stageHouseholds', () => stage(tx, households, 'households', jobId, rows, { expectedVersion: 'expected_version', entityId: 'entity_id', eventAfter: 'event_after' })),
  members: (tx: Tx, jobId: string, rows: Staged[]) => named('bulk.stageMembers', () => stage(tx, members, 'members', jobId, rows)),
  years: (tx: Tx, jobId: string, rows: Staged[]) => named('bulk.stageYears', () => stage(tx, householdYears, 'household_years', jobId, rows)),

  /** How many households of the job are staged (the tables are empty after a crash of PostgreSQL: UNLOGGED). */
  count: (db: Tx, jobId: string) =>
    named('bulk.stagedCount', async () => Number(rowsOf<{ n: string }>(await db.execute(sql`select count(*) as n from import_households where job_id = ${jobId}`))[0]?.n ?? 0)),

  clear: (db: Tx, jobId: string) =>
    named('bulk.clearStaged', async () => {
      for (const t of Object.values(STAGING)) await db.execute(sql`delete from ${sql.identifier(t)} where job_id = ${jobId}`);
    }),

  /**
   * What the register now holds against the staged rows: a corrected household changed since
   * the upload (VERSION), a person registered in another household (REGISTERED), a household
   * number taken (NUMBER), a yearly record recorded (YEAR_RECORDED). One statement.
   */
  conflicts: (tx: Tx, jobId: string) =>
    named('bulk.stagedConflicts', async () => rowsOf<Conflict>(await tx.execute(sql`
      select 'VERSION' as rule, s.file_row, s.expected_version::text as value, h.number, h.village_code, h.version
        from import_households s join households h on h.id = s.id
        where s.job_id = ${jobId} and s.expected_version is not null and h.version <> s.expected_version
      union all
      select 'REGISTERED', m.file_row, m.id_number, h.number, h.village_code, null
        from import_members m join members r on r.resident_id = m.resident_id join households h on h.id = r.household_id
        where m.job_id = ${jobId} and r.household_id <> m.household_id
      union all
      select 'NUMBER', s.file_row, s.number, h.number, h.village_code, null
        from import_households s join households h on h.number = s.number
        where s.job_id = ${jobId} and s.expected_version is null
      union all
      select 'YEAR_RECORDED', y.file_row, y.year::text, h.number, h.village_code, null
        from import_years y join household_years r on r.household_id = y.household_id and r.year = y.year join households h on h.id = y.household_id
        where y.job_id = ${jobId}
      order by 2 limit 10000`))),

  /** Villages whose new households would pass number 9999 (then nothing is numbered). */
  overflowing: (tx: Tx, jobId: string) =>
    named('bulk.numbersOverflow', async () => rowsOf<{ village_code: string }>(await tx.execute(sql`${TODO(jobId)}
      select b.village_code from base b join todo t using (village_code) group by b.village_code, b.last having b.last + count(*) > 9999`)).map((r) => r.village_code)),

  /** Numbers the new households that have none (callers hold the villages' number locks, household.store.ts). */
  assignNumbers: (tx: Tx, jobId: string) =>
    named('bulk.assignNumbers', () => tx.execute(sql`${TODO(jobId)}
      update import_households s set number = t.village_code || lpad((b.last + t.rn)::text, 4, '0')
      from todo t join base b using (village_code) where s.job_id = ${jobId} and s.id = t.id`)),

  /**
   * Moves the staged rows into the register: new households, corrections (their register row
   * updated if it is still at the version staged — the count says — and their members
   * replaced), members, yearly records, the first status events of new households (as the
   * history backfill writes them) and a change event per household. Returns the counts.
   */
  async moveIn(tx: Tx, jobId: string, actor: string, correctable: string[]) {
    const h = names(households);
    const inserted = await named('bulk.insertHouseholds', () => tx.execute(sql`insert into households (${list(h)})
      select ${list(h)} from import_households where job_id = ${jobId} and expected_version is null order by file_row`));
    const set = sql.raw(correctable.map((c) => `"${c}" = s."${c}"`).join(', '));
    const corrected = await named('bulk.correctHouseholds', () => tx.execute(sql`update households h set ${set}, member_count = s.member_count,
        latest_year = case when s.latest_year >= coalesce(h.latest_year, 0) then s.latest_year else h.latest_year end,
        latest_per_capita_net_income = case when s.latest_year >= coalesce(h.latest_year, 0) then s.latest_per_capita_net_income else h.latest_per_capita_net_income end,
        version = h.version + 1, updated_at = now()
      from import_households s where s.job_id = ${jobId} and s.expected_version is not null and h.id = s.id and h.version = s.expected_version`));
    await named('bulk.removeCorrectedMembers', () => tx.execute(sql`delete from members where household_id in
      (select id from import_households where job_id = ${jobId} and expected_version is not null)`));
    const m = names(members);
    const memberCount = await named('bulk.insertMembers', () => tx.execute(sql`insert into members (${list(m)})
      select ${list(m)} from import_members where job_id = ${jobId}`));
    const y = names(householdYears);
    const yearCount = await named('bulk.insertYears', () => tx.execute(sql`insert into household_years (${list(y)})
      select ${list(y)} from import_years where job_id = ${jobId}`));
    await named('bulk.history', () => historyOf(tx, jobId, actor));
    await named('bulk.changeEvents', () => tx.execute(sql`insert into change_events (type, entity_type, entity_id, area_code, payload)
      select case when expected_version is null then 'household.registered' else 'household.corrected' end, 'Household', entity_id, village_code,
        jsonb_build_object('operation', 'importHouseholds', 'after', jsonb_build_object('number', number) || event_after)
      from import_households where job_id = ${jobId} order by file_row`));
    const n = (r: unknown) => (r as { rowCount?: number; affectedRows?: number }).rowCount ?? (r as { affectedRows?: number }).affectedRows ?? 0;
    return { registered: n(inserted), corrected: n(corrected), members: n(memberCount), years: n(yearCount) };
  },

  /** The staged corrections' count (the UPDATE's count must equal it, else a household changed meanwhile). */
  corrections: (tx: Tx, jobId: string) =>
    named('bulk.stagedCorrections', async () => Number(rowsOf<{ n: string }>(await tx.execute(sql`select count(*) as n from import_households where job_id = ${jobId} and expected_version is not null`))[0]?.n ?? 0)),
};

/** Registration dated by the first identification, and the exit of an exited household (the history backfill's events). */
async function historyOf(tx: Tx, jobId: string, actor: string): Promise<void> {
  const fresh: SQL = sql`from import_households h where h.job_id = ${jobId} and h.expected_version is null`;
  await tx.execute(sql`insert into status_events (id, subject_type, household_id, village_code, from_status, to_status, from_stage, to_stage, reason, effective_date, actor)
    select gen_random_uuid(), 'HOUSEHOLD', h.id, h.village_code, null, case when h.status in ('1', '4') then '0' else h.status end, null, h.stage,
      'registered by bulk import', coalesce(h.first_identified_date, current_date), ${actor} ${fresh}`);
  await tx.execute(sql`insert into status_events (id, subject_type, household_id, village_code, from_status, to_status, from_stage, to_stage, reason, effective_date, actor)
    select gen_random_uuid(), 'HOUSEHOLD', h.id, h.village_code, '0', h.status, h.stage, h.stage,
      'exited before the bulk import', make_date(coalesce(h.exit_year, extract(year from current_date)::int), 12, 31), ${actor} ${fresh} and h.status in ('1', '4')`);
}
