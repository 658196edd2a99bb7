import { describe, expect, it } from 'vitest';
import { isPublicRequest } from './anonymous-plugin.js';

describe('a request without a token', () => {
  it('runs only when it selects nothing but publicDonationSummary', () => {
    const q = (query: string, operationName?: string) => isPublicRequest({ query, operationName }, '');
    expect(q('{ publicDonationSummary(countyCode: "433124") { countyCode } }')).toBe(true);
    expect(q('query S { __typename publicDonationSummary(countyCode: "433124") { total { needs } } }')).toBe(true);
    expect(q('{ publicDonationSummary(countyCode: "433124") { countyCode } viewer { id } }')).toBe(false);
    expect(q('{ ... on Query { publicDonationSummary(countyCode: "1") { countyCode } households { totalCount } } }')).toBe(false);
    expect(q('mutation { publicDonationSummary }')).toBe(false);
    expect(q('query A { viewer { id } } query B { publicDonationSummary(countyCode: "1") { countyCode } }', 'B')).toBe(true);
    expect(q('query A { viewer { id } } query B { publicDonationSummary(countyCode: "1") { countyCode } }')).toBe(false);
    expect(q('{ not valid')).toBe(false);
    expect(isPublicRequest(undefined, '?query=%7BpublicDonationSummary(countyCode%3A%22433124%22)%7BcountyCode%7D%7D')).toBe(true);
  });
});
