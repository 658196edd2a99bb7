/**
 * No N+1 (DESIGN.md "Performance rules"): the SQL statements of a page of
 * households with village, members, causes and the latest year do not grow with
 * the page size. The server reports each request's count in
 * `extensions.sqlStatements` when started with EXPOSE_QUERY_STATS (as here).
 */
import { describe, expect, it } from 'vitest';
import { HouseholdsDocument, HouseholdsWithHistoryDocument, TypedDocumentString, type ResponseInfo } from '@jingzhun/sdk';
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

describe('the latest year of a page of households', () => {
  type Page = { households: { nodes: { number: string; year: { year: number; perCapitaNetIncome: number; netIncome?: number } | null }[] } };
  const doc = (fields: string) => new TypedDocumentString<Page, Record<string, never>>(
    `query { households(filter: { areaCode: "433124" }, first: 50) { nodes { number year { ${fields} } } } }`,
  );

  it('comes from the household row when only year and per-capita income are asked, the same as the yearly record, one statement fewer', async () => {
    const official = await clientAs({ role: 'official', area: '433124' });
    const summary: ResponseInfo = {};
    const record: ResponseInfo = {};
    const fromRow = await official.request(doc('year perCapitaNetIncome'), {}, summary);
    const fromRecord = await official.request(doc('year perCapitaNetIncome netIncome'), {}, record);
    expect(fromRow.households.nodes.some((h) => h.year !== null)).toBe(true);
    expect(fromRow.households.nodes).toEqual(fromRecord.households.nodes.map((h) => ({ ...h, year: h.year && { year: h.year.year, perCapitaNetIncome: h.year.perCapitaNetIncome } })));
    expect(summary.extensions?.sqlStatements).toBe((record.extensions?.sqlStatements as number) - 1);
  });
});

describe('a page reads only the columns its selection needs', () => {
  type Page = { households: { nodes: Record<string, unknown>[] } };
  const doc = (fields: string) => new TypedDocumentString<Page, Record<string, never>>(
    `query { households(filter: { areaCode: "433124" }, first: 20) { nodes { ${fields} } } }`,
  );
  const narrow = 'id number status causes memberCount village { code } members { id name idNumber birthDate sex age }';

  it('answers a narrow selection exactly as the full rows would (another module’s field forces full rows)', async () => {
    for (const role of [{ role: 'official', area: '433124' }, { role: 'analyst', area: '433124' }] as const) {
      const client = await clientAs(role);
      const small = await client.request(doc(narrow), {});
      // `warnings` (quality module) and `household` on members are not plain columns: both reads are then whole rows.
      const full = await client.request(doc(`${narrow} warnings { rule } members { household { id } }`), {});
      expect(small.households.nodes.length).toBe(20);
      expect(small.households.nodes).toEqual(full.households.nodes.map(({ warnings: _w, ...h }) => ({
        ...h, members: (h.members as Record<string, unknown>[]).map(({ household: _h, ...m }) => m),
      })));
    }
  });
});
