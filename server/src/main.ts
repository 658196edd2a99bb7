/**
 * Start-up: config → database → migrate → (demo data on an empty registry) →
 * schema → HTTP server → webhook dispatcher (unless WEBHOOKS=false). `stop()` ends
 * the dispatcher first (its POSTs in flight finish and are recorded), then the HTTP
 * server, then the database. `startServer` is used by `jingzhun serve`, `pnpm start`
 * and the benchmark.
 */
import 'reflect-metadata';
import type { AddressInfo } from 'node:net';
import { loadConfig, type Config } from './config.js';
import { openDatabase, type Database } from './db/client.js';
import { migrate, withStartupLock } from './db/migrate.js';
import { createVerifier } from './auth/verify.js';
import { createSchema } from './graphql/schema.js';
import { createHttpServer } from './http/server.js';
import { log } from './lib/log.js';
import { loadDemoIfEmpty } from './cli/demo.js';
import { startDispatcher } from './modules/webhook/dispatcher.js';
import { startDciDispatcher } from './modules/dci/dci.dispatcher.js';
import { registryKey } from './modules/dci/dci.signature.js';
import { configureIdHash } from './lib/id-hash.js';
import { memberStore } from './modules/member/member.store.js';
import { devToken } from './cli/token.js';
import { DEMO_COUNTY } from './cli/demo-area.js';

export interface Running {
  url: string;
  port: number;
  database: Database;
  config: Config;
  stop(): Promise<void>;
}

export async function startServer(config: Config = loadConfig()): Promise<Running> {
  configureIdHash(process.env.ID_HASH_KEY || config.jwt.secret);
  const database = await openDatabase(config);
  // One replica at a time migrates and (on an empty registry) loads the demo county.
  await withStartupLock(database, async () => {
    await migrate(database);
    if (config.seedDemo) await loadDemoIfEmpty(database, config.demoHouseholds);
    // Keyed ID hashes of members loaded in bulk (COPY) or before the column existed (issue 17).
    while ((await memberStore.backfillIdHash(database.db)) > 0);
  });
  const schema = await createSchema();
  const signingKey = registryKey(config.jwt.secret);
  const http = await createHttpServer({
    schema, database, verify: createVerifier(config.jwt), exposeQueryStats: config.exposeQueryStats, jsonPlan: config.jsonPlan,
    introspection: config.introspection, rateLimitPerMinute: config.rateLimitPerMinute, importMaxBytes: config.importMaxBytes,
    dci: { jwt: config.jwt, allowPrivate: config.webhooks.allowPrivate, signingKey },
    // The explorer gets the token `jingzhun serve` prints, under the same condition.
    devToken: config.devSecret && !config.production ? () => devToken(config, { role: 'official', area: DEMO_COUNTY }) : undefined,
  });
  await new Promise<void>((resolve, reject) => {
    http.server.once('error', reject);
    http.server.listen(config.port, config.host, resolve);
  });
  const port = (http.server.address() as AddressInfo).port;
  const url = `http://${config.host === '0.0.0.0' ? '127.0.0.1' : config.host}:${port}/graphql`;
  log.info({ url, database: database.kind }, 'listening');
  const dispatcher = config.webhooks.enabled ? startDispatcher(database, config.webhooks) : undefined;
  const dciDispatcher = config.webhooks.enabled ? startDciDispatcher(database, config.webhooks, signingKey) : undefined;
  return {
    url,
    port,
    database,
    config,
    async stop() {
      await dispatcher?.stop();
      await dciDispatcher?.stop();
      await http.stop();
      await database.close();
    },
  };
}
