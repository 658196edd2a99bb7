/**
 * Setup shared by the 精准帮扶 tests: villages of the second county (保靖县 433125,
 * which has no seeded households), each file from its own share, and unique token
 * subjects for cadres.
 */
import { randomUUID } from 'node:crypto';
import type { Client } from '@jingzhun/sdk';

export const PEOPLE_COUNTY = '433125';
/**
 * Townships of 433125 no other test file writes to (others use villages 1–60 of the county and
 * townships 111, 112, 114, 115, 116 and 217): 41 villages.
 */
const PEOPLE_TOWNSHIPS = ['433125110', '433125113', '433125218'];

/**
 * `n` distinct villages of the county, at random in PEOPLE_TOWNSHIPS, from the share of the
 * test file `slot` (0 or 1): files using this helper never pick the same village, so one
 * file's work-team rotation never meets another's.
 */
export async function someVillages(client: Client, n: number, slot: 0 | 1): Promise<string[]> {
  const codes: string[] = [];
  let after: string | undefined;
  do {
    const { villages } = await client.villages({ filter: { areaCode: PEOPLE_COUNTY }, first: 100, after });
    codes.push(...villages.nodes.map((v) => v.code));
    after = villages.pageInfo.hasNextPage ? villages.pageInfo.endCursor ?? undefined : undefined;
  } while (after);
  const pool = codes.filter((c) => PEOPLE_TOWNSHIPS.some((t) => c.startsWith(t))).filter((_, i) => i % 2 === slot);
  const picked = new Set<string>();
  while (picked.size < n) picked.add(pool[Math.floor(Math.random() * pool.length)]);
  return [...picked];
}

/** A token subject no other test uses. */
export const subject = (label: string) => `${label}-${randomUUID().slice(0, 8)}`;

/** A date n days before today (YYYY-MM-DD, UTC). */
export { daysAgo } from './dates.js';
