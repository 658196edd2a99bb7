/**
 * County approval of an application (issue 15, item 4), in township 433124107: the income
 * test of the identification standard — the previous year's per-capita net income not
 * above that year's line — is required before approval (shown in nextSteps when the
 * record is missing), an income above the line needs a reason, and an approval without
 * any quota for the year is recorded with a warning (QUOTA_MISSING=WARN, the default).
 */
import { beforeAll, describe, expect, it } from 'vitest';
import { InvalidTransitionError, type Client } from '@jingzhun/sdk';
import { clientAs } from '../support/context.js';
import { year, freshApplication } from '../support/forms.js';
import { daysAgo } from '../support/dates.js';

let village: string;
let cadre: Client;
let township: Client;
let county: Client;

beforeAll(async () => {
  county = await clientAs({ role: 'official', area: '433124', sub: 'county-identification-income' });
  const villages = (await county.villages({ filter: { areaCode: '433124107' }, first: 100 })).villages.nodes;
  village = villages[Math.floor(Math.random() * villages.length)].code;
  cadre = await clientAs({ role: 'cadre', area: village, sub: 'cadre-identification-income' });
  township = await clientAs({ role: 'official', area: '433124107', sub: 'township-identification-income' });
});

/** An application of 2020 walked to the second posting. */
async function toSecondPosting() {
  const { fileApplication } = await cadre.fileApplication({ input: { household: freshApplication(village), year: 2020, date: daysAgo(30) } });
  const id = fileApplication.case.id;
  await cadre.appraiseCase({ caseId: id, input: { date: daysAgo(29), votesFor: 12, votesAgainst: 1, decision: 'APPROVE' } });
  await cadre.postCase({ caseId: id, input: { date: daysAgo(28) } });
  await township.reviewCase({ caseId: id, input: { date: daysAgo(21), decision: 'APPROVE' } });
  await cadre.postCase({ caseId: id, input: { date: daysAgo(20) } });
  return { id, householdId: fileApplication.household.id };
}

describe('county approval of an application', () => {
  it('needs the previous year’s income record, said in nextSteps before anyone tries', async () => {
    const { id, householdId } = await toSecondPosting();
    const approve = (await county.case({ id })).case!.nextSteps.find((s) => s.action === 'approve')!;
    expect(approve.blockedBecause).toBe("the identification standard judges an application of 2020 on the household's 2019 income: record it (recordHouseholdYear, year 2019) before county approval");
    await expect(county.approveCase({ caseId: id, input: { date: daysAgo(12), decision: 'APPROVE' } })).rejects.toThrow(/recordHouseholdYear, year 2019/);

    // 2019: 2,000 yuan a head, not above the 3,218 line. No quota is set for 2020: approved with a warning.
    await cadre.recordHouseholdYear({ householdId, input: year(2019) });
    expect((await county.case({ id })).case!.nextSteps.find((s) => s.action === 'approve')!.blockedBecause).toBeNull();
    await county.approveCase({ caseId: id, input: { date: daysAgo(12), decision: 'APPROVE' } });
    const step = (await county.case({ id })).case!.steps.find((s) => s.action === 'approve')!;
    expect(step.data).toMatchObject({ incomeTest: { year: 2019, perCapitaNetIncome: 2000, line: 3218, qualifies: true } });
    expect((step.data as { warnings: string[] }).warnings[0]).toMatch(/^no quota 规模控制 is set for 2020 for village \d{12} or any area above it/);
  });

  it('refuses a household whose income is above the line unless a reason is given', async () => {
    const { id, householdId } = await toSecondPosting();
    // (10,000 + 300 + 1,500 + 400 − 1,400) ÷ 3 = 3,600 yuan a head in 2019, above 3,218.
    await cadre.recordHouseholdYear({ householdId, input: year(2019, { production: 10_000 }) });
    const err = await county.approveCase({ caseId: id, input: { date: daysAgo(12), decision: 'APPROVE' } }).catch((e) => e);
    expect(err).toBeInstanceOf(InvalidTransitionError);
    expect(err.message).toMatch(/the income test fails: per-capita net income 3600 yuan in 2019 is above the line of 3218 yuan/);
    const { approveCase } = await county.approveCase({ caseId: id, input: { date: daysAgo(12), decision: 'APPROVE', reason: '2019年收入含一次性征地补偿，经入户核实' } });
    expect(approveCase.case.state).toBe('APPROVED');
  });
});
