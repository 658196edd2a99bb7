/**
 * The README's SDK snippet runs as written against the started server, and the
 * quickstart example is the same program.
 */
import { execFile } from 'node:child_process';
import { readFileSync, rmSync, writeFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { promisify } from 'node:util';
import { describe, expect, it } from 'vitest';
import { server, token } from '../support/context.js';

const ROOT = resolve(import.meta.dirname, '../..');
const EXAMPLE = resolve(ROOT, 'examples/quickstart');

function readmeSnippet(heading = '## The SDK in ten lines'): string {
  const readme = readFileSync(resolve(ROOT, 'README.md'), 'utf8');
  const section = readme.slice(readme.indexOf(heading));
  return section.match(/```ts\n([\s\S]*?)```/)![1];
}

async function run(file: string, role = 'official') {
  const env = { ...process.env, JINGZHUN_URL: server().url, JINGZHUN_TOKEN: await token({ role, area: '433124' }) };
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
});
