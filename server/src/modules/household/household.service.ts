/**
 * Households: reading inside the caller's area, registering the national form
 * (建档立卡), correcting it, and recording a year's income and conditions. Each write
 * checks role and area, validates the form (consistency rules R1–R10 block, R11
 * warns), enforces one registration per ID number nationally, and appends the
 * audit record and change event — all in one transaction.
 */
import { randomUUID } from 'node:crypto';
import { inScope } from '../../auth/caller.js';
import { requireRegistryReader, requireRegistryWriter } from '../../auth/require.js';
import type { Tx } from '../../db/client.js';
import { decodeCursor, pageSize, toPage } from '../../graphql/connection.js';
import type { Context } from '../../graphql/context.js';
import { badInput, conflict, notFound } from '../../graphql/errors.js';
import { keyOf, toGlobalId } from '../../graphql/ids.js';
import { checkAreaCode } from '../area/area.service.js';
import { recordWrite } from '../audit/audit.service.js';
import { memberRows } from '../member/member.service.js';
import { memberStore } from '../member/member.store.js';
import type { HouseholdForm, MemberForm, YearForm } from './household.form.js';
import { householdColumns, memberToForm, toHousehold, toHouseholdYear, yearToForm } from './household.mapper.js';
import { householdColumnsForFields, householdStore, INCLUDED_MEMBERS, type HouseholdFilter, type HouseholdRow, type Included } from './household.store.js';
import { MEMBER_FIELDS } from '../member/member.store.js';
import { columnsOf } from '../../graphql/selection.js';
import type { CorrectHouseholdInput } from './household.input.js';
import { applyCorrection, changes } from './household.correction.js';
import { afterYearWrite, checkedYear, membersThatYear } from './household-year.service.js';
import { validateHousehold } from './household.validate.js';
import { qualityService } from '../quality/quality.service.js';
import { monitoringService } from '../monitoring/monitoring.service.js';
import { historyService } from '../history/history.service.js';
import { todayIso } from '../case/case.rules.js';
import { missingVillageReason } from '../area/not-loaded.js';


const normaliseMembers = (ms: MemberForm[]) => ms.map((m) => ({ ...m, name: m.name.trim(), idNumber: m.idNumber.trim().toUpperCase() }));

/** The person behind an ID number: the resident ID a disability card begins with (validated forms only). */
const residentIdOf = (idNumber: string) => idNumber.slice(0, 18);

/** One person, one registration: refuses people registered in another household, whichever document names them. */
async function assertIdsFree(tx: Tx, ctx: Context, members: MemberForm[], ownHousehold?: string) {
  const people = members.map((m) => residentIdOf(m.idNumber));
  const taken = (await memberStore.registered(tx, people)).filter((t) => t.householdId !== ownHousehold);
  if (!taken.length) return;
  // Only the caller's own area is named; elsewhere the registry says no more than "registered".
  const visible = (t: (typeof taken)[number]) => inScope(ctx.caller, t.villageCode);
  throw conflict(
    `${taken.length === 1 ? 'this ID number is' : 'these ID numbers are'} already registered in another household: a person is registered once nationally`,
    {
      problems: taken.map((t) => ({
        field: `input.members[${people.indexOf(t.residentId)}].idNumber`,
        reason: visible(t) ? `already registered in household ${t.number}` : 'already registered in a household outside your area; ask the county office',
      })),
    },
  );
}

/** 户编号: the village code and a 4-digit sequence, 0001 onwards. */
function nextHouseholdNumber(villageCode: string, last: string | null): string {
  const seq = last ? Number(last.slice(12)) + 1 : 1;
  if (seq > 9999) throw conflict(`village ${villageCode} has 9,999 registered households, the most a household number can hold: ask the national administrator`);
  return `${villageCode}${String(seq).padStart(4, '0')}`;
}

/**
 * A corrected form checked with the latest year. When that year has its own migrant work
 * (item 8), its rules see the members with it (members matched by ID number; new ones did
 * not work that year), after the form's own rules were checked without it.
 */
function validateWithLatestYear(form: HouseholdForm, latest: YearForm | null, idByResident: ReadonlyMap<string, string>) {
  if (!latest?.migrantWork) return validateHousehold(form, latest, { inputPath: 'input', yearPath: 'latestYear' });
  validateHousehold(form, null, { inputPath: 'input' });
  const rows = form.members.map((m) => ({ ...m, id: idByResident.get(residentIdOf(m.idNumber)) ?? '' }));
  return validateHousehold({ ...form, members: membersThatYear(rows, latest.migrantWork) }, latest, { inputPath: 'input', yearPath: 'latestYear', format: false });
}

/** Hands the members a page read with its rows to the loader (and takes them off the rows). */
function primeIncluded(ctx: Context, rows: (HouseholdRow & Included)[], memberFields: readonly string[] | undefined) {
  for (const r of rows) {
    if (INCLUDED_MEMBERS in r) {
      ctx.loaders.member.ofHouseholdWith(memberFields).prime(r.id, r[INCLUDED_MEMBERS]!);
      delete r[INCLUDED_MEMBERS];
    }
  }
}

export const householdService = {
  /**
   * One household; with `asOf`, as it stood on that date (history.service.ts). `memberFields`:
   * what the operation selects of its members; then they are read in the same statement and
   * prime the members loader (as for `page`), so `node(id) { members }` is one statement.
   */
  async byId(ctx: Context, id: string, asOf?: string | null, memberFields?: ReadonlySet<string>) {
    requireRegistryReader(ctx.caller);
    const key = keyOf('Household', id);
    let row: HouseholdRow | null;
    if (memberFields?.size) {
      const fields = columnsOf(memberFields, MEMBER_FIELDS);
      const rows = await householdStore.byIds(ctx.db, ctx.caller, [key], { members: { fields } });
      primeIncluded(ctx, rows, fields);
      row = rows[0] ?? null;
      ctx.loaders.household.byId.prime(key, row);
    } else row = await ctx.loaders.household.byId.load(key);
    if (!row) return null;
    return asOf ? historyService.asOf(ctx, toHousehold(row), asOf) : toHousehold(row);
  },

  /** By internal key (for fields of other types that hold one); null outside the caller's area. */
  async byKey(ctx: Context, key: string) {
    requireRegistryReader(ctx.caller);
    const row = await ctx.loaders.household.byId.load(key);
    return row && toHousehold(row);
  },

  async byNumber(ctx: Context, number: string) {
    requireRegistryReader(ctx.caller);
    if (!/^\d{16}$/.test(number)) throw badInput([{ field: 'number', reason: 'a household number has 16 digits: the village code and a 4-digit sequence' }]);
    const row = await ctx.loaders.household.byNumber.load(number);
    return row && toHousehold(row);
  },

  /** What `page` checks before it reads: the role, the filter, the page size and the cursor (throws with the field and reason). */
  checkPage(ctx: Context, f: HouseholdFilter & { first?: number | null; after?: string | null }) {
    requireRegistryReader(ctx.caller);
    if (f.areaCode) checkAreaCode(f.areaCode, 'filter.areaCode', { prefix: true });
    if (f.perCapitaIncomeMin !== undefined && f.perCapitaIncomeMax !== undefined && f.perCapitaIncomeMin > f.perCapitaIncomeMax) {
      throw badInput([{ field: 'filter.perCapitaIncomeMax', reason: 'must not be below perCapitaIncomeMin' }]);
    }
    return { size: pageSize(f.first), after: decodeCursor(f.after, /^\d{16}$/) };
  },

  /**
   * A page; `fields`: the Household fields the operation selects, so that only their columns are
   * read; `memberFields`: what it selects of the items' members. The page's members (when
   * selected) come in the same statement and prime the loader `members` reads from. (Villages
   * stay one `= any` statement: as a per-row subquery they cost PostgreSQL more, 101 lookups.)
   */
  async page(ctx: Context, f: HouseholdFilter & { first?: number | null; after?: string | null }, fields?: ReadonlySet<string>, memberFields?: ReadonlySet<string>) {
    const { size, after } = householdService.checkPage(ctx, f);
    const members = memberFields?.size ? { fields: columnsOf(memberFields, MEMBER_FIELDS) } : undefined;
    const rows = await householdStore.page(ctx.db, ctx.caller, f, after, size + 1, fields && householdColumnsForFields(fields), { members });
    primeIncluded(ctx, rows, members?.fields);
    return toPage(rows, size, (r) => r.number, toHousehold, () => householdStore.count(ctx.db, ctx.caller, f), after);
  },

  /** Checks a form for registration (role, village in scope, every rule) before any transaction; returns the normalised form and its warnings. */
  async prepare(ctx: Context, input: HouseholdForm, path = 'input') {
    requireRegistryWriter(ctx.caller);
    checkAreaCode(input.villageCode, `${path}.villageCode`);
    const village = input.villageCode.length === 12 ? await ctx.loaders.village.byCode.load(input.villageCode) : null;
    if (!village) throw badInput([{ field: `${path}.villageCode`, reason: await missingVillageReason(ctx, input.villageCode, `no village ${input.villageCode} in your area: enter the 12-digit code of a village you serve`) }]);
    const form = { ...input, members: normaliseMembers(input.members) };
    const warnings = validateHousehold(form, null, { inputPath: path });
    return { form, warnings };
  },

  /**
   * Inserts a prepared form inside the caller's transaction, with its first status
   * event: REGISTERED for data entry of a registered household, CANDIDATE for an
   * application (whose form the caller gave status 0 and no identification or exit dates).
   */
  async insert(tx: Tx, ctx: Context, form: HouseholdForm, warnings: Awaited<ReturnType<typeof validateHousehold>>, stage: 'REGISTERED' | 'CANDIDATE', application?: { date: string; caseId: string }) {
    await assertIdsFree(tx, ctx, form.members);
    const id = randomUUID();
    const number = nextHouseholdNumber(form.villageCode, await householdStore.lastNumber(tx, form.villageCode));
    const [row] = await householdStore.insert(tx, { id, number, ...householdColumns(form), stage, memberCount: form.members.length });
    await memberStore.insert(tx, memberRows(id, form.villageCode, form.members, new Map()));
    await qualityService.store(tx, id, form.villageCode, warnings);
    await historyService.record(tx, ctx, {
      subjectType: 'HOUSEHOLD', householdId: id, villageCode: form.villageCode, fromStatus: null, toStatus: row.status, toStage: stage,
      reason: stage === 'CANDIDATE' ? 'application filed' : 'registered by data entry',
      effectiveDate: application?.date ?? row.firstIdentifiedDate ?? todayIso(), caseId: application?.caseId,
    });
    return row;
  },

  async register(ctx: Context, input: HouseholdForm) {
    const { form, warnings } = await householdService.prepare(ctx, input);
    return ctx.db.transaction(async (tx) => {
      const row = await householdService.insert(tx, ctx, form, warnings, 'REGISTERED');
      const household = toHousehold(row);
      await recordWrite(tx, ctx, {
        operation: 'registerHousehold', event: 'household.registered', entityType: 'Household', entityId: household.id,
        areaCode: form.villageCode, before: null, after: { ...row, members: form.members },
      });
      return { household, warnings };
    });
  },

  async correct(ctx: Context, id: string, input: CorrectHouseholdInput, expectedVersion?: number | null) {
    requireRegistryWriter(ctx.caller);
    const key = keyOf('Household', id);
    return ctx.db.transaction(async (tx) => {
      const before = await householdStore.lockForUpdate(tx, ctx.caller, key);
      if (!before) throw notFound(`household ${id}`);
      if (expectedVersion != null && expectedVersion !== before.version) {
        throw conflict(`the household changed since you read it (version ${before.version}, you had ${expectedVersion}): reload it and apply your correction again`);
      }
      const oldMembers = await memberStore.fullOf(tx, key);
      const current: HouseholdForm = { ...before, members: oldMembers.map(memberToForm) } as HouseholdForm;
      const { form, problems } = applyCorrection(current, { ...input, members: input.members ? normaliseMembers(input.members) : undefined });
      if (problems.length) throw badInput(problems);
      const latest = (await householdStore.yearsOf(tx, ctx.caller, [key])).at(-1);
      const warnings = validateWithLatestYear(form, latest ? yearToForm(latest) : null, new Map(oldMembers.map((m) => [m.residentId, m.id])));
      if (!changes(current, form)) return { household: toHousehold(before), warnings };
      // Who left and who joined (减员 / 增员), by member ID, so that feed followers (DCI notify) can tell.
      let memberChanges: { membersRemoved: string[]; membersAdded: string[] } | undefined;
      if (input.members) {
        await assertIdsFree(tx, ctx, form.members, key);
        await memberStore.removeAll(tx, key);
        const rows = memberRows(key, before.villageCode, form.members, new Map(oldMembers.map((m) => [m.residentId, m.id])));
        await memberStore.insert(tx, rows);
        const [was, is] = [new Set(oldMembers.map((m) => m.id)), new Set(rows.map((r) => r.id))];
        memberChanges = {
          membersRemoved: [...was].filter((id) => !is.has(id)).map((id) => toGlobalId('Member', id)),
          membersAdded: [...is].filter((id) => !was.has(id)).map((id) => toGlobalId('Member', id)),
        };
      }
      const [row] = await householdStore.update(tx, key, { ...householdColumns(form), memberCount: form.members.length });
      await qualityService.store(tx, key, before.villageCode, warnings);
      const household = toHousehold(row);
      await recordWrite(tx, ctx, {
        operation: 'correctHousehold', event: 'household.corrected', entityType: 'Household', entityId: household.id,
        areaCode: before.villageCode, before: { ...before, members: oldMembers }, after: { ...row, members: form.members, ...memberChanges },
      });
      return { household, warnings };
    });
  },

  async recordYear(ctx: Context, id: string, year: YearForm) {
    requireRegistryWriter(ctx.caller);
    const key = keyOf('Household', id, 'householdId');
    return ctx.db.transaction(async (tx) => {
      const h = await householdStore.lockForUpdate(tx, ctx.caller, key);
      if (!h) throw notFound(`household ${id}`);
      const { warnings, columns } = await checkedYear(tx, h, year);
      const [row] = await householdStore.insertYear(tx, { householdId: key, villageCode: h.villageCode, ...columns });
      if (!row) throw conflict(`household ${h.number} already has a record for ${year.year}: correct it with correctHouseholdYear (a reason and the version you read)`, { field: 'input.year' });
      const after = await afterYearWrite(tx, h, row, warnings);
      const household = toHousehold(after.household);
      await recordWrite(tx, ctx, {
        operation: 'recordHouseholdYear', event: 'household.yearRecorded', entityType: 'Household', entityId: household.id,
        areaCode: h.villageCode, before: null, after: row,
      });
      // 防返贫监测: every yearly record is checked for risk of falling back, in this transaction.
      const monitoring = await monitoringService.onYearRecorded(tx, ctx, h, row, after.latest);
      return { household, year: toHouseholdYear(row), warnings, monitoring };
    });
  },

  years: async (ctx: Context, householdKey: string) => (await ctx.loaders.household.years.load(householdKey)).map(toHouseholdYear),

  /**
   * One year's record, or the latest when no year is given. The household row carries the
   * latest year and its per-capita income (kept with every recorded year): when that is all
   * the operation asks for (`summaryOnly`), no yearly record is read.
   */
  year(ctx: Context, h: LatestYearOf, year?: number | null, summaryOnly = false) {
    const latest = year == null || (h.latestYear !== undefined && year === h.latestYear);
    // Synchronous when the row answers: no promise for graphql-js to wait on per household.
    if (latest && summaryOnly && h.latestYear !== undefined) {
      return h.latestYear === null ? null : { year: h.latestYear, perCapitaNetIncome: h.latestPerCapitaNetIncome };
    }
    return householdService.yearRecord(ctx, h.key, year);
  },

  async yearRecord(ctx: Context, householdKey: string, year?: number | null) {
    const row = year == null
      ? await ctx.loaders.household.latestYear.load(householdKey)
      : (await ctx.loaders.household.years.load(householdKey)).find((y) => y.year === year);
    return row ? toHouseholdYear(row) : null;
  },
};

/** The fields of a household the latest-year shortcut reads (undefined: not loaded, read the record). */
export interface LatestYearOf {
  key: string;
  latestYear?: number | null;
  latestPerCapitaNetIncome?: number | null;
}

/** The HouseholdYear fields the household row answers for the latest year. */
export const LATEST_YEAR_SUMMARY: ReadonlySet<string> = new Set(['year', 'perCapitaNetIncome']);
