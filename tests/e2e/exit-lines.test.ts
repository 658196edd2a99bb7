/**
 * Exit against the right line (issue 15, items 1 and 2), in township 433124106:
 * income steadily above the line 稳定超过 — each of the exit year and the year before,
 * the failing year named — and, after 2020, the province's monitoring line 防返贫监测线:
 * a missing line shows in nextSteps as blockedBecause, saying who sets it, before
 * anyone tries the check.
 */
import { beforeAll, describe, expect, it } from 'vitest';
import { InvalidTransitionError, type Client } from '@jingzhun/sdk';
import { clientAs } from '../support/context.js';
import { freshHousehold, year } from '../support/forms.js';
import { daysAgo } from '../support/dates.js';

/** 两不愁三保障 met: safe water, no dilapidated house. */
const secure = { drinkingWaterDifficulty: false, drinkingWaterSafe: true, dilapidatedHouse: false, dilapidatedGrade: null };
/** 8,300 yuan of production income: 3,033.33 yuan a head, above the 2016 and 2017 lines (2,952). */
const above = (y: number, production = 8300) => ({ ...year(y, { production }), conditions: { ...year(y).conditions, ...secure } });

let county: Client;
let village: string;

beforeAll(async () => {
  county = await clientAs({ role: 'official', area: '433124', sub: 'county-exit-lines' });
  const villages = (await county.villages({ filter: { areaCode: '433124106' }, first: 100 })).villages.nodes;
  village = villages[Math.floor(Math.random() * villages.length)].code;
});

async function proposed(years: Parameters<Client['recordHouseholdYear']>[0]['input'][], exitYear: number) {
  const { registerHousehold } = await county.registerHousehold({ input: freshHousehold(village) });
  const householdId = registerHousehold.household.id;
  for (const input of years) await county.recordHouseholdYear({ householdId, input });
  const caseId = (await county.proposeExit({ householdId, input: { year: exitYear, date: daysAgo(5) } })).proposeExit.case.id;
  await county.appraiseCase({ caseId, input: { date: daysAgo(4), votesFor: 20, votesAgainst: 1, decision: 'APPROVE' } });
  return caseId;
}

describe('exit: income steadily above the line', () => {
  it('passes with 2016 and 2017 both above their lines', async () => {
    const caseId = await proposed([above(2016), above(2017)], 2017);
    const { verifyExit } = await county.verifyExit({ caseId, input: { date: daysAgo(3) } });
    expect(verifyExit.case.state).toBe('VERIFIED');
  });

  it('fails when the year before the exit year is below its line, and names that year', async () => {
    // 2016: 2,000 yuan a head, under 2,952; 2017: 3,033.33, above.
    const caseId = await proposed([{ ...year(2016), conditions: above(2016).conditions }, above(2017)], 2017);
    const err = await county.verifyExit({ caseId, input: { date: daysAgo(3) } }).catch((e) => e);
    expect(err).toBeInstanceOf(InvalidTransitionError);
    expect(err.message).toMatch(/2016: per-capita net income 2000 yuan is not above the line of 2952 yuan/);
    expect(err.errors[0].extensions.failures).toEqual([{ test: 'income', year: 2016, reason: '2016: per-capita net income 2000 yuan is not above the line of 2952 yuan' }]);
  });

  it('fails when the year before has no record', async () => {
    const caseId = await proposed([above(2017)], 2017);
    const err = await county.verifyExit({ caseId, input: { date: daysAgo(3) } }).catch((e) => e);
    expect(err).toBeInstanceOf(InvalidTransitionError);
    expect(err.errors[0].extensions.failures[0]).toMatchObject({ test: 'income', year: 2016 });
  });
});

describe('exit after 2020: the province’s monitoring line', () => {
  it('shows a missing line in nextSteps with who sets it, and passes once the province has set it', async () => {
    const caseId = await proposed([above(2025, 30_000), above(2026, 30_000)], 2026);
    const verify = (await county.case({ id: caseId })).case!.nextSteps.find((s) => s.action === 'verify')!;
    expect(verify.blockedBecause).toMatch(/monitoring line 防返贫监测线 of province 43 for 2025/);
    expect(verify.blockedBecause).toMatch(/An admin or an official of province 43 sets it \(setPovertyLine with areaCode "43", year 2026\)/);
    const err = await county.verifyExit({ caseId, input: { date: daysAgo(3) } }).catch((e) => e);
    expect(err).toBeInstanceOf(InvalidTransitionError);
    expect(err.message).toMatch(/province 43 for 2025/);

    const province = await clientAs({ role: 'official', area: '43', sub: 'province-exit-lines' });
    for (const y of [2025, 2026]) await province.setPovertyLine({ input: { areaCode: '43', year: y, yuan: 7000, verified: false, note: 'test: a monitoring line' } });
    expect((await county.povertyLines({ areaCode: '43', year: 2026 })).povertyLines[0]).toMatchObject({ kind: 'MONITORING_LINE', yuan: 7000 });
    expect((await county.povertyLines({ areaCode: '', year: 2020 })).povertyLines[0]).toMatchObject({ kind: 'POVERTY_LINE', yuan: 4000 });
    expect((await county.case({ id: caseId })).case!.nextSteps.find((s) => s.action === 'verify')!.blockedBecause).toBeNull();
    const { verifyExit } = await county.verifyExit({ caseId, input: { date: daysAgo(3) } });
    expect(verifyExit.case.state).toBe('VERIFIED');
  });

  it('carries the national lines from 2010 to 2020', async () => {
    const { povertyLines } = await county.povertyLines({ areaCode: '' });
    const byYear = Object.fromEntries(povertyLines.map((l) => [l.year, l.yuan]));
    expect(byYear).toMatchObject({ 2010: 2300, 2011: 2536, 2013: 2736, 2016: 2952, 2019: 3218, 2020: 4000 });
  });
});
