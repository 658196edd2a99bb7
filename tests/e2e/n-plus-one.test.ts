/**
 * No N+1 (DESIGN.md "Performance rules"): the SQL statements of a page of
 * households with village, members, causes and the latest year do not grow with
 * the page size. The server reports each request's count in
 * `extensions.sqlStatements` when started with EXPOSE_QUERY_STATS (as here).
 */
import { describe, expect, it } from 'vitest';
import { HouseholdsDocument, HouseholdsWithHistoryDocument, type ResponseInfo } from '@jingzhun/sdk';
import { clientAs } from '../support/context.js';

async function statements(first: number) {
  const official = await clientAs({ role: 'official', area: '433124' });
  const info: ResponseInfo = {};
  const data = await official.request(HouseholdsDocument, { first, filter: { areaCode: '433124' } }, info);
  expect(data.households.nodes).toHaveLength(first);
  expect(data.households.nodes.every((h) => h.members.length > 0 && h.village !== null && h.causes.length > 0)).toBe(true);
  return info.extensions?.sqlStatements as number;
}

describe('households page', () => {
  it('runs the same number of SQL statements for 10 and for 100 households', async () => {
    const ten = await statements(10);
    const hundred = await statements(100);
    expect(ten).toBeGreaterThan(0);
    expect(hundred).toBe(ten);
    expect(ten).toBeLessThanOrEqual(6);
  });
});

describe('households with their history and cases', () => {
  /** Every status event and every case with its steps, postings, objections, documents and next steps. */
  async function historyStatements(first: number) {
    const official = await clientAs({ role: 'official', area: '433124' });
    const info: ResponseInfo = {};
    const data = await official.request(HouseholdsWithHistoryDocument, { first, filter: { areaCode: '433124' } }, info);
    expect(data.households.nodes).toHaveLength(first);
    expect(data.households.nodes.every((h) => h.history.length > 0)).toBe(true);
    return info.extensions?.sqlStatements as number;
  }

  it('runs the same number of SQL statements for 10 and for 100 households', async () => {
    const ten = await historyStatements(10);
    expect(await historyStatements(100)).toBe(ten);
  });
});
