/**
 * Open cases in the demo county, so that a new user's work queues show work: two proposed
 * exits (one appraised), a relapse waiting for the county, and a poor-village application
 * whose posting is up now. Taken through the services, as an admin named "demo", so each
 * is audited and its history recorded like any other; dated in the last few days.
 */
import type { Database } from '../db/client.js';
import { createContext } from '../graphql/context.js';
import { toGlobalId } from '../graphql/ids.js';
import { log } from '../lib/log.js';
import { caseOpen } from '../modules/case/case.open.js';
import { caseService } from '../modules/case/case.service.js';
import { householdStore } from '../modules/household/household.store.js';
import { villageStore } from '../modules/village/village.store.js';

const daysAgo = (n: number) => new Date(Date.now() - n * 86_400_000).toISOString().slice(0, 10);

export async function loadDemoCases(database: Database, county: string, year: number) {
  const ctx = createContext({ requestId: 'demo', caller: { id: 'demo', role: 'admin', areas: [''] }, database, log });
  const pick = async (status: string, n: number) =>
    (await householdStore.page(ctx.db, ctx.caller, { areaCode: county, status: [status], stage: ['REGISTERED'] }, undefined, n)).map((h) => toGlobalId('Household', h.id));
  const [first, second] = await pick('0', 2);
  const [exited] = await pick('1', 1);
  if (first) await caseOpen.exit(ctx, first, { year, date: daysAgo(3) });
  if (second) {
    const { case: c } = await caseOpen.exit(ctx, second, { year, date: daysAgo(4) });
    await caseService.appraise(ctx, c.id, { date: daysAgo(2), votesFor: 27, votesAgainst: 3, decision: 'APPROVE', notes: '村民代表大会评议' });
  }
  if (exited) await caseOpen.relapse(ctx, exited, { year, date: daysAgo(2), cause: '01', description: '户主患重病住院，医疗支出超过家庭收入' });
  const [village] = await villageStore.page(ctx.db, ctx.caller, { areaCode: county, povertyStatus: '0' }, undefined, 1);
  if (village) {
    const { case: c } = await caseOpen.village(ctx, village.code, { year, date: daysAgo(3) });
    await caseService.review(ctx, c.id, { date: daysAgo(2), decision: 'APPROVE' });
    await caseService.post(ctx, c.id, { date: daysAgo(1), place: '村务公开栏' });
  }
}
