/**
 * The README's SDK snippet runs as written against the started server, and the
 * quickstart example is the same program.
 */
import { execFile } from 'node:child_process';
import { readFileSync, rmSync, writeFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { promisify } from 'node:util';
import { describe, expect, it } from 'vitest';
import { clientAs, server, token } from '../support/context.js';

const ROOT = resolve(import.meta.dirname, '../..');
const EXAMPLE = resolve(ROOT, 'examples/quickstart');

function readmeSnippet(heading = '## The SDK in ten lines'): string {
  const readme = readFileSync(resolve(ROOT, 'README.md'), 'utf8');
  const section = readme.slice(readme.indexOf(heading));
  return section.match(/```ts\n([\s\S]*?)```/)![1];
}

async function run(file: string, role = 'official', more: Record<string, string> = {}) {
  const env = { ...process.env, JINGZHUN_URL: server().url, JINGZHUN_TOKEN: await token({ role, area: '433124' }), ...more };
  return promisify(execFile)(resolve(ROOT, 'node_modules/.bin/tsx'), [file], { cwd: EXAMPLE, env });
}

describe('README', () => {
  it('shows the quickstart example as it is', () => {
    const example = readFileSync(resolve(EXAMPLE, 'index.ts'), 'utf8');
    expect(example).toContain(readmeSnippet().trim());
  });

  it('runs the quickstart example against the server', async () => {
    const { stdout } = await run(resolve(EXAMPLE, 'index.ts'));
    expect(Number(stdout.match(/(\d+) households under 2,000 yuan per person/)![1])).toBeGreaterThan(0);
  });

  it('runs its SDK snippet against the server', async () => {
    const file = resolve(EXAMPLE, `.readme-${server().database}.ts`);
    writeFileSync(file, readmeSnippet());
    try {
      const { stdout } = await run(file);
      const [, n] = stdout.match(/(\d+) households under 2,000 yuan per person/)!;
      expect(Number(n)).toBeGreaterThan(0);
      expect(stdout.split('\n')[0]).toMatch(/^433124\d{10} /);
    } finally {
      rmSync(file, { force: true });
    }
  });

  it('runs its dashboard snippet against the server with an analyst token', async () => {
    const file = resolve(EXAMPLE, `.readme-dashboard-${server().database}.ts`);
    writeFileSync(file, readmeSnippet('## For dashboard developers'));
    try {
      const { stdout } = await run(file, 'analyst');
      const lines = stdout.trim().split('\n');
      expect(lines[0]).toMatch(/^花垣县 2015: \d+ registered households, incidence [\d.]+ \(\w+\)$/);
      expect(lines.filter((l) => /^\S+[镇乡]: /.test(l)).length).toBeGreaterThanOrEqual(10);
      expect(lines.filter((l) => /^20\d\d: \d+ not out at the year's end, \d+ exited$/.test(l))).toHaveLength(2);
    } finally {
      rmSync(file, { force: true });
    }
  });

  it('runs its bulk snippet: exports township 433124103 and validates the file against the register', async () => {
    const file = resolve(EXAMPLE, `.readme-bulk-${server().database}.ts`);
    writeFileSync(file, readmeSnippet('## Bulk import and export'));
    try {
      const { stdout } = await run(file);
      const [, households, errors] = stdout.match(/^(\d+) households, (\d+) errors, (\d+) unchanged/)!;
      expect(Number(households)).toBeGreaterThan(10);
      expect(Number(errors)).toBe(0);
    } finally {
      rmSync(file, { force: true });
    }
  });

  it("runs its donor snippet: a need published after the donor's cursor that matches its interests is printed with the reasons", async () => {
    // An employment need in township 433124200 (tests/e2e/donor-feed.test.ts publishes there, in other categories).
    const tag = Math.random().toString(36).slice(2, 8);
    const official = await clientAs({ role: 'official', area: '433124', sub: `readme-county-${tag}` });
    const household = (await official.households({ filter: { areaCode: '433124200' }, first: 1 })).households.nodes[0];
    const village = household.village!.code;
    const sub = `readme-donor-${tag}`;
    await official.registerDonor({ input: { name: '就业基金会', kind: 'SOCIAL_ORGANIZATION', subject: sub, interests: { categories: ['EMPLOYMENT'], areaCodes: [village] } } });
    const donor = await clientAs({ role: 'donor', sub });
    const { changeFeedEnd } = await donor.changeFeedEnd();
    const { draftNeed } = await official.draftNeed({ input: { householdId: household.id, category: 'EMPLOYMENT', amount: 2400, deadline: new Date(Date.now() + 30 * 86_400_000).toISOString().slice(0, 10), description: `公益岗位 ${tag}` } });
    await official.checkNeed({ input: { needId: draftNeed.id, decision: 'APPROVE' } });
    const { reviewNeed } = await official.reviewNeed({ input: { needId: draftNeed.id, decision: 'APPROVE' } });

    const file = resolve(EXAMPLE, `.readme-donor-${server().database}.ts`);
    writeFileSync(file, readmeSnippet('## For social organizations'));
    try {
      const { stdout } = await run(file, 'donor', { JINGZHUN_TOKEN: await token({ role: 'donor', sub }), JINGZHUN_CURSOR: changeFeedEnd });
      expect(stdout.trim()).toBe(`${reviewNeed.published!.reference} in ${reviewNeed.published!.villageName}: 2400 yuan open (in a category you fund (employment 就业); in an area you help (${village}))`);
    } finally {
      rmSync(file, { force: true });
    }
  });
});
