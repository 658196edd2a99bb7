/**
 * The writes of a commit, batch by batch, inside its one transaction: new households with
 * COPY (households, members, yearly records; their first status events as the history
 * backfill writes them), corrections by household number (the row updated, its members
 * replaced keeping the member IDs of the same people, new years added), and a change event
 * per household (`household.registered` / `household.corrected`, redacted like every
 * write's, audit/audit.service.ts). Contract: `Writer.write(batch)` for each checked batch;
 * household numbers of new households without one continue after the village's highest —
 * in the register or given in the file — under the per-village number locks.
 */
import { randomUUID } from 'node:crypto';
import type { Tx } from '../../db/client.js';
import type { Context } from '../../graphql/context.js';
import { toGlobalId } from '../../graphql/ids.js';
import { recordChanges, type Change } from '../audit/audit.service.js';
import { householdColumns, yearColumns } from '../household/household.mapper.js';
import { netIncome, perCapitaNetIncome } from '../household/income.js';
import { memberRows } from '../member/member.service.js';
import type { Checked } from './bulk.check.js';
import { bulkStore } from './bulk.store.js';

export interface WriteTotals {
  registered: number;
  corrected: number;
  members: number;
  years: number;
}

export class Writer {
  readonly totals: WriteTotals = { registered: 0, corrected: 0, members: 0, years: 0 };
  private readonly next = new Map<string, number>();

  constructor(private readonly tx: Tx, private readonly ctx: Context, private readonly last: Map<string, string>, private readonly given: Record<string, string>) {}

  private numberFor(village: string): string {
    let seq = this.next.get(village);
    if (seq === undefined) seq = Math.max(Number(this.last.get(village)?.slice(12) ?? 0), Number(this.given[village]?.slice(12) ?? 0));
    seq++;
    if (seq > 9999) throw new Error(`village ${village} would have more than 9,999 households`);
    this.next.set(village, seq);
    return `${village}${String(seq).padStart(4, '0')}`;
  }

  async write(batch: Checked[]) {
    const households: Record<string, unknown>[] = [];
    const memberObjs: Record<string, unknown>[] = [];
    const years: Record<string, unknown>[] = [];
    const changes: Change[] = [];
    const fresh: string[] = [];
    batch = batch.filter((c) => !c.unchanged);
    const corrections = batch.filter((c) => c.existing);
    const keep = corrections.length ? await bulkStore.memberIdsOf(this.tx, corrections.map((c) => c.existing!.id)) : new Map<string, string>();

    for (const { g, existing, newYears } of batch) {
      const f = g.form;
      const id = existing?.id ?? randomUUID();
      const n = f.members.length;
      const latest = newYears.reduce<HouseholdYearPick | null>((a, y) => (!a || y.form.year > a.year ? { year: y.form.year, perCapita: perCapitaNetIncome(y.form.income, n) } : a), null);
      for (const y of newYears) {
        years.push({ householdId: id, villageCode: f.villageCode, memberCount: n, ...yearColumns(y.form), netIncome: netIncome(y.form.income), perCapitaNetIncome: perCapitaNetIncome(y.form.income, n) });
      }
      memberObjs.push(...memberRows(id, f.villageCode, f.members, keep));
      if (existing) {
        const moveLatest = latest && latest.year >= (existing.latestYear ?? 0);
        // The form's correctable fields (status and exit year change through their procedures: bulk.check.ts refuses a change).
        const { status: _s, exitYear: _e, villageCode: _v, ...correctable } = householdColumns(f);
        await bulkStore.updateHousehold(this.tx, id, {
          ...correctable, memberCount: n, ...(moveLatest && { latestYear: latest.year, latestPerCapitaNetIncome: latest.perCapita }),
        });
        changes.push({ event: 'household.corrected', entityType: 'Household', entityId: toGlobalId('Household', id), areaCode: f.villageCode, after: { number: g.number, ...householdColumns(f), memberCount: n } });
        this.totals.corrected++;
      } else {
        const number = g.number ?? this.numberFor(f.villageCode);
        households.push({ id, number, ...householdColumns(f), memberCount: n, latestYear: latest?.year ?? null, latestPerCapitaNetIncome: latest?.perCapita ?? null });
        changes.push({ event: 'household.registered', entityType: 'Household', entityId: toGlobalId('Household', id), areaCode: f.villageCode, after: { number, ...householdColumns(f), memberCount: n } });
        fresh.push(id);
        this.totals.registered++;
      }
    }
    if (corrections.length) await bulkStore.removeMembers(this.tx, corrections.map((c) => c.existing!.id));
    await bulkStore.copyHouseholds(this.tx, households);
    await bulkStore.copyMembers(this.tx, memberObjs);
    await bulkStore.copyYears(this.tx, years);
    if (fresh.length) await bulkStore.historyOf(this.tx, fresh, this.ctx.caller.id);
    await recordChanges(this.tx, 'importHouseholds', changes);
    this.totals.members += memberObjs.length;
    this.totals.years += years.length;
  }
}

interface HouseholdYearPick { year: number; perCapita: number }

