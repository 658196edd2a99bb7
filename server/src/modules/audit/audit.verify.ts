/**
 * `jingzhun audit verify` (issue 13): walks every county's chain of the audit trail and
 * names the first broken link. A row is intact when its stored hash is the hash of its
 * fields and its predecessor's hash (the database's own `audit_row_hash`, the one the insert
 * trigger used, migration 0027); it is linked when its `prev_hash` is the hash of the row
 * before it in the chain. A changed row breaks its own hash; a removed row breaks the link of
 * the row after it. Removing a chain's newest rows leaves no trace inside the chain: compare
 * the heads printed by a run with those of an earlier run (or a copy kept elsewhere).
 */
import { sql } from 'drizzle-orm';
import type { Database } from '../../db/client.js';
import { named } from '../../db/stats.js';

export interface ChainHead { chain: string; rows: number; lastId: number; hash: string }
export interface BrokenLink { chain: string; id: number; problem: 'changed' | 'unlinked' }
export interface Verification { rows: number; heads: ChainHead[]; broken?: BrokenLink }

export async function verifyAuditTrail(database: Database, chainPrefix = ''): Promise<Verification> {
  const broken = await named('audit.verify.firstBroken', () =>
    database.db.execute(sql`
      select chain, id, intact from (
        select chain, id, hash = audit_row_hash(prev_hash, a) as intact,
               prev_hash is not distinct from lag(hash) over (partition by chain order by id) as linked
        from audit_log a where chain like ${chainPrefix + '%'}
      ) x where not (intact and linked) order by chain, id limit 1`),
  );
  const heads = await named('audit.verify.heads', () =>
    database.db.execute(sql`
      select chain, count(*)::int as rows, max(id)::bigint as last_id,
             (array_agg(hash order by id desc))[1] as hash
      from audit_log where chain like ${chainPrefix + '%'} group by chain order by chain`),
  );
  const rowsOf = (r: unknown) => (r as { rows: Record<string, unknown>[] }).rows;
  const b = rowsOf(broken)[0];
  const h = rowsOf(heads).map((r) => ({ chain: String(r.chain), rows: Number(r.rows), lastId: Number(r.last_id), hash: String(r.hash) }));
  return {
    rows: h.reduce((n, x) => n + x.rows, 0),
    heads: h,
    broken: b ? { chain: String(b.chain), id: Number(b.id), problem: b.intact ? 'unlinked' : 'changed' } : undefined,
  };
}
