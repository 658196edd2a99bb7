/**
 * examples/ministry-water runs as a water ministry's developer would run it,
 * against the started server, in a county of its own (433125, where this test
 * registers households with unsafe drinking water first).
 */
import { execFile } from 'node:child_process';
import { resolve } from 'node:path';
import { promisify } from 'node:util';
import { beforeAll, describe, expect, it } from 'vitest';
import { clientAs, server, token } from '../support/context.js';
import { freshHousehold, year } from '../support/forms.js';

const ROOT = resolve(import.meta.dirname, '../..');
const COUNTY = '433125';
const REGISTERED = 3;

beforeAll(async () => {
  const admin = await clientAs({ role: 'admin' });
  // Villages 11–13 of the county: no other test file writes there.
  const villages = (await admin.villages({ filter: { areaCode: COUNTY }, first: 10 + REGISTERED })).villages.nodes.slice(10);
  for (const v of villages) {
    const { registerHousehold } = await admin.registerHousehold({ input: freshHousehold(v.code) });
    await admin.recordHouseholdYear({ householdId: registerHousehold.household.id, input: year(2016) });
  }
});

describe('examples/ministry-water', () => {
  it('links the county’s households without safe water and prints the changes it follows', async () => {
    const env = {
      ...process.env,
      JINGZHUN_URL: server().url,
      JINGZHUN_TOKEN: await token({ role: 'ministry', sector: 'water', area: '43', sub: 'example-water' }),
      COUNTY,
      FOLLOW_SECONDS: '3',
    };
    const { stdout } = await promisify(execFile)(resolve(ROOT, 'node_modules/.bin/tsx'), ['index.ts'], { cwd: resolve(ROOT, 'examples/ministry-water'), env });
    const gap = Number(stdout.match(/^(\d+) households without safe drinking water/m)![1]);
    expect(gap).toBeGreaterThanOrEqual(REGISTERED);
    expect(stdout).toMatch(new RegExp(`^linked ${gap} households$`, 'm'));
    expect(stdout.match(/ project\.beneficiaryLinked ProjectLink 433125\d{6}/g)).toHaveLength(gap);
    expect(stdout).toMatch(/^followed \d+ changes$/m);
  }, 60_000);
});
