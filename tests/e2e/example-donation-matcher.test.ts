/**
 * examples/donation-matcher runs as a charity's developer would run it, against the started
 * server: a participant interested in industry needs of one village of 花垣县 (in the
 * county's second-to-last township, where no other file writes) finds the need published
 * there, pledges its budget, reports the delivery; the village's cadre then confirms receipt.
 */
import { execFile } from 'node:child_process';
import { resolve } from 'node:path';
import { promisify } from 'node:util';
import { beforeAll, describe, expect, it } from 'vitest';
import { clientAs, server, token } from '../support/context.js';

const ROOT = resolve(import.meta.dirname, '../..');
const COUNTY = '433124';
const run = Math.random().toString(36).slice(2, 8);
let village: string;
let needId: string;
let reference: string;

beforeAll(async () => {
  const admin = await clientAs({ role: 'admin' });
  const townships = (await admin.area({ code: COUNTY })).area!.children.map((c) => c.code).sort();
  const township = townships.at(-2)!;
  const { households } = await admin.households({ filter: { areaCode: township }, first: 1 });
  const household = households.nodes[0];
  village = household.village!.code;
  const official = await clientAs({ role: 'official', area: COUNTY, sub: `matcher-county-${run}` });
  const deadline = new Date(Date.now() + 30 * 86_400_000).toISOString().slice(0, 10);
  const { draftNeed } = await official.draftNeed({ input: { householdId: household.id, category: 'INDUSTRY', amount: 800, deadline, description: '购买二十只鸡苗和饲料' } });
  await official.checkNeed({ input: { needId: draftNeed.id, decision: 'APPROVE' } });
  await official.reviewNeed({ input: { needId: draftNeed.id, decision: 'APPROVE' } });
  needId = draftNeed.id;
  reference = draftNeed.reference;
  await official.registerDonor({ input: { name: `乡村振兴基金会 ${run}`, kind: 'SOCIAL_ORGANIZATION', subject: `matcher-${run}`, interests: { categories: ['INDUSTRY'], areaCodes: [village], maxAmount: 1000 } } });
});

describe('examples/donation-matcher', () => {
  it('finds the matching need, pledges its budget and reports the delivery; the cadre confirms receipt', async () => {
    const env = { ...process.env, JINGZHUN_URL: server().url, JINGZHUN_TOKEN: await token({ role: 'donor', sub: `matcher-${run}` }), BUDGET: '500' };
    const { stdout } = await promisify(execFile)(resolve(ROOT, 'node_modules/.bin/tsx'), ['index.ts'], { cwd: resolve(ROOT, 'examples/donation-matcher'), env });
    expect(stdout).toMatch(new RegExp(`^recommended ${reference} INDUSTRY 800 open, due .*in a category you fund .*in an area you help`, 'm'));
    expect(stdout).toMatch(new RegExp(`^pledged 500 yuan to ${reference} `, 'm'));
    expect(stdout).toMatch(/^delivered 500 yuan on \d{4}-\d{2}-\d{2}, evidence TRANSFER-\d+: DELIVERED$/m);
    expect(stdout).toMatch(/^ledger: pledged 500, delivered 500, confirmed 0 yuan$/m);
    const cadre = await clientAs({ role: 'cadre', area: village, sub: `matcher-cadre-${run}` });
    const { need } = await cadre.need({ id: needId });
    expect(need).toMatchObject({ open: 300, totals: { pledged: 500, delivered: 500 } });
    const { confirmReceipt } = await cadre.confirmReceipt({ input: { pledgeId: need!.pledges[0].id } });
    expect(confirmReceipt.status).toBe('CONFIRMED');
  }, 60_000);
});
