/**
 * Timings of the procedures and the history (issue 3), on a seeded server: a whole
 * identification (application to announcement, 7 requests, each a transaction with its
 * checks, audit record and change event), the county's work queue, and the register as of
 * a date over the whole county (a scan of the county's status events).
 */
import { createClient, type Client } from '@jingzhun/sdk';
import { freshApplication } from '../support/forms.js';
import { daysAgo } from '../support/dates.js';

const pct = (xs: number[], p: number) => [...xs].sort((a, b) => a - b)[Math.min(xs.length - 1, Math.floor((p / 100) * xs.length))];
const summary = (xs: number[]) => `p50 ${pct(xs, 50).toFixed(1)} ms, p95 ${pct(xs, 95).toFixed(1)} ms (n=${xs.length})`;

async function timed(n: number, f: (i: number) => Promise<unknown>) {
  const times: number[] = [];
  for (let i = 0; i < n; i++) {
    const t = performance.now();
    await f(i);
    times.push(performance.now() - t);
  }
  return times;
}

export async function benchProcedures(label: string, url: string, token: (claims: Record<string, unknown>) => Promise<string>) {
  const as = async (claims: Record<string, unknown>): Promise<Client> => createClient({ url, token: await token(claims) });
  const county = await as({ role: 'official', area: '433124', sub: 'bench-county' });
  const village = (await county.villages({ filter: { areaCode: '433124' }, first: 1 })).villages.nodes[0].code;
  const cadre = await as({ role: 'cadre', area: village, sub: 'bench-cadre' });
  const township = await as({ role: 'official', area: village.slice(0, 9), sub: 'bench-township' });
  const walks = await timed(20, async () => {
    const { fileApplication } = await cadre.fileApplication({ input: { household: freshApplication(village), year: 2019, date: daysAgo(20) } });
    const caseId = fileApplication.case.id;
    await cadre.appraiseCase({ caseId, input: { date: daysAgo(19), votesFor: 9, votesAgainst: 1, decision: 'APPROVE' } });
    await cadre.postCase({ caseId, input: { date: daysAgo(18) } });
    await township.reviewCase({ caseId, input: { date: daysAgo(11), decision: 'APPROVE' } });
    await cadre.postCase({ caseId, input: { date: daysAgo(10) } });
    await county.approveCase({ caseId, input: { date: daysAgo(3), decision: 'APPROVE' } });
    await county.announceCase({ caseId, input: { date: daysAgo(2) } });
  });
  console.log(`${label}: identification, application to announcement (7 requests): ${summary(walks)}`);
  const queue = await timed(30, () => county.casesWaitingForMe({ first: 100 }));
  console.log(`${label}: casesWaitingForMe (county official, 100 per page, with totalCount): ${summary(queue.slice(5))}`);
  const asOf = await timed(30, (i) => county.registerAsOf({ areaCode: '433124', asOf: daysAgo(i * 30) }));
  console.log(`${label}: registerAsOf over the county: ${summary(asOf.slice(5))}`);
}
