/**
 * The rows a valid import will write, staged batch by batch during its validation
 * (bulk.staging.store.ts): each new or corrected household with its members (the keyed hash
 * of each ID number set, lib/id-hash.ts, as member.store.ts sets it on every write; a
 * correction keeps the member IDs of the same people) and its new yearly records, and the
 * redacted record of its change event (`household.registered` / `household.corrected`,
 * as every write's, audit/redact.ts). Households the file gives exactly as the register has
 * them are not staged. Contract: `Stager.write(batch)` for each checked batch, each in a
 * transaction of its own (a savepoint inside the commit's, when it stages again); new
 * households without a number get one at commit.
 */
import { randomUUID } from 'node:crypto';
import { getTableColumns, type AnyColumn } from 'drizzle-orm';
import type { Tx } from '../../db/client.js';
import { households as householdsTable } from '../../db/schema/index.js';
import { toGlobalId } from '../../graphql/ids.js';
import { idHash } from '../../lib/id-hash.js';
import { redact } from '../audit/redact.js';
import { householdColumns, yearColumns } from '../household/household.mapper.js';
import { netIncome, perCapitaNetIncome } from '../household/income.js';
import { memberRows } from '../member/member.service.js';
import type { Checked } from './bulk.check.js';
import { bulkStore } from './bulk.store.js';
import { stagingStore, type Staged } from './bulk.staging.store.js';

/** Household columns a correction may change: the form's but the village, the poverty status and the exit year (they change through their procedures, bulk.check.ts). */
export const CORRECTABLE = Object.keys(householdColumns({} as never)).filter((k) => !['villageCode', 'status', 'exitYear'].includes(k))
  .map((k) => (getTableColumns(householdsTable) as Record<string, AnyColumn>)[k]!.name);

export class Stager {
  constructor(private readonly db: Tx, private readonly jobId: string) {}

  async write(batch: Checked[]) {
    const households: Staged[] = [];
    const members: Staged[] = [];
    const years: Staged[] = [];
    batch = batch.filter((c) => !c.unchanged);
    if (!batch.length) return;
    const corrections = batch.filter((c) => c.existing);
    const keep = corrections.length ? await bulkStore.memberIdsOf(this.db, corrections.map((c) => c.existing!.id)) : new Map<string, string>();

    for (const { g, existing, newYears } of batch) {
      const f = g.form;
      const id = existing?.id ?? randomUUID();
      const n = f.members.length;
      let latest: { year: number; perCapita: number } | null = null;
      for (const y of newYears) {
        const perCapita = perCapitaNetIncome(y.form.income, n);
        if (!latest || y.form.year > latest.year) latest = { year: y.form.year, perCapita };
        years.push({ fileRow: y.row, householdId: id, villageCode: f.villageCode, memberCount: n, ...yearColumns(y.form), netIncome: netIncome(y.form.income), perCapitaNetIncome: perCapita });
      }
      memberRows(id, f.villageCode, f.members, keep).forEach((m, i) => members.push({ fileRow: g.memberRows[i]!, ...m, idHash: idHash(m.residentId) }));
      const columns = householdColumns(f);
      households.push({
        fileRow: g.firstRow, id, number: g.number, ...columns, memberCount: n, latestYear: latest?.year ?? null, latestPerCapitaNetIncome: latest?.perCapita ?? null,
        expectedVersion: existing?.version ?? null, entityId: toGlobalId('Household', id), eventAfter: JSON.stringify(redact({ ...columns, memberCount: n }, 'Household')),
      });
    }
    await this.db.transaction(async (tx) => {
      await stagingStore.households(tx, this.jobId, households);
      await stagingStore.members(tx, this.jobId, members);
      await stagingStore.years(tx, this.jobId, years);
    });
  }
}
