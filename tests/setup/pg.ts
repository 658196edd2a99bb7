/**
 * Global setup of the `pg` project: a server on the real PostgreSQL (PG_ADMIN_URL,
 * default postgres://postgres@127.0.0.1:5432/postgres) in a database created for
 * this run and dropped afterwards.
 */
import pg from 'pg';
import { randomBytes } from 'node:crypto';
import type { TestProject } from 'vitest/node';
import { cli, OTHER_COUNTY, serverEnv, startServer } from './server.js';

const ADMIN_URL = process.env.PG_ADMIN_URL || 'postgres://postgres@127.0.0.1:5432/postgres';

async function admin(sql: string) {
  const client = new pg.Client({ connectionString: ADMIN_URL });
  await client.connect();
  try {
    await client.query(sql);
  } finally {
    await client.end();
  }
}

export default async function setup(project: TestProject) {
  const name = `jingzhun_test_${process.pid}_${randomBytes(4).toString('hex')}`;
  await admin(`create database ${name}`);
  const url = new URL(ADMIN_URL);
  url.pathname = `/${name}`;
  const env = serverEnv({ DATABASE_URL: url.toString() });
  await cli(env, 'areas', 'import', '--prefix', OTHER_COUNTY);
  const server = await startServer(env);
  project.provide('server', { url: server.url, secret: server.secret, database: 'pg' });
  return async () => {
    await server.stop();
    await admin(`drop database if exists ${name} with (force)`);
  };
}
