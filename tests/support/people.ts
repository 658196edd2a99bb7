/**
 * Setup shared by the 精准帮扶 tests: villages of the second county (保靖县 433125,
 * which has no seeded households) picked at random in two townships that no other test
 * file writes to (迁陵镇 433125109 and 清水坪镇 433125110; other files keep to villages of
 * their own townships), and unique token subjects for cadres.
 */
import { randomUUID } from 'node:crypto';
import type { Client } from '@jingzhun/sdk';

export const PEOPLE_COUNTY = '433125';

/** The townships whose villages `someVillages` picks from. */
const POOL_TOWNSHIPS = ['433125109', '433125110'];

/** `n` distinct villages of the pool townships, at random. */
export async function someVillages(client: Client, n: number): Promise<string[]> {
  const codes: string[] = [];
  let after: string | undefined;
  do {
    const { villages } = await client.villages({ filter: { areaCode: PEOPLE_COUNTY }, first: 100, after });
    codes.push(...villages.nodes.map((v) => v.code));
    after = villages.pageInfo.hasNextPage ? villages.pageInfo.endCursor ?? undefined : undefined;
  } while (after);
  const pool = codes.filter((c) => POOL_TOWNSHIPS.some((t) => c.startsWith(t)));
  const picked = new Set<string>();
  while (picked.size < n) picked.add(pool[Math.floor(Math.random() * pool.length)]);
  return [...picked];
}

/** A token subject no other test uses. */
export const subject = (label: string) => `${label}-${randomUUID().slice(0, 8)}`;

/** A date n days before today (YYYY-MM-DD, UTC). */
export const daysAgo = (n: number) => new Date(Date.now() - n * 86_400_000).toISOString().slice(0, 10);
