/**
 * The SDK as others install it (issue 15, item 15): `pnpm pack` makes a tarball of the
 * build, its types and its README (no sources, maps or build state); a scratch project in
 * a temporary folder installs the tarball with npm (its dependencies from the registry),
 * type-checks the README's first snippet against the installed types, runs it against the
 * started server, and `require`s the CommonJS build. Reads only.
 */
import { execFile } from 'node:child_process';
import { mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { promisify } from 'node:util';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { server, token } from '../support/context.js';

const ROOT = resolve(import.meta.dirname, '../..');
const SDK = resolve(ROOT, 'sdk');
const exec = promisify(execFile);
const firstSnippet = (file: string) => readFileSync(file, 'utf8').match(/```ts\n([\s\S]*?)```/)![1];

let scratch: string;
let tarball: string;
let env: Record<string, string>;

beforeAll(async () => {
  scratch = mkdtempSync(join(tmpdir(), 'jingzhun-sdk-user-'));
  await exec('pnpm', ['pack', '--pack-destination', scratch], { cwd: SDK });
  tarball = join(scratch, readdirSync(scratch).find((f) => f.endsWith('.tgz'))!);
  const project = join(scratch, 'app');
  await exec('mkdir', ['-p', project]);
  writeFileSync(join(project, 'package.json'), JSON.stringify({ name: 'ministry-app', private: true, type: 'module' }));
  await exec('npm', ['install', '--no-audit', '--no-fund', '--loglevel=error', tarball], { cwd: project, timeout: 150_000 });
  scratch = project;
  env = { ...(process.env as Record<string, string>), JINGZHUN_URL: server().url, JINGZHUN_TOKEN: await token({ role: 'official', area: '433124' }) };
}, 180_000);

afterAll(() => rmSync(resolve(scratch, '..'), { recursive: true, force: true }));

describe('@jingzhun/sdk from its tarball', () => {
  it('holds the build, its types, the README and package.json, and nothing else', async () => {
    const { stdout } = await exec('tar', ['-tzf', tarball]);
    const files = stdout.trim().split('\n');
    expect(files).toEqual(expect.arrayContaining(['package/package.json', 'package/README.md', 'package/dist/index.js', 'package/dist/index.d.ts', 'package/dist/cjs/index.js', 'package/dist/cjs/index.d.ts', 'package/dist/cjs/package.json']));
    expect(files.filter((f) => !/^package\/(package\.json|README\.md|dist\/.*\.(js|d\.ts)|dist\/cjs\/package\.json)$/.test(f))).toEqual([]);
    const manifest = JSON.parse(readFileSync(resolve(scratch, 'node_modules/@jingzhun/sdk/package.json'), 'utf8'));
    expect(manifest.private).toBeUndefined();
  });

  it('has the README snippet of the repository’s README', () => {
    expect(firstSnippet(resolve(SDK, 'README.md'))).toBe(firstSnippet(resolve(ROOT, 'README.md')));
  });

  it('type-checks and runs the README’s snippet in a project of its own', async () => {
    writeFileSync(join(scratch, 'index.ts'), firstSnippet(resolve(scratch, 'node_modules/@jingzhun/sdk/README.md')));
    writeFileSync(join(scratch, 'tsconfig.json'), JSON.stringify({
      compilerOptions: { target: 'ES2022', module: 'NodeNext', moduleResolution: 'NodeNext', strict: true, noEmit: true, skipLibCheck: false, lib: ['ES2023', 'DOM'], types: ['node'], typeRoots: [resolve(ROOT, 'tests/node_modules/@types')] },
      files: ['index.ts'],
    }));
    await exec(resolve(ROOT, 'node_modules/.bin/tsc'), ['-p', 'tsconfig.json'], { cwd: scratch });
    const { stdout } = await exec(resolve(ROOT, 'node_modules/.bin/tsx'), ['index.ts'], { cwd: scratch, env });
    expect(Number(stdout.match(/(\d+) households under 2,000 yuan per person/)![1])).toBeGreaterThan(0);
    expect(stdout.split('\n')[0]).toMatch(/^433124\d{10} /);
  }, 60_000);

  it('works through require() (CommonJS), error classes included', async () => {
    writeFileSync(join(scratch, 'check.cjs'), `
      const { createClient, paginate, UnauthenticatedError } = require('@jingzhun/sdk');
      const jz = createClient({ url: process.env.JINGZHUN_URL, token: process.env.JINGZHUN_TOKEN });
      (async () => {
        let n = 0;
        for await (const v of paginate((after) => jz.villages({ filter: { areaCode: '433124108' }, first: 5, after }).then((d) => d.villages))) n++;
        const refused = await createClient({ url: process.env.JINGZHUN_URL }).households({ first: 1 }).catch((e) => e);
        console.log(n, refused instanceof UnauthenticatedError);
      })();
    `);
    const { stdout } = await exec(process.execPath, ['check.cjs'], { cwd: scratch, env });
    const [villages, ok] = stdout.trim().split(' ');
    expect(Number(villages)).toBeGreaterThan(5);
    expect(ok).toBe('true');
  }, 30_000);
});
