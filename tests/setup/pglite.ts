/** Global setup of the `pglite` project: a server on embedded PGlite in a fresh temporary folder. */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { TestProject } from 'vitest/node';
import { cli, OTHER_COUNTY, serverEnv, startServer } from './server.js';

export default async function setup(project: TestProject) {
  const dir = mkdtempSync(join(tmpdir(), 'jingzhun-test-'));
  const env = serverEnv({ DATA_DIR: join(dir, 'pgdata') });
  await cli(env, 'areas', 'import', '--prefix', OTHER_COUNTY);
  const server = await startServer(env);
  project.provide('server', { url: server.url, secret: server.secret, database: 'pglite' });
  return async () => {
    await server.stop();
    rmSync(dir, { recursive: true, force: true });
  };
}
