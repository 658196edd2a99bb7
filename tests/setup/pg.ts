/**
 * Global setup of the `pg` project: a server on the real PostgreSQL (PG_ADMIN_URL,
 * default postgres://postgres@127.0.0.1:5432/postgres) in a database created for
 * this run and dropped afterwards.
 */
import { adminQuery, databaseUrl } from '../support/pg-admin.js';
import { randomBytes } from 'node:crypto';
import type { TestProject } from 'vitest/node';
import { cli, OTHER_COUNTY, serverEnv, startServer } from './server.js';

export default async function setup(project: TestProject) {
  const name = `jingzhun_test_${process.pid}_${randomBytes(4).toString('hex')}`;
  await adminQuery(`create database ${name}`);
  const env = serverEnv({ DATABASE_URL: databaseUrl(name) });
  await cli(env, 'areas', 'import', '--prefix', OTHER_COUNTY);
  const server = await startServer(env);
  project.provide('server', { url: server.url, secret: server.secret, database: 'pg' });
  return async () => {
    await server.stop();
    await adminQuery(`drop database if exists ${name} with (force)`);
  };
}
